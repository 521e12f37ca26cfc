"""Nothing overwrites a workspace: every output path goes through one guarded, atomic writer."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.files.output import OutputRefused, safe_output, write_output
from selfeval.services.improvement.snapshots import take_snapshot
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["--user", "Cli User (Testshire)", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, err


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder and its SHA-256: what a refused write must leave alone."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


@pytest.fixture
def lead(demo_path: Path) -> Path:
    with open_workspace(demo_path, CurrentUser("Lead", "Anyshire")) as ws:
        take_snapshot(ws, "Board")
    return demo_path


@pytest.fixture
def other_workspace(demo_template: Path, tmp_path: Path) -> Path:
    """A second workspace under a name that says nothing of what it is."""
    target = tmp_path / "board-report.pdf"
    shutil.copyfile(demo_template, target)
    return target


def refused(
    capsys: pytest.CaptureFixture[str], folder: Path, argv: list[str], message: str
) -> None:
    before = fingerprint(folder)
    code, err = run(capsys, *argv)
    assert (code, err) == (2, f"selfeval: {message}\n")
    assert fingerprint(folder) == before


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_a_pack_never_replaces_the_workspace(
    fmt: str, lead: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(
        capsys,
        lead.parent,
        ["export", fmt, str(lead), "-o", str(lead)],
        f"{lead}: is a selfeval workspace; it was not overwritten. Choose another name",
    )


@pytest.mark.parametrize("sidecar", ["-wal", "-shm", "-journal"])
def test_nor_its_sidecar_files(
    sidecar: str, lead: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = Path(f"{lead}{sidecar}")
    refused(
        capsys,
        lead.parent,
        ["export", "pdf", str(lead), "-o", str(target)],
        f"{target}: belongs to the selfeval workspace {lead.name}; it was not overwritten. "
        "Choose another name",
    )


def test_a_workspace_is_known_by_its_header_not_its_name(
    lead: Path, other_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused(
        capsys,
        lead.parent,
        ["export", "pdf", str(lead), "-o", str(other_workspace)],
        f"{other_workspace}: is a selfeval workspace; it was not overwritten. Choose another name",
    )


def test_a_symlink_to_a_workspace_is_refused(
    lead: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = lead.parent / "pack.pdf"
    link.symlink_to(lead)
    refused(
        capsys,
        lead.parent,
        ["export", "pdf", str(lead), "-o", str(link)],
        f"{link}: is a selfeval workspace; it was not overwritten. Choose another name",
    )
    assert link.is_symlink()


def test_every_writing_verb_is_guarded(
    lead: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(lead)
    message = f"{lead}: is a selfeval workspace; it was not overwritten. Choose another name"
    folder = lead.parent
    refused(capsys, folder, ["export", "progress", ws, "--since", "Board", "-o", ws], message)
    refused(capsys, folder, ["dump", ws, "--json", "-o", ws], message)
    refused(capsys, folder, ["export", "parents", ws, "-o", ws], message)
    refused(capsys, folder, ["export", "brief", ws, "-o", ws], message)
    refused(
        capsys,
        folder,
        ["contribution", "request", ws, "--to", "ICB", "--criteria", "right-help", "-o", ws],
        message,
    )
    request = tmp_path / "request.sefpack"
    assert (
        run(
            capsys,
            "contribution",
            "request",
            ws,
            "--to",
            "ICB",
            "--criteria",
            "right-help",
            "-o",
            str(request),
        )[0]
        == 0
    )
    partner = tmp_path / "partner.selfeval"
    assert run(capsys, "contribution", "open", str(request), str(partner))[0] == 0
    refused(
        capsys,
        folder,
        ["contribution", "return", str(partner), "-o", str(partner)],
        f"{partner}: is a selfeval workspace; it was not overwritten. Choose another name",
    )
    refused(capsys, folder, ["contribution", "return", str(partner), "-o", ws], message)
    returned = tmp_path / "return.sefpack"
    assert run(capsys, "contribution", "return", str(partner), "-o", str(returned))[0] == 0
    refused(capsys, folder, ["contribution", "merge", ws, str(returned), "--report", ws], message)
    refused(
        capsys,
        folder,
        ["contribution", "merge", ws, str(returned), "--report", str(returned)],
        f"{returned}: is a file this command is reading; it was not overwritten. "
        "Choose another name",
    )


def test_an_output_into_a_missing_folder_or_onto_a_folder(
    lead: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "pack.pdf"
    refused(
        capsys,
        lead.parent,
        ["export", "pdf", str(lead), "-o", str(missing)],
        f"{missing.parent}: no such folder",
    )
    refused(
        capsys,
        lead.parent,
        ["dump", str(lead), "--json", "-o", str(tmp_path)],
        f"{tmp_path}: is a folder; give a file name inside it",
    )


def test_dump_to_a_file(lead: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The dump is written as it is read (memory stays flat on a county's workspace) and is the
    very text of the whole dump made at once: stable, diffable, every table in it."""
    import json

    from selfeval.services.dump import _SECTIONS, dump
    from selfeval.services.workspace import open_workspace

    target = tmp_path / "dump.json"
    assert run(capsys, "dump", str(lead), "--json", "-o", str(target))[0] == 0
    with open_workspace(lead) as workspace:
        whole = dump(workspace)
    written = target.read_text(encoding="utf-8")
    assert written == json.dumps(whole, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert sorted(json.loads(written)) == sorted(["format", *_SECTIONS])
    assert json.loads(written)["edition_items"] == []  # an empty table is still there
    from selfeval.services.dump import NOT_DUMPED
    from selfeval.store.model_base import Base

    dumped = {model.__tablename__ for model, _order in _SECTIONS.values()}
    assert set(Base.metadata.tables) - dumped == NOT_DUMPED  # a new table is not forgotten
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_the_temporary_file_is_unpredictable_and_never_a_planted_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "report.json"
    # the name the old writer used: a planted link there must not be followed
    (tmp_path / ".report.json.partial").symlink_to(victim)
    seen: list[str] = []
    with safe_output(target) as handle:
        seen = sorted(p.name for p in tmp_path.iterdir())
        handle.write(b"{}")
    temporary = [n for n in seen if n.startswith(".report.json.") and n != ".report.json.partial"]
    assert len(temporary) == 1 and len(temporary[0]) > len(".report.json..partial") + 8
    assert victim.read_text() == "keep me"
    assert target.read_bytes() == b"{}"


def test_a_destination_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "out.json"
    link.symlink_to(victim)
    write_output(link, b"new")
    assert victim.read_text() == "keep me"
    assert not link.is_symlink() and link.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file_and_no_litter(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the earlier pack")
    with pytest.raises(RuntimeError), safe_output(target) as handle:
        handle.write(b"half")
        raise RuntimeError("renderer failed")
    assert target.read_bytes() == b"the earlier pack"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


def test_a_workspace_appearing_during_the_write_is_not_replaced(
    tmp_path: Path, demo_template: Path
) -> None:
    target = tmp_path / "pack.pdf"
    with pytest.raises(OutputRefused), safe_output(target) as handle:
        handle.write(b"%PDF")
        shutil.copyfile(demo_template, target)
    assert target.read_bytes() == demo_template.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_folder_is_said_in_words(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(Exception) as caught:
            write_output(folder / "a.json", b"{}")
        assert "permission denied" in str(caught.value)
    finally:
        folder.chmod(0o700)


def test_a_device_or_pipe_is_never_replaced(
    lead: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    refused(
        capsys,
        lead.parent,
        ["dump", str(lead), "--json", "-o", str(pipe)],
        f"{pipe}: is not an ordinary file; it was not overwritten",
    )
    assert pipe.is_fifo()


def test_reading_a_pipe_never_hangs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "pipe.selfeval"
    os.mkfifo(pipe)
    assert run(capsys, "status", str(pipe)) == (2, f"selfeval: {pipe}: is not a workspace file\n")
    code = main(["frameworks", "validate", str(pipe)])
    assert code == 2
    assert capsys.readouterr().err == (
        f"{pipe}: is a named pipe, not a file; give a framework file (.yaml)\n"
    )


def test_a_new_workspace_never_takes_the_name_of_anothers_sidecar(
    lead: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for verb in (["new", f"{lead}-wal", "--area", "X"], ["demo", f"{lead}-shm"]):
        refused(
            capsys,
            lead.parent,
            verb,
            f"{verb[1]}: is the name of a file that belongs to the workspace {lead.name}; "
            "choose another name",
        )
