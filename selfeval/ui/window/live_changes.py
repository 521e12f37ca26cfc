"""A window on a shared workspace shows other people's changes as they happen.

Each change someone else saves arrives as a notice (ui/server_watch.py): the tree, the
dashboard and the page in view are read again (a box being typed in keeps its text) and the
status bar says who changed what. Only for server workspaces; a file has no one else live.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace
    from selfeval.ui.server_watch import ServerWatch
    from selfeval.ui.widgets.save_state_bar import SaveStateBar


class LiveWindow(Protocol):
    """What of the main window this needs (so it does not import the window back)."""

    address: str
    workspace: Workspace
    attached: bool
    status: SaveStateBar

    def changed(self, criterion_id: str | None, evidence: bool = True) -> None: ...


class NoWatch:
    """A file has no one else live: nothing to listen to, nothing to stop."""

    def stop(self) -> None:
        return None


def watch_for_changes(window: LiveWindow) -> ServerWatch | NoWatch:
    if "://" not in window.address:
        return NoWatch()
    from selfeval.ui.server_watch import ServerWatch

    watch = ServerWatch(window.address)
    me = window.workspace.user.name

    def someone_changed(data: dict[str, Any]) -> None:
        who = str(data.get("who") or "someone")
        if who == me or not window.attached:
            return
        window.changed(None, str(data.get("entity")) in ("evidence", "evidence_link"))
        criterion = str(data.get("criterion") or "")
        numbers = window.workspace.framework.numbers
        where = f"criterion {numbers[criterion]}" if criterion in numbers else "the workspace"
        field = str(data.get("field") or "").replace("_", " ")
        window.status.saved_state.setText(f"{who} changed {where} ({field}) just now")

    watch.changed.connect(someone_changed)
    watch.start()
    return watch
