"""Every button and menu action, tried (issue 24): on every page of the demo workspace, each
visible, enabled button and each menu action is triggered; file dialogs, message boxes and the
dialogs it opens are answered by the test (cancelled). The walk fails on any exception (pytest-qt
reports one raised in a slot) and on a control that neither opens something nor changes
something: two dead buttons once shipped because nothing clicked them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
)
from pytestqt.qtbot import QtBot

from selfeval.ui.widgets.criteria_tree import PAGES
from selfeval.ui.window.main_window import MainWindow

NOT_TRIED = {
    "Close workspace": "closes the window the walk runs in (tested in test_main_window)",
    "About selfeval": "Qt's own about box",
}
SAME_AFTER = {
    "contributions: Look again": "looks for returns again: with none new, the page is the same",
    "Criteria tree": "moves the focus, which a window the walk left inactive does not take: "
    "tested with its key (Ctrl+L) in test_keyboard",
}
"""Controls whose visible effect can be nothing, each with why."""


class Answers:
    """What the controls asked for: every question is answered 'no' or 'cancel'."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, what: str, answer: Any) -> Callable[..., Any]:
        def ask(*_args: object, **_kwargs: object) -> Any:
            self.asked.append(what)
            return answer

        return staticmethod(ask)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    said = Answers()
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, said(f"file dialog {name}", ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", said("file dialog", ([], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", said("folder dialog", ""))
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(
            QMessageBox, name, said(f"message {name}", QMessageBox.StandardButton.No)
        )
    monkeypatch.setattr(QInputDialog, "getText", said("input", ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", said("input", ("", False)))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", said("input", ("", False)))
    return said


def _close_what_opens(said: Answers) -> QTimer:
    """A dialog a control opens is noted and cancelled; a new window is noted and closed."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and not isinstance(dialog, QProgressDialog):
            said.asked.append(type(dialog).__name__)
            QDialog.done(dialog, QDialog.DialogCode.Rejected)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(poll)
    timer.start()
    return timer


def _state(window: MainWindow) -> tuple[object, ...]:
    focus = QApplication.focusWidget()
    windows = frozenset(
        id(w) for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window
    )
    checked = tuple(b.isChecked() for b in window.findChildren(QAbstractButton) if b.isCheckable())
    return (
        window.pages.currentWidget(),
        window.undo_stack.count(),
        window.undo_stack.index(),
        id(focus),
        windows,
        checked,
        window.tree.currentIndex().data(),
    )


def _screens(window: MainWindow) -> Iterator[tuple[str, str]]:
    yield ("page", "dashboard")
    yield ("criterion", "participation")
    for _title, page_id, _table in PAGES:
        yield ("page", page_id)


def _buttons(window: MainWindow) -> list[QAbstractButton]:
    page = window.pages.currentWidget()
    return [
        b
        for b in page.findChildren(QAbstractButton)
        if b.isVisible() and b.isEnabled() and not isinstance(b, QRadioButton) and b.text()
    ]


def _menu_actions(window: MainWindow) -> list[QAction]:
    found = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                menu.aboutToShow.emit()  # dynamic menus (recent, assessments) fill themselves
                walk(menu.actions())
            elif action.text() and not action.isSeparator() and action.isEnabled():
                found.append(action)

    walk(window.menuBar().actions())
    return found


def _choose_first_rows(window: MainWindow) -> None:
    """A row chosen in every list of the page, so the buttons that act on one are enabled."""
    from PySide6.QtWidgets import QAbstractItemView, QTreeView

    for view in window.pages.currentWidget().findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and not isinstance(view, QTreeView) and model and model.rowCount():
            view.setCurrentIndex(model.index(0, 0))


def _tried(
    qtbot: QtBot, window: MainWindow, said: Answers, name: str, trigger: Callable[[], None]
) -> str | None:
    """Trigger one control; what it did, or None when it did nothing anyone could see."""
    before, asked = _state(window), len(said.asked)
    trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10_000)
    QApplication.processEvents()
    for other in QApplication.topLevelWidgets():  # a notice or a second window it opened
        if (
            other is not window
            and other.isVisible()
            and isinstance(other, QMessageBox | MainWindow)
        ):
            said.asked.append(type(other).__name__)
            other.close()
    if len(said.asked) > asked:
        return "asked " + ", ".join(said.asked[asked:])
    return "changed" if _state(window) != before else None


def test_every_button_and_menu_action_does_something(
    qtbot: QtBot,
    demo_path: Path,
    open_window: Callable[[Path], MainWindow],
    answers: Answers,
) -> None:
    window = open_window(demo_path)
    timer = _close_what_opens(answers)
    dead: list[str] = []
    tried = 0
    for kind, item in _screens(window):
        window.navigate(kind, item)  # type: ignore[arg-type]
        _choose_first_rows(window)
        for button in _buttons(window):
            name = f"{item}: {button.text().replace('&', '')}"
            window.navigate(kind, item)  # type: ignore[arg-type]
            _choose_first_rows(window)
            if not (button.isVisible() and button.isEnabled()) or name in SAME_AFTER:
                continue
            if _tried(qtbot, window, answers, name, button.click) is None:
                dead.append(name)
            tried += 1
    window.navigate("criterion", "participation")
    for action in _menu_actions(window):
        text = action.text().replace("&", "")
        if text in NOT_TRIED or text in SAME_AFTER:
            continue
        if _tried(qtbot, window, answers, text, action.trigger) is None:
            dead.append(f"menu: {text}")
        tried += 1
    timer.stop()
    assert tried > 60
    assert not dead, "did nothing: " + "; ".join(dead)
