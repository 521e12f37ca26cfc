"""File menu actions: new workspace, open, open recent. Each new workspace gets its own window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from selfeval.ui.dialogs.saved_notice import start_path
from selfeval.ui.window.recent_files import recent_workspaces

if TYPE_CHECKING:
    from selfeval.ui.window.host import WindowHost


def recent_addresses(host: WindowHost) -> list[str]:
    from selfeval.store.addresses import store_for

    here = store_for(host.address)
    return [a for a in recent_workspaces() if not here.same_place(a)]


def open_other(host: WindowHost, address: str | Path) -> None:
    """Open another workspace in a new window (checked in the background), then close this one."""
    if host.open_window(str(address)):
        host.close()


def open_workspace_dialog(host: WindowHost) -> None:
    name, _ = QFileDialog.getOpenFileName(
        host.widget(),
        "Open a workspace",
        start_path("workspaces", host.address),
        "selfeval workspaces (*.selfeval);;All files (*)",
    )
    if name:
        open_other(host, Path(name))


def open_shared_dialog(host: WindowHost) -> None:
    """File > Open shared workspace: a workspace on a PostgreSQL server."""
    from PySide6.QtWidgets import QDialog

    from selfeval.ui.dialogs.server_dialog import ServerDialog

    dialog = ServerDialog(host.widget())
    accepted = dialog.exec() == QDialog.DialogCode.Accepted and bool(dialog.url)
    if accepted and host.open_window(dialog.url):
        dialog.keep_or_forget()
        host.close()


def new_workspace_dialog(host: WindowHost) -> None:
    from selfeval.ui.dialogs.new_workspace_dialog import create_workspace_interactively

    path = create_workspace_interactively(host.widget())
    if path is not None:
        open_other(host, path)
