"""A record's links to criteria and to the partnership's strategic priorities, kept as ids,
comma-separated, and checked the same way wherever a record is written (a priority, an action, a
risk, a voice, a survey result, a case study)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.services.workspace import Workspace
from selfeval.store.models_plan import Priority


def joined(ids: Iterable[str]) -> str:
    return ",".join(dict.fromkeys(i for i in ids if i))


def split(text: str) -> tuple[str, ...]:
    return tuple(i for i in text.split(",") if i)


def check_links(
    workspace: Workspace, criteria: Sequence[str], priorities: Sequence[str] = ()
) -> None:
    """Refuse a criterion the framework lacks or a priority the workspace lacks, by name."""
    known = {c.id for c in workspace.framework.criteria}
    bad = [c for c in criteria if c not in known]
    if bad:
        raise InputError(f"'{bad[0]}' is not a criterion of {workspace.framework.id}")
    if priorities:
        with workspace.transaction(read_only=True) as session:
            held = set(session.scalars(select(Priority.id)))
        missing = [p for p in priorities if p not in held]
        if missing:
            raise InputError(f"no priority with id '{missing[0]}' (deleted meanwhile?)")


def priorities_held(session: Session) -> frozenset[str]:
    """The ids of the priorities the workspace holds now."""
    return frozenset(session.scalars(select(Priority.id)))


def priorities_of(text: str, held: frozenset[str]) -> tuple[str, ...]:
    """A record's priorities that still exist. A deleted priority's id is left where it was
    linked, unseen: its Undo puts the priority back with the same id, and the links return."""
    return tuple(p for p in split(text) if p in held)
