"""One line of the change history, written where the workspace lives.

In a file the line is a row like any other. On a server the row goes through the server's own
function (`selfeval_record_change`): a contributor may not insert history directly, the function
accepts only a line about something the login may change, and the server stamps who, where and
when from the login, whatever the client sends.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from selfeval.store.models import ChangeRecord
from selfeval.store.types import new_id

_ON_SERVER = text(
    "SELECT selfeval_record_change(:id, :changed_at, :changed_by, :organisation, :origin, "
    ":entity, :entity_id, :field, :old_value, :new_value, :assessment_id, :criterion_id)"
)


def add_change(
    session: Session,
    *,
    changed_at: datetime,
    changed_by: str,
    organisation: str,
    origin: str,
    entity: str,
    entity_id: str,
    field: str,
    old_value: str | None,
    new_value: str | None,
    assessment_id: str | None,
    criterion_id: str | None,
) -> None:
    values = {
        "changed_at": changed_at,
        "changed_by": changed_by,
        "organisation": organisation,
        "origin": origin,
        "entity": entity,
        "entity_id": entity_id,
        "field": field,
        "old_value": old_value,
        "new_value": new_value,
        "assessment_id": assessment_id,
        "criterion_id": criterion_id,
    }
    if session.connection().dialect.name == "postgresql":
        session.execute(_ON_SERVER, {"id": new_id(), **values})
    else:
        session.add(ChangeRecord(**values))
