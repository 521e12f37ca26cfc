"""Setting up and taking down a shared workspace on a PostgreSQL server: the lead's verbs.

`init` makes the workspace on an empty database (or publishes a workspace file to it, every
record with its id, attachments and history); `checkout` copies it into a file to take offline;
`upgrade` brings an older server schema to this version. Each is safe to run twice.

The owner's verbs (upgrade, grant, revoke, who) are refused in words to any other login before
anything is asked of the server: the database would refuse them too, but in SQL.
"""

from __future__ import annotations

import re
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
    owner_is_superuser: bool = False
    """The login that made it is a superuser: it should be a plain login that owns the
    database (docs/server.md), never a person's everyday login."""


def _server(url: str) -> PostgresStore:
    if not is_server_address(url):
        raise InputError(f"{url}: give the server as a postgresql:// address")
    return PostgresStore(url)


def _owner_only(server: WorkspaceStore, verb: str) -> None:
    from selfeval.store.server_logins import is_owner

    try:
        owner = is_owner(server.engine)
    except Exception as err:
        fault = server.fault(err)
        if fault is not None:
            raise fault from None
        raise
    if not owner:
        raise InputError(
            f"{server.name}: only the workspace's owner (the login that ran 'server init') may "
            f"{verb}; nothing was changed"
        )


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
    from selfeval.store.server_security import apply_security

    copied = 0
    if from_workspace is None:
        create_workspace(url, area, framework, user).close()
    else:
        copied = _publish(from_workspace, server)
    from selfeval.store.server_logins import is_superuser

    secured = PostgresStore(url)
    try:
        apply_security(secured.make_engine())
        superuser = is_superuser(secured.engine)
    finally:
        secured.close()
    return InitResult(created=True, rows_copied=copied, owner_is_superuser=superuser)


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


def server_checkout_criteria(
    url: str, target: Path, criteria: list[str], user: CurrentUser
) -> list[str]:
    """An offline copy of some criteria, made as a contribution request to oneself: its return
    merges back through the usual merge review (what may change is the request's scope)."""
    import os
    import secrets

    from selfeval.services.contributions import create_request, open_request
    from selfeval.services.workspace import open_workspace

    if target.exists():
        raise InputError(f"{target}: already exists; choose another name")
    package = target.with_name(f".{target.name}.{secrets.token_hex(4)}.sefpack")
    try:
        with open_workspace(url, user) as workspace:
            made = create_request(workspace, user.name or "offline copy", criteria, package)
        open_request(package, target, user).close()
    finally:
        if package.exists():
            os.unlink(package)
    return list(made.manifest.criteria)


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
        if revision is not None:
            server.make_engine()
            _owner_only(server, "upgrade it")
        if revision is None:
            raise InputError(f"{server.name}: holds no selfeval workspace; run 'server init'")
        if revision not in REVISIONS:
            raise InputError(f"{server.name}: is at schema {revision}, newer than this selfeval")
        if revision != HEAD:
            migrate.upgrade(server.make_engine())
        from selfeval.store.server_security import apply_security

        apply_security(server.make_engine())  # new tables get their privileges and policies
        return HEAD
    finally:
        server.close()


@dataclass(frozen=True)
class Grant:
    login: str
    person: str
    organisation: str
    role: str
    criteria: tuple[str, ...]


ROLES = ("lead", "contributor", "reader")
_LOGIN = re.compile(r"^[a-z_][a-z0-9_.@-]{0,62}$")


def server_grant(
    url: str,
    login: str,
    person: str,
    organisation: str,
    role: str,
    criteria: list[str],
    password: str | None,
    user: CurrentUser,
) -> Grant:
    """Let `login` in as `person` of `organisation` with `role` (made if missing; matched by
    name otherwise). A contributor's criteria are checked against the framework."""
    from selfeval.services.people import (
        add_organisation,
        add_person,
        list_organisations,
        list_people,
    )
    from selfeval.services.plain_names import plain_name
    from selfeval.services.workspace import open_workspace
    from selfeval.store.server_logins import grant_login

    person = plain_name(person, "the person's name")
    organisation = plain_name(organisation, "the organisation's name")
    login = login.strip()
    if not _LOGIN.match(login):
        raise InputError(
            f"'{login}': a login is lower-case letters, digits and _ . @ -, starting with a letter"
        )
    if role not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    with open_workspace(url, user) as workspace:
        _owner_only(workspace.store, "let people in")
        known = {c.id for c in workspace.framework.criteria}
        unknown = [c for c in criteria if c not in known]
        if unknown:
            raise InputError(f"'{unknown[0]}' is not a criterion of {workspace.framework.id}")
        if role == "contributor" and not criteria:
            raise InputError("a contributor needs --criteria (the criteria they may change)")
        organisations = {o.name: o for o in list_organisations(workspace)}
        org = organisations.get(organisation.strip()) or add_organisation(workspace, organisation)
        people = {p.name: p for p in list_people(workspace)}
        someone = people.get(person.strip()) or add_person(workspace, person, "", org.name)
        grant_login(
            workspace.store.engine,
            login,
            password,
            role,
            someone.id,
            org.id,
            sorted(criteria) if role == "contributor" else [],
        )
    return Grant(login, someone.name, org.name, role, tuple(sorted(criteria)))


def server_revoke(url: str, login: str, user: CurrentUser) -> bool:
    """Take a login's grant away (the login itself stays, with no access); False if it had none."""
    from selfeval.services.workspace import open_workspace
    from selfeval.store.server_logins import revoke_login

    with open_workspace(url, user) as workspace:
        _owner_only(workspace.store, "take access away")
        return revoke_login(workspace.store.engine, login)


def server_who(url: str, user: CurrentUser) -> list[Grant]:
    from selfeval.services.workspace import open_workspace
    from selfeval.store.server_logins import granted_logins

    with open_workspace(url, user) as workspace:
        _owner_only(workspace.store, "list who may do what")
        return [Grant(*row) for row in granted_logins(workspace.store.engine)]
