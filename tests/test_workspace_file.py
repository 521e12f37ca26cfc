"""Workspace files: they survive a round trip, upgrade from older schemas, and bad files are
refused without a single byte of them changing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from selfeval.services.dump import dump_json
from selfeval.services.workspace import open_workspace
from selfeval.store import migrate
from selfeval.store.engine import APPLICATION_ID, make_engine
from selfeval.store.schema_version import HEAD, REVISIONS
from selfeval.store.workspace_file import WorkspaceRefused, inspect_workspace
from tests.conftest import TEST_USER


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path: Path) -> str:
    before = digest(path)
    with pytest.raises(WorkspaceRefused) as caught:
        open_workspace(path, TEST_USER)
    assert digest(path) == before, "a refused file must be left exactly as it was"
    assert not Path(f"{path}-wal").exists()
    return str(caught.value)


def test_demo_survives_close_and_reopen(demo_path: Path) -> None:
    with open_workspace(demo_path, TEST_USER) as ws:
        first = dump_json(ws)
    with open_workspace(demo_path, TEST_USER) as ws:
        assert dump_json(ws) == first
    assert '"area_name": "Anyshire"' in first


def test_revision_list_matches_the_migration_scripts() -> None:
    assert list(REVISIONS) == migrate.script_revisions()


def test_migrations_build_exactly_the_models(workspace) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from selfeval.store.model_base import Base

    with workspace.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []


def make_old_workspace(path: Path) -> None:
    """A workspace as selfeval wrote it at schema 0001 (before the action plan tables)."""
    engine = make_engine(path)
    with engine.begin() as connection:
        connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
    migrate.upgrade(engine, "0001")
    from selfeval.services.frameworks import framework_library

    framework = framework_library().get("area-send-2023")
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO partnership VALUES ('p1', 'Oldshire', 'Oldshire Council', '', '2024-01-01 10:00:00')"
            )
        )
        c.execute(
            text(
                "INSERT INTO framework_edition VALUES ('f1', :fid, :ed, :title, :hash, :definition, '2024-01-01 10:00:00')"
            ),
            {
                "fid": framework.id,
                "ed": framework.edition,
                "title": framework.title,
                "hash": framework.content_hash,
                "definition": framework.canonical_json(),
            },
        )
        c.execute(
            text(
                "INSERT INTO assessment VALUES ('a1', 'p1', 'f1', 'Old SEF', '2024-01-01 10:00:00')"
            )
        )
        c.execute(
            text(
                "INSERT INTO judgement VALUES ('j1', 'a1', 'participation', '', 'green', 'Old rationale',"
                " '', '', '', '', 'Old user', '2024-01-02 10:00:00')"
            )
        )
    engine.dispose()


def test_an_old_schema_workspace_upgrades_and_keeps_its_content(
    tmp_path: Path, isolated_home: Path
) -> None:
    path = tmp_path / "old.selfeval"
    make_old_workspace(path)
    assert inspect_workspace(path) == "0001"
    with open_workspace(path, TEST_USER) as ws:
        from selfeval.services.judgements import get_judgement

        assert ws.area_name == "Oldshire"
        judgement = get_judgement(ws, "participation")
        assert (judgement.rating, judgement.rationale) == ("green", "Old rationale")
        with ws.transaction() as session:
            assert session.execute(text("SELECT count(*) FROM action")).scalar() == 0
    assert inspect_workspace(path) == HEAD
    backups = list((isolated_home / "backups").glob("old-before-upgrade-from-0001-*.selfeval"))
    assert len(backups) == 1
    assert inspect_workspace(backups[0]) == "0001"


def test_a_workspace_from_a_newer_selfeval_is_refused(demo_path: Path) -> None:
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    assert refused(demo_path) == (
        f"{demo_path}: was made by a newer version of selfeval (schema 0099; this version reads up "
        f"to {HEAD}). Install the latest selfeval to open it."
    )


def test_a_truncated_workspace_is_refused(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2])
    message = refused(demo_path)
    assert message.startswith(f"{demo_path}: is truncated (")
    assert message.endswith("restore it from a backup")


def test_a_file_cut_inside_the_header_is_refused(tmp_path: Path, demo_path: Path) -> None:
    path = tmp_path / "stub.selfeval"
    path.write_bytes(demo_path.read_bytes()[:60])
    assert refused(path) == f"{path}: is truncated (only 60 bytes); restore a backup"


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "random.selfeval"
    path.write_bytes(os.urandom(64 * 1024))
    assert refused(path) == f"{path}: is not a selfeval workspace (not an SQLite database)"


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.selfeval"
    path.write_bytes(b"")
    assert refused(path) == f"{path}: is not a selfeval workspace (not an SQLite database)"


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.selfeval"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    assert refused(path) == f"{path}: is an SQLite database but not a selfeval workspace"


def test_a_damaged_workspace_is_refused(demo_path: Path) -> None:
    data = bytearray(demo_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(2, len(data) // page_size, 3):  # scribble over every third page
        start = page * page_size + 8
        data[start : start + 200] = os.urandom(200)
    demo_path.write_bytes(bytes(data))
    message = refused(demo_path)
    assert message.startswith(f"{demo_path}: is damaged")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceRefused, match="no such workspace file"):
        open_workspace(tmp_path / "nope.selfeval", TEST_USER)
    with pytest.raises(WorkspaceRefused, match="is a folder"):
        open_workspace(tmp_path, TEST_USER)


def test_creating_over_an_existing_file_is_refused(demo_path: Path, framework) -> None:  # type: ignore[no-untyped-def]
    from selfeval.errors import InputError
    from selfeval.services.workspace import create_workspace

    before = digest(demo_path)
    with pytest.raises(InputError, match="already exists"):
        create_workspace(demo_path, "Elsewhere", framework, TEST_USER)
    assert digest(demo_path) == before


def test_pragmas_are_set_on_every_connection(workspace) -> None:  # type: ignore[no-untyped-def]
    with workspace.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID


def _with_a_large_file(demo_path: Path) -> bytes:
    """The demo with a 300 KB attachment (its bytes fill overflow pages of table `blob`)."""
    from selfeval.services.attachments import add_attachment_bytes
    from selfeval.services.evidence import list_evidence

    data = os.urandom(300_000)
    with open_workspace(demo_path, TEST_USER) as workspace:
        add_attachment_bytes(workspace, list_evidence(workspace)[0].id, "scan.pdf", data)
    connection = sqlite3.connect(demo_path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return data


def test_opening_checks_quickly_and_the_full_check_reads_every_file(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A break in an attachment's pages passes the quick check on opening (which leaves the
    gigabytes of files alone) and is found by `selfeval check`, which says which check it did."""
    from selfeval.cli import main

    data = _with_a_large_file(demo_path)
    assert main(["check", str(demo_path)]) == 0
    assert "full check: every page and every attached file is sound" in capsys.readouterr().out
    raw = bytearray(demo_path.read_bytes())
    page_size = int.from_bytes(raw[16:18], "big")
    inside = raw.index(data[100_000:100_064])  # somewhere in the file's overflow pages
    start = (inside // page_size) * page_size
    raw[start : start + 4] = b"\xff\xff\xff\xf0"  # the overflow page's next-page pointer
    demo_path.write_bytes(bytes(raw))
    open_workspace(demo_path, TEST_USER).close()  # the quick check passes
    assert main(["check", str(demo_path)]) == 2
    err = capsys.readouterr().err
    assert "is damaged (full check:" in err and "restore a backup" in err


def test_the_full_check_finds_a_file_whose_bytes_changed(demo_path: Path) -> None:
    from selfeval.services.integrity import full_check

    data = _with_a_large_file(demo_path)
    raw = bytearray(demo_path.read_bytes())
    inside = raw.index(data[200_000:200_064])
    raw[inside : inside + 8] = bytes(8)  # content, not structure: only the hash can tell
    demo_path.write_bytes(bytes(raw))
    with open_workspace(demo_path, TEST_USER) as workspace:
        problems = full_check(workspace)
    assert any("do not match its SHA-256" in p for p in problems)


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("DROP TABLE edition_item", "has no table 'edition_item'"),
        ("ALTER TABLE judgement DROP COLUMN family_statement", "has no column 'family_statement'"),
    ],
)
def test_a_schema_label_that_disagrees_with_the_tables_is_refused_in_one_line(
    demo_path: Path, damage: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from selfeval.cli import main

    raw = sqlite3.connect(demo_path)
    raw.execute(damage)
    raw.commit()
    raw.close()  # as a program that changed it and finished would
    assert main(["status", str(demo_path)]) == 2
    err = capsys.readouterr().err
    assert said in err and "changed outside selfeval" in err
    assert len(err.strip().splitlines()) == 1


STORED_DAMAGE = [
    ("UPDATE judgement SET rating = 'purple' WHERE criterion_id = 'right-help' "
     "AND bullet_id = ''", "has the rating 'purple', which is not on the RAG rating scale"),
    ("UPDATE judgement SET previous_rating = 'x' WHERE criterion_id = 'right-help'",
     "the previous rating 'x'"),
    ("UPDATE judgement SET criterion_id = 'gone' WHERE criterion_id = 'right-help' "
     "AND bullet_id = ''", "a judgement is stored for 'gone'"),
    ("UPDATE evidence_item SET kind = 'rumour'", "has the kind 'rumour'"),
    ("UPDATE action SET status = 'done-ish'", "has the status 'done-ish'"),
    ("UPDATE action SET priority = 'urgent'", "has the priority 'urgent'"),
    ("UPDATE risk SET impact = 9", "each is 1 to 5"),
    ("UPDATE risk SET status = 'maybe'", "has the status 'maybe'"),
    ("UPDATE ownership SET role = 'boss'", "has the role 'boss'"),
    ("UPDATE organisation SET kind = 'x'", "has the kind 'x'"),
    ("UPDATE data_request_item SET within_notice = 'soon'", "has the answer 'soon'"),
]  # fmt: skip


@pytest.mark.parametrize(("damage", "said"), STORED_DAMAGE)
@pytest.mark.parametrize("verb", [["status"], ["export", "pdf"], ["export", "xlsx"], ["dump"]])
def test_a_value_selfeval_never_writes_is_said_in_words_by_every_reader(
    demo_path: Path, tmp_path: Path, damage: str, said: str, verb: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import sqlite3

    from selfeval.cli import main

    raw = sqlite3.connect(demo_path)
    raw.execute(damage)
    raw.commit()
    raw.close()
    output = ["-o", str(tmp_path / f"out.{verb[-1]}")] if verb[0] == "export" else []
    args = (
        [*verb, str(demo_path), *output]
        if verb[0] != "dump"
        else ["dump", "--json", str(demo_path)]
    )
    assert main(args) == 2
    err = capsys.readouterr().err
    assert said in err and "changed outside selfeval" in err and "internal error" not in err


def test_the_full_check_reports_each_file_and_stops_when_asked(demo_path: Path) -> None:
    """The full check says how far it is, file by file, and a window that closes stops it
    (issue 29): asked to stop, it reads no file."""
    from selfeval.services.integrity import full_check
    from selfeval.services.workspace import open_workspace

    seen: list[tuple[int, int]] = []
    with open_workspace(demo_path) as workspace:
        assert full_check(workspace, lambda done, total: seen.append((done, total))) == []
        assert seen and seen[-1][0] == seen[-1][1] > 0
        seen.clear()
        full_check(workspace, lambda done, total: seen.append((done, total)), lambda: True)
        assert seen == []


@pytest.mark.parametrize("end", ["-wal", "-journal"])
def test_a_new_workspace_is_not_made_over_a_gone_workspaces_log(tmp_path: Path, end: str) -> None:
    """A workspace deleted by hand can leave its log behind; SQLite would apply it to a new file
    of the same name and call that damaged. The log is kept and the creation refused in words."""
    from selfeval.errors import InputError
    from selfeval.services.demo import create_demo_workspace

    target = tmp_path / "anyshire.selfeval"
    leftover = tmp_path / f"anyshire.selfeval{end}"
    leftover.write_bytes(b"the last changes of a workspace that is gone")
    with pytest.raises(InputError, match=f"anyshire.selfeval{end} is left beside it"):
        create_demo_workspace(target)
    assert not target.exists() and leftover.read_bytes().startswith(b"the last changes")
    assert [p.name for p in tmp_path.iterdir()] == [leftover.name]
