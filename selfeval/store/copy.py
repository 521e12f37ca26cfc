"""Copying a whole workspace between stores, row for row: a file published to a server
(`selfeval server init --from`) or a server's workspace taken offline (`server checkout`).

Every table in dependency order, every record with its own id (UUIDs), attachments' bytes and
the history included; both sides must be at the same schema version. Rows go in batches, so a
workspace with gigabytes of attachments is never all in memory at once.

A login's copy holds what that login may read, no more: a contributor's checkout of a server
reads through the policies, so a row may name one it could not see (a sign-off's snapshot that
holds another organisation's personal data). Such a reference is emptied when it may be, and
the row left out when it may not, so the copy is whole and opens.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, RowMapping, Table, insert, select

from selfeval.store.model_base import Base

BATCH = 500


def _referenced() -> dict[str, str]:
    """table -> its key column, for every table another table's foreign key names."""
    named: dict[str, str] = {}
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            named[key.column.table.name] = key.column.name
    return named


def _kept(table: Table, row: RowMapping, copied: dict[str, set[Any]]) -> dict[str, Any] | None:
    """The row as it may be written beside what was copied before it (None: leave it out)."""
    values = dict(row)
    for key in table.foreign_keys:
        column, target = key.parent, key.column.table.name
        value = values[column.name]
        if value is None or value in copied.get(target, {value}):
            continue
        if not column.nullable:
            return None
        values[column.name] = None
    return values


def copy_rows(source: Engine, target: Engine) -> int:
    """Copy every row of every model table from `source` into `target` (one transaction on
    the target); returns the number of rows copied."""
    copied = 0
    referenced = _referenced()
    keys: dict[str, set[Any]] = {name: set() for name in referenced}
    with source.connect() as reading, target.begin() as writing:
        for table in Base.metadata.sorted_tables:
            result = reading.execution_options(stream_results=True).execute(select(table))
            key = referenced.get(table.name)
            while batch := result.fetchmany(BATCH):
                rows = [r for r in (_kept(table, b._mapping, keys) for b in batch) if r]
                if not rows:
                    continue
                writing.execute(insert(table), rows)
                copied += len(rows)
                if key is not None:
                    keys[table.name].update(r[key] for r in rows)
    return copied
