"""Copying a whole workspace between stores, row for row: a file published to a server
(`selfeval server init --from`) or a server's workspace taken offline (`server checkout`).

Every table in dependency order, every record with its own id (UUIDs), attachments' bytes and
the history included; both sides must be at the same schema version. Rows go in batches, so a
workspace with gigabytes of attachments is never all in memory at once.
"""

from __future__ import annotations

from sqlalchemy import Engine, insert, select

from selfeval.store.models import Base

BATCH = 500


def copy_rows(source: Engine, target: Engine) -> int:
    """Copy every row of every model table from `source` into `target` (one transaction on
    the target); returns the number of rows copied."""
    copied = 0
    with source.connect() as reading, target.begin() as writing:
        for table in Base.metadata.sorted_tables:
            result = reading.execution_options(stream_results=True).execute(select(table))
            while batch := result.fetchmany(BATCH):
                writing.execute(insert(table), [dict(row._mapping) for row in batch])
                copied += len(batch)
    return copied
