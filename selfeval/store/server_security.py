"""Who may see and change what on a shared workspace, decided by PostgreSQL itself, declared once.

Each person logs in as themselves. Three group roles (lead, contributor, reader) carry the table
privileges, and the grants table says which one a login has (and, for a contributor, which
criteria). `ACCESS` below holds one decision for every table x role x verb: from it alone come
the privileges and the row-level security policies, and a test reads the catalogue and fails on
a table that has none (a new table cannot ship open). Row-level security is enabled and forced
on every table, the owner included (its policy lets the owner, and so the functions that run as
it, see everything); a policy also asks the grants table for the role, so membership of a group
without a grant in this database gives nothing. Applying it twice is harmless.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from selfeval.store.server_functions import POLICY_FUNCTIONS, WRITER_FUNCTIONS, object_statements

GROUPS = {
    "lead": "selfeval_lead",
    "contributor": "selfeval_contributor",
    "reader": "selfeval_reader",
}
ROLES = tuple(GROUPS)
VERBS = ("select", "insert", "update", "delete")

NO = None
"""Not granted: the server refuses the statement."""
ALL = "true"
NO_ROWS = "false"
"""Granted, but no row passes: the app's reading of the table finds nothing, without an error."""
CRITERION = "{s}.selfeval_may_edit(criterion_id)"
"""A contributor's granted criteria (a lead's every criterion)."""
OWN_EVIDENCE = "{s}.selfeval_may_change_evidence(id)"
OF_OWN_EVIDENCE = "{s}.selfeval_may_change_evidence(evidence_id)"
OWN_ACTION = "{s}.selfeval_may_change_action(id)"
OF_OWN_ACTION = "{s}.selfeval_may_change_action(action_id)"
OF_VISIBLE_EVIDENCE = "evidence_id IN (SELECT e.id FROM {s}.evidence_item e)"
"""Through the evidence table's own policy: personal data of another organisation is not there."""
OF_VISIBLE_ATTACHMENT = "sha256 IN (SELECT a.sha256 FROM {s}.attachment a)"
"""A file's bytes are read only through an attachment the login can see."""
MINE = "organisation_id IS NOT DISTINCT FROM (SELECT {s}.selfeval_org())"
VISIBLE_EVIDENCE = f"(NOT personal_data OR {MINE})"
VISIBLE_CASE_STUDY = f"(de_identified OR {MINE})"
"""A case study not de-identified is personal data: seen inside its organisation only."""
VISIBLE_CHANGE = (
    "(CASE entity"
    " WHEN 'evidence' THEN entity_id IN (SELECT e.id FROM {s}.evidence_item e)"
    " WHEN 'evidence_link' THEN entity_id IN (SELECT e.id FROM {s}.evidence_item e)"
    " WHEN 'voice' THEN entity_id IN (SELECT v.id FROM {s}.voice v)"
    " WHEN 'case_study' THEN entity_id IN (SELECT c.id FROM {s}.case_study c)"
    " ELSE true END)"
)
"""A history line about an evidence item, a voice or a case study is seen by those who see the
row through its own policy (a deleted one's lines by leads only)."""
VISIBLE_SNAPSHOT = (
    "NOT EXISTS (SELECT 1 FROM unnest(coalesce({s}.selfeval_snapshot_personal(content), "
    "ARRAY[NULL::text])) AS p(id) "
    "WHERE p.id IS NULL OR p.id NOT IN (SELECT e.id FROM {s}.evidence_item e))"
)
"""A snapshot names the personal-data items it holds: seen only by those who see each one."""
OWN_PIECES = "login = session_user"
MAY_ATTACH = "{s}.selfeval_may_attach(sha256)"
OWN_GRANT = "login = session_user"


@dataclass(frozen=True)
class Decision:
    """For each verb, the rule for (lead, contributor, reader): NO, ALL or a condition."""

    select: tuple[str | None, str | None, str | None]
    insert: tuple[str | None, str | None, str | None]
    update: tuple[str | None, str | None, str | None]
    delete: tuple[str | None, str | None, str | None]

    def rule(self, verb: str, role: str) -> str | None:
        rules: tuple[str | None, ...] = getattr(self, verb)
        return rules[ROLES.index(role)]


EVERYONE_READS = (ALL, ALL, ALL)
LEAD_ONLY = (ALL, NO, NO)
LEAD_READS = (ALL, NO_ROWS, NO_ROWS)
NOBODY = (NO, NO, NO)
CRITERION_WRITES = (ALL, CRITERION, NO)

LEAD_WRITES = Decision(EVERYONE_READS, LEAD_ONLY, LEAD_ONLY, LEAD_ONLY)

