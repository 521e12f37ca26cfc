"""Keyboard that never destroys (issue 24): no two Alt+letters on one screen, menu bar included,
and a label's Alt+letter moves the focus to its field without changing anything (Alt+R once reset
a criterion's rating to "Not rated")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selfeval.services.judgements import get_judgement
from selfeval.ui.widgets.criteria_tree import PAGES
from selfeval.ui.window.main_window import MainWindow
from tests.ui.mnemonics import clashes, label_buddies_that_are_buttons


def _screens(window: MainWindow) -> list[tuple[str, str]]:
    return [("page", "dashboard"), ("criterion", "participation")] + [
        ("page", page_id) for _title, page_id, _table in PAGES
    ]


def test_no_two_controls_on_a_screen_share_an_alt_letter(
    demo_path: Path, open_window: Callable[[Path], MainWindow], qtbot: QtBot
) -> None:
    window = open_window(demo_path)
    found = {}
    for kind, item in _screens(window):
        window.navigate(kind, item)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: window.pages.currentWidget().isVisible())
        found[item] = (clashes(window), label_buddies_that_are_buttons(window))
    assert {k: v for k, v in found.items() if v != ({}, [])} == {}


def test_a_mnemonic_clash_is_found() -> None:
    """The check can fail: two buttons with one letter are reported."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    screen = QWidget()
    layout = QVBoxLayout(screen)
    for text in ("&Add", "&Apply"):
        layout.addWidget(QPushButton(text))
    screen.show()
    assert clashes(screen) == {"a": ["&Add", "&Apply"]}
    screen.close()


def test_alt_r_moves_to_the_rating_and_never_changes_it(
    demo_path: Path, open_window: Callable[[Path], MainWindow], qtbot: QtBot
) -> None:
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    page = window.criterion_page
    before = page.rating.rating()
    assert before != "not-rated"  # the demo rates it: a reset would show
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.rating.buttons[before])
    assert page.rating.rating() == before
    assert get_judgement(window.workspace, "participation").rating == before


def test_f1_lists_every_shortcut_the_window_has(
    demo_path: Path, open_window: Callable[[Path], MainWindow], qtbot: QtBot
) -> None:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QDialog

    from selfeval.ui.dialogs.help_dialog import ShortcutsDialog
    from tests.ui.conftest import when_dialog_opens

    window = open_window(demo_path)
    listed: list[str] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        listed.extend(keys for keys, _what in dialog.shortcuts)
        dialog.accept()

    when_dialog_opens(qtbot, read)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(listed))
    text = " ".join(listed)
    every = {
        key.toString(QKeySequence.SequenceFormat.NativeText)
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
    }
    assert "Ctrl+0" in every and {k for k in every if k not in text} == set()


def test_ctrl_l_goes_to_the_criteria_tree(
    demo_path: Path, open_window: Callable[[Path], MainWindow], qtbot: QtBot
) -> None:
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    window.criterion_page.texts["strengths"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.criterion_page.texts["strengths"])
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree)
