"""Opening a workspace in a window: at once (tests, `build_main_window`) or in the background.

The background path paints the criteria tree from a quick look at the file, then checks and
opens the workspace on a worker thread; a bad file ends in a plain message, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox, QWidget

from selfeval.ui.main_window import MainWindow
from selfeval.ui.worker import Task

if TYPE_CHECKING:
    from selfeval.services.overview import Overview
    from selfeval.services.workspace import Workspace


def _overview_of_open(path: Path) -> tuple[Workspace, Overview]:
    from selfeval.services.overview import overview_of
    from selfeval.services.workspace import open_workspace

    workspace = open_workspace(path)
    return workspace, overview_of(workspace)


def open_window_now(path: Path) -> MainWindow:
    """Open fully, then build the window: raises SelfevalError for a bad file."""
    workspace, overview = _overview_of_open(path)
    window = MainWindow(path, overview)
    window.attach(workspace)
    return window


def open_window_in_background(path: Path, parent: QWidget | None = None) -> MainWindow | None:
    """Show the window at once and finish opening on a worker thread.

    Returns None (after showing the message) when the file cannot even be looked at; the
    full open gives the reason.
    """
    from selfeval.errors import SelfevalError
    from selfeval.services.overview import workspace_overview

    overview = workspace_overview(path)
    if overview is None:
        try:
            window = open_window_now(path)
        except SelfevalError as err:
            QMessageBox.critical(parent, "selfeval: cannot open the workspace", str(err))
            return None
        window.show()
        return window
    window = MainWindow(path, overview)
    window.show()

    def job(_progress: object, _cancelled: object) -> object:
        from selfeval.services.workspace import open_workspace

        workspace = open_workspace(path)
        workspace.engine.dispose()  # connections are made afresh on the GUI thread
        return workspace

    def failed(message: str) -> None:
        QMessageBox.critical(window, "selfeval: cannot open the workspace", message)
        window.close()

    task = Task(job)
    task.signals.finished.connect(window.attach)
    task.signals.failed.connect(failed)
    window.open_task = task
    QThreadPool.globalInstance().start(task)
    return window
