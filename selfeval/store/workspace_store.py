"""The storage seam: everything specific to where a workspace lives, behind one interface.

Services take a ``WorkspaceStore`` (through ``Workspace``) and ask it for an engine, for a check
before each transaction, and for plain words when the database reports a fault; they never see a
file path, a ``-wal`` file or a PRAGMA. Today there is one adapter, the SQLite file
(``store/sqlite_file.py``), chosen by ``store/addresses.py``; a PostgreSQL server comes next.
The UI holds a workspace *address* (the text the user opened: a file path today, a URL later)
and asks ``store_for`` for the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from selfeval.errors import SelfevalError
from selfeval.files.output import CancelCheck, Progress
from selfeval.store.quick_look import FirstLook

if TYPE_CHECKING:
    from sqlalchemy import Engine

Address = str
"""Where a workspace is, as the user gave it: a file path (later also a server URL)."""


@dataclass(frozen=True)
class Capabilities:
    """What a store can do, said by the store: the rest of selfeval asks this, never the
    address's text."""

    shared: bool
    """Others work in it at the same time, each as themselves (a server)."""
    live_changes: bool
    """Others' changes arrive as they are saved, to be shown at once."""


FILE = Capabilities(shared=False, live_changes=False)
SERVER = Capabilities(shared=True, live_changes=True)


class WorkspaceStore(Protocol):
    address: Address
    capabilities: Capabilities
    name: str
    """Short, for the title bar, messages and the recent list."""

    @property
    def engine(self) -> Engine:
        """The open store's engine (open() or create() first)."""

    @property
    def read_engine(self) -> Engine:
        """An engine whose transactions only read (they never wait for, or hold up, a write)."""

    def open(self, backups: Path) -> None:
        """Check the store, upgrade an older schema (after a backup), make the engine."""

    def create(self, build: Callable[[WorkspaceStore], None]) -> None:
        """Make a new workspace that appears only when `build` has filled it, then open it."""

    def first_look(self, wanted: str | None = None) -> FirstLook | None:
        """A fast read for the first paint (None: take the full open instead)."""

    def before_transaction(self) -> None:
        """Raise a SelfevalError if the store can no longer be written safely (moved, gone)."""

    def after_write(self) -> None:
        """Make what was just committed part of the store itself (a file: nothing of it left
        only in a sidecar, so a copy of the file alone holds it)."""

    def fault(self, err: BaseException) -> SelfevalError | None:
        """A database error the machine caused, in plain words; None for anything else."""

    def full_check(
        self, progress: Progress | None = None, cancelled: CancelCheck | None = None
    ) -> list[str]:
        """Every page and every attachment's bytes checked (slow on a large store: run it off
        the GUI thread, with `progress` per file and `cancelled` asked as it goes); [] when
        sound, else what is wrong."""

    def release_connections(self) -> None:
        """Drop pooled connections (a store opened on a worker is used from the GUI thread)."""

    def same_place(self, other: Address) -> bool:
        """Whether `other` names this same workspace (for the recent list)."""

    def exists(self) -> bool: ...

    def close(self) -> None: ...
