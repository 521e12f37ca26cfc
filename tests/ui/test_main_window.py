"""The first window: the criteria tree with every criterion's rating as badge and word."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from selfeval.app import build_main_window
from selfeval.ui.widgets.criteria_tree import ID_ROLE


def test_tree_shows_every_criterion_with_its_rating_word(qtbot: QtBot, demo_path: Path) -> None:
    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    window.show()
    model = window.tree_model
    tops = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert tops == [
        "Readiness dashboard",
        "Impact on the experiences and outcomes of children and young people",
        "Leadership and strategic arrangements of the partnership",
        "Evidence library",
        "Action plan",
        "Indicators",
        "Risk register",
        "Contributions",
        "People and organisations",
        "My work",
        "Ready for the data request",
        "To confirm after a new edition",
        "Our priorities",
        "Voices, surveys and case studies",
    ]
    rows = []
    for g in (1, 2):
        group = model.index(g, 0)
        for c in range(model.rowCount(group)):
            title = model.index(c, 0, group).data()
            rating = model.index(c, 1, group)
            rows.append((title, rating.data(), rating.data(ID_ROLE)))
    assert len(rows) == 11
    assert rows[0][0].startswith("1. Children and young people's needs are identified")
    assert {r[1] for r in rows} == {"Red", "Amber", "Green"}
    assert all(r[1] == {"red": "Red", "amber": "Amber", "green": "Green"}[r[2]] for r in rows)
    assert window.progress.text() == "11 of 11 criteria rated"
    assert "Anyshire" in window.windowTitle()


def test_selecting_a_criterion_shows_its_page(qtbot: QtBot, demo_path: Path) -> None:
    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    group = window.tree_model.index(1, 0)
    window.tree.setCurrentIndex(window.tree_model.index(1, 0, group))
    page = window.criterion_page
    assert window.pages.currentWidget() is page
    assert "participate in decision-making" in page.title.text()
    bullets = page.bullets.grid.itemAtPosition(0, 0).widget().text()
    assert "impartial information, advice and support" in bullets
    assert page.rating.rating() == "green"
    assert page.rating.buttons["green"].text() == "Green"


INTERACTIVE = (QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive widgets a screen reader would announce without a name (Qt's own parts aside).

    The name is what Qt's accessibility layer reports: an accessible name, else a button's text
    or a field's label buddy.
    """
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if widget.objectName().startswith("qt_") or isinstance(widget.parent(), QComboBox):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            text = getattr(widget, "text", lambda: "")()
            found.append(f"{type(widget).__name__} {text!r} in {type(widget.parent()).__name__}")
    return found


def stray_mnemonics(root: QWidget) -> list[str]:
    """Labels showing a literal '&' because no buddy takes the shortcut."""
    from PySide6.QtWidgets import QLabel

    return [
        label.text()
        for label in root.findChildren(QLabel)
        if label.isVisibleTo(root)
        and label.textFormat() != Qt.TextFormat.RichText
        and not label.text().lstrip().startswith("<")
        and "&" in label.text().replace("&&", "")
        and label.buddy() is None
    ]


def test_every_interactive_widget_on_every_page_has_an_accessible_name(
    qtbot: QtBot, demo_path: Path
) -> None:
    from tests.ui.fit import overlapping

    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    window.resize(1366, 768)  # a council laptop: nothing drawn over anything else
    window.show()
    problems = []
    for kind, item_id in (
        ("dashboard", ""),
        ("criterion", "right-help"),
        ("evidence_page", ""),
        ("people", ""),
        ("actions", ""),
        ("indicators", ""),
        ("risks", ""),
        ("contributions", ""),
        ("mywork", ""),
    ):
        window.navigate(kind, item_id)
        problems += [f"{kind}: {p}" for p in unnamed_controls(window)]
        problems += [f"{kind}: stray & in {t!r}" for t in stray_mnemonics(window)]
        problems += [f"{kind}: {t}" for t in overlapping(window.pages.currentWidget())]
    assert not problems, "\n".join(problems)


