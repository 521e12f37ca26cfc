"""The one way a workspace is opened into a window: `selfeval WORKSPACE`, File > Open, the recent
list, switching assessments, a partner's new copy, and the tests all come through here.

In the background (the default) the window is painted at once from the store's quick look, which
picks the assessment by the same rule as the full open; the full open (integrity check, any
upgrade) then runs on a task the window owns, and ``attach`` rebuilds the tree if the two ever
disagree. A bad workspace ends in a plain message, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from selfeval.ui.tasks import OwnedTask, wait_for_task
from selfeval.ui.window.main_window import MainWindow
from selfeval.ui.window.recent_files import recent_workspaces
from selfeval.ui.window.start_window import StartWindow

if TYPE_CHECKING:
    from selfeval.services.overview import Overview
    from selfeval.services.workspace import Workspace


def _open(address: str, assessment: str | None) -> Workspace:
    from selfeval.services.workspace import open_workspace

    return open_workspace(address, assessment=assessment)


def _open_waiting(address: str, assessment: str | None, parent: QWidget | None) -> object:
    """The full open of a workspace that cannot be looked at first (a server: connecting can
    take seconds, or time out) on a task, the GUI thread painting meanwhile (`wait_for_task`).
    The Workspace, the PasswordNeeded the server answered, a message (str) when it failed, or
    None when cancelled."""
    from selfeval.errors import PasswordNeeded
    from selfeval.store.addresses import short_name

    def job(_progress: object, cancelled: object) -> object:
        try:
            workspace = _open(address, assessment)
        except PasswordNeeded as err:
            return err
        if callable(cancelled) and cancelled():
            workspace.close()
            return None
        workspace.release_connections()  # connections are made afresh on the GUI thread
        return workspace

    return wait_for_task(parent, f"Opening {short_name(address)}", job)


def _opener(address: str, assessment: str | None, parent: QWidget) -> bool:
    return open_workspace_window(address, assessment=assessment, parent=parent) is not None


def _made(address: str, overview: Overview) -> MainWindow:
    window = MainWindow(address, overview)
    window.opener = _opener
    window.show_start = show_start_window
    return window


def _open_for_start(address: str, parent: QWidget) -> QWidget | None:
    return open_workspace_window(address, parent=parent)


def show_start_window() -> StartWindow:
    start = StartWindow(_open_for_start)
    start.show()
    _STARTS.append(start)  # kept alive until it opens a workspace or the app ends
    return start


_STARTS: list[StartWindow] = []


def launch(address: str | Path | None = None) -> QWidget | None:
    """What `selfeval` shows: the workspace asked for; else the last one opened, if it is still
    there; else the start window. Returns the window shown (None if nothing could be)."""
    from selfeval.ui.window.partner_way_in import is_request_file

    if address is not None and is_request_file(address):  # a double-clicked request
        start = show_start_window()
        start.open_request(Path(address))
        return start.opened or start
    if address is None:
        recent = recent_workspaces()
        if recent:
            address = recent[0]
    if address is not None:
        return open_workspace_window(address)
    return show_start_window()


def _with_password(
    address: str, assessment: str | None, parent: QWidget | None, problem: str
) -> MainWindow | None:
    """A shared workspace whose server wants a password: the connect dialog, filled in, asks for
    it; the password is kept in the keyring only if the person ticks Remember."""
    from PySide6.QtWidgets import QDialog

    from selfeval.ui.dialogs.server_dialog import ServerDialog

    dialog = ServerDialog(parent)
    dialog.fill_from(address, problem)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.url:
        return None
    window = open_workspace_window(dialog.url, assessment=assessment, parent=parent)
    if window is not None:
        dialog.keep_or_forget()
    return window


def open_workspace_window(
    address: str | Path,
    *,
    assessment: str | None = None,
    background: bool = True,
    parent: QWidget | None = None,
) -> MainWindow | None:
    """A window on the workspace at `address`, shown. Returns None (after saying why) when the
    workspace cannot be opened; with `background=False` the open happens first and a bad
    workspace raises its SelfevalError instead (tests, benchmarks, `build_main_window`)."""
    from selfeval.errors import PasswordNeeded
    from selfeval.services.overview import first_overview, overview_of

    address = str(address)
    if not background:
        workspace = _open(address, assessment)
        window = _made(address, overview_of(workspace))
        window.attach(workspace)
        return window
    overview = first_overview(address, assessment)
    if overview is None:  # cannot be looked at first (a server): opened on a task
        from selfeval.services.workspace import Workspace

        result = _open_waiting(address, assessment, parent)
        if isinstance(result, PasswordNeeded):
            return _with_password(address, assessment, parent, str(result))
        if isinstance(result, str):
            QMessageBox.critical(parent, "selfeval: cannot open the workspace", result)
            return None
        if not isinstance(result, Workspace):
            return None  # cancelled
        workspace = result
        opened = _made(address, overview_of(workspace))
        opened.attach(workspace)
        opened.show()
        return opened
    window = _made(address, overview)
    window.show()

    def job(_progress: object, _cancelled: object) -> Workspace:
        workspace = _open(address, assessment)
        workspace.release_connections()  # connections are made afresh on the GUI thread
        return workspace

    def failed(message: str) -> None:
        QMessageBox.critical(window, "selfeval: cannot open the workspace", message)
        window.close()

    window.open_task = OwnedTask(window, window.attach, failed, label=f"opening {address}")
    window.open_task.start(job)
    return window
