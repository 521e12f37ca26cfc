"""From a workspace address (what the user opened) to the store adapter that serves it."""

from __future__ import annotations

from pathlib import Path

from selfeval.store.sqlite_file import SqliteFileStore
from selfeval.store.workspace_store import Address, WorkspaceStore


def store_for(address: Address | Path) -> WorkspaceStore:
    """The adapter for an address; nothing is opened yet: a postgresql:// URL is a server,
    anything else a workspace file."""
    if isinstance(address, str) and address.strip().lower().startswith(
        ("postgresql://", "postgres://")
    ):
        from selfeval.store.postgres_server import PostgresStore

        return PostgresStore(address)
    return SqliteFileStore(Path(address))


def short_name(address: Address | Path) -> str:
    """For the title bar: a file's name, or a server's database and host (no password)."""
    text = str(address)
    if text.strip().lower().startswith(("postgresql://", "postgres://")):
        from selfeval.store.postgres_server import display_name

        return display_name(text)
    return Path(text).name or text
