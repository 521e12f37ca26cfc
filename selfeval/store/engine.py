"""The one place a database engine is made, with the SQLite settings every connection needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from selfeval.files.workspace_header import APPLICATION_ID

__all__ = ["APPLICATION_ID", "LOCK_WAIT_SECONDS", "make_engine"]

LOCK_WAIT_SECONDS = 10.0
"""How long a write waits for another program's lock before saying the workspace is locked."""


def make_engine(path: Path) -> Engine:
    """An engine on a workspace file: WAL, foreign keys on, full sync, a wait for locks.

    ``synchronous=FULL`` costs one fsync per commit; a council laptop that loses power mid-edit
    must not lose an edit that said it was saved.
    """
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": LOCK_WAIT_SECONDS})

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return engine
