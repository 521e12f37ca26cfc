"""UI test helpers: drive a modal dialog the way a user would, once it has opened."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from selfeval.app import build_main_window
from selfeval.ui.tasks import cancel_and_await_all
from selfeval.ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def test_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows record changes as the same user the service tests use."""
    monkeypatch.setenv("SELFEVAL_USER", "Test Lead (Testshire Council)")


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window geometry and recent files go to a fresh folder for every test."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def no_background_work_left() -> Iterator[None]:
    """After each test, every background run still going is cancelled and awaited; one that
    does not finish fails the test (work nobody owns would outlive its window)."""
    yield
    stuck = cancel_and_await_all(timeout=10.0)
    QApplication.processEvents()  # results already queued arrive now, and are dropped
    assert not stuck, f"background work still running after the test: {stuck}"


FORGOTTEN_AFTER_POLLS = 20
"""A message box open this many polls (half a second apart) is one no test step answers."""


@pytest.fixture(autouse=True)
def no_forgotten_message_box(qapp: QApplication) -> Iterator[None]:
    """A message box nobody answers would hang the run until CI's limit (a window's background
    open failing, say): after ten seconds it is closed, and the test fails with its words."""
    from PySide6.QtWidgets import QMessageBox

    seen: dict[int, int] = {}
    forgotten: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            seen.clear()
            return
        seen[id(box)] = seen.get(id(box), 0) + 1
        if seen[id(box)] >= FORGOTTEN_AFTER_POLLS:
            forgotten.append(f"{box.windowTitle()}: {box.text()}")
            box.reject()

    watchdog = QTimer()
    watchdog.setInterval(500)
    watchdog.timeout.connect(poll)
    watchdog.start()
    yield
    watchdog.stop()
    assert not forgotten, f"a message box nobody answered: {forgotten}"


def when_dialog_opens(qtbot: QtBot, act: Callable[[QDialog], None]) -> None:
    """Run `act` on the next modal dialog (which `exec()` is about to show): not the one open
    when this is asked, nor a progress box of work that dialog waits for."""

    from PySide6.QtWidgets import QProgressDialog

    already = QApplication.activeModalWidget()  # the dialog acting now is not the next one

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        waiting = isinstance(dialog, QProgressDialog)  # work the dialog waits for, not a dialog
        if (
            isinstance(dialog, QDialog)
            and dialog.isVisible()
            and dialog is not already
            and not waiting
        ):
            try:
                act(dialog)
            except BaseException:  # a failed check must fail the test, not leave it hanging
                QDialog.done(dialog, QDialog.DialogCode.Rejected)  # past any reject() that waits
                raise
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[[Path], MainWindow]]:
    windows: list[MainWindow] = []

    def opener(path: Path) -> MainWindow:
        window = build_main_window(path)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        windows.append(window)
        return window

    yield opener
    for window in windows:
        if window.isVisible():
            window.close()
