"""Who may change what on a shared workspace, proved at the SQL level with each person's own
login: the database refuses, whatever the client does."""

from __future__ import annotations

import psycopg
import pytest

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.judgements import get_judgement, set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace
from tests.conftest import TEST_USER
from tests.server_fixtures import ThrowAwayServer


def login_url(url: str, login: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{login}@{rest.split('@', 1)[1]}"


@pytest.fixture
def shared(pg_server: ThrowAwayServer, demo_path, capsys) -> str:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    assert main(["server", "init", url, "--area", "Anyshire", "--from", str(demo_path)]) == 0
    grants = [
        ["amara", "--person", "Dr Amara Okafor", "--organisation", "NHS Anyshire and Wessex ICB",
         "--role", "contributor", "--criteria", "right-help"],
        ["lisa", "--person", "Lisa Wynne", "--organisation", "Anyshire Parent Carer Forum",
         "--role", "reader"],
        ["helen", "--person", "Helen Whitfield",
         "--organisation", "Anyshire County Council - SEND and Inclusion", "--role", "lead"],
    ]  # fmt: skip
    for grant in grants:
        assert main(["server", "grant", url, *grant]) == 0
    capsys.readouterr()
    return url


def test_a_contributor_changes_only_the_criteria_granted(shared: str) -> None:
    with psycopg.connect(login_url(shared, "amara"), autocommit=True) as amara:
        outside = amara.execute(
            "UPDATE judgement SET rationale = 'x' WHERE criterion_id = 'participation'"
        )
        assert outside.rowcount == 0  # the policy hides the rows: nothing changed
        inside = amara.execute(
            "UPDATE judgement SET rationale = 'x' WHERE criterion_id = 'right-help' "
            "AND bullet_id = ''"
        )
        assert inside.rowcount == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            amara.execute("UPDATE partnership SET area_name = 'Elsewhere'")
    with open_workspace(login_url(shared, "amara"), CurrentUser("Anyone", "")) as workspace:
        set_judgement(workspace, "right-help", rating="amber")
        with pytest.raises(InputError, match="your login may not make this change"):
            set_judgement(workspace, "participation", rating="red")
        assert get_judgement(workspace, "participation").rating == "green"


def test_a_reader_changes_nothing(shared: str) -> None:
    with psycopg.connect(login_url(shared, "lisa"), autocommit=True) as lisa:
        assert lisa.execute("SELECT count(*) FROM judgement").fetchone()[0] > 0  # type: ignore[index]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            lisa.execute("UPDATE judgement SET rating = 'red'")
    with (
        open_workspace(login_url(shared, "lisa"), TEST_USER) as workspace,
        pytest.raises(InputError, match="your login may not make this change"),
    ):
        set_judgement(workspace, "right-help", rating="red")


def test_personal_data_is_seen_only_by_leads_and_its_organisation(shared: str) -> None:
    with open_workspace(shared, TEST_USER) as owner:
        add_evidence(
            owner,
            EvidenceInput(
                title="Case review of child A",
                kind="case-study",
                organisation="NHS Anyshire and Wessex ICB",
                personal_data=True,
            ),
            ["right-help"],
        )
    counts = {}
    for login in ("helen", "amara", "lisa"):
        with psycopg.connect(login_url(shared, login), autocommit=True) as connection:
            row = connection.execute(
                "SELECT count(*) FROM evidence_item WHERE personal_data"
            ).fetchone()
            counts[login] = row[0] if row else None
    # the demo's own personal-data items belong to council and school partners
    assert counts["lisa"] == 0  # the forum holds none: it sees none
    assert counts["amara"] == 1  # the ICB sees its own case review, and no other
    assert counts["helen"] >= 5  # a lead sees every one


def test_the_history_is_stamped_by_the_server_and_only_grows(shared: str) -> None:
    with open_workspace(login_url(shared, "amara"), CurrentUser("Someone Else", "Nowhere")) as ws:
        set_judgement(ws, "right-help", strengths="Stamped by the server.")
    with psycopg.connect(login_url(shared, "amara"), autocommit=True) as amara:
        who = amara.execute(
            "SELECT changed_by, organisation FROM change_record "
            "WHERE new_value = 'Stamped by the server.'"
        ).fetchone()
        assert who == ("Dr Amara Okafor", "NHS Anyshire and Wessex ICB")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            amara.execute("DELETE FROM change_record")
    with (
        psycopg.connect(login_url(shared, "helen"), autocommit=True) as helen,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        helen.execute("UPDATE change_record SET changed_by = 'Nobody'")


def test_who_and_revoke(shared: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "who", shared]) == 0
    out = capsys.readouterr().out
    assert "amara\tDr Amara Okafor\tNHS Anyshire and Wessex ICB\tcontributor\tright-help" in out
    assert main(["server", "revoke", shared, "amara"]) == 0
    with (
        psycopg.connect(login_url(shared, "amara"), autocommit=True) as amara,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        amara.execute("SELECT count(*) FROM judgement")  # out of every group, whoever put it
    assert main(["server", "grant", shared, "Bad Login", "--person", "X", "--organisation",
                 "Y", "--role", "reader"]) == 2  # fmt: skip
    assert main(["server", "grant", shared, "sam", "--person", "Sam", "--organisation", "Y",
                 "--role", "contributor"]) == 2  # fmt: skip
    assert "a contributor needs --criteria" in capsys.readouterr().err


def test_without_its_policy_the_contributor_test_would_fail(shared: str) -> None:
    """The policy tests can fail: with the update policy dropped, even a granted criterion
    cannot be changed (row-level security denies what no policy allows)."""
    with psycopg.connect(shared, autocommit=True) as owner:
        owner.execute("DROP POLICY selfeval_update_contributor ON judgement")
    with psycopg.connect(login_url(shared, "amara"), autocommit=True) as amara:
        inside = amara.execute(
            "UPDATE judgement SET rationale = 'x' WHERE criterion_id = 'right-help'"
        )
        assert inside.rowcount == 0


def test_a_contributors_file_is_stored_in_pieces_under_the_policies(shared: str) -> None:
    """A partner's login writes a file through the server's temporary pieces and reads it back
    in slices, with row-level security on: the same bytes, seen by the lead too."""
    import os

    from selfeval.services.attachments import attachment_data
    from selfeval.services.evidence import EvidenceInput, add_evidence, list_evidence

    data = os.urandom(2 * 1024 * 1024 + 5)
    with open_workspace(login_url(shared, "amara"), CurrentUser("Anyone", "")) as workspace:
        add_evidence(
            workspace, EvidenceInput(title="ICB audit"), ["right-help"], [("audit.pdf", data)]
        )
    for login in ("amara", "helen"):
        with open_workspace(login_url(shared, login), CurrentUser("Anyone", "")) as workspace:
            (item,) = [e for e in list_evidence(workspace) if e.title == "ICB audit"]
            assert attachment_data(workspace, item.attachments[0].id) == ("audit.pdf", data)
