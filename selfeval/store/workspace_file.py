"""Create, check and open workspace files without ever damaging one.

A file is inspected read-only before anything writes to it: something that is not a workspace, is
truncated, fails its integrity check or was made by a newer selfeval is refused and left
byte-for-byte as it was.

Two checks. The **quick** one, on every open, runs SQLite's integrity check table by table on
everything but the attachments' bytes (table `blob`, which is gigabytes in a county's workspace
and read only when a file is opened). The **full** one reads every page: before an upgrade, on
demand (`selfeval check`) and, in the app, in the background after opening.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from selfeval.errors import InputError
from selfeval.files.output import CancelCheck, Progress
from selfeval.files.workspace_header import (
    APPLICATION_ID,
    SQLITE_MAGIC,
)
from selfeval.store.engine import make_engine
from selfeval.store.schema_version import HEAD, REVISIONS


class WorkspaceRefused(InputError):
    """The file cannot be opened as a workspace; it has not been touched."""


QUICK, FULL = "quick", "full"
UNCHECKED_WHEN_QUICK = ("blob",)


def inspect_workspace(path: Path, full: bool = False) -> str:
    """Check a workspace file read-only (quickly, or every page); return its schema revision."""
    if not path.exists():
        raise WorkspaceRefused(f"{path}: no such workspace file")
    if path.is_dir():
        raise WorkspaceRefused(f"{path}: is a folder, not a workspace file")
    if not path.is_file():  # a device or a pipe: reading it would never end
        raise WorkspaceRefused(f"{path}: is not a workspace file")
    size = path.stat().st_size
    from selfeval.errors import SelfevalError
    from selfeval.files.input_file import open_input

    try:
        with open_input(path, "a workspace file") as handle:
            header = handle.read(100)
    except OSError as err:
        raise WorkspaceRefused(f"{path}: cannot be read ({err.strerror})") from None
    except SelfevalError as err:
        raise WorkspaceRefused(str(err)) from None
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
        return _read_with(path, "mode=ro&immutable=1", full)
    except (sqlite3.DatabaseError, WorkspaceRefused) as err:
        # Or another window wrote the file (a checkpoint) while it was read without locks: a
        # torn read looks damaged. Read again with locks, as every reader beside a writer does.
        first = (
            err
            if isinstance(err, WorkspaceRefused)
            else WorkspaceRefused(f"{path}: is damaged and cannot be read ({err})")
        )
    if not path.with_name(f"{path.name}-wal").exists():
        raise first  # nobody has it open: nothing wrote it meanwhile, and nothing is left here
    try:
        return _read_with(path, "mode=ro", full)
    except sqlite3.OperationalError:
        raise first from None  # it cannot be read with locks here: the first verdict stands
    except sqlite3.DatabaseError as err:
        raise WorkspaceRefused(f"{path}: is damaged and cannot be read ({err})") from None


def _read_with(path: Path, options: str, full: bool) -> str:
    """The schema revision, read through a connection opened with `options`."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
    except sqlite3.Error as err:
        raise WorkspaceRefused(f"{path}: cannot be opened ({err})") from None
    try:
        return _read_revision(path, connection, full)
    finally:
        connection.close()


def integrity_problems(connection: sqlite3.Connection, full: bool) -> list[str]:
    """[] when sound. Quick: each table but the attachments' bytes, with its indexes (SQLite
    3.33 and later check one table at a time; an older SQLite does the full check)."""
    if full or sqlite3.sqlite_version_info < (3, 33, 0):
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check(5)")]
        return [] if rows == ["ok"] else rows
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name not in UNCHECKED_WHEN_QUICK
    ]
    problems: list[str] = []
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        rows = [row[0] for row in connection.execute(f"PRAGMA integrity_check({quoted})")]
        problems += [] if rows == ["ok"] else rows
        if len(problems) >= 5:
            break
    return problems[:5]


def full_check(
    path: Path, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> list[str]:
    """Every page (SQLite's integrity check) and every attachment's bytes against its SHA-256,
    read-only beside an open workspace (WAL readers never block its writer). `cancelled`
    interrupts even SQLite's own check: a window that closes stops it at once (what was found
    so far is returned, and dropped by the task that asked)."""
    import hashlib

    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as err:
        return [f"cannot be read ({err})"]
    if cancelled is not None:
        connection.set_progress_handler(lambda: int(cancelled()), 10_000)
    try:
        problems = integrity_problems(connection, full=True)
        stored = connection.execute("SELECT rowid, sha256 FROM blob").fetchall()
        for done, (rowid, sha256) in enumerate(stored, start=1):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(done, len(stored))
            digest = hashlib.sha256()
            with connection.blobopen("blob", "data", rowid, readonly=True) as blob:
                while piece := blob.read(1024 * 1024):  # a file is read a megabyte at a time
                    digest.update(piece)
            if digest.hexdigest() != sha256:
                problems.append(f"an attached file's bytes do not match its SHA-256 {sha256[:12]}")
            if len(problems) >= 5:
                break
        return problems
    except sqlite3.DatabaseError as err:
        return [f"cannot be read ({err})"]
    finally:
        connection.close()


def _read_revision(path: Path, connection: sqlite3.Connection, full: bool) -> str:
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    if application_id != APPLICATION_ID:
        raise WorkspaceRefused(f"{path}: is an SQLite database but not a selfeval workspace")
    problems = integrity_problems(connection, full) or ["ok"]
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
    if revision == HEAD:
        _refuse_tables_unlike_the_label(path, connection, revision)
    return revision


def _refuse_tables_unlike_the_label(
    path: Path, connection: sqlite3.Connection, revision: str
) -> None:
    """A file whose schema label says one thing and whose tables another (changed outside
    selfeval) is refused in one line, before any query meets a missing column."""
    from selfeval.store.model_base import Base

    for table in Base.metadata.sorted_tables:
        found = {row[1] for row in connection.execute(f'PRAGMA table_info("{table.name}")')}
        if not found:
            raise WorkspaceRefused(
                f"{path}: says it is at schema {revision} but has no table '{table.name}'; it "
                "was changed outside selfeval: restore a backup"
            )
        missing = [c.name for c in table.columns if c.name not in found]
        if missing:
            raise WorkspaceRefused(
                f"{path}: says it is at schema {revision} but its table '{table.name}' has no "
                f"column '{missing[0]}'; it was changed outside selfeval: restore a backup"
            )


def open_workspace_file(path: Path, backups: Path) -> Engine:
    """Check the file (quickly), upgrade an older schema (after the full check and a backup
    copy), return a ready engine."""
    revision = inspect_workspace(path)
    if revision != HEAD:
        inspect_workspace(path, full=True)  # nothing is rewritten on top of a damaged page
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
