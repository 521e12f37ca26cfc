"""Start the desktop app: the QApplication, the workspace, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from selfeval.ui.window.main_window import MainWindow
from selfeval.ui.window.opening import open_workspace_window


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setOrganizationName("selfeval")
    app.setApplicationName("selfeval")
    app.setApplicationDisplayName("selfeval")
    from PySide6.QtGui import QIcon

    from selfeval.locations import resource_path

    app.setWindowIcon(QIcon(str(resource_path("resources", "icons", "selfeval.png"))))
    from selfeval.ui.temporary_copies import remove_temporary_copies

    app.aboutToQuit.connect(remove_temporary_copies)
    return app


def build_main_window(address: str | Path) -> MainWindow:
    """The ready main window on a workspace, fully open (used by tests and benchmarks)."""
    _application()
    window = open_workspace_window(address, background=False)
    assert window is not None  # background=False raises rather than returning None
    return window


def _no_screen() -> bool:
    """On Linux, Qt aborts the whole process when there is no display; say so plainly instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def report_unexpected(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    *,
    show: bool = True,
) -> Path:
    """A fault nobody expected on the GUI thread: written to the log with its traceback (a
    windowed build has no console) and said in words; the app keeps running."""
    from selfeval.fault_log import log_fault
    from selfeval.store.passwords_hidden import hide_passwords

    path = log_fault("unexpected fault in the app", error, trace)
    if show:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            "selfeval: something went wrong",
            hide_passwords(
                f"Something went wrong ({kind.__name__}: {error}). What you saved is kept; the "
                f"details are in {path}."
            ),
        )
    return path


def run_app(workspace_path: Path | None = None, user: str | None = None) -> int:
    """Open `workspace_path`, else the last workspace opened, else the start window."""
    if _no_screen():
        sys.stderr.write(
            "selfeval: no screen to show the app on (DISPLAY is not set). Run it on a desktop, "
            "under xvfb-run, or use the command-line verbs (selfeval --help).\n"
        )
        return 2
    if user:
        os.environ["SELFEVAL_USER"] = user
    app = _application()
    sys.excepthook = report_unexpected
    from selfeval.ui.window.opening import launch

    if launch(workspace_path) is None:
        return 2
    return app.exec()
