"""The change history: every service that changes something records who, when and what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace
from selfeval.store.history_rows import add_change
from selfeval.store.models import ChangeRecord
from selfeval.store.types import utc_now


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def record_change(
    session: Session,
    user: CurrentUser,
    entity: str,
    entity_id: str,
    field: str,
    old: Any,
    new: Any,
    *,
    assessment_id: str | None = None,
    criterion_id: str | None = None,
    origin: str = "local",
    when: datetime | None = None,
) -> None:
    add_change(
        session,
        changed_at=when or utc_now(),
        changed_by=user.name,
        organisation=user.organisation,
        origin=origin,
        entity=entity,
        entity_id=entity_id,
        field=field,
        old_value=_text(old),
        new_value=_text(new),
        assessment_id=assessment_id,
        criterion_id=criterion_id,
    )


@dataclass(frozen=True)
class Change:
    changed_at: datetime
    changed_by: str
    organisation: str
    origin: str
    entity: str
    entity_id: str
    field: str
    old_value: str | None
    new_value: str | None


def history(
    workspace: Workspace, criterion_id: str | None = None, limit: int = 500
) -> list[Change]:
    """Newest first; for one criterion when `criterion_id` is given."""
    query = select(ChangeRecord).order_by(ChangeRecord.changed_at.desc()).limit(limit)
    if criterion_id is not None:
        query = query.where(ChangeRecord.criterion_id == criterion_id)
    with workspace.transaction(read_only=True) as session:
        return [
            Change(
                r.changed_at,
                r.changed_by,
                r.organisation,
                r.origin,
                r.entity,
                r.entity_id,
                r.field,
                r.old_value,
                r.new_value,
            )
            for r in session.scalars(query)
        ]