ACCESS: dict[str, Decision] = {
    "alembic_version": Decision(EVERYONE_READS, NOBODY, NOBODY, NOBODY),
    "partnership": LEAD_WRITES,
    "framework_edition": LEAD_WRITES,
    "assessment": LEAD_WRITES,
    "organisation": LEAD_WRITES,
    "person": LEAD_WRITES,
    "workspace_setting": LEAD_WRITES,
    "judgement": Decision(EVERYONE_READS, CRITERION_WRITES, CRITERION_WRITES, CRITERION_WRITES),
    "ownership": Decision(EVERYONE_READS, CRITERION_WRITES, CRITERION_WRITES, CRITERION_WRITES),
    "comment": Decision(EVERYONE_READS, CRITERION_WRITES, LEAD_ONLY, LEAD_ONLY),
    "evidence_item": Decision(
        (ALL, VISIBLE_EVIDENCE, VISIBLE_EVIDENCE),
        (ALL, ALL, NO),
        (ALL, OWN_EVIDENCE, NO),
        (ALL, OWN_EVIDENCE, NO),
    ),
    # Citing any item one can see on one's own criterion (or withdrawing it) changes only that
    # criterion; the item itself is changed or deleted under the evidence rule above.
    "evidence_link": Decision(
        (ALL, OF_VISIBLE_EVIDENCE, OF_VISIBLE_EVIDENCE),
        (ALL, f"{CRITERION} AND {OF_VISIBLE_EVIDENCE}", NO),
        (ALL, f"{CRITERION} AND {OF_VISIBLE_EVIDENCE}", NO),
        (ALL, CRITERION, NO),
    ),
    # A file is attached only by a login that sent its bytes or can see it already: knowing
    # a personal file's SHA-256 does not let anyone attach it to an item of theirs and read it.
    "attachment": Decision(
        (ALL, OF_VISIBLE_EVIDENCE, OF_VISIBLE_EVIDENCE),
        (ALL, f"{OF_OWN_EVIDENCE} AND {MAY_ATTACH}", NO),
        (ALL, f"{OF_OWN_EVIDENCE} AND {MAY_ATTACH}", NO),
        (ALL, OF_OWN_EVIDENCE, NO),
    ),
    "blob": Decision(
        (ALL, OF_VISIBLE_ATTACHMENT, OF_VISIBLE_ATTACHMENT),
        (ALL, NO, NO),  # a contributor's file goes through selfeval_store_blob, checked
        NOBODY,  # a file's bytes are never rewritten
        (ALL, "{s}.selfeval_blob_unused(sha256)", NO),
    ),
    "selfeval_blob_holder": Decision((OWN_GRANT, OWN_GRANT, NO), NOBODY, NOBODY, NOBODY),
    "selfeval_blob_piece": Decision(
        (OWN_PIECES, OWN_PIECES, NO),
        (OWN_PIECES, OWN_PIECES, NO),
        NOBODY,
        (OWN_PIECES, OWN_PIECES, NO),
    ),
    "change_record": Decision(
        (ALL, VISIBLE_CHANGE, VISIBLE_CHANGE),
        (ALL, NO, NO),  # a contributor's lines go through selfeval_record_change
        NOBODY,
        NOBODY,
    ),
    # Request secrets and bases, merge summaries: a lead's alone.
    "merged_package": Decision(LEAD_READS, LEAD_ONLY, LEAD_ONLY, LEAD_ONLY),
    "contribution_request": Decision(LEAD_READS, LEAD_ONLY, LEAD_ONLY, LEAD_ONLY),
    "action": Decision(
        EVERYONE_READS, (ALL, ALL, NO), (ALL, OWN_ACTION, NO), (ALL, OWN_ACTION, NO)
    ),
    "action_criterion": Decision(
        EVERYONE_READS, CRITERION_WRITES, CRITERION_WRITES, CRITERION_WRITES
    ),
    "action_note": Decision(
        EVERYONE_READS, (ALL, OF_OWN_ACTION, NO), (ALL, OF_OWN_ACTION, NO), (ALL, OF_OWN_ACTION, NO)
    ),
    "indicator_value": LEAD_WRITES,
    "indicator_target": LEAD_WRITES,
    "risk": LEAD_WRITES,
    "snapshot": Decision(
        (ALL, VISIBLE_SNAPSHOT, VISIBLE_SNAPSHOT), LEAD_ONLY, LEAD_ONLY, LEAD_ONLY
    ),
    "signoff": LEAD_WRITES,
    "data_request_item": LEAD_WRITES,
    "published_figure": LEAD_WRITES,
    "edition_item": LEAD_WRITES,
    "priority": LEAD_WRITES,
    # What families said and case studies: the lead keeps them; personal data of another
    # organisation is not there for anyone else.
    "voice": Decision((ALL, VISIBLE_EVIDENCE, VISIBLE_EVIDENCE), LEAD_ONLY, LEAD_ONLY, LEAD_ONLY),
    "survey_result": LEAD_WRITES,
    "case_study": Decision(
        (ALL, VISIBLE_CASE_STUDY, VISIBLE_CASE_STUDY), LEAD_ONLY, LEAD_ONLY, LEAD_ONLY
    ),
    # A lead reads every grant, anyone else their own; only the owner changes grants.
    "selfeval_grant": Decision((ALL, OWN_GRANT, OWN_GRANT), NOBODY, NOBODY, NOBODY),
}


