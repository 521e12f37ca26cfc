"""The one place a database engine is made, with the SQLite settings every connection needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from selfeval.files.workspace_header import APPLICATION_ID

__all__ = ["APPLICATION_ID", "LOCK_WAIT_SECONDS", "make_engine"]

LOCK_WAIT_SECONDS = 10.0
"""How long a write waits for another program's lock before saying the workspace is locked."""


def make_engine(path: Path, *, for_writing: bool = True) -> Engine:
    """An engine on a workspace file: WAL, foreign keys on, full sync, a wait for locks.

    ``synchronous=FULL`` costs one fsync per commit; a council laptop that loses power mid-edit
    must not lose an edit that said it was saved.

    Transactions begin with ``BEGIN IMMEDIATE`` (``for_writing``): a transaction that reads a row
    and then writes it holds the write lock from its start, so two programs rating the same
    criterion at once wait for each other (up to LOCK_WAIT_SECONDS) instead of one failing
    with a stale snapshot. The read engine begins plainly, so long reads never hold up writes.
    """
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": LOCK_WAIT_SECONDS})
    begin = "BEGIN IMMEDIATE" if for_writing else "BEGIN"

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine
