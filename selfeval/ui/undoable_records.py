"""Adding and deleting a record as one undoable change each, said once for the pages that keep
lists of records (priorities, risks, voices, survey results, case studies)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from selfeval.ui.page_context import PageContext
from selfeval.ui.touches import Touches
from selfeval.ui.widgets.confirm_delete import confirm_delete


def push_added(
    context: PageContext, text: str, add: Callable[[str | None], str], delete: Callable[[str], None]
) -> None:
    """`add(None)` makes the record and returns its id; Undo deletes it, and Redo makes it again
    under the same id (so later changes on the undo stack still find it)."""
    made: list[str] = []

    def do() -> None:
        made[:] = [add(made[0] if made else None)]

    context.push(text, do, lambda: delete(made[0]), None, touches=Touches.RECORDS)


def push_deleted(
    parent: QWidget,
    context: PageContext,
    noun: str,
    label: str,
    delete: Callable[[], object],
    restore: Callable[[], object],
    text: str = "",
) -> None:
    """Asked first (nothing is deleted without a yes); Undo puts the record back as it was."""
    if not confirm_delete(parent, f"Delete the {noun}", f"'{label}'"):
        return
    context.push(text or f"delete {noun} '{label}'", delete, restore, None, touches=Touches.RECORDS)
