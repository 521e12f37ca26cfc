"""Faults of the machine (moved, deleted, full, locked, read-only) come out as plain words,
never as "internal error", and leave the workspace as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from selfeval.cli import main
from selfeval.files.faults import MachineFault
from selfeval.services.dump import dump_json
from selfeval.services.judgements import get_judgement, set_judgement
from selfeval.services.workspace import Workspace, open_workspace
from tests.conftest import TEST_USER


def test_a_workspace_moved_while_open(demo: Workspace, demo_path: Path, tmp_path: Path) -> None:
    before = dump_json(demo)
    moved = tmp_path / "moved.selfeval"
    demo_path.rename(moved)
    with pytest.raises(MachineFault) as caught:
        set_judgement(demo, "participation", rating="red")
    assert str(caught.value) == (
        f"{demo_path}: was moved, deleted or replaced while it was open; nothing more was saved "
        "to it. Open it again from where it is now"
    )
    moved.rename(demo_path)
    assert dump_json(demo) == before


def test_a_workspace_deleted_while_open_is_not_written_to_the_void(
    demo: Workspace, demo_path: Path
) -> None:
    keep = demo_path.read_bytes()
    demo_path.unlink()
    with pytest.raises(MachineFault, match="was moved, deleted or replaced while it was open"):
        set_judgement(demo, "participation", rationale="typed into nowhere")
    demo_path.write_bytes(keep)  # a new file at the old name is not the one we opened
    with pytest.raises(MachineFault, match="replaced while it was open"):
        get_judgement(demo, "participation")


def test_a_full_disk(demo: Workspace) -> None:
    before = dump_json(demo)

    @event.listens_for(demo.engine, "connect")
    def _tiny_disk(connection, _record) -> None:  # type: ignore[no-untyped-def]
        connection.execute("PRAGMA max_page_count = 1")  # SQLite's own "disk is full"

    demo.engine.dispose()
    with pytest.raises(MachineFault) as caught:
        set_judgement(demo, "participation", rationale="x" * 90_000)
    assert (
        str(caught.value)
        == f"{demo.address}: cannot be changed: the disk is full; nothing was saved"
    )
    event.remove(demo.engine, "connect", _tiny_disk)
    demo.engine.dispose()
    assert dump_json(demo) == before


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("selfeval.store.engine.LOCK_WAIT_SECONDS", 0.2)


def test_a_workspace_locked_by_another_program(
    short_lock_wait: None, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_workspace(demo_path, TEST_USER) as ws:
        before = dump_json(ws)
    other = sqlite3.connect(demo_path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code = main(["judge", str(demo_path), "participation", "--rating", "red"])
        _, err = capsys.readouterr()
        assert (code, err) == (
            2,
            f"selfeval: {demo_path}: is locked by another program; close it there and try again\n",
        )
    finally:
        other.rollback()
        other.close()
    with open_workspace(demo_path, TEST_USER) as ws:
        assert dump_json(ws) == before


def test_a_read_only_database(demo: Workspace) -> None:
    before = dump_json(demo)

    @event.listens_for(demo.engine, "connect")
    def _read_only(connection, _record) -> None:  # type: ignore[no-untyped-def]
        connection.execute("PRAGMA query_only = 1")

    demo.engine.dispose()
    with pytest.raises(MachineFault) as caught:
        set_judgement(demo, "participation", rating="red")
    assert str(caught.value).startswith(f"{demo.address}: cannot be changed: ")
    assert "read-only" in str(caught.value)
    event.remove(demo.engine, "connect", _read_only)
    demo.engine.dispose()
    assert dump_json(demo) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_file(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    demo_path.chmod(0o444)
    try:
        code = main(["judge", str(demo_path), "participation", "--rating", "red"])
        _, err = capsys.readouterr()
        assert code == 2 and "read-only" in err and "internal error" not in err
    finally:
        demo_path.chmod(0o644)


def test_an_item_and_its_files_are_stored_together_or_not_at_all(demo: Workspace) -> None:
    from selfeval.errors import InputError
    from selfeval.services.attachments import MAX_ATTACHMENT_BYTES
    from selfeval.services.evidence import EvidenceInput, add_evidence

    before = dump_json(demo)
    too_big = b"x" * (MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(InputError, match="attachments are limited to 50 MB"):
        add_evidence(
            demo,
            EvidenceInput(title="Audit with files"),
            ["right-help"],
            [("audit.pdf", b"%PDF small"), ("huge.bin", too_big)],
        )
    assert dump_json(demo) == before
