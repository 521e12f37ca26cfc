"""The PostgreSQL adapter of the storage seam, on a real server the tests start themselves."""

from __future__ import annotations

import pytest

from selfeval.cli import main
from selfeval.errors import InputError, SelfevalError
from selfeval.services.judgements import get_judgement, set_judgement
from selfeval.services.workspace import create_workspace, open_workspace
from selfeval.store.addresses import store_for
from selfeval.store.postgres_server import PostgresStore, display_name
from tests.conftest import TEST_USER
from tests.server_fixtures import ThrowAwayServer


def test_a_url_is_a_server_and_its_password_is_never_shown() -> None:
    store = store_for("postgresql://jo:s3cret@db.council.example:5432/selfeval?sslmode=require")
    assert isinstance(store, PostgresStore)
    assert store.name == "selfeval on db.council.example" and "s3cret" not in store.name
    assert display_name("postgresql://postgres:@/w1?host=/run/pg") == "w1 on /run/pg"
    assert store.same_place("postgresql://jo:other@db.council.example:5432/selfeval")
    assert not store.same_place("postgresql://jo@db.council.example:5432/another")


def test_an_empty_database_is_refused_until_a_workspace_is_made(
    pg_server: ThrowAwayServer, framework
) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    with pytest.raises(InputError, match="holds no selfeval workspace yet; a lead creates it"):
        open_workspace(url, TEST_USER)
    made = create_workspace(url, "Serverside", framework, TEST_USER)
    made.close()
    with pytest.raises(InputError, match="already holds a selfeval workspace"):
        create_workspace(url, "Again", framework, TEST_USER)
    with open_workspace(url, TEST_USER) as workspace:
        assert workspace.area_name == "Serverside"


def test_a_workspace_of_another_schema_version_is_refused(
    pg_server: ThrowAwayServer, framework
) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    url = pg_server.new_database()
    create_workspace(url, "Serverside", framework, TEST_USER).close()
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0009'")
    with pytest.raises(InputError, match="at schema 0009.*'selfeval server upgrade'"):
        open_workspace(url, TEST_USER)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(InputError, match="install the latest selfeval"):
        open_workspace(url, TEST_USER)


def test_a_failed_creation_leaves_nothing(pg_server: ThrowAwayServer, framework) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()

    def broken(_workspace: object) -> None:
        raise RuntimeError("the build failed half-way")

    with pytest.raises(RuntimeError):
        create_workspace(url, "Half", framework, TEST_USER, fill=broken)
    assert not store_for(url).exists()
    create_workspace(url, "Whole", framework, TEST_USER).close()  # the name is free again


def test_an_unreachable_server_is_said_in_plain_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"postgresql://nobody@/nowhere?host={tmp_path}/no-server"
    with pytest.raises(SelfevalError, match="the server cannot be reached"):
        open_workspace(url, TEST_USER)