def test_every_dialog_has_accessible_names(qtbot: QtBot, demo_path: Path, tmp_path: Path) -> None:
    """...and no two of its Alt+letters clash, and no label's letter clicks a button."""
    from tests.ui.dialogs_made import declared_dialogs, every_dialog
    from tests.ui.fit import lists_too_short, overlapping
    from tests.ui.mnemonics import clashes, label_buddies_that_are_buttons

    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    makers = every_dialog(window, tmp_path)
    # every dialog the app has is in the list: one found by name and not made there fails
    assert declared_dialogs() - set(makers) == set()
    dialogs = [make() for make in makers.values()]
    problems = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{type(dialog).__name__}: {p}" for p in unnamed_controls(dialog)]
        problems += [f"{type(dialog).__name__}: stray & in {t!r}" for t in stray_mnemonics(dialog)]
        problems += [f"{type(dialog).__name__}: Alt+{k} on {v}" for k, v in clashes(dialog).items()]
        problems += [
            f"{type(dialog).__name__}: {t!r} would click a button"
            for t in label_buddies_that_are_buttons(dialog)
        ]
        problems += [f"{type(dialog).__name__}: {t}" for t in lists_too_short(dialog)]
        problems += [f"{type(dialog).__name__}: {t}" for t in overlapping(dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)


def test_toolbar_and_status_bar(qtbot: QtBot, demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QToolBar

    window = open_window(demo_path)
    (toolbar,) = window.findChildren(QToolBar)
    names = [a.text().replace("&", "") for a in toolbar.actions()]
    assert names == [
        "Export pack...",
        "Take a snapshot...",
        "Ask a partner to contribute...",
        "Merge a return...",
        "Search evidence",
    ]
    menu_actions = {
        a
        for menu in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
        for a in menu.actions()
    }
    for action in toolbar.actions():
        assert action in menu_actions  # the same action as in the menus
        assert not action.shortcut().isEmpty()
        assert action.shortcut().toString() in action.toolTip()
    assert window.status.location.text() == str(demo_path)
    assert window.status.saved_state.text().startswith("Opened (")
    window.navigate("criterion", "participation")
    window.criterion_page.rating.buttons["red"].click()
    assert window.status.saved_state.text().startswith("All changes saved (")
    toolbar.actions()[-1].trigger()  # Search evidence
    assert window.pages.currentWidget() is window.evidence_page
    assert window.evidence_page.search.hasFocus()


def test_the_status_bar_says_not_saved_only_when_a_save_failed(
    demo_path: Path,
    open_window,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, m: said.append(m)))
    window = open_window(demo_path)
    window.show_error("That file is not a tracker.")  # a refusal: nothing was being saved
    assert not window.status.saved_state.text().startswith("Last change not saved")
    window.context.save_failed("The disk is full.")
    assert window.status.saved_state.text().startswith("Last change not saved")
    assert said == ["That file is not a tracker.", "The disk is full."]


def test_every_page_is_a_page(qtbot: QtBot, demo_path: Path) -> None:
    """Every page the window shows derives from PageWidget and can refresh itself (issue 29);
    scrolling is the page's own business."""
    from selfeval.ui.pages.lazy_pages import LAZY_PAGES
    from selfeval.ui.pages.page_widget import PageWidget
    from selfeval.ui.widgets.criteria_tree import PAGES

    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    window.show()
    window.navigate("criterion", "right-help")
    for _title, page_id, _table in PAGES:
        if page_id in LAZY_PAGES:
            window.navigate("page", page_id)
    window.navigate("evidence_page", "")
    window.navigate("people", "")
    window.navigate("dashboard", "")
    shown = [window.pages.widget(i) for i in range(window.pages.count())]
    assert len(shown) >= 3 + len(LAZY_PAGES)
    for page in shown:
        assert isinstance(page, PageWidget), type(page).__name__
        page.refresh()
