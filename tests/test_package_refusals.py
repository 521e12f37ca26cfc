"""Every bad package is refused with a clear message, and the workspace is left exactly as it was."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from selfeval.services import contributions
from selfeval.services.contributions import merge
from selfeval.services.contributions.package_format import PackageError, read_package
from selfeval.services.dump import dump_json
from selfeval.services.judgements import set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace

ICB = CurrentUser("Amara Okafor", "ICB")


@pytest.fixture
def good_return(demo: Workspace, tmp_path: Path) -> Path:
    request = tmp_path / "request.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], request)
    partner = contributions.open_request(request, tmp_path / "partner.selfeval", ICB)
    set_judgement(partner, "right-help", rating="amber")
    path = tmp_path / "return.sefpack"
    contributions.create_return(partner, path)
    partner.close()
    return path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(path: Path, files: dict[str, bytes], target: Path) -> Path:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def refused(workspace: Workspace, path: Path, message: str) -> None:
    before = dump_json(workspace)
    with pytest.raises(PackageError) as caught:
        package = read_package(path)
        merge.apply_merge(workspace, package, merge.plan_merge(workspace, package))
    assert message in str(caught.value)
    assert dump_json(workspace) == before


def with_manifest(files: dict[str, bytes], change: Callable[[dict], None]) -> dict[str, bytes]:  # type: ignore[type-arg]
    manifest = json.loads(files["manifest.json"])
    change(manifest)
    return {**files, "manifest.json": json.dumps(manifest).encode()}


def test_a_good_return_merges(demo: Workspace, good_return: Path) -> None:
    package = read_package(good_return)
    assert [c.key for c in merge.plan_merge(demo, package).clean] == [
        "judgement|right-help||rating"
    ]


def test_a_return_for_another_workspace(demo: Workspace, good_return: Path, tmp_path: Path) -> None:
    from selfeval.services.demo import create_demo_workspace

    other = create_demo_workspace(tmp_path / "other.selfeval")
    refused(other, good_return, "this return belongs to another workspace (Anyshire)")
    other.close()


def test_an_unknown_format_version(demo: Workspace, good_return: Path, tmp_path: Path) -> None:
    files = with_manifest(members(good_return), lambda m: m.update(version=3))
    path = rezip(good_return, files, tmp_path / "v3.sefpack")
    refused(demo, path, "is package format version 3; this selfeval reads version 2")


def test_a_member_whose_hash_does_not_match(
    demo: Workspace, good_return: Path, tmp_path: Path
) -> None:
    files = members(good_return)
    files["content.json"] = files["content.json"].replace(b'"amber"', b'"green"')
    path = rezip(good_return, files, tmp_path / "tampered.sefpack")
    refused(demo, path, "member 'content.json' does not match its SHA-256 in the manifest")


@pytest.mark.parametrize(
    "name", ["../evil.json", "/etc/passwd", "C:/Windows/win.ini", "attachments\\..\\x", "a/../../b"]
)
def test_a_path_that_escapes_the_package(
    demo: Workspace, good_return: Path, tmp_path: Path, name: str
) -> None:
    files = {**members(good_return), name: b"x"}
    path = rezip(good_return, files, tmp_path / "escape.sefpack")
    refused(demo, path, f"member '{name}' points outside the package; refused")


def test_an_unexpected_member(demo: Workspace, good_return: Path, tmp_path: Path) -> None:
    path = rezip(
        good_return, {**members(good_return), "run.sh": b"rm -rf /"}, tmp_path / "x.sefpack"
    )
    refused(demo, path, "unexpected member 'run.sh'")


def test_a_zip_bomb(demo: Workspace, good_return: Path, tmp_path: Path) -> None:
    bomb = b"\0" * (40 * 1024 * 1024)
    sha = hashlib.sha256(bomb).hexdigest()
    files = with_manifest(
        members(good_return), lambda m: m["members"].update({f"attachments/{sha}": sha})
    )
    files[f"attachments/{sha}"] = bomb
    path = rezip(good_return, files, tmp_path / "bomb.sefpack")
    assert path.stat().st_size < 1_000_000
    refused(demo, path, "refused as a zip bomb")


def test_an_attachment_over_the_size_limit(
    demo: Workspace, good_return: Path, tmp_path: Path
) -> None:
    big = os.urandom(51 * 1024 * 1024)
    sha = hashlib.sha256(big).hexdigest()
    files = with_manifest(
        members(good_return), lambda m: m["members"].update({f"attachments/{sha}": sha})
    )
    files[f"attachments/{sha}"] = big
    path = tmp_path / "big.sefpack"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    refused(demo, path, f"member 'attachments/{sha}' is over the size limit")


def test_truncated_random_and_not_a_package(
    demo: Workspace, good_return: Path, tmp_path: Path
) -> None:
    data = good_return.read_bytes()
    cut = tmp_path / "cut.sefpack"
    cut.write_bytes(data[: len(data) // 2])
    refused(demo, cut, "is not a selfeval contribution package")
    noise = tmp_path / "noise.sefpack"
    noise.write_bytes(os.urandom(5000))
    refused(demo, noise, "is not a selfeval contribution package")
    empty_zip = rezip(good_return, {}, tmp_path / "empty.sefpack")
    refused(demo, empty_zip, "has no manifest.json")


def test_a_manifest_that_is_not_valid(demo: Workspace, good_return: Path, tmp_path: Path) -> None:
    files = {**members(good_return), "manifest.json": b"{not json"}
    refused(
        demo, rezip(good_return, files, tmp_path / "m.sefpack"), "manifest.json is not valid JSON"
    )
    files = with_manifest(members(good_return), lambda m: m.pop("criteria"))
    refused(
        demo,
        rezip(good_return, files, tmp_path / "n.sefpack"),
        "manifest.json: criteria: Field required",
    )


def test_a_request_is_not_merged(demo: Workspace, tmp_path: Path) -> None:
    request = tmp_path / "request.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], request)
    refused(demo, request, "this package is a request, not a partner's return")


def test_opening_a_bad_request_leaves_no_partner_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sefpack"
    bad.write_bytes(os.urandom(100))
    with pytest.raises(PackageError):
        contributions.open_request(bad, tmp_path / "partner.selfeval", ICB)
    assert not (tmp_path / "partner.selfeval").exists()
