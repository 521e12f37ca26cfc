"""A fault nobody expected, on the GUI thread or in background work, is written to selfeval's
log with its traceback (a windowed build has no console) and said in words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from selfeval.fault_log import log_path
from selfeval.ui.tasks import OwnedTask
from tests.ui.conftest import when_dialog_opens


def _deep_fault() -> None:
    raise RuntimeError("postgresql://helen:s3cret@db/x went away in a helper")


def test_background_work_that_fails_unexpectedly_is_logged_and_said(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    said: list[str] = []
    task = OwnedTask(owner, lambda _r: None, said.append, label="reading the library")

    def job(_progress: object, _cancelled: object) -> None:
        _deep_fault()

    task.start(job)
    qtbot.waitUntil(lambda: bool(said), timeout=5_000)
    assert said[0].startswith("Something went wrong: RuntimeError")
    assert str(log_path()) in said[0] and "s3cret" not in said[0]
    logged = log_path().read_text(encoding="utf-8")
    assert "background work failed: reading the library" in logged
    assert "_deep_fault" in logged and "s3cret" not in logged  # the traceback, no password


def test_a_fault_on_the_gui_thread_is_logged_and_said_in_a_box(qtbot: QtBot) -> None:
    from selfeval.app import report_unexpected

    try:
        _deep_fault()
    except RuntimeError as err:
        fault = err
    seen: list[str] = []

    def read_and_close(box: object) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_dialog_opens(qtbot, read_and_close)  # type: ignore[arg-type]
    path = report_unexpected(RuntimeError, fault, fault.__traceback__)
    assert path == log_path() and Path(path).exists()
    assert seen and "Something went wrong (RuntimeError" in seen[0] and str(path) in seen[0]
    assert "s3cret" not in seen[0]
    assert "_deep_fault" in log_path().read_text(encoding="utf-8")


def test_an_edit_that_fails_unexpectedly_leaves_no_undo_entry_and_keeps_the_typing(
    qtbot: QtBot,
) -> None:
    from PySide6.QtGui import QUndoStack

    from selfeval.ui.undo import KEPT_NOTE, ServiceCommand

    stack = QUndoStack()
    said: list[str] = []
    kept: list[bool] = []
    stack.push(
        ServiceCommand(
            "change strengths",
            lambda: _deep_fault(),
            lambda: None,
            lambda: None,
            said.append,
            failed=lambda: kept.append(True),
        )
    )
    assert stack.count() == 0 and not stack.canUndo()
    assert kept == [True]
    assert said and said[0].startswith("Something went wrong (RuntimeError")
    assert KEPT_NOTE in said[0] and "s3cret" not in said[0]
    assert "an edit failed: change strengths" in log_path().read_text(encoding="utf-8")
