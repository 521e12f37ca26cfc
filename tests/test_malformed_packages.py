"""Malformed packages and passphrase files: refused with one line, exit 2, nothing changed."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.services import contributions
from selfeval.services.judgements import set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace
from tests.conftest import TEST_USER

ICB = CurrentUser("Amara Okafor", "ICB")


@pytest.fixture
def good_return(demo_path: Path, tmp_path: Path) -> Path:
    with open_workspace(demo_path, TEST_USER) as lead:
        request = tmp_path / "request.sefpack"
        contributions.create_request(lead, "ICB", ["right-help"], request)
    partner = contributions.open_request(request, tmp_path / "partner.selfeval", ICB)
    set_judgement(partner, "right-help", rating="amber")
    path = tmp_path / "return.sefpack"
    contributions.create_return(partner, path)
    partner.close()
    return path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(files: dict[str, bytes], target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def with_content(files: dict[str, bytes], content: bytes) -> dict[str, bytes]:
    manifest = json.loads(files["manifest.json"])
    manifest["members"]["content.json"] = hashlib.sha256(content).hexdigest()
    return {**files, "content.json": content, "manifest.json": json.dumps(manifest).encode()}


def merge_refused(
    capsys: pytest.CaptureFixture[str], lead: Path, package: Path, message: str, *extra: str
) -> None:
    before = lead.read_bytes()
    code = main(
        ["contribution", "merge", str(lead), str(package), "--accept-non-conflicting", *extra]
    )
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert err.count("\n") == 1 and err.startswith("selfeval: ")
    assert message in err, err
    assert "Traceback" not in err and "internal error" not in err
    assert lead.read_bytes() == before


def test_a_missing_member(
    demo_path: Path, good_return: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = members(good_return)
    del files["content.json"]
    merge_refused(
        capsys,
        demo_path,
        rezip(files, tmp_path / "m.sefpack"),
        "member 'content.json' does not match the manifest",
    )


def test_a_member_name_with_control_characters(
    demo_path: Path, good_return: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {**members(good_return), "attachments/\x1b[31mred": b"x"}
    merge_refused(
        capsys,
        demo_path,
        rezip(files, tmp_path / "c.sefpack"),
        "has control characters in its name; refused",
    )


@pytest.mark.parametrize("member", ["manifest.json", "content.json"])
def test_json_nested_too_deeply(
    demo_path: Path,
    good_return: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    member: str,
) -> None:
    deep = b"[" * 200_000 + b"]" * 200_000
    files = members(good_return)
    files = with_content(files, deep) if member == "content.json" else {**files, member: deep}
    merge_refused(
        capsys,
        demo_path,
        rezip(files, tmp_path / "d.sefpack"),
        f"{member} is nested too deeply; refused",
    )


def test_a_number_too_long_to_read(
    demo_path: Path, good_return: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = with_content(members(good_return), b'{"framework": ' + b"9" * 10_000 + b"}")
    merge_refused(
        capsys, demo_path, rezip(files, tmp_path / "n.sefpack"), "content.json is not valid JSON"
    )


def test_a_manifest_that_is_not_an_object(
    demo_path: Path, good_return: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {**members(good_return), "manifest.json": b"[1, 2, 3]"}
    merge_refused(
        capsys, demo_path, rezip(files, tmp_path / "l.sefpack"), "manifest.json: : Input should be"
    )


def test_a_key_with_a_newline_stays_on_one_line(
    demo_path: Path, good_return: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = json.loads(members(good_return)["manifest.json"])
    manifest["evil\nkey" + "x" * 10_000] = 1
    files = {**members(good_return), "manifest.json": json.dumps(manifest).encode()}
    merge_refused(
        capsys, demo_path, rezip(files, tmp_path / "k.sefpack"), "manifest.json: evil\\nkey"
    )


def test_a_truncated_zip(
    demo_path: Path, good_return: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cut.sefpack"
    path.write_bytes(good_return.read_bytes()[:300])
    merge_refused(capsys, demo_path, path, "is not a selfeval contribution package")


def test_a_pipe_is_not_read_forever(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "return.sefpack"
    os.mkfifo(fifo)
    merge_refused(capsys, demo_path, fifo, f"{fifo}: is a named pipe, not a file")


def test_a_passphrase_file_that_is_not_utf8(
    demo_path: Path, good_return: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_bytes(b"caf\xe9 au lait\n")
    merge_refused(
        capsys,
        demo_path,
        good_return,
        f"{secret}: byte 4 is not UTF-8; save the passphrase file as UTF-8 text",
        "--passphrase-file",
        str(secret),
    )


def test_a_passphrase_file_that_is_a_folder_or_missing(
    demo_path: Path, good_return: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    merge_refused(
        capsys,
        demo_path,
        good_return,
        f"{tmp_path}: is a folder, not a file",
        "--passphrase-file",
        str(tmp_path),
    )
    missing = tmp_path / "nope.txt"
    merge_refused(
        capsys,
        demo_path,
        good_return,
        f"{missing}: no such file",
        "--passphrase-file",
        str(missing),
    )


def test_a_member_with_a_forged_offset_is_refused_in_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Found by the mutation test: an offset that makes zipfile seek before the start raised a
    ValueError instead of a refusal."""
    import io
    import zipfile

    from selfeval.errors import InputError
    from selfeval.files.zip_limits import read_member

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", "{}")
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        info = archive.infolist()[0]
        info.header_offset = -4_285_352_192
        with pytest.raises(InputError, match="member 'manifest.json' is damaged"):
            read_member(archive, info, "forged.sefpack")
