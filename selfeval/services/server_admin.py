"""Setting up and taking down a shared workspace on a PostgreSQL server: the lead's verbs.

`init` makes the workspace on an empty database (or publishes a workspace file to it, every
record with its id, attachments and history); `checkout` copies it into a file to take offline;
`upgrade` brings an older server schema to this version. Each is safe to run twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfeval.errors import InputError
from selfeval.framework.model import Framework
from selfeval.locations import backups_dir
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import create_workspace
from selfeval.store.addresses import store_for
from selfeval.store.postgres_server import PostgresStore, is_server_address
from selfeval.store.workspace_store import WorkspaceStore


@dataclass(frozen=True)
class InitResult:
    created: bool
    """False when the database already held a workspace (nothing changed)."""
    rows_copied: int = 0


def _server(url: str) -> PostgresStore:
    if not is_server_address(url):
        raise InputError(f"{url}: give the server as a postgresql:// address")
    return PostgresStore(url)


def server_init(
    url: str,
    area: str,
    framework: Framework,
    user: CurrentUser,
    from_workspace: str | None = None,
) -> InitResult:
    server = _server(url)
    if server.exists():
        server.close()
        return InitResult(created=False)
    if from_workspace is None:
        create_workspace(url, area, framework, user).close()
        return InitResult(created=True)
    return InitResult(created=True, rows_copied=_publish(from_workspace, server))


def _publish(source_address: str, server: PostgresStore) -> int:
    """Every row of a workspace file, into the server's fresh schema."""
    from selfeval.store.copy import copy_rows

    source = store_for(source_address)
    source.open(backups_dir())  # an older file is upgraded first (after a backup)
    copied = [0]

    def build(target: WorkspaceStore) -> None:
        copied[0] = copy_rows(source.read_engine, target.engine)

    try:
        server.create(build)
    finally:
        source.close()
        server.close()
    return copied[0]


def server_checkout(url: str, target: Path) -> int:
    """A file copy of the server's workspace, to work on offline."""
    from selfeval.store.copy import copy_rows

    if is_server_address(str(target)):
        raise InputError(f"{target}: check out into a workspace file, not another server")
    server = _server(url)
    server.open(backups_dir())
    copied = [0]

    def build(staging: WorkspaceStore) -> None:
        copied[0] = copy_rows(server.engine, staging.engine)

    try:
        store_for(target).create(build)  # a fresh file: its tables start empty
    finally:
        server.close()
    return copied[0]


def server_upgrade(url: str) -> str:
    """Run the migrations a server's workspace lacks; returns the revision it is at now."""
    from selfeval.store import migrate
    from selfeval.store.schema_version import HEAD, REVISIONS

    server = _server(url)
    try:
        revision = server.revision()
        if revision is None:
            raise InputError(f"{server.name}: holds no selfeval workspace; run 'server init'")
        if revision not in REVISIONS:
            raise InputError(f"{server.name}: is at schema {revision}, newer than this selfeval")
        if revision != HEAD:
            migrate.upgrade(server.make_engine())
        return HEAD
    finally:
        server.close()
