"""The SQLite file adapter of the storage seam: one ``.selfeval`` file per workspace.

It owns what only a file has: the read-only inspection that refuses a bad file untouched, atomic
creation (a hidden file renamed into place), the backup before an upgrade, the ``-wal``/``-shm``
sidecars, the quick look for the first paint, and noticing the file moved away while open.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from selfeval.errors import InputError, SelfevalError
from selfeval.files.faults import MachineFault, os_fault
from selfeval.files.output import CancelCheck, Progress
from selfeval.files.workspace_header import (
    APPLICATION_ID,
    SIDECARS,
    workspace_it_belongs_to,
)
from selfeval.store.quick_look import FirstLook, first_look
from selfeval.store.workspace_store import FILE

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from selfeval.store.workspace_store import WorkspaceStore

# SQLAlchemy is imported only when the store is opened or created: the first paint of a window
# (first_look) must not wait for it (bench/ui_bench.py).

FileIdentity = tuple[int, int]


def file_identity(path: Path) -> FileIdentity:
    """Which file `path` is now (device, inode): to notice it being moved or replaced."""
    stat = path.stat()
    return stat.st_dev, stat.st_ino


def with_sidecars(path: Path) -> list[Path]:
    return [path, *(path.with_name(path.name + suffix) for suffix in SIDECARS)]


def _make_engine(path: Path, for_writing: bool = True) -> Engine:
    from selfeval.store.engine import make_engine

    return make_engine(path, for_writing=for_writing)


class SqliteFileStore:
    capabilities = FILE

    def __init__(self, path: Path) -> None:
        self.path = path
        self.address = str(path)
        self.name = path.name
        self._engine: Engine | None = None
        self._read_engine: Engine | None = None
        self._identity: FileIdentity | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError(f"{self.path}: the store is not open")
        return self._engine

    @property
    def read_engine(self) -> Engine:
        """For reads only: its transactions take no write lock (store/engine.py)."""
        if self._read_engine is None:
            self._read_engine = _make_engine(self.path, for_writing=False)
        return self._read_engine

    def exists(self) -> bool:
        return self.path.exists()

    def open(self, backups: Path) -> None:
        from selfeval.store.file_places import refuse_unsafe_place
        from selfeval.store.workspace_file import open_workspace_file

        refuse_unsafe_place(self.path)
        self._engine = open_workspace_file(self.path, backups)
        self._identity = file_identity(self.path)

    def _make_empty(self) -> None:
        """A new file at the current schema (used on the hidden staging file only)."""
        from sqlalchemy import text

        from selfeval.store import migrate

        try:
            for leftover in with_sidecars(self.path):
                leftover.unlink(missing_ok=True)
        except OSError as err:
            raise os_fault(self.path, err) from None
        self._engine = _make_engine(self.path)
        with self._engine.begin() as connection:
            connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
        self._identity = file_identity(self.path)
        migrate.upgrade(self._engine)

    def create(self, build: Callable[[WorkspaceStore], None]) -> None:
        """Everything is written to a hidden file beside the target and renamed into place at
        the end, so an interrupted creation never leaves a half-made workspace under the name."""
        from selfeval.store.file_places import refuse_unsafe_place

        path = self.path
        if path.exists():
            raise InputError(f"{path}: already exists; choose another name or open it instead")
        refuse_unsafe_place(path)
        owner = workspace_it_belongs_to(path)
        if owner is not None:  # SQLite would take a file of that name for the workspace's own
            raise InputError(
                f"{path}: is the name of a file that belongs to the workspace {owner.name}; "
                "choose another name"
            )
        if not path.parent.is_dir():
            raise InputError(f"{path.parent}: no such folder")
        for leftover in (path.with_name(path.name + end) for end in ("-wal", "-journal")):
            # SQLite would apply a gone workspace's log to the new file and call it damaged;
            # the log may hold that workspace's last changes, so it is never deleted here
            if leftover.exists():
                raise InputError(
                    f"{path}: {leftover.name} is left beside it from a workspace of that name "
                    "that is no longer there (it may hold that workspace's last changes); move "
                    "it somewhere safe, or choose another name"
                )
        staging = SqliteFileStore(path.with_name(f".{path.name}.creating"))
        try:
            staging._make_empty()
            build(staging)
            staging.close()
            os.replace(staging.path, path)
        except BaseException as err:
            staging.discard()
            if isinstance(err, OSError):
                raise os_fault(path, err) from None
            fault = self.fault(err)
            if fault is not None:
                raise fault from None
            raise
        self._engine = _make_engine(path)
        self._identity = file_identity(path)

    def first_look(self, wanted: str | None = None) -> FirstLook | None:
        return first_look(self.path, wanted)

    def before_transaction(self) -> None:
        """Refuse to go on when the workspace was moved, deleted or replaced while open.

        SQLite in WAL mode keeps writing to a deleted file without a word, and everything
        written is lost when it closes; this check, one stat a transaction, makes that a message.
        """
        if self._identity is None:
            return
        try:
            now: FileIdentity | None = file_identity(self.path)
        except FileNotFoundError:
            now = None
        except OSError as err:
            raise os_fault(self.path, err) from None
        if now != self._identity:
            raise MachineFault(
                f"{self.path}: was moved, deleted or replaced while it was open; nothing more "
                "was saved to it. Open it again from where it is now"
            )

    def full_check(
        self, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> list[str]:
        from selfeval.store.workspace_file import full_check

        return full_check(self.path, progress, cancelled)

    def fault(self, err: BaseException) -> SelfevalError | None:
        from selfeval.store.faults import database_fault

        return database_fault(self.path, err)

    def after_write(self) -> None:
        """Copy what the write left in the `-wal` into the file itself (a passive checkpoint:
        it waits for no reader). Someone who copies the workspace file while it is open (to
        e-mail it, or a sync client) then copies every saved change, not an empty workspace;
        WAL keeps its one writer and many readers."""
        if self._engine is None:
            return
        raw = self._engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:
            pass  # busy or read-only: the next write, or closing, checkpoints instead
        finally:
            raw.close()

    def release_connections(self) -> None:
        for engine in (self._engine, self._read_engine):
            if engine is not None:
                engine.dispose()

    def same_place(self, other: str) -> bool:
        try:
            return Path(other).resolve() == self.path.resolve()
        except OSError:
            return False

    def close(self) -> None:
        self.release_connections()

    def discard(self) -> None:
        """Close and remove this file and its sidecars (a staging file that failed)."""
        self.close()
        for leftover in with_sidecars(self.path):
            leftover.unlink(missing_ok=True)
