"""Letting people in and out of a shared workspace: the grants the policies read.

Only a plain login (one person's: it may log in, has no special power, holds no other role and
no role may act as it) is ever put in a group. Granting a group role would make every member of it
whatever was granted; granting the owner, a superuser or a `pg_*` role would hand out powers
the policies cannot limit. These are refused before anything is changed.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from selfeval.errors import InputError
from selfeval.store.server_security import GROUPS, apply_security

_ROLE_FACTS = """SELECT r.rolcanlogin, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
              r.rolbypassrls,
              r.rolname = (SELECT pg_catalog.pg_get_userbyid(d.datdba) FROM pg_catalog.pg_database d
                           WHERE d.datname = current_database()) OR r.rolname = current_user,
              EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m WHERE m.roleid = r.oid
                      AND {powers}),
              EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m
                      JOIN pg_catalog.pg_roles g ON g.oid = m.roleid
                      WHERE m.member = r.oid AND NOT g.rolname = ANY (:groups))
         FROM pg_catalog.pg_roles r WHERE r.rolname = :login"""
_MEMBER_POWERS = {
    # Since PostgreSQL 16 the login that made a role is recorded as its member, with the right
    # to administer it only: such a member gains nothing from it.
    True: "(m.inherit_option OR m.set_option)",
    False: "true",
}

_WHY = (
    "cannot log in (it is a group, not a person's login)",
    "is a superuser",
    "may create roles",
    "may create databases",
    "is a replication login",
    "bypasses row-level security",
    "owns this workspace (the owner keeps the schema; people log in as themselves)",
    "has members (granting it would grant every one of them)",
    "is a member of other roles (their powers would come with it)",
)


def refusal(connection: Connection, login: str) -> str | None:
    """Why `login` may not be granted a role here, in words; None for a plain login or one that
    does not exist yet."""
    if login in GROUPS.values() or login.startswith("pg_"):
        return f"'{login}' is a role of the server, not a person's login"
    version = int(connection.execute(text("SHOW server_version_num")).scalar_one())
    query = _ROLE_FACTS.format(powers=_MEMBER_POWERS[version >= 160000])
    facts = connection.execute(text(query), {"login": login, "groups": list(GROUPS.values())})
    row = facts.first()
    if row is None:
        return None
    flags = (not row[0], *row[1:])
    for flagged, why in zip(flags, _WHY, strict=True):
        if flagged:
            return f"'{login}' {why}; only a plain login is given a role"
    return None


def grant_login(
    engine: Engine,
    login: str,
    password: str | None,
    role: str,
    person_id: str,
    organisation_id: str,
    criteria: list[str],
) -> None:
    """The login (made with `password` when it does not exist yet) in exactly one group, and
    its row in the grants table the policies read. Identifiers and the password are quoted by
    the server (quote_ident, quote_literal), never pasted in."""
    with engine.connect() as connection:
        why = refusal(connection, login)
    if why is not None:
        raise InputError(why)
    apply_security(engine)  # the grants table and policies exist (a server made elsewhere)
    with engine.begin() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :login"), {"login": login}
        ).first()
        quoted = connection.execute(text("SELECT quote_ident(:l)"), {"l": login}).scalar_one()
        if exists is None:
            secret = connection.execute(
                text("SELECT quote_literal(:p)"), {"p": password or ""}
            ).scalar_one()
            connection.execute(
                text(
                    f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                    "NOREPLICATION NOBYPASSRLS" + (f" PASSWORD {secret}" if password else "")
                )
            )
        for name, group in GROUPS.items():
            verb, joiner = ("GRANT", "TO") if name == role else ("REVOKE", "FROM")
            connection.execute(text(f"{verb} {group} {joiner} {quoted}"))
        connection.execute(
            text(
                "INSERT INTO selfeval_grant (login, person_id, organisation_id, role, criteria)"
                " VALUES (:login, :person, :org, :role, :criteria)"
                " ON CONFLICT (login) DO UPDATE SET person_id = :person,"
                " organisation_id = :org, role = :role, criteria = :criteria"
            ),
            {
                "login": login,
                "person": person_id,
                "org": organisation_id,
                "role": role,
                "criteria": criteria,
            },
        )


def revoke_login(engine: Engine, login: str) -> bool:
    """The grant taken away and the login out of every group (it stays, with no access)."""
    with engine.begin() as connection:
        gone = connection.execute(
            text("DELETE FROM selfeval_grant WHERE login = :login"), {"login": login}
        ).rowcount
        if refusal(connection, login) is not None:
            return bool(gone)  # a role of the server is never taken out of its groups here
        memberships = connection.execute(
            text(
                "SELECT quote_ident(g.rolname), quote_ident(m.rolname), quote_ident(b.rolname) "
                "FROM pg_catalog.pg_auth_members a "
                "JOIN pg_catalog.pg_roles g ON g.oid = a.roleid "
                "JOIN pg_catalog.pg_roles m ON m.oid = a.member "
                "JOIN pg_catalog.pg_roles b ON b.oid = a.grantor "
                "WHERE m.rolname = :l AND g.rolname = ANY (:groups)"
            ),
            {"l": login, "groups": list(GROUPS.values())},
        ).all()
        for group, member, grantor in memberships:
            try:  # whoever put it there; one this login may not undo is harmless (no grant)
                with connection.begin_nested():
                    connection.execute(text(f"REVOKE {group} FROM {member} GRANTED BY {grantor}"))
            except DBAPIError:
                pass
    return bool(gone)


def granted_logins(engine: Engine) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    """(login, person, organisation, role, criteria) for every grant, by login."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT g.login, coalesce(p.name, ''), coalesce(o.name, ''), g.role, g.criteria"
                " FROM selfeval_grant g LEFT JOIN person p ON p.id = g.person_id"
                " LEFT JOIN organisation o ON o.id = g.organisation_id ORDER BY g.login"
            )
        ).all()
    return [(r[0], r[1], r[2], r[3], tuple(r[4])) for r in rows]


def is_owner(engine: Engine) -> bool:
    """Whether this connection's login may run the owner's verbs (grant, revoke, who, upgrade):
    the owner of the workspace's tables, or a superuser."""
    with engine.connect() as connection:
        return bool(
            connection.execute(
                text(
                    "SELECT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)"
                    " OR current_user = (SELECT tableowner FROM pg_catalog.pg_tables"
                    " WHERE schemaname = current_schema() AND tablename = 'alembic_version')"
                )
            ).scalar()
        )


def is_superuser(engine: Engine) -> bool:
    with engine.connect() as connection:
        return bool(
            connection.execute(
                text("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")
            ).scalar()
        )
