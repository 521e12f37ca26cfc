"""What the window's actions (File menu, contributions, progress, assessments) may ask of the
window that runs them: a narrow interface, so they depend on it and not on MainWindow itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol, get_args

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace
    from selfeval.ui.evidence_library_page import EvidenceLibraryPage
    from selfeval.ui.page_context import PageContext

RouteKind = Literal[
    "dashboard",
    "evidence_page",
    "people",
    "actions",
    "indicators",
    "risks",
    "page",
    "criterion",
    "evidence",
    "stale_evidence",
    "overdue_actions",
]
"""Where `navigate` can go: a page by name, or ("page", name), a criterion or one evidence item by
id, the library filtered to stale evidence, or the action plan's overdue view."""


ROUTE_KINDS: tuple[RouteKind, ...] = get_args(RouteKind)


def route_kind(text: str) -> RouteKind:
    """A route kind read back from a list item's data; ValueError for anything else."""
    for kind in ROUTE_KINDS:
        if kind == text:
            return kind
    raise ValueError(f"no such place in the window: {text!r}")


class WindowHost(Protocol):
    address: str

    @property
    def workspace(self) -> Workspace: ...

    @property
    def context(self) -> PageContext: ...

    def widget(self) -> QWidget:
        """The parent for dialogs."""

    def show_error(self, message: str) -> None: ...

    def changed(self, criterion_id: str | None, evidence: bool = True) -> None: ...

    def commit_pending(self) -> None:
        """Save text still waiting for its pause (before anything that reads or leaves)."""

    def current_criterion(self) -> str: ...

    def navigate(self, kind: RouteKind, item_id: str = "") -> None: ...

    def close(self) -> bool: ...


class ControlledWindow(WindowHost, Protocol):
    """What the menus' controller needs besides: the window's own moves."""

    @property
    def evidence_page(self) -> EvidenceLibraryPage: ...

    def step_criterion(self, step: int) -> None: ...

    def focus_tree(self) -> None: ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...


class PageWidget(QWidget):
    """What every page the window shows shares: it can re-read what it shows."""

    def refresh(self) -> None:
        raise NotImplementedError
