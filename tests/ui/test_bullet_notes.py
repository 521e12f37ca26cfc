"""A bullet's note is a two-line box that saves itself like the criterion's texts (after a pause
or when the focus leaves it), and one Undo takes it back (issue 24: forms that fit content)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from selfeval.services.judgements import get_judgement
from selfeval.ui.window.main_window import MainWindow


def test_a_bullet_note_saves_itself_and_undoes(
    demo_path: Path, open_window: Callable[[Path], MainWindow], qtbot: QtBot
) -> None:
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    note = window.criterion_page.bullets.notes["participation.1"]
    assert isinstance(note, QPlainTextEdit) and note.height() > note.fontMetrics().lineSpacing() * 2
    before = get_judgement(window.workspace, "participation", "participation.1").note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    qtbot.keyClicks(note, " Families told us at the June forum.")
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # leaving the box saves it
    saved = get_judgement(window.workspace, "participation", "participation.1").note
    assert saved == before + " Families told us at the June forum."
    window.undo_stack.undo()
    assert get_judgement(window.workspace, "participation", "participation.1").note == before
