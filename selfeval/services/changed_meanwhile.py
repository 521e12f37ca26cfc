"""An edit made from a view that has since gone stale is refused, not silently applied.

Several people work on one shared workspace at once. A dialog that showed an action, a risk or
an evidence item carries the values it showed; the save (and its undo and redo) goes ahead only
if the record still holds them, read under a row lock, so a colleague's change in between is
never overwritten unseen. (Judgements do the same field by field: services/judgements.py.)
"""

from __future__ import annotations

from collections.abc import Mapping

from selfeval.errors import InputError


class ChangedElsewhere(InputError):
    """A field was changed by someone else since the value this change expected; nothing was
    written (an undo must not silently throw away another person's edit)."""


def refuse_if_changed(
    what: str, current: Mapping[str, object], expected: Mapping[str, object] | None
) -> None:
    """`expected` None: a blind write (the command line's verbs), which always applies."""
    if expected is None:
        return
    changed = [name for name, value in expected.items() if current.get(name) != value]
    if changed:
        fields = ", ".join(name.replace("_", " ") for name in changed)
        raise ChangedElsewhere(
            f"{what}: {fields} changed by someone else since you last saw it, so your change "
            "(or undo, or redo) was not saved; theirs is kept. Look at it again and change it "
            "if you need to."
        )