def schema_of(connection: Connection) -> str:
    """The workspace's schema, quoted for pasting into a statement."""
    return str(connection.execute(text("SELECT quote_ident(current_schema())")).scalar_one())


def _policy(schema: str, table: str, verb: str, role: str, rule: str) -> str:
    condition = f"(SELECT {schema}.selfeval_role()) = '{role}' AND ({rule.format(s=schema)})"
    using = "" if verb == "insert" else f" USING ({condition})"
    check = f" WITH CHECK ({condition})" if verb in ("insert", "update") else ""
    return (
        f"CREATE POLICY selfeval_{verb}_{role} ON {schema}.{table} FOR {verb.upper()} "
        f"TO {GROUPS[role]}{using}{check}"
    )


def table_statements(schema: str, table: str, owner: str) -> list[str]:
    """The privileges and policies of one table, from its decision alone (`owner` quoted)."""
    decision = ACCESS[table]
    everyone = ", ".join(GROUPS.values())
    statements = [
        f"ALTER TABLE {schema}.{table} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {schema}.{table} FORCE ROW LEVEL SECURITY",
        f"REVOKE ALL ON {schema}.{table} FROM PUBLIC, {everyone}",
        f"CREATE POLICY selfeval_owner ON {schema}.{table} TO {owner} "
        "USING (true) WITH CHECK (true)",
    ]
    for verb in VERBS:
        for role in ROLES:
            rule = decision.rule(verb, role)
            if rule is NO:
                continue
            statements.append(f"GRANT {verb.upper()} ON {schema}.{table} TO {GROUPS[role]}")
            statements.append(_policy(schema, table, verb, role, rule))
    return statements


def _groups() -> list[str]:
    return [
        f"""DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '{group}') THEN
                CREATE ROLE {group} NOLOGIN;
            END IF;
        END $$"""
        for group in GROUPS.values()
    ]


def _database_statements(database: str, schema: str) -> list[str]:
    """No login but the owner creates anything: no temporary tables (they would shadow ours in
    any function whose search path lets them), no objects in the schema."""
    everyone = ", ".join(GROUPS.values())
    writers = f"{GROUPS['lead']}, {GROUPS['contributor']}"
    return [
        f'REVOKE CREATE, TEMPORARY ON DATABASE "{database}" FROM PUBLIC, {everyone}',
        f'GRANT CONNECT ON DATABASE "{database}" TO {everyone}',
        f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC, {everyone}",
        f"GRANT USAGE ON SCHEMA {schema} TO {everyone}",
        f"REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA {schema} FROM PUBLIC, {everyone}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
        *[f"GRANT EXECUTE ON FUNCTION {schema}.{f} TO {everyone}" for f in POLICY_FUNCTIONS],
        *[f"GRANT EXECUTE ON FUNCTION {schema}.{f} TO {writers}" for f in WRITER_FUNCTIONS],
    ]


def schema_tables(connection: Connection) -> list[str]:
    """Every table of the workspace's schema, read from the catalogue."""
    rows = connection.execute(
        text("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")
    ).scalars()
    return sorted(rows)


def install_server_objects(engine: Engine) -> None:
    """The grants and staging tables, functions and triggers every server workspace has (made
    with the schema, renewed by every `apply_security`)."""
    with engine.begin() as connection:
        schema = schema_of(connection)
        for statement in object_statements(schema):
            connection.execute(text(statement))


def apply_security(engine: Engine) -> None:
    """Roles, privileges, policies, the history stamp and change notices: run as the owner."""
    install_server_objects(engine)
    with engine.begin() as connection:
        schema = schema_of(connection)
        database = connection.execute(text("SELECT current_database()")).scalar_one()
        for statement in [*_groups(), *_database_statements(database, schema)]:
            connection.execute(text(statement))
        tables = schema_tables(connection)
        undecided = [t for t in tables if t not in ACCESS]
        if undecided:  # a table nobody decided stays closed to every group (no grant)
            raise RuntimeError(f"no access decision for table(s) {', '.join(undecided)}")
        for table in tables:
            owner = connection.execute(
                text(
                    "SELECT quote_ident(tableowner) FROM pg_catalog.pg_tables "
                    "WHERE schemaname = current_schema() AND tablename = :t"
                ),
                {"t": table},
            ).scalar_one()
            for name in connection.execute(
                text(
                    "SELECT policyname FROM pg_catalog.pg_policies "
                    "WHERE schemaname = current_schema() AND tablename = :t"
                ),
                {"t": table},
            ).scalars():
                connection.execute(text(f'DROP POLICY "{name}" ON {schema}.{table}'))
            for statement in table_statements(schema, table, owner):
                connection.execute(text(statement))
