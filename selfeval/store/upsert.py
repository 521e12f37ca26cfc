"""Insert a row unless one with the same key is there: the same statement on every database.

Two people rating the same criterion at the same moment must both succeed (the later one wins
and both are in the history), so a judgement, an ownership or an evidence link is never written
as "look, then insert" (the second writer's insert would hit the unique key). SQLite and
PostgreSQL both say this as INSERT ... ON CONFLICT DO NOTHING.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from selfeval.store.model_base import Base


def insert_missing(
    session: Session, model: type[Base], row: dict[str, Any], keys: Sequence[str]
) -> bool:
    """Insert `row` unless a row with the same `keys` exists; True when it was inserted."""
    # Only the dialect in use: loading PostgreSQL's (36 ms) made a file's first rating click slow.
    statement: Any
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as server_insert

        statement = server_insert(model)
    else:
        from sqlalchemy.dialects.sqlite import insert as file_insert

        statement = file_insert(model)
    statement = statement.values(**row).on_conflict_do_nothing(index_elements=list(keys))
    result = session.execute(statement)
    return bool(getattr(result, "rowcount", 0))
