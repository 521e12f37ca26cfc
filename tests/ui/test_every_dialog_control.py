"""Every button of every dialog, tried (issue 24): each dialog made fresh for each of its
buttons, the button clicked, and what it did looked at: the dialog closed, a field or a label
changed, or something was asked (a file dialog, a message, a nested dialog, answered by the
test). A button that does none of these is dead; an exception fails the walk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from selfeval.ui.dialogs.discard_guard import form_state
from selfeval.ui.window.main_window import MainWindow
from tests.ui.dialogs_made import every_dialog
from tests.ui.test_every_control import Answers, _close_what_opens, answers  # noqa: F401

SAME_AFTER: dict[str, str] = {}
"""Buttons whose visible effect can be nothing, each with why (none today)."""


def _state(dialog: QDialog) -> tuple[object, ...]:
    labels = tuple(
        (label.text(), label.isVisibleTo(dialog)) for label in dialog.findChildren(QLabel)
    )
    shown = tuple(w.isVisibleTo(dialog) for w in dialog.findChildren(QWidget))
    enabled = tuple(w.isEnabled() for w in dialog.findChildren(QWidget))
    return (
        dialog.isVisible(),
        form_state(dialog),
        labels,
        shown,
        enabled,
    )  # not the focus: a click gives the button the focus, which is no effect of its own


def _buttons(dialog: QDialog) -> list[QAbstractButton]:
    return [
        b
        for b in dialog.findChildren(QAbstractButton)
        if b.isVisibleTo(dialog) and b.isEnabled() and not isinstance(b, QRadioButton) and b.text()
    ]


def _quietly_done(dialog: QDialog) -> None:
    if dialog.isVisible():
        QDialog.done(dialog, QDialog.DialogCode.Rejected)  # past a "discard?" question


def test_every_button_of_every_dialog_does_something(
    qtbot: QtBot,
    demo_path: Path,
    tmp_path: Path,
    open_window: Callable[[Path], MainWindow],
    answers: Answers,  # noqa: F811
) -> None:
    window = open_window(demo_path)
    makers = every_dialog(window, tmp_path)
    timer = _close_what_opens(answers)
    dead: list[str] = []
    tried = 0
    for name, make in makers.items():
        probe = make()
        probe.show()
        count = len(_buttons(probe))
        _quietly_done(probe)
        probe.deleteLater()
        for index in range(count):
            dialog = make()
            qtbot.addWidget(dialog)
            dialog.show()
            if name == "ExportDialog":  # what it writes goes to the test's folder
                dialog.path.setText(str(tmp_path / "walk.pdf"))  # type: ignore[attr-defined]
            button = _buttons(dialog)[index]
            label = f"{name}: {button.text().replace('&', '')}"
            before, asked = _state(dialog), len(answers.asked)
            button.click()
            qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10_000)
            task = getattr(dialog, "task", None)
            if task is not None:  # work the button started ends before the next is tried
                qtbot.waitUntil(lambda t=task: not t.running, timeout=20_000)
            QApplication.processEvents()
            did = len(answers.asked) > asked or _state(dialog) != before
            if not did and label not in SAME_AFTER:
                dead.append(label)
            tried += 1
            _quietly_done(dialog)
    timer.stop()
    assert tried > 50
    assert not dead, "did nothing: " + "; ".join(dead)
