"""What the window's actions (File menu, contributions, progress, assessments) may ask of the
window that runs them: a narrow interface, so they depend on it and not on MainWindow itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from selfeval.ui.routes import RouteKind
from selfeval.ui.touches import EVERYTHING, Touches

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace
    from selfeval.ui.page_context import PageContext


class WindowHost(Protocol):
    address: str

    @property
    def workspace(self) -> Workspace: ...

    @property
    def context(self) -> PageContext: ...

    def widget(self) -> QWidget:
        """The parent for dialogs."""

    def show_error(self, message: str) -> None: ...

    def changed(self, criterion_id: str | None, touches: Touches = EVERYTHING) -> None: ...

    def commit_pending(self) -> None:
        """Save text still waiting for its pause (before anything that reads or leaves)."""

    def current_criterion(self) -> str: ...

    def navigate(self, kind: RouteKind, item_id: str = "") -> None: ...

    def open_window(self, address: str, assessment: str | None = None) -> bool:
        """Open a workspace in a new window; False (after saying why) when it cannot be."""

    def close(self) -> bool: ...


class ControlledWindow(WindowHost, Protocol):
    """What the menus' controller needs besides: the window's own moves."""

    def import_tracker(self) -> None: ...

    def search_evidence(self) -> None: ...

    def step_criterion(self, step: int) -> None: ...

    def focus_tree(self) -> None: ...

    def close_to_start(self) -> None: ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...


Opener = Callable[[str, "str | None", QWidget], bool]
"""opener(address, assessment, parent): open a workspace in a new window; False if it could not."""


def no_opener(_address: str, _assessment: str | None, _parent: QWidget) -> bool:
    raise RuntimeError("this window was not made by ui/window/opening.py")
