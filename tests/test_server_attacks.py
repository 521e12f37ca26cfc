"""A hostile partner with nothing but their own login and psql: every way in we know of is tried
as each role, against a workspace whose owner is a plain (not superuser) login, as the
documentation asks. The sabotage tests at the end take one protection away each and show the
attack then succeeds, so these tests can fail."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from selfeval.cli import main
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, open_workspace
from selfeval.store.server_functions import NOTICE_CHANNEL, all_functions
from selfeval.store.server_security import ACCESS, GROUPS, ROLES, VERBS
from tests.server_fixtures import ThrowAwayServer

OWNER = "selfeval_test_owner"
LOGINS = {"lead": "helen", "contributor": "amara", "reader": "lisa"}
ICB = "NHS Anyshire and Wessex ICB"
COUNCIL = "Anyshire County Council - SEND and Inclusion"


def as_login(url: str, login: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{login}@{rest.split('@', 1)[1]}"


def _owner_database(pg_server: ThrowAwayServer, template: str | None = None) -> str:
    """A new database (a copy of `template`) owned by a plain login that may create roles (and
    administer the groups, without being in them): the owner the documentation asks for."""
    with psycopg.connect(pg_server.base_url, autocommit=True) as admin:
        if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (OWNER,)).fetchone() is None:
            admin.execute(f"CREATE ROLE {OWNER} LOGIN CREATEROLE")
        for group in GROUPS.values():
            if admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone():
                continue
            admin.execute(f"CREATE ROLE {group} NOLOGIN")
        for group in GROUPS.values():
            admin.execute(f"GRANT {group} TO {OWNER} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE")
    url = pg_server.new_database(template)
    name = url.partition("?")[0].rsplit("/", 1)[1]
    with psycopg.connect(pg_server.base_url, autocommit=True) as admin:
        admin.execute(f"ALTER DATABASE {name} OWNER TO {OWNER}")
    return as_login(url, OWNER)


@pytest.fixture(scope="module")
def shared_template(pg_server: ThrowAwayServer, demo_template: Path) -> str:
    """The demo published by a plain owner, with a lead, a contributor (right-help) and a
    reader, and a personal-data item of the ICB's and of the council's."""
    url = _owner_database(pg_server)
    assert main(["server", "init", url, "--area", "Anyshire", "--from", str(demo_template)]) == 0
    grants = [
        ["amara", "--person", "Dr Amara Okafor", "--organisation", ICB,
         "--role", "contributor", "--criteria", "right-help"],
        ["lisa", "--person", "Lisa Wynne", "--organisation", "Anyshire Parent Carer Forum",
         "--role", "reader"],
        ["helen", "--person", "Helen Whitfield", "--organisation", COUNCIL, "--role", "lead"],
    ]  # fmt: skip
    for grant in grants:
        assert main(["server", "grant", url, *grant]) == 0
    with open_workspace(url, CurrentUser("Owner", "")) as owner:
        for title, organisation in (("Case review of child A", ICB), ("Child B's plan", COUNCIL)):
            add_evidence(
                owner,
                EvidenceInput(
                    title=title, kind="case-study", organisation=organisation, personal_data=True
                ),
                ["right-help"],
                [(f"{title}.txt", f"bytes of {title}".encode())],
            )
        _heard(owner)
    return url


def _heard(owner: Workspace) -> None:
    """A personal voice and a case study not de-identified, of the ICB's and of the council's,
    and a survey result: what is personal is seen only inside its organisation (and by leads)."""
    from selfeval.services.voices.case_studies import add_case_study, parse_case_study
    from selfeval.services.voices.surveys import add_survey_result, parse_survey
    from selfeval.services.voices.voices import add_voice, parse_voice

    for who, organisation in (("child A", ICB), ("Child B", COUNCIL)):
        add_voice(owner, parse_voice(words=f"Words of {who}'s mother", speaker_kind="parent-carer",
                                     personal_data=True, consent=True, organisation=organisation,
                                     criteria=["right-help"]))  # fmt: skip
        add_case_study(owner, parse_case_study(title=f"Journey of {who}", de_identified=False,
                                               organisation=organisation,
                                               criteria=["right-help"]))  # fmt: skip
    add_survey_result(owner, parse_survey(survey="Forum survey", question="I was listened to",
                                          responses=120, agree_percent=55,
                                          criteria=["right-help"]))  # fmt: skip


@pytest.fixture
def shared(shared_template: str, pg_server: ThrowAwayServer) -> Iterator[str]:
    """A private copy of the template: a test may change and sabotage it freely. (A copy does
    not carry the database's own privileges, so the owner applies them again.)"""
    url = _owner_database(pg_server, shared_template.partition("?")[0].rsplit("/", 1)[1])
    _secure_again(url)
    yield url


def _secure_again(url: str) -> None:
    from selfeval.store.postgres_server import PostgresStore
    from selfeval.store.server_security import apply_security

    store = PostgresStore(url)
    try:
        apply_security(store.make_engine())
    finally:
        store.close()


def connect(url: str, role: str) -> psycopg.Connection:  # type: ignore[type-arg]
    return psycopg.connect(as_login(url, LOGINS[role]), autocommit=True)


def refused(connection: psycopg.Connection, statement: str, *args: object) -> bool:  # type: ignore[type-arg]
    try:
        with connection.transaction():
            connection.execute(statement, args or None)
    except (psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation):
        return True
    return False


# --- every table decided, in one place ------------------------------------------------------


def test_every_table_has_a_decision_and_forced_row_security(shared: str) -> None:
    with psycopg.connect(as_login(shared, OWNER)) as owner:
        rows = owner.execute(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
        ).fetchall()
        public = owner.execute(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
            "WHERE table_schema = current_schema() AND grantee = 'PUBLIC'"
        ).fetchall()
    assert {name for name, *_ in rows} == set(ACCESS)
    assert [name for name, enabled, forced in rows if not (enabled and forced)] == []
    assert public == []


def test_the_grants_are_exactly_the_declaration(shared: str) -> None:
    with psycopg.connect(as_login(shared, OWNER)) as owner:
        granted = set(
            owner.execute(
                "SELECT table_name, grantee, lower(privilege_type) "
                "FROM information_schema.role_table_grants "
                "WHERE table_schema = current_schema() AND grantee = ANY (%s)",
                (list(GROUPS.values()),),
            ).fetchall()
        )
    declared = {
        (table, GROUPS[role], verb)
        for table, decision in ACCESS.items()
        for role in ROLES
        for verb in VERBS
        if decision.rule(verb, role) is not None
    }
    assert granted == declared


@pytest.mark.parametrize("role", ROLES)
def test_each_verb_on_each_table_is_as_declared_for_each_role(shared: str, role: str) -> None:
    """Each decision run as the role itself: the server refuses exactly the verbs declared NO."""
    statements = {
        "select": "SELECT * FROM {t} WHERE false",
        "insert": "INSERT INTO {t} SELECT * FROM {t} WHERE false",
        "update": "UPDATE {t} SET {c} = {c} WHERE false",
        "delete": "DELETE FROM {t} WHERE false",
    }
    with psycopg.connect(as_login(shared, OWNER)) as owner:
        first_column = dict(
            owner.execute(
                "SELECT DISTINCT ON (table_name) table_name, column_name "
                "FROM information_schema.columns WHERE table_schema = current_schema() "
                "ORDER BY table_name, ordinal_position"
            ).fetchall()
        )
    wrong = []
    with connect(shared, role) as connection:
        for table, decision in ACCESS.items():
            column = (first_column[table],)
            for verb in VERBS:
                allowed = decision.rule(verb, role) is not None
                if verb == "insert" and decision.rule("select", role) is None:
                    continue  # INSERT ... SELECT needs both; the grants test covers it
                statement = sql.SQL(statements[verb]).format(
                    t=sql.Identifier(table), c=sql.Identifier(column[0])
                )
                if refused(connection, statement.as_string(connection)) == allowed:
                    wrong.append((table, verb))
    assert wrong == []


def test_every_function_pins_its_search_path_with_pg_temp_last(shared: str) -> None:
    with psycopg.connect(as_login(shared, OWNER)) as owner:
        rows = owner.execute(
            "SELECT p.proname, p.proconfig, p.prosecdef, p.proacl::text FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
        ).fetchall()
    assert {name for name, *_ in rows} == set(all_functions())
    for name, config, _definer, acl in rows:
        assert config == ["search_path=pg_catalog, public, pg_temp"], name
        entries = (acl or "{=X/default}").strip("{}").split(",")
        assert not [e for e in entries if e.startswith("=")], f"{name} is executable by PUBLIC"


def test_no_login_but_the_owner_creates_anything(shared: str) -> None:
    for role in ROLES:
        with connect(shared, role) as connection:
            assert refused(connection, "CREATE TEMPORARY TABLE selfeval_grant (login text)")
            assert refused(connection, "CREATE TABLE public.mine (x int)")
            assert refused(
                connection, "CREATE FUNCTION public.f() RETURNS int AS 'SELECT 1' LANGUAGE sql"
            )


def test_a_group_membership_without_a_grant_here_gives_nothing(
    shared: str, pg_server: ThrowAwayServer
) -> None:
    """The groups are the server's, shared by every workspace on it: a lead of another
    workspace (or a login put in a group by hand) has no grant here, and sees and changes
    nothing."""
    with psycopg.connect(pg_server.base_url, autocommit=True) as admin:
        with contextlib.suppress(psycopg.errors.DuplicateObject):
            admin.execute("CREATE ROLE elsewhere LOGIN")
        admin.execute("GRANT selfeval_lead, selfeval_contributor, selfeval_reader TO elsewhere")
    with psycopg.connect(as_login(shared, "elsewhere"), autocommit=True) as stranger:
        for table in ACCESS:
            statement = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            assert stranger.execute(statement).fetchone() == (0,), table
        assert stranger.execute("UPDATE judgement SET rating = 'red'").rowcount == 0
        assert refused(stranger, "INSERT INTO organisation (id, name, kind) VALUES ('o', 'o', 'o')")


# --- shadowing: a login that could make a temporary table still could not be lead ----------


def _shadow_and_try(url: str) -> bool:
    """As the contributor: a temporary grants table granting another criterion, then a change
    to it. True when it got through."""
    with connect(url, "contributor") as amara:
        amara.execute(
            "CREATE TEMPORARY TABLE selfeval_grant (login text, person_id text, "
            "organisation_id text, role text, criteria text[])"
        )
        amara.execute(
            "INSERT INTO selfeval_grant VALUES "
            "(session_user, NULL, NULL, 'contributor', '{participation}')"
        )
        amara.execute("GRANT SELECT ON selfeval_grant TO PUBLIC")  # so the owner may read it
        for table in ("evidence_item", "evidence_link", "action", "action_criterion", "attachment"):
            amara.execute(
                sql.SQL("CREATE TEMPORARY TABLE {} (id text)").format(sql.Identifier(table))
            )
            amara.execute(sql.SQL("GRANT SELECT ON {} TO PUBLIC").format(sql.Identifier(table)))
        changed = amara.execute(
            "UPDATE public.judgement SET rationale = 'shadowed' WHERE criterion_id = 'participation'"
        ).rowcount
        secrets = amara.execute("SELECT count(*) FROM public.contribution_request").fetchone()
    return changed > 0 or bool(secrets and secrets[0])


def _let_contributors_make_temporary_tables(url: str) -> None:
    with psycopg.connect(as_login(url, OWNER), autocommit=True) as owner:
        database = owner.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
        owner.execute(f'GRANT TEMPORARY ON DATABASE "{database}" TO selfeval_contributor')


def test_a_temporary_table_does_not_make_a_contributor_lead(shared: str) -> None:
    _let_contributors_make_temporary_tables(shared)  # as if the revoke had been undone
    try:
        assert _shadow_and_try(shared) is False
    finally:
        with psycopg.connect(as_login(shared, OWNER), autocommit=True) as owner:
            database = owner.execute("SELECT current_database()").fetchone()[0]  # type: ignore[index]
            owner.execute(f'REVOKE TEMPORARY ON DATABASE "{database}" FROM selfeval_contributor')


# --- the history ---------------------------------------------------------------------------


def test_the_history_takes_no_direct_insert_and_stamps_every_line(shared: str) -> None:
    with connect(shared, "contributor") as amara:
        assert refused(
            amara,
            "INSERT INTO change_record (id, changed_at, changed_by, organisation, origin, entity, "
            "entity_id, field) VALUES ('x1', now(), 'Helen Whitfield', '', 'local', 'judgement', "
            "'x', 'rating')",
        )
        call = (
            "SELECT selfeval_record_change(%s, now(), 'Helen Whitfield', 'Council', 'local', "
            "'judgement', 'j', 'rating', 'red', 'green', NULL, %s)"
        )
        assert refused(amara, call, "h1", "participation")  # outside the grant
        assert not refused(amara, call, "h2", "right-help")
        who = amara.execute("SELECT changed_by, organisation FROM change_record WHERE id = 'h2'")
        assert who.fetchone() == ("Dr Amara Okafor", ICB)
    with connect(shared, "reader") as lisa:
        assert refused(lisa, call, "h3", "right-help")
    with connect(shared, "lead") as helen:
        assert refused(helen, "UPDATE change_record SET changed_by = 'Nobody'")
        assert refused(helen, "DELETE FROM change_record")


def test_history_about_personal_data_is_seen_as_the_item_is(shared: str) -> None:
    seen = {}
    for role in ROLES:
        with connect(shared, role) as connection:
            seen[role] = connection.execute(
                "SELECT count(*) FROM change_record WHERE new_value LIKE %s", ("%child A%",)
            ).fetchone()[0]  # type: ignore[index]
    # the item created, its file attached; a voice and a case study about the same child
    assert seen == {"lead": 4, "contributor": 4, "reader": 0}
    with connect(shared, "contributor") as amara:  # the council's item: not the ICB's to see
        hidden = amara.execute(
            "SELECT count(*) FROM change_record WHERE new_value LIKE %s", ("%Child B%",)
        ).fetchone()
        assert hidden == (0,)


@pytest.mark.parametrize("table", ["voice", "case_study"])
def test_personal_voices_and_case_studies_are_seen_only_inside_their_organisation(
    shared: str, table: str
) -> None:
    column = "words" if table == "voice" else "title"
    for role, expected in (("lead", {"A", "B"}), ("contributor", {"A"}), ("reader", set())):
        with connect(shared, role) as connection:
            rows = connection.execute(f"SELECT {column} FROM {table}").fetchall()
            history = connection.execute(
                "SELECT new_value FROM change_record WHERE entity = %s", (table,)
            ).fetchall()
        seen = {who for r in rows for who in ("A", "B") if f"hild {who}" in r[0]}
        assert seen == expected, role
        told = {who for r in history if r[0] for who in ("A", "B") if f"hild {who}" in r[0]}
        assert told == expected, (role, "history")


@pytest.mark.parametrize("table", ["voice", "survey_result", "case_study"])
def test_nobody_but_a_lead_writes_what_families_said(shared: str, table: str) -> None:
    for role in ("contributor", "reader"):
        with connect(shared, role) as connection:
            assert refused(connection, f"DELETE FROM {table}"), role
            assert refused(connection, f"UPDATE {table} SET criteria = ''"), role
            rows = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            if table == "survey_result":
                assert rows == (5,), role  # the demo's four and one more: seen by all


# --- files ---------------------------------------------------------------------------------


def test_file_bytes_are_read_only_through_a_visible_attachment(shared: str) -> None:
    council = hashlib.sha256(b"bytes of Child B's plan").hexdigest()
    icb = hashlib.sha256(b"bytes of Case review of child A").hexdigest()
    readable = {}
    for role in ROLES:
        with connect(shared, role) as connection:
            readable[role] = {
                row[0]
                for row in connection.execute(
                    "SELECT sha256 FROM blob WHERE sha256 = ANY (%s)", ([council, icb],)
                )
            }
    assert readable == {"lead": {council, icb}, "contributor": {icb}, "reader": set()}


def _send(connection: psycopg.Connection, upload: str, data: bytes, sha: str) -> bool:  # type: ignore[type-arg]
    """A file sent as a client sends it: pieces, then the server's store. True if refused."""
    piece = "INSERT INTO selfeval_blob_piece (upload, n, data) VALUES (%s, 0, %s)"
    if refused(connection, piece, upload, data):
        return True
    return refused(connection, "SELECT selfeval_store_blob(%s, %s, %s)", upload, sha, len(data))


def test_file_bytes_are_never_rewritten_and_never_planted_under_another_hash(shared: str) -> None:
    icb = hashlib.sha256(b"bytes of Case review of child A").hexdigest()
    for role in ("lead", "contributor"):
        with connect(shared, role) as connection:
            assert refused(connection, "UPDATE blob SET data = 'evil' WHERE sha256 = %s", icb)
            planted = hashlib.sha256(f"a file to come {role}".encode()).hexdigest()
            assert _send(connection, f"plant-{role}", b"evil", planted)
            good = f"honest {role}".encode()
            assert not _send(connection, f"good-{role}", good, hashlib.sha256(good).hexdigest())
    with connect(shared, "lead") as helen:  # a lead's direct insert is checked by the server too
        assert refused(
            helen, "INSERT INTO blob (sha256, size, data) VALUES (%s, 4, 'evil')", "0" * 64
        )
    with connect(shared, "contributor") as amara:  # a contributor's goes through the store only
        good = b"direct"
        assert refused(
            amara,
            "INSERT INTO blob (sha256, size, data) VALUES (%s, %s, %s)",
            hashlib.sha256(good).hexdigest(),
            len(good),
            good,
        )
    with connect(shared, "reader") as lisa:
        assert refused(lisa, "INSERT INTO blob (sha256, size, data) VALUES ('x', 1, 'x')")
        assert _send(lisa, "reader", b"x", hashlib.sha256(b"x").hexdigest())


def test_knowing_a_files_hash_does_not_let_anyone_attach_it(shared: str) -> None:
    """The contributor learnt the SHA-256 of the council's personal file (from a package, say):
    attaching it to an item of their own, to read it through that, is refused; sending the same
    bytes proves they hold the file, and then they may."""
    council_bytes = b"bytes of Child B's plan"
    council = hashlib.sha256(council_bytes).hexdigest()
    with connect(shared, "contributor") as amara:
        amara.execute(
            "INSERT INTO evidence_item (id, title, description, kind, link, personal_data, "
            "created_by, created_at, updated_at) VALUES ('amaras-item', 'Mine', '', 'other', "
            "'', false, '', now(), now())"
        )
        attach = (
            "INSERT INTO attachment (id, evidence_id, filename, sha256, size, added_by, added_at)"
            " VALUES (%s, 'amaras-item', 'plan.txt', %s, %s, '', now())"
        )
        assert refused(amara, attach, "a1", council, len(council_bytes))
        assert refused(amara, "UPDATE attachment SET sha256 = %s", council)
        assert amara.execute(
            "SELECT count(*) FROM blob WHERE sha256 = %s", (council,)
        ).fetchone() == (0,)
        assert not _send(amara, "proof", council_bytes, council)  # they do hold it
        assert not refused(amara, attach, "a2", council, len(council_bytes))


def test_a_file_in_pieces_is_seen_only_by_the_login_sending_it(shared: str) -> None:
    with connect(shared, "contributor") as amara:
        amara.execute("INSERT INTO selfeval_blob_piece (upload, n, data) VALUES ('u', 0, 'x')")
        assert refused(
            amara,
            "INSERT INTO selfeval_blob_piece (login, upload, n, data) VALUES ('helen', 'u', 0, 'x')",
        )
    with connect(shared, "lead") as helen:
        assert helen.execute("SELECT count(*) FROM selfeval_blob_piece").fetchone() == (0,)


# --- secrets, merges, snapshots ------------------------------------------------------------


def test_request_secrets_and_merge_summaries_are_read_by_leads_only(
    shared: str, tmp_path: Path
) -> None:
    from selfeval.services.contributions import create_request

    with open_workspace(as_login(shared, "helen"), CurrentUser("Helen", "")) as lead:
        create_request(lead, "Amara", ["right-help"], tmp_path / "ask.sefpack")
    for role, expected in (("lead", True), ("contributor", False), ("reader", False)):
        with connect(shared, role) as connection:
            rows = connection.execute("SELECT secret, base FROM contribution_request").fetchall()
            assert bool(rows) is expected, role
            assert connection.execute("SELECT count(*) FROM merged_package").fetchone() is not None


def test_a_snapshot_holding_personal_data_is_seen_only_by_who_sees_each_item(shared: str) -> None:
    from selfeval.services.improvement.snapshots import take_snapshot

    with open_workspace(as_login(shared, "helen"), CurrentUser("Helen", "")) as lead:
        take_snapshot(lead, "Board with case reviews")
    for role, expected in (("lead", 1), ("contributor", 0), ("reader", 0)):
        with connect(shared, role) as connection:
            count = connection.execute(
                "SELECT count(*) FROM snapshot WHERE name = 'Board with case reviews'"
            ).fetchone()
            assert count == (expected,), role


# --- cascades ------------------------------------------------------------------------------


def test_a_contributors_delete_never_cascades_outside_the_grant(shared: str) -> None:
    with psycopg.connect(as_login(shared, OWNER), autocommit=True) as owner:
        owner.execute(
            "INSERT INTO evidence_item (id, title, description, kind, link, personal_data, "
            "created_by, created_at, updated_at) VALUES ('shared-item', 'Joint audit', '', "
            "'audit', '', false, '', now(), now())"
        )
        assessment = owner.execute("SELECT id FROM assessment LIMIT 1").fetchone()[0]  # type: ignore[index]
        for criterion in ("right-help", "participation"):
            owner.execute(
                "INSERT INTO evidence_link VALUES ('shared-item', %s, %s, '')",
                (assessment, criterion),
            )
        action = owner.execute(
            "SELECT a.id FROM action a JOIN action_criterion c ON c.action_id = a.id "
            "GROUP BY a.id HAVING bool_or(c.criterion_id = 'right-help') "
            "AND bool_or(c.criterion_id <> 'right-help') LIMIT 1"
        ).fetchone()
    with connect(shared, "contributor") as amara:
        assert amara.execute("DELETE FROM evidence_item WHERE id = 'shared-item'").rowcount == 0
        # withdrawing the item from their own criterion is theirs; from another's is not
        withdrawn = amara.execute("DELETE FROM evidence_link WHERE evidence_id = 'shared-item'")
        assert withdrawn.rowcount == 1
        if action is not None:
            assert amara.execute("DELETE FROM action WHERE id = %s", action).rowcount == 0
        assert refused(amara, "DELETE FROM assessment")
        assert refused(amara, "DELETE FROM person")
    with psycopg.connect(as_login(shared, OWNER)) as owner:
        links = owner.execute(
            "SELECT count(*) FROM evidence_link WHERE evidence_id = 'shared-item'"
        ).fetchone()
        assert links == (1,)  # participation's citation stands


# --- logins --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "login",
    [
        "selfeval_reader",
        "selfeval_lead",
        "pg_read_all_data",
        "pg_signal_backend",
        OWNER,
        "postgres",
    ],
)
def test_server_grant_refuses_roles_that_are_not_a_persons_login(
    shared: str, login: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["server", "grant", shared, login, "--person", "Helen Whitfield", "--organisation",
         COUNCIL, "--role", "lead"]
    )  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err
    assert login in err and "Traceback" not in err and "psycopg" not in err


