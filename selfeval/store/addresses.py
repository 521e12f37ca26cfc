"""From a workspace address (what the user opened) to the store adapter that serves it."""

from __future__ import annotations

from pathlib import Path

from selfeval.store.sqlite_file import SqliteFileStore
from selfeval.store.workspace_store import Address, WorkspaceStore

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(address: Address | Path) -> bool:
    """Whether an address names a shared workspace on a server: the one place that tells a
    server from a file (the rest of selfeval asks here, never looks at the text itself)."""
    return isinstance(address, str) and address.strip().lower().startswith(SERVER_SCHEMES)


def looks_like_url(text: object) -> bool:
    """Whether a value the user gave is written as a URL at all (a server's address, perhaps
    mistyped): its password must then be hidden and asked for like a server's."""
    return "://" in str(text)


def store_for(address: Address | Path) -> WorkspaceStore:
    """The adapter for an address; nothing is opened yet: a postgresql:// URL is a server,
    anything else a workspace file."""
    if isinstance(address, str) and is_server(address):
        from selfeval.store.postgres_server import PostgresStore

        return PostgresStore(address)
    return SqliteFileStore(Path(address))


def short_name(address: Address | Path) -> str:
    """For the title bar: a file's name, or a server's database and host (no password)."""
    text = str(address)
    if is_server(text):
        from selfeval.store.postgres_server import display_name

        return display_name(text)
    return Path(text).name or text
