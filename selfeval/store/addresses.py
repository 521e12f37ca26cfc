"""From a workspace address (what the user opened) to the store adapter that serves it."""

from __future__ import annotations

from pathlib import Path

from selfeval.store.sqlite_file import SqliteFileStore
from selfeval.store.workspace_store import Address, WorkspaceStore


def store_for(address: Address | Path) -> WorkspaceStore:
    """The adapter for an address; nothing is opened yet. Today every address is a file."""
    return SqliteFileStore(Path(address))
