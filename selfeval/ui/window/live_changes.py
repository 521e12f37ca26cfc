"""A window on a shared workspace shows other people's changes as they happen, and says when
the server cannot be reached.

Each change someone else saves arrives as a notice (ui/server_watch.py): the tree, the
dashboard and the page in view are read again (a box being typed in keeps its text) and the
status bar says who changed what. When the connection drops, a banner says so (and a change that
fails meanwhile says so there, not in a dialog per pause in typing); the text typed stays on
screen and is saved as soon as the server answers again. Only for server workspaces; a file has
no one else live.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from selfeval.ui.touches import ALL_BUT_EVIDENCE, EVERYTHING, Touches
from selfeval.ui.widgets.connection_banner import ConnectionBanner

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace
    from selfeval.store.change_notices import SeenChange
    from selfeval.ui.server_watch import ServerWatch
    from selfeval.ui.widgets.save_state_bar import SaveStateBar


class LiveWindow(Protocol):
    """What of the main window this needs (so it does not import the window back)."""

    address: str
    workspace: Workspace
    attached: bool
    status: SaveStateBar

    def changed(self, criterion_id: str | None, touches: Touches = EVERYTHING) -> None: ...

    def commit_pending(self) -> None: ...

    def add_banner(self, banner: QWidget) -> None: ...

    def set_connection_lost(self, report: Callable[[str], None]) -> None: ...


SETTLE_MS = 150


class NoWatch:
    """A file has no one else live: nothing to listen to, nothing to stop."""

    def stop(self) -> None:
        return None


def watch_for_changes(window: LiveWindow) -> ServerWatch | NoWatch:
    if not window.workspace.capabilities.live_changes:
        return NoWatch()
    from selfeval.ui.server_watch import ServerWatch

    watch = ServerWatch(window.address, window.workspace.user.name)
    # A merged return or a colleague's import announces hundreds of changes at once: they are
    # gathered for a moment and the window is read again once, not once per change.
    pending: list[SeenChange] = []
    settle = QTimer(watch)
    settle.setSingleShot(True)
    settle.setInterval(SETTLE_MS)

    def someone_changed(change: SeenChange) -> None:
        pending.append(change)
        settle.start()

    def show_them() -> None:
        if not pending or not window.attached:
            pending.clear()
            return
        evidence = any(c.entity in ("evidence", "evidence_link") for c in pending)
        last, count = pending[-1], len(pending)
        pending.clear()
        window.changed(None, EVERYTHING if evidence else ALL_BUT_EVIDENCE)
        who = last.who or "someone"
        criterion = last.criterion or ""
        numbers = window.workspace.framework.numbers
        where = f"criterion {numbers[criterion]}" if criterion in numbers else "the workspace"
        field = last.field.replace("_", " ")
        more = f" and {count - 1} more change{'s' if count > 2 else ''}" if count > 1 else ""
        window.status.saved_state.setText(f"{who} changed {where} ({field}){more} just now")

    settle.timeout.connect(show_them)
    watch.changed.connect(someone_changed)
    _say_when_the_server_is_away(window, watch)
    watch.start()
    return watch


def _say_when_the_server_is_away(window: LiveWindow, watch: ServerWatch) -> None:
    banner = ConnectionBanner(window.workspace.name, watch.try_now)
    window.add_banner(banner)

    def save_failed(message: str) -> None:
        if not banner.isVisible():
            reason = message.partition("(")[2].rpartition(")")[0] or "no answer"
            banner.lost(reason)
        window.status.not_saved("the server cannot be reached; it is kept on screen")
        watch.try_now()  # the watch notices at once and says when the server is back

    def back() -> None:
        banner.back()
        if not window.attached:
            return
        window.commit_pending()  # what was typed meanwhile is saved now
        window.changed(None, EVERYTHING)
        window.status.saved_state.setText(f"Connected again at {datetime.now():%H:%M}")

    window.set_connection_lost(save_failed)
    watch.lost.connect(banner.lost)
    watch.back.connect(back)
