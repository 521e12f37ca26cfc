"""From a workspace address (what the user opened) to the store adapter that serves it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from selfeval.errors import InputError
from selfeval.store.sqlite_file import SqliteFileStore
from selfeval.store.workspace_store import FILE, SERVER, Address, Capabilities, WorkspaceStore

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(address: Address | Path) -> bool:
    """Whether an address names a shared workspace on a server: the one place that tells a
    server from a file (the rest of selfeval asks here, never looks at the text itself)."""
    return isinstance(address, str) and address.strip().lower().startswith(SERVER_SCHEMES)


def looks_like_url(text: object) -> bool:
    """Whether a value the user gave is written as a URL at all (a server's address, perhaps
    mistyped): its password must then be hidden and asked for like a server's."""
    return "://" in str(text)


def capabilities_of(address: Address | Path) -> Capabilities:
    """What the store an address names can do, without opening it (nor reaching a server)."""
    return SERVER if is_server(address) else FILE


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


SERVER_EXAMPLE = "postgresql://login@host:5432/database?sslmode=require"
"""How a server's address is written, for help texts."""


def server_url(
    host: str, port: int, database: str, login: str, password: str, require_tls: bool
) -> str:
    """A libpq URL; a host that is a folder (a socket) goes in the query, as libpq wants."""
    host, database, login = host.strip(), database.strip(), login.strip()
    if not host or not database or not login:
        missing = "host" if not host else "database" if not database else "login"
        raise InputError(f"{missing.capitalize()}: must be given")
    credentials = quote(login, safe="") + (":" + quote(password, safe="") if password else "")
    options = []
    if host.startswith("/"):
        location = f"/{quote(database, safe='')}"
        options.append(f"host={quote(host, safe='/')}")
    else:
        location = f"{host}:{port}/{quote(database, safe='')}"
    if require_tls:
        options.append("sslmode=require")
    query = ("?" + "&".join(options)) if options else ""
    return f"postgresql://{credentials}@{location}{query}"
