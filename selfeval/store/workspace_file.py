"""Create, check and open workspace files without ever damaging one.

A file is inspected read-only before anything writes to it: something that is not a workspace, is
truncated, fails ``PRAGMA integrity_check`` or was made by a newer selfeval is refused and left
byte-for-byte as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from selfeval.errors import InputError
from selfeval.files.workspace_header import (
    APPLICATION_ID,
    SQLITE_MAGIC,
)
from selfeval.store.engine import make_engine
from selfeval.store.schema_version import HEAD, REVISIONS


class WorkspaceRefused(InputError):
    """The file cannot be opened as a workspace; it has not been touched."""


def inspect_workspace(path: Path) -> str:
    """Check a workspace file read-only; return its schema revision."""
    if not path.exists():
        raise WorkspaceRefused(f"{path}: no such workspace file")
    if path.is_dir():
        raise WorkspaceRefused(f"{path}: is a folder, not a workspace file")
    if not path.is_file():  # a device or a pipe: reading it would never end
        raise WorkspaceRefused(f"{path}: is not a workspace file")
    size = path.stat().st_size
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as err:
        raise WorkspaceRefused(f"{path}: cannot be read ({err.strerror})") from None
    if not header.startswith(SQLITE_MAGIC):
        raise WorkspaceRefused(f"{path}: is not a selfeval workspace (not an SQLite database)")
    if len(header) < 100:
        raise WorkspaceRefused(f"{path}: is truncated (only {size} bytes); restore a backup")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    expected = page_size * page_count
    if page_count and size < expected:
        raise WorkspaceRefused(
            f"{path}: is truncated ({size:,} bytes of {expected:,}); restore it from a backup"
        )
    try:
        # immutable=1: no locks, no -wal or -shm files made; a leftover WAL after a crash is
        # ignored here (we check the last checkpointed state) and replayed on the real open.
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as err:
        raise WorkspaceRefused(f"{path}: cannot be opened ({err})") from None
    try:
        return _read_revision(path, connection)
    except sqlite3.DatabaseError as err:
        raise WorkspaceRefused(f"{path}: is damaged and cannot be read ({err})") from None
    finally:
        connection.close()


def _read_revision(path: Path, connection: sqlite3.Connection) -> str:
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    if application_id != APPLICATION_ID:
        raise WorkspaceRefused(f"{path}: is an SQLite database but not a selfeval workspace")
    problems = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
    if problems != ["ok"]:
        raise WorkspaceRefused(
            f"{path}: is damaged (integrity check: {'; '.join(problems)}); restore a backup"
        )
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is None:
        raise WorkspaceRefused(f"{path}: has no schema version; it is not a complete workspace")
    revision = str(row[0])
    if revision not in REVISIONS:
        raise WorkspaceRefused(
            f"{path}: was made by a newer version of selfeval (schema {revision}; this version "
            f"reads up to {HEAD}). Install the latest selfeval to open it."
        )
    return revision


def open_workspace_file(path: Path, backups: Path) -> Engine:
    """Check the file, upgrade an older schema (after a backup copy), return a ready engine."""
    revision = inspect_workspace(path)
    if revision != HEAD:
        from selfeval.store import migrate

        migrate.backup_copy(path, backups, f"before-upgrade-from-{revision}")
        engine = make_engine(path)
        try:
            migrate.upgrade(engine)
        except Exception as err:
            engine.dispose()
            raise WorkspaceRefused(
                f"{path}: could not be upgraded ({err}); a copy was kept in {backups}"
            ) from None
        return engine
    return make_engine(path)
