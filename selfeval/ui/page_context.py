"""What every page needs: the workspace, the window's undo stack, and how to report back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from selfeval.ui.touches import EVERYTHING, Touches
from selfeval.ui.undo import ServiceCommand

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace
    from selfeval.ui.routes import RouteKind


@dataclass
class PageContext:
    workspace: Workspace
    undo_stack: QUndoStack
    changed: Callable[[str | None, Touches], None]
    """Called after any change, with the criterion it touched (None: not one criterion) and the
    views it touched (`touches.py`): only those are read again."""
    show_error: Callable[[str], None]
    navigate: Callable[[RouteKind, str], None]
    """navigate(kind, id): where to go (window_host.RouteKind)."""
    judgement_saved: Callable[[object], None] | None = None
    """How the window shows a judgement a write returned (a rating click, its undo): the one
    tree row, the progress line and the page, with nothing read again."""
    save_failed: Callable[[str], None] | None = None
    """How a change that could not be saved is said (the status bar's "not saved" as well as
    the message); `show_error` alone for everything else, which saved nothing to begin with."""
    connection_lost: Callable[[str], None] | None = None
    """A change failed because the shared workspace's server cannot be reached: said by the
    window's banner rather than a dialog per pause in typing (ui/window/live_changes.py)."""

    def push(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        criterion_id: str | None = None,
        *,
        touches: Touches = EVERYTHING,
        failed: Callable[[], None] | None = None,
        redo: Callable[[], object] | None = None,
        returns_judgement: bool = False,
    ) -> None:
        """Do a change now, as one entry on the undo stack. `touches`: the views that show what
        it changes (everything unless said); `failed` keeps typed text on screen when the change
        could not be saved; `redo` (default `do`) is what Redo runs after an Undo, usually `do`
        as a compare-and-set."""
        self.undo_stack.push(
            ServiceCommand(
                text,
                do,
                undo,
                lambda: self.changed(criterion_id, touches),
                self.save_failed or self.show_error,
                failed,
                redo,
                self.connection_lost,
                self.judgement_saved if returns_judgement else None,
            )
        )
