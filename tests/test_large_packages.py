"""Packages of any size move a file at a time: a request carrying more than 512 MB of files opens,
and a package sealed with a passphrase is sealed a piece at a time that cannot be cut, moved or
swapped without the check failing."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from selfeval.services import contributions
from selfeval.services.attachments import MAX_ATTACHMENT_BYTES, add_attachment, attachment_data
from selfeval.services.contributions.package_format import PackageError, read_package
from selfeval.services.contributions.package_seal import PIECE, SEALED_V1, SEALED_V2, TAG
from selfeval.services.evidence import EvidenceInput, add_evidence, list_evidence
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace

ICB = CurrentUser("Amara Okafor", "ICB")
MB = 1024 * 1024


def sparse_file(path: Path, size: int, label: str) -> Path:
    """A file of `size` bytes that costs the disk almost nothing: a label, then a hole."""
    with path.open("wb") as handle:
        handle.write(label.encode())
        handle.truncate(size)
    return path


def test_a_request_whose_files_total_more_than_512_mb_opens(
    demo: Workspace, tmp_path: Path
) -> None:
    item = add_evidence(demo, EvidenceInput(title="Case file scans"), link_to=["right-help"])
    for number in range(11):  # 11 x 50 MB: over the old 512 MB limit on a package
        scan = sparse_file(tmp_path / f"scan-{number}.pdf", MAX_ATTACHMENT_BYTES, f"scan {number}")
        add_attachment(demo, item, scan)
    request = tmp_path / "request.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], request)
    assert request.stat().st_size > 512 * MB
    partner = contributions.open_request(request, tmp_path / "partner.selfeval", ICB)
    try:
        (opened,) = [e for e in list_evidence(partner) if e.title == "Case file scans"]
        assert len(opened.attachments) == 11
        for attachment in opened.attachments:
            name, data = attachment_data(partner, attachment.id)
            number = name.removeprefix("scan-").removesuffix(".pdf")
            assert data.startswith(f"scan {number}".encode()) and len(data) == MAX_ATTACHMENT_BYTES
    finally:
        partner.close()


@pytest.fixture
def sealed(demo: Workspace, tmp_path: Path) -> Path:
    """A sealed request of several pieces (its files are 3 MB of varied bytes)."""
    files = [(f"minutes-{n}.pdf", os.urandom(MB + n)) for n in range(3)]
    add_evidence(demo, EvidenceInput(title="Board minutes"), ["right-help"], files)
    path = tmp_path / "sealed.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], path, passphrase="amber kestrel")
    assert path.read_bytes().startswith(SEALED_V2)
    return path


def test_a_sealed_package_opens_with_its_passphrase_and_keeps_every_file(
    sealed: Path, tmp_path: Path
) -> None:
    with read_package(sealed, "amber kestrel") as package:
        sizes = {package.blobs.size_of(sha) for sha in package.blobs}
        assert {MB, MB + 1, MB + 2} <= sizes
        for sha in package.blobs:
            assert hashlib.sha256(package.blobs[sha]).hexdigest() == sha
    with pytest.raises(PackageError, match="passphrase is wrong"):
        read_package(sealed, "amber kestrels")
    with pytest.raises(PackageError, match="protected by a passphrase"):
        read_package(sealed)


def test_a_sealed_package_cut_short_reordered_or_lengthened_is_refused(
    sealed: Path, tmp_path: Path
) -> None:
    data = sealed.read_bytes()
    header = len(SEALED_V2) + 16 + 7
    piece = PIECE + TAG
    assert len(data) > header + 2 * piece  # three pieces at least
    first, second = data[header : header + piece], data[header + piece : header + 2 * piece]
    forgeries = {
        "last piece dropped": data[: header + 2 * piece],
        "cut inside a piece": data[:-100],
        "pieces swapped": data[:header] + second + first + data[header + 2 * piece :],
        "a piece added": data + data[-(len(data) - header - 2 * piece) :],
        "header only": data[:header],
    }
    for what, forged in forgeries.items():
        path = tmp_path / "forged.sefpack"
        path.write_bytes(forged)
        with pytest.raises(PackageError) as refused:
            read_package(path, "amber kestrel")
        assert "forged.sefpack" in str(refused.value), what


def test_a_package_sealed_whole_by_an_earlier_version_still_opens(
    demo: Workspace, tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    plain = tmp_path / "plain.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], plain)
    salt, nonce = os.urandom(16), os.urandom(12)
    key = Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(b"old words")
    old = tmp_path / "old.sefpack"
    old.write_bytes(SEALED_V1 + salt + nonce + AESGCM(key).encrypt(nonce, plain.read_bytes(), None))
    with read_package(old, "old words") as package, read_package(plain) as expected:
        assert package.manifest == expected.manifest
    with pytest.raises(PackageError, match="passphrase is wrong"):
        read_package(old, "new words")


def test_files_are_carried_stored_so_zeros_are_not_taken_for_a_zip_bomb(
    demo: Workspace, tmp_path: Path
) -> None:
    add_evidence(demo, EvidenceInput(title="Blank"), ["right-help"], [("blank.pdf", bytes(5 * MB))])
    path = tmp_path / "zeros.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], path)
    with zipfile.ZipFile(path) as archive:
        files = [i for i in archive.infolist() if i.filename.startswith("attachments/")]
        assert files and all(i.compress_type == zipfile.ZIP_STORED for i in files)
    with read_package(path) as package:
        assert any(package.blobs.size_of(sha) == 5 * MB for sha in package.blobs)


def test_an_attachment_whose_name_is_not_its_hash_is_refused(
    demo: Workspace, tmp_path: Path
) -> None:
    import json

    add_evidence(demo, EvidenceInput(title="One file"), ["right-help"], [("a.pdf", b"real bytes")])
    path = tmp_path / "request.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    name = "attachments/" + hashlib.sha256(b"real bytes").hexdigest()
    other = b"other bytes"
    members[name] = other  # listed under the old file's hash, the manifest told of the new one
    manifest = json.loads(members["manifest.json"])
    manifest["members"][name] = hashlib.sha256(other).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    forged = tmp_path / "forged.sefpack"
    with zipfile.ZipFile(forged, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    with pytest.raises(PackageError, match="does not match its SHA-256"):
        read_package(forged)


def test_writing_and_opening_a_request_report_progress_and_a_cancel_leaves_nothing(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.errors import InputError
    from selfeval.services.contributions.registry import list_requests

    files = [(f"scan-{n}.pdf", os.urandom(MB)) for n in range(4)]
    add_evidence(demo, EvidenceInput(title="Scans"), ["right-help"], files)
    before = len(list_requests(demo))
    stop = tmp_path / "cancelled.sefpack"
    seen: list[tuple[int, int]] = []
    with pytest.raises(InputError, match="cancelled; cancelled.sefpack was not written"):
        contributions.create_request(
            demo,
            "ICB",
            ["right-help"],
            stop,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 2,
        )
    assert not stop.exists() and not list(tmp_path.glob("*.partial"))
    assert len(list_requests(demo)) == before  # no record of a request never written
    path = tmp_path / "request.sefpack"
    steps: list[tuple[int, int]] = []
    contributions.create_request(
        demo, "ICB", ["right-help"], path, progress=lambda d, t: steps.append((d, t))
    )
    done, total = steps[-1]
    assert 4 * 1024 <= done <= total  # KiB, our four files of 1 MB among them
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    partner = tmp_path / "partner.selfeval"
    opened: list[int] = []
    with pytest.raises(InputError, match="cancelled; no partner workspace was made"):
        contributions.open_request(
            path,
            partner,
            ICB,
            progress=lambda d, t: opened.append(d),
            cancelled=lambda: bool(opened),
        )
    assert opened and not list(tmp_path.glob("partner*"))
    contributions.open_request(path, partner, ICB).close()
    assert partner.exists()


def test_a_file_moves_between_disk_store_and_packages_a_piece_at_a_time(
    demo: Workspace, tmp_path: Path
) -> None:
    """Adding a 40 MB file, writing a sealed request that carries it and opening that request
    each hold a few megabytes at most, never the file (Python's own allocations, traced)."""
    import tracemalloc

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(os.urandom(40 * MB))
    item = add_evidence(demo, EvidenceInput(title="Scan"), ["right-help"])
    request, partner = tmp_path / "request.sefpack", tmp_path / "partner.selfeval"

    def peak_of(work: Callable[[], object]) -> int:
        tracemalloc.start()
        try:
            work()
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    steps = {
        "add the file": lambda: add_attachment(demo, item, scan),
        "write the request": lambda: contributions.create_request(
            demo, "ICB", ["right-help"], request, passphrase="amber kestrel"
        ),
        "open it": lambda: contributions.open_request(
            request, partner, ICB, "amber kestrel"
        ).close(),
    }
    for step, work in steps.items():
        assert peak_of(work) < 12 * MB, step
    with contributions.open_request(
        request, tmp_path / "again.selfeval", ICB, "amber kestrel"
    ) as copy:
        (opened,) = [e for e in list_evidence(copy) if e.title == "Scan"]
        assert attachment_data(copy, opened.attachments[0].id)[1] == scan.read_bytes()


def test_a_damaged_or_lying_file_member_is_refused_in_words(
    demo: Workspace, tmp_path: Path
) -> None:
    import io

    from selfeval.services.contributions.package_files import member_digest

    content = os.urandom(200_000)
    add_evidence(demo, EvidenceInput(title="Scan"), ["right-help"], [("scan.pdf", content)])
    path = tmp_path / "request.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], path)
    data = bytearray(path.read_bytes())
    at = bytes(data).index(content[:64])  # stored as it is: its bytes are in the file
    data[at + 1000] ^= 0xFF
    flipped = tmp_path / "flipped.sefpack"
    flipped.write_bytes(bytes(data))
    with pytest.raises(PackageError, match="flipped.sefpack: member 'attachments/.*"):
        read_package(flipped)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        info = next(i for i in archive.infolist() if i.file_size == len(content))
        info.file_size -= 10  # a header that says less than the member holds
        with pytest.raises(PackageError, match="lying.sefpack: .*(larger than it says|damaged)"):
            member_digest(archive, info, "lying.sefpack", PackageError)
        info.file_size += 10
        info.header_offset = -4_285_352_192  # a forged offset
        with pytest.raises(PackageError, match="is damaged"):
            member_digest(archive, info, "forged.sefpack", PackageError)