def test_server_grant_refuses_a_login_with_members_or_powers(
    pg_server: ThrowAwayServer, shared: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with psycopg.connect(pg_server.base_url, autocommit=True) as admin:
        for statement in (
            "CREATE ROLE team_logins LOGIN",
            "CREATE ROLE team_member LOGIN IN ROLE team_logins",
            "CREATE ROLE maker LOGIN CREATEDB",
        ):
            with contextlib.suppress(psycopg.errors.DuplicateObject):
                admin.execute(statement)
    for login in ("team_logins", "maker"):
        assert main(["server", "grant", shared, login, "--person", "X", "--organisation",
                     COUNCIL, "--role", "reader"]) == 2  # fmt: skip
        assert "only a plain login" in capsys.readouterr().err


@pytest.mark.parametrize("verb", [["who"], ["revoke", "amara"], ["upgrade"]])
@pytest.mark.parametrize("role", ["lead", "contributor", "reader"])
def test_the_owners_verbs_are_refused_in_words_to_anyone_else(
    shared: str, verb: list[str], role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = as_login(shared, LOGINS[role])
    assert main(["server", verb[0], url, *verb[1:]]) == 2
    err = capsys.readouterr().err
    assert "only the workspace's owner" in err and "SQL" not in err and "Traceback" not in err


# --- live changes --------------------------------------------------------------------------


def test_a_forged_notice_shows_nothing_and_a_real_one_shows_the_stamped_who(shared: str) -> None:
    from selfeval.services.judgements import set_judgement
    from selfeval.store.change_notices import SeenChange, listen

    seen: list[SeenChange] = []
    ready, arrived, stop = threading.Event(), threading.Event(), threading.Event()

    def got(change: SeenChange) -> None:
        seen.append(change)
        arrived.set()

    listener = threading.Thread(
        target=listen, args=(as_login(shared, "lisa"), "Lisa", stop, ready.set, got), daemon=True
    )
    listener.start()
    try:
        assert ready.wait(10)
        with connect(shared, "contributor") as amara:
            amara.execute(
                sql.SQL("NOTIFY {}, {}").format(
                    sql.Identifier(NOTICE_CHANNEL),
                    sql.Literal('{"who": "Helen Whitfield", "criterion": "right-help"}'),
                )
            )
            personal = amara.execute(
                "SELECT c.id FROM change_record c WHERE c.new_value LIKE '%child A%'"
            ).fetchone()
            assert personal is not None
            amara.execute(
                sql.SQL("NOTIFY {}, {}").format(
                    sql.Identifier(NOTICE_CHANNEL), sql.Literal(personal[0])
                )
            )
        with open_workspace(as_login(shared, "amara"), CurrentUser("Helen Whitfield", "")) as ws:
            set_judgement(ws, "right-help", strengths="A real change.")
        assert arrived.wait(10)
    finally:
        stop.set()
        listener.join(5)
    assert [(c.who, c.criterion) for c in seen] == [("Dr Amara Okafor", "right-help")]


# --- a contributor's copy ------------------------------------------------------------------


def test_a_contributors_checkout_holds_only_what_they_may_read(shared: str, tmp_path: Path) -> None:
    target = tmp_path / "amara.selfeval"
    assert main(["server", "checkout", as_login(shared, "amara"), "-o", str(target)]) == 0
    import sqlite3

    with sqlite3.connect(target) as copy:
        titles = {
            row[0] for row in copy.execute("SELECT title FROM evidence_item WHERE personal_data")
        }
        words = " ".join(str(r[0]) for r in copy.execute("SELECT new_value FROM change_record"))
        secrets = copy.execute("SELECT count(*) FROM contribution_request").fetchone()
    assert "Case review of child A" in titles and "Child B's plan" not in titles
    assert "Child B" not in words
    assert secrets == (0,)


# --- sabotage: each protection taken away, the attack gets through ----------------------------


def test_sabotage_an_unpinned_search_path_lets_a_temporary_table_make_a_lead(
    pg_server: ThrowAwayServer, demo_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _owner_database(pg_server)
    assert main(["server", "init", url, "--area", "A", "--from", str(demo_template)]) == 0
    code = main(["server", "grant", url, "amara", "--person", "Dr Amara Okafor",
                 "--organisation", ICB, "--role", "contributor", "--criteria", "right-help"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    with psycopg.connect(url, autocommit=True) as owner:
        owner.execute(
            "CREATE OR REPLACE FUNCTION selfeval_may_edit(criterion text) RETURNS boolean "
            "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ "
            "SELECT EXISTS (SELECT 1 FROM selfeval_grant g WHERE g.login = session_user "
            "AND (g.role = 'lead' OR criterion = ANY (g.criteria))) $$"
        )
        owner.execute(
            "CREATE OR REPLACE FUNCTION selfeval_role() RETURNS text "
            "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ "
            "SELECT role FROM selfeval_grant WHERE login = session_user $$"
        )
    _let_contributors_make_temporary_tables(url)
    assert _shadow_and_try(url) is True


def test_sabotage_without_the_blob_check_bytes_are_planted(
    shared: str, pg_server: ThrowAwayServer
) -> None:
    with psycopg.connect(as_login(shared, OWNER), autocommit=True) as owner:
        owner.execute("ALTER TABLE blob DISABLE TRIGGER selfeval_check_blob")
    try:
        with connect(shared, "lead") as helen:
            assert not refused(
                helen, "INSERT INTO blob (sha256, size, data) VALUES (%s, 4, 'evil')", "0" * 64
            )
    finally:
        with psycopg.connect(as_login(shared, OWNER), autocommit=True) as owner:
            owner.execute("DELETE FROM blob WHERE sha256 = %s", ("0" * 64,))
            owner.execute("ALTER TABLE blob ENABLE TRIGGER selfeval_check_blob")


def test_sabotage_without_forced_row_security_the_history_shows_personal_data(shared: str) -> None:
    with psycopg.connect(as_login(shared, OWNER), autocommit=True) as owner:
        owner.execute("DROP POLICY selfeval_select_reader ON change_record")
        owner.execute(
            "CREATE POLICY selfeval_select_reader ON change_record FOR SELECT TO selfeval_reader USING (true)"
        )
    try:
        with connect(shared, "reader") as lisa:
            count = lisa.execute(
                "SELECT count(*) FROM change_record WHERE new_value LIKE '%child A%'"
            ).fetchone()
            assert count == (4,)  # the item, its file, the voice and the case study
    finally:
        _secure_again(shared)


def test_sabotage_without_the_voice_policy_a_contributor_reads_anothers_personal_words(
    shared: str,
) -> None:
    with psycopg.connect(as_login(shared, OWNER), autocommit=True) as owner:
        owner.execute("DROP POLICY selfeval_select_contributor ON voice")
        owner.execute(
            "CREATE POLICY selfeval_select_contributor ON voice FOR SELECT "
            "TO selfeval_contributor USING (true)"
        )
    try:
        with connect(shared, "contributor") as amara:
            count = amara.execute("SELECT count(*) FROM voice WHERE words LIKE '%Child B%'")
            assert count.fetchone() == (1,)
    finally:
        _secure_again(shared)


# --- values the server checks itself -------------------------------------------------------

BAD_VALUES = [
    ("UPDATE judgement SET rating = 'purple' WHERE criterion_id = 'right-help'", "rating"),
    ("UPDATE judgement SET previous_rating = 'x' WHERE criterion_id = 'right-help'", "previous"),
    ("UPDATE judgement SET rationale = repeat('x', 100001) WHERE criterion_id = 'right-help'", "over"),
    ("UPDATE judgement SET criterion_id = 'no-such' WHERE criterion_id = 'right-help'", "criterion"),
    ("UPDATE judgement SET bullet_id = 'no-such' WHERE criterion_id = 'right-help' AND bullet_id = ''", "bullet"),
    ("UPDATE evidence_item SET kind = 'rumour'", "kind"),
    ("UPDATE evidence_item SET evidence_date = '2999-01-01'", "date"),
    ("UPDATE evidence_item SET title = '   '", "title"),
    ("UPDATE organisation SET name = E'Council\\x07'", "control"),
    ("UPDATE person SET name = E'Helen\\nWhitfield'", "control"),
    ("UPDATE action SET status = 'done-ish'", "status"),
    ("UPDATE risk SET impact = 9", "impact"),
    ("UPDATE snapshot SET content = 'not json'", "JSON"),
    ("UPDATE attachment SET filename = '../../evil'", "slashes"),
    ("UPDATE voice SET speaker_kind = 'neighbour'", "whose words"),
    ("UPDATE voice SET words = ' '", "their words"),
    ("UPDATE survey_result SET agree_percent = 'NaN'", "0 to 100"),
    ("UPDATE survey_result SET responses = 0", "responses"),
    ("UPDATE case_study SET title = E'Journey\\x07'", "title"),
    ("UPDATE action SET priorities = repeat('x', 4001)", "priorities"),
    ("INSERT INTO evidence_link VALUES ((SELECT id FROM evidence_item LIMIT 1), "
     "(SELECT id FROM assessment LIMIT 1), 'bad id!', '')", "criterion or bullet"),
]  # fmt: skip


@pytest.mark.parametrize(("statement", "said"), BAD_VALUES)
def test_the_server_refuses_what_the_app_would_refuse(
    shared: str, statement: str, said: str
) -> None:
    from selfeval.services.improvement.snapshots import take_snapshot

    with open_workspace(as_login(shared, "helen"), CurrentUser("Helen", "")) as lead:
        take_snapshot(lead, "Board")
    with connect(shared, "lead") as helen:
        with pytest.raises(psycopg.errors.CheckViolation) as refusal:
            helen.execute(statement)
        assert said in str(refusal.value)


def test_the_servers_lists_are_the_services_lists() -> None:
    from selfeval.services import evidence, judgements, vocabulary
    from selfeval.store import server_values

    assert tuple(vocabulary.EVIDENCE_KINDS) == server_values.EVIDENCE_KINDS
    assert server_values.MAX_TEXT == evidence.MAX_DESCRIPTION
    assert tuple(vocabulary.ORGANISATION_KINDS) == server_values.ORGANISATION_KINDS
    assert server_values.OWNER_ROLES == vocabulary.OWNER_ROLES
    assert tuple(vocabulary.ACTION_STATUSES) == server_values.ACTION_STATUSES
    assert tuple(vocabulary.ACTION_PRIORITIES) == server_values.ACTION_PRIORITIES
    assert tuple(vocabulary.REQUEST_KINDS) == server_values.REQUEST_KINDS
    assert tuple(vocabulary.WITHIN_NOTICE) == server_values.WITHIN_NOTICE
    assert server_values.MAX_NARRATIVE == judgements.MAX_TEXT
    assert tuple(vocabulary.RISK_STATUSES) == server_values.RISK_STATUSES
    assert tuple(vocabulary.SPEAKER_KINDS) == server_values.SPEAKER_KINDS
    assert server_values.EVIDENCE_YEARS_AHEAD == evidence.YEARS_AHEAD


def test_a_contributors_good_values_still_go_through(shared: str) -> None:
    from selfeval.services.judgements import get_judgement, set_judgement

    with open_workspace(as_login(shared, "amara"), CurrentUser("Amara", "")) as ws:
        set_judgement(ws, "right-help", rating="green", rationale="Waiting times fell.")
        assert get_judgement(ws, "right-help").rating == "green"


@pytest.mark.parametrize("field", ["--person", "--organisation"])
def test_server_grant_refuses_names_with_control_characters(
    shared: str, field: str, capsys: pytest.CaptureFixture[str]
) -> None:
    names = {"--person": "Sam Jones", "--organisation": COUNCIL}
    names[field] = "Sam\nJones (Lead)"
    args = ["server", "grant", shared, "sam", "--role", "reader"]
    assert (
        main([*args, "--person", names["--person"], "--organisation", names["--organisation"]]) == 2
    )
    assert "control character" in capsys.readouterr().err


def test_check_on_a_server_reads_and_verifies_every_file(
    shared: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", as_login(shared, "helen")]) == 0
    assert "every page and every attached file is sound" in capsys.readouterr().out
    with psycopg.connect(as_login(shared, OWNER), autocommit=True) as owner:
        owner.execute("ALTER TABLE blob DISABLE TRIGGER selfeval_check_blob")
        owner.execute(  # damage as a disk or a restore gone wrong would, past the trigger
            "UPDATE blob SET data = 'damaged' WHERE sha256 = %s",
            (hashlib.sha256(b"bytes of Child B's plan").hexdigest(),),
        )
    assert main(["check", as_login(shared, "helen")]) == 2
    assert "do not match its SHA-256" in capsys.readouterr().err


def test_init_as_a_superuser_is_warned_about(
    pg_server: ThrowAwayServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "init", pg_server.new_database(), "--area", "Anyshire"]) == 0
    assert "owned by a superuser" in capsys.readouterr().err
    assert main(["server", "init", _owner_database(pg_server), "--area", "Anyshire"]) == 0
    assert "superuser" not in capsys.readouterr().err


def test_a_contributor_cites_and_withdraws_a_leads_item_on_their_own_criterion(
    shared: str,
) -> None:
    from selfeval.services.evidence import list_evidence
    from selfeval.services.evidence_links import link_evidence, unlink_evidence

    with open_workspace(as_login(shared, "amara"), CurrentUser("Amara", "")) as ws:
        leads = [e for e in list_evidence(ws) if "participation" in {c for c, _ in e.links}]
        item = next(e for e in leads if "right-help" not in {c for c, _ in e.links})
        link_evidence(ws, item.id, "right-help")
        assert ("right-help", "") in next(e for e in list_evidence(ws) if e.id == item.id).links
        unlink_evidence(ws, item.id, "right-help")
        criterion, bullet = item.links[0]
        unlink_evidence(ws, item.id, bullet or criterion)  # not theirs: the server keeps it
        assert next(e for e in list_evidence(ws) if e.id == item.id).links == item.links


def test_the_stamped_time_is_when_the_line_was_written(shared: str) -> None:
    """Two people's transactions overlap: the history is in the order the lines were written
    (the stamp is the clock at the insert, not the moment a transaction began), so the chain
    of old and new values reads right."""
    call = (
        "SELECT selfeval_record_change(%s, now(), '', '', 'local', 'judgement', 'j', "
        "'rationale', NULL, %s, NULL, 'right-help')"
    )
    with connect(shared, "lead") as helen, connect(shared, "contributor") as amara:
        with helen.transaction():
            helen.execute("SELECT 1")  # Helen's transaction has begun
            amara.execute(call, ("first", "written first"))
            helen.execute(call, ("second", "written second"))
        order = helen.execute(
            "SELECT new_value FROM change_record WHERE id IN ('first', 'second') "
            "ORDER BY changed_at"
        ).fetchall()
    assert order == [("written first",), ("written second",)]


def test_a_contributors_dump_holds_only_what_they_may_read(
    shared: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dump", "--json", as_login(shared, "amara")]) == 0
    dumped = capsys.readouterr().out
    assert "Case review of child A" in dumped  # their organisation's
    assert "Child B" not in dumped  # the council's personal data, in no table
    assert '"secret"' not in dumped


def test_a_contributors_rows_carry_the_servers_who(shared: str) -> None:
    """A comment, an evidence item, a file and a judgement a contributor writes name them, as
    the server knows them, whatever the client claims (a comment "by the lead" is not)."""
    from selfeval.services.judgements import get_judgement, set_judgement

    with connect(shared, "contributor") as amara:
        assessment = amara.execute("SELECT id FROM assessment LIMIT 1").fetchone()[0]  # type: ignore[index]
        amara.execute(
            "INSERT INTO comment (id, assessment_id, criterion_id, author, organisation, "
            "created_at, text, origin) VALUES ('c1', %s, 'right-help', 'Helen Whitfield', "
            "'Anyshire County Council', now(), 'Approved by the lead.', 'local')",
            (assessment,),
        )
        assert amara.execute(
            "SELECT author, organisation FROM comment WHERE id = 'c1'"
        ).fetchone() == (
            "Dr Amara Okafor",
            ICB,
        )
        amara.execute(
            "INSERT INTO evidence_item (id, title, description, kind, link, personal_data, "
            "created_by, created_at, updated_at) VALUES ('by-amara', 'Audit', '', 'audit', '', "
            "false, 'Helen Whitfield', now(), now())"
        )
        amara.execute("UPDATE evidence_item SET created_by = 'Helen' WHERE id = 'by-amara'")
        assert amara.execute(
            "SELECT created_by FROM evidence_item WHERE id = 'by-amara'"
        ).fetchone() == ("Dr Amara Okafor",)
    with open_workspace(as_login(shared, "amara"), CurrentUser("Helen Whitfield", "")) as ws:
        set_judgement(ws, "right-help", rationale="Signed by whom?")
        assert get_judgement(ws, "right-help").updated_by == "Dr Amara Okafor"
