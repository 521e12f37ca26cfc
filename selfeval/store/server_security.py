"""Who may change what on a shared workspace, decided by PostgreSQL itself.

Each person logs in as themselves. Three group roles (lead, contributor, reader) carry the table
privileges; row-level security policies, reading the grants table through SECURITY DEFINER
functions, narrow them: a contributor changes judgements, owners, evidence links and comments
only on the criteria granted; evidence marked as personal data is visible only to leads and to
the organisation that holds it; the change history takes inserts only, and its "who" is
stamped on the server from the login, whatever the client sends. Applying it twice is harmless.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

GROUPS = {
    "lead": "selfeval_lead",
    "contributor": "selfeval_contributor",
    "reader": "selfeval_reader",
}
CRITERION_TABLES = ("judgement", "ownership", "evidence_link", "comment", "action_criterion")
CONTRIBUTOR_WRITES = (
    *CRITERION_TABLES,
    "evidence_item",
    "attachment",
    "blob",
    "action",
    "action_note",
)

_SETUP = [
    """CREATE TABLE IF NOT EXISTS selfeval_grant (
        login text PRIMARY KEY,
        person_id varchar(36),
        organisation_id varchar(36),
        role text NOT NULL CHECK (role IN ('lead', 'contributor', 'reader')),
        criteria text[] NOT NULL DEFAULT '{}'
    )""",
    """CREATE OR REPLACE FUNCTION selfeval_role() RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT role FROM selfeval_grant WHERE login = session_user $$""",
    """CREATE OR REPLACE FUNCTION selfeval_org() RETURNS text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT organisation_id FROM selfeval_grant WHERE login = session_user $$""",
    """CREATE OR REPLACE FUNCTION selfeval_may_edit(criterion text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT EXISTS (
            SELECT 1 FROM selfeval_grant g WHERE g.login = session_user
            AND (g.role = 'lead' OR (g.role = 'contributor' AND criterion = ANY (g.criteria)))
        ) $$""",
    """CREATE OR REPLACE FUNCTION selfeval_stamp_change() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS
        $$ DECLARE who text; place text;
        BEGIN
            SELECT p.name, coalesce(o.name, '') INTO who, place
              FROM selfeval_grant g
              LEFT JOIN person p ON p.id = g.person_id
              LEFT JOIN organisation o ON o.id = g.organisation_id
             WHERE g.login = session_user;
            IF FOUND THEN
                NEW.changed_by := coalesce(who, session_user);
                NEW.organisation := place;
                NEW.changed_at := now();
            END IF;
            RETURN NEW;
        END $$""",
    "DROP TRIGGER IF EXISTS selfeval_stamp_change ON change_record",
    """CREATE TRIGGER selfeval_stamp_change BEFORE INSERT ON change_record
        FOR EACH ROW EXECUTE FUNCTION selfeval_stamp_change()""",
]


def _groups() -> list[str]:
    return [
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN
                CREATE ROLE {group} NOLOGIN;
            END IF;
        END $$"""
        for group in GROUPS.values()
    ]


def _privileges(database: str) -> list[str]:
    everyone = ", ".join(GROUPS.values())
    lead, contributor = GROUPS["lead"], GROUPS["contributor"]
    statements = [
        f'GRANT CONNECT ON DATABASE "{database}" TO {everyone}',
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {lead}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(CONTRIBUTOR_WRITES)} TO {contributor}",
        f"GRANT INSERT ON change_record TO {lead}, {contributor}",
        f"REVOKE UPDATE, DELETE ON change_record FROM {everyone}",
        f"REVOKE ALL ON selfeval_grant FROM {everyone}",
        f"REVOKE ALL ON alembic_version FROM {everyone}",
        f"GRANT SELECT ON alembic_version TO {everyone}",
    ]
    return statements


def _policies() -> list[str]:
    statements = []
    for table in CRITERION_TABLES:
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS selfeval_read ON {table}",
            f"CREATE POLICY selfeval_read ON {table} FOR SELECT USING (true)",
            f"DROP POLICY IF EXISTS selfeval_insert ON {table}",
            f"CREATE POLICY selfeval_insert ON {table} FOR INSERT "
            "WITH CHECK (selfeval_may_edit(criterion_id))",
            f"DROP POLICY IF EXISTS selfeval_update ON {table}",
            f"CREATE POLICY selfeval_update ON {table} FOR UPDATE "
            "USING (selfeval_may_edit(criterion_id)) WITH CHECK (selfeval_may_edit(criterion_id))",
            f"DROP POLICY IF EXISTS selfeval_delete ON {table}",
            f"CREATE POLICY selfeval_delete ON {table} FOR DELETE "
            "USING (selfeval_may_edit(criterion_id))",
        ]
    visible = "(NOT personal_data OR selfeval_role() = 'lead' OR organisation_id = selfeval_org())"
    statements += [
        "ALTER TABLE evidence_item ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS selfeval_read ON evidence_item",
        f"CREATE POLICY selfeval_read ON evidence_item FOR SELECT USING {visible}",
        "DROP POLICY IF EXISTS selfeval_insert ON evidence_item",
        "CREATE POLICY selfeval_insert ON evidence_item FOR INSERT "
        "WITH CHECK (selfeval_role() IN ('lead', 'contributor'))",
        "DROP POLICY IF EXISTS selfeval_update ON evidence_item",
        f"CREATE POLICY selfeval_update ON evidence_item FOR UPDATE USING {visible}",
        "DROP POLICY IF EXISTS selfeval_delete ON evidence_item",
        f"CREATE POLICY selfeval_delete ON evidence_item FOR DELETE USING {visible}",
        "ALTER TABLE attachment ENABLE ROW LEVEL SECURITY",
        "DROP POLICY IF EXISTS selfeval_all ON attachment",
        "CREATE POLICY selfeval_all ON attachment "
        "USING (evidence_id IN (SELECT id FROM evidence_item))",
    ]
    return statements


def apply_security(engine: Engine) -> None:
    """Roles, privileges, policies, the history stamp and change notices: run as the owner."""
    from selfeval.store.postgres_server import install_change_notices

    install_change_notices(engine)  # a server made before notices existed gets them too
    with engine.begin() as connection:
        database = connection.execute(text("SELECT current_database()")).scalar_one()
        for statement in [*_groups(), *_SETUP, *_privileges(database), *_policies()]:
            connection.execute(text(statement))


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
    apply_security(engine)  # the grants table and policies exist (a server made elsewhere)
    with engine.begin() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login}
        ).first()
        quoted = connection.execute(text("SELECT quote_ident(:l)"), {"l": login}).scalar_one()
        if exists is None:
            secret = connection.execute(
                text("SELECT quote_literal(:p)"), {"p": password or ""}
            ).scalar_one()
            connection.execute(
                text(f"CREATE ROLE {quoted} LOGIN" + (f" PASSWORD {secret}" if password else ""))
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
        quoted = connection.execute(text("SELECT quote_ident(:l)"), {"l": login}).scalar_one()
        if connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login}
        ).first():
            for group in GROUPS.values():
                connection.execute(text(f"REVOKE {group} FROM {quoted}"))
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