def test_the_command_line_works_on_a_server_address(
    pg_server: ThrowAwayServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.new_database()
    assert main(["demo", url]) == 0
    assert main(["judge", url, "right-help", "--rating", "green"]) == 0
    assert main(["status", url]) == 0
    out = capsys.readouterr().out
    assert "right-help: Green" in out and "11 of 11 criteria rated" in out
    with open_workspace(url, TEST_USER) as workspace:
        assert get_judgement(workspace, "right-help").rating == "green"
        set_judgement(workspace, "right-help", rating="amber", expect={"rating": "green"})
        assert get_judgement(workspace, "right-help").rating == "amber"


def test_a_file_is_published_to_a_server_and_checked_out_again(
    pg_server: ThrowAwayServer, demo_path, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services.dump import dump_json

    url = pg_server.new_database()
    assert main(["server", "init", url, "--area", "Anyshire", "--from", str(demo_path)]) == 0
    assert "published" in capsys.readouterr().out
    assert main(["server", "init", url, "--area", "Anyshire"]) == 0  # twice: nothing changes
    assert "already holds a selfeval workspace; nothing changed" in capsys.readouterr().out
    with open_workspace(str(demo_path), TEST_USER) as original:
        before = dump_json(original)
    with open_workspace(url, TEST_USER) as published:
        assert dump_json(published) == before  # every record, id, file hash and history
    copy = tmp_path / "offline.selfeval"
    assert main(["server", "checkout", url, "-o", str(copy)]) == 0
    with open_workspace(str(copy), TEST_USER) as offline:
        assert dump_json(offline) == before
    assert main(["server", "checkout", url, "-o", str(copy)]) == 2  # never over a file
    assert "already exists" in capsys.readouterr().err
    assert main(["server", "upgrade", url]) == 0
    assert "at schema" in capsys.readouterr().out
    assert main(["server", "init", "not-a-url", "--area", "X"]) == 2


def test_some_criteria_checked_out_come_back_through_the_merge_review(
    pg_server: ThrowAwayServer, demo_path, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    assert main(["server", "init", url, "--area", "Anyshire", "--from", str(demo_path)]) == 0
    copy = tmp_path / "mine.selfeval"
    assert main(["server", "checkout", url, "-o", str(copy), "--criteria", "right-help"]) == 0
    assert "with right-help from" in capsys.readouterr().out
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".sefpack"]  # no package left
    with open_workspace(str(copy), TEST_USER) as offline:
        assert [c.id for c in offline.framework.criteria] == ["right-help"]
        set_judgement(offline, "right-help", rating="amber", rationale="Written on the train.")
    back = tmp_path / "back.sefpack"
    assert main(["contribution", "return", str(copy), "-o", str(back)]) == 0
    assert main(["contribution", "merge", url, str(back), "--accept-non-conflicting"]) == 0
    with open_workspace(url, TEST_USER) as shared:
        merged = get_judgement(shared, "right-help")
        assert (merged.rating, merged.rationale) == ("amber", "Written on the train.")


@pytest.mark.parametrize(
    "url",
    ["postgresql://jo:s3cret@[bad/selfeval", "postgresql://jo:s3cret@host:notaport/selfeval"],
)
def test_a_malformed_server_address_is_refused_without_showing_the_password(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status", url]) == 2
    err = capsys.readouterr().err
    assert "is not a valid server address" in err and "s3cret" not in err


def test_a_password_is_asked_for_refused_in_words_and_kept_only_when_asked(
    pg_server: ThrowAwayServer,
    keyring_for_tests,  # type: ignore[no-untyped-def]
) -> None:
    from selfeval.errors import PasswordNeeded
    from selfeval.services.demo import create_demo_workspace
    from selfeval.store.server_passwords import remember, with_password

    database = pg_server.new_database()
    create_demo_workspace(database).close()
    url = pg_server.login_with_password(database, "pw_helen", "c0rrect horse")
    with pytest.raises(PasswordNeeded, match="password of login 'pw_helen' was not given"):
        open_workspace(url, TEST_USER)
    with pytest.raises(PasswordNeeded, match="was refused") as refused:
        open_workspace(with_password(url, "wrong"), TEST_USER)
    assert "wrong" not in str(refused.value)
    open_workspace(with_password(url, "c0rrect horse"), TEST_USER).close()
    assert remember(url, "c0rrect horse") is None  # ticked "remember": the keyring supplies it
    assert list(keyring_for_tests.kept.values()) == ["c0rrect horse"]
    assert "pw_helen@" in next(iter(keyring_for_tests.kept))[1]  # named by login, no secret
    workspace = open_workspace(url, TEST_USER)
    assert get_judgement(workspace, "participation").rating == "green"
    workspace.close()
    keyring_for_tests.kept.clear()
    keyring_for_tests.works = False  # a computer with no keyring: told, never an error
    problem = remember(url, "c0rrect horse")
    assert problem is not None and "could not be kept" in problem and "c0rrect" not in problem
    with pytest.raises(PasswordNeeded):
        open_workspace(url, TEST_USER)


def test_the_command_line_takes_pgpassword_or_asks_at_the_keyboard(
    pg_server: ThrowAwayServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import getpass
    import sys

    from selfeval.services.demo import create_demo_workspace

    database = pg_server.new_database()
    create_demo_workspace(database).close()
    url = pg_server.login_with_password(database, "pw_amara", "s3cret!")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["status", url]) == 2  # a script with no password: refused, never hangs
    assert "password of login 'pw_amara' was not given" in capsys.readouterr().err
    monkeypatch.setenv("PGPASSWORD", "s3cret!")
    assert main(["status", url]) == 0
    monkeypatch.delenv("PGPASSWORD")
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)  # someone at the keyboard
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or "s3cret!")
    assert main(["judge", url, "participation", "--rating", "amber"]) == 0
    assert len(asked) == 1 and asked[0].startswith("Password for pw_amara@/")  # once, by name
    capsys.readouterr()
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "wrong")
    assert main(["status", url]) == 2
    err = capsys.readouterr().err
    assert "was refused" in err and "wrong" not in err


