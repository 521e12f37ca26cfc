"""Adding, changing and deleting one partnership-wide record (a voice, a survey result, a case
study), each change in the history: written once for the three.

The history line names the entity by its table, so that on a server a line about a personal
voice or case study is seen only by those who see the row (store/server_security.py).
"""

from __future__ import annotations

from selfeval.errors import InputError
from selfeval.services.history import record_change
from selfeval.services.workspace import Workspace
from selfeval.store.model_base import Base


def add_row(
    workspace: Workspace,
    model: type[Base],
    values: dict[str, object],
    label: str,
    row_id: str | None = None,
) -> str:
    """A new row (`row_id` given: a deleted one put back by Undo, with its own id)."""
    with workspace.transaction() as session:
        row = model(**values)
        if row_id is not None:
            row.id = row_id  # type: ignore[attr-defined]
        session.add(row)
        session.flush()
        new_id = str(row.id)  # type: ignore[attr-defined]
        record_change(session, workspace.user, model.__tablename__, new_id, "created", None, label)
        return new_id


def update_row(
    workspace: Workspace, model: type[Base], row_id: str, values: dict[str, object]
) -> None:
    """Change a row; each changed field in the history."""
    entity = model.__tablename__
    with workspace.transaction() as session:
        row = session.get(model, row_id, with_for_update=True)
        if row is None:
            raise InputError(
                f"no {entity.replace('_', ' ')} with id '{row_id}' (deleted meanwhile?)"
            )
        for name, value in values.items():
            old = getattr(row, name)
            if old != value:
                setattr(row, name, value)
                record_change(session, workspace.user, entity, row_id, name, old, value)


def delete_row(workspace: Workspace, model: type[Base], row_id: str, label: str) -> None:
    entity = model.__tablename__
    with workspace.transaction() as session:
        row = session.get(model, row_id)
        if row is None:
            raise InputError(
                f"no {entity.replace('_', ' ')} with id '{row_id}' (deleted meanwhile?)"
            )
        record_change(session, workspace.user, entity, row_id, "deleted", label, None)
        session.delete(row)