def test_a_tracker_imports_into_a_server_workspace_as_into_a_file(
    pg_server: ThrowAwayServer,
    framework,  # type: ignore[no-untyped-def]
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """The bulk insert hands the driver plain values: on the server too they read back as the
    dates, yes/no and times they were."""
    from datetime import UTC, date, datetime, timedelta

    from selfeval.services.evidence import list_evidence
    from selfeval.services.evidence_import import import_evidence
    from selfeval.store.models import EvidenceItem

    tracker = tmp_path / "tracker.csv"
    tracker.write_text(
        "title,kind,organisation,date,personal_data,criteria\n"
        "Audit of plans,audit,Anyshire ICB,31/03/2026,yes,needs-identified;participation\n"
        "Survey,survey,,,no,right-help\n",
        encoding="utf-8",
    )
    url = pg_server.new_database()
    create_workspace(url, "Serverside", framework, TEST_USER).close()
    with open_workspace(url, TEST_USER) as workspace:
        result = import_evidence(workspace, tracker)
        assert (result.imported, result.links, result.organisations_created) == (2, 3, 1)
        items = {item.title: item for item in list_evidence(workspace)}
        with workspace.transaction(read_only=True) as session:
            stored = session.get_one(EvidenceItem, items["Audit of plans"].id)
            created, by = stored.created_at, stored.created_by
    audit, survey = items["Audit of plans"], items["Survey"]
    assert audit.evidence_date == date(2026, 3, 31) and audit.personal_data
    assert audit.organisation == "Anyshire ICB" and len(audit.links) == 2
    assert survey.evidence_date is None and not survey.personal_data
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=5) and by == TEST_USER.name


def test_files_move_between_a_server_workspace_and_a_partners_file(
    pg_server: ThrowAwayServer,
    framework,  # type: ignore[no-untyped-def]
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """A server keeps a file as one value; the request carries it, and the partner's file
    workspace stores it a piece at a time: the same bytes at every step."""
    import os

    from selfeval.services import contributions
    from selfeval.services.attachments import add_attachment, attachment_data
    from selfeval.services.evidence import EvidenceInput, add_evidence, list_evidence
    from selfeval.services.users import CurrentUser

    data = os.urandom(3 * 1024 * 1024 + 17)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(data)
    url = pg_server.new_database()
    create_workspace(url, "Serverside", framework, TEST_USER).close()
    with open_workspace(url, TEST_USER) as workspace:
        item = add_evidence(workspace, EvidenceInput(title="Scan"), ["right-help"])
        stored = add_attachment(workspace, item, scan)
        assert attachment_data(workspace, stored) == ("scan.pdf", data)
        request = tmp_path / "request.sefpack"
        contributions.create_request(workspace, "ICB", ["right-help"], request)
    partner = contributions.open_request(
        request, tmp_path / "partner.selfeval", CurrentUser("Amara Okafor", "ICB")
    )
    with partner:
        (copy,) = [e for e in list_evidence(partner) if e.title == "Scan"]
        assert attachment_data(partner, copy.attachments[0].id) == ("scan.pdf", data)
