"""The contribution package file (.sefpack): format, writing, and reading it defensively.

A package is a zip holding `manifest.json` (format version, who, what, and the SHA-256 of every
other member), `content.json` (the framework and the state of the criteria concerned) and
`attachments/<sha256>` files. With a passphrase the whole zip is sealed with AES-GCM under a
scrypt-derived key, a megabyte at a time (`package_seal.py`). Everything read from a package is
checked before anything is written: names, sizes (against zip bombs), hashes, JSON shape
(`package_shapes.py`); the
files are then read a megabyte at a time as they are stored (`package_files.py`). See
docs/formats.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from selfeval.errors import InputError
from selfeval.files.faults import describe_os_error
from selfeval.files.input_file import open_input
from selfeval.files.output import check_destination, safe_output
from selfeval.files.zip_limits import ZipLimits, checked_members, read_member
from selfeval.services.attachments import MAX_ATTACHMENT_BYTES
from selfeval.services.contributions.package_files import (
    FileSet,
    PackageFiles,
    member_digest,
)
from selfeval.services.contributions.package_seal import (
    SEALED_V2,
    SealingWriter,
    is_sealed,
    unseal_stream,
)
from selfeval.services.contributions.package_shapes import (
    MAX_MEMBERS,
    BulletId,
    Content,
    FrameworkId,
    LeadWorkspace,
    Manifest,
    PackageError,
    PAttachment,
    PComment,
    PEvidence,
    PJudgement,
    POrganisation,
    POwner,
    PPerson,
    RecordId,
    ScopedState,
    signature_of,
    signed_by,
)

__all__ = [  # the shapes, for the many modules that know packages by this one name
    "BulletId",
    "Content",
    "FrameworkId",
    "LeadWorkspace",
    "Manifest",
    "PAttachment",
    "PComment",
    "PEvidence",
    "PJudgement",
    "POrganisation",
    "POwner",
    "PPerson",
    "Package",
    "PackageError",
    "RecordId",
    "ScopedState",
    "read_package",
    "signature_of",
    "signed_by",
    "write_package",
]

FORMAT = "selfeval-contribution"
VERSION = 2  # 2: requests carry a secret, returns an HMAC under it, and no copy of the base
SUFFIX = ".sefpack"
MAX_PACKAGE_BYTES = 64 * 1024**3
"""Far beyond any library (each attachment is limited on its own); a number, not no limit."""
MAX_CONTENT_BYTES = 64 * 1024 * 1024
MAX_RATIO = 200  # a member that inflates more than this is a zip bomb, not a self-evaluation
LIMITS = ZipLimits(
    members=MAX_MEMBERS,
    member_bytes=max(MAX_CONTENT_BYTES, MAX_ATTACHMENT_BYTES),
    total_bytes=MAX_PACKAGE_BYTES,
    ratio=MAX_RATIO,
)
_MEMBER = re.compile(r"^(manifest\.json|content\.json|attachments/[0-9a-f]{64})$")


@dataclass
class Package:
    manifest: Manifest
    content: Content
    blobs: FileSet
    """The attachments by SHA-256, read from where they are as they are used (never held)."""

    def close(self) -> None:
        """Let go of the package file now (otherwise when the package is no longer used)."""
        if isinstance(self.blobs, PackageFiles):
            self.blobs.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def package_is_sealed(path: Path) -> bool:
    """Whether opening the package needs its passphrase (OSError when it cannot be read)."""
    try:
        with open_input(path, "the package (.sefpack)") as handle:
            return is_sealed(handle.read(len(SEALED_V2)))
    except InputError as err:
        raise PackageError(str(err)) from None


def passphrase_opens_package(path: Path, passphrase: str) -> bool:
    """Whether the passphrase opens this sealed package (a quick check of its first piece)."""
    from selfeval.services.contributions.package_seal import passphrase_opens

    try:
        with open_input(path, "the package (.sefpack)") as handle:
            return passphrase_opens(handle, passphrase)
    except InputError as err:
        raise PackageError(str(err)) from None
    except OSError as err:
        raise PackageError(f"{path}: {describe_os_error(err)}") from None


def write_package(
    path: Path,
    manifest: Manifest,
    content: Content,
    blobs: FileSet,
    passphrase: str | None,
    protect: tuple[Path, ...] = (),
    sign_with: str | None = None,
) -> Manifest:
    """Write a package (sealed with a passphrase, signed with a request's secret when given);
    it appears at `path` only when complete. The files are read and written a megabyte at a
    time. Returns the manifest as written."""
    check_destination(path, protect)
    content_bytes = content.model_dump_json().encode("utf-8")
    members = {"content.json": hashlib.sha256(content_bytes).hexdigest()}
    for sha in sorted(blobs):
        members[f"attachments/{sha}"] = sha
    manifest = manifest.model_copy(update={"members": members, "signature": None})
    if sign_with is not None:
        manifest = manifest.model_copy(update={"signature": signature_of(manifest, sign_with)})
    with safe_output(path, protect) as handle:
        target: Any = SealingWriter(handle, passphrase) if passphrase else handle
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("manifest.json", manifest.model_dump_json(indent=2))
            archive.writestr("content.json", content_bytes)
            for sha in sorted(blobs):
                _write_file(archive, sha, blobs.pieces(sha))
        if isinstance(target, SealingWriter):
            target.close()
    return manifest


def _write_file(archive: zipfile.ZipFile, sha: str, pieces: Iterator[bytes]) -> None:
    """One attachment into the zip as it is read, stored as it is (most are compressed already,
    and a file of zeros must not look like a zip bomb to the reader); its SHA-256 is checked."""
    info = zipfile.ZipInfo(f"attachments/{sha}", date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_STORED
    digest = hashlib.sha256()
    with archive.open(info, "w") as member:
        for piece in pieces:
            digest.update(piece)
            member.write(piece)
    if digest.hexdigest() != sha:
        raise InputError(
            f"an attached file in this workspace ({sha[:12]}...) is damaged; "
            "'selfeval check' says which"
        )


def read_package(path: Path, passphrase: str | None = None) -> Package:
    """Read and check a package completely (its files are checked, not kept: they are read
    again, a piece at a time, when used); raises PackageError with the reason."""
    source = _opened(path, passphrase)
    try:
        return _read(source, path.name)
    except BaseException:
        source.close()
        raise


def _opened(path: Path, passphrase: str | None) -> IO[bytes]:
    """The package's zip: the file itself, or (sealed) its opened copy, in memory while small."""
    name = path.name
    try:
        handle = open_input(path, "the package (.sefpack)")
    except InputError as err:
        raise PackageError(str(err)) from None
    except FileNotFoundError:
        raise PackageError(f"{path}: no such file") from None
    except OSError as err:
        raise PackageError(f"{path}: {describe_os_error(err)}") from None
    try:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_PACKAGE_BYTES:
            raise PackageError(f"{name}: is {size:,} bytes; packages are limited to 64 GB")
        head = handle.read(len(SEALED_V2))
        handle.seek(0)
        if not is_sealed(head):
            return handle
        plain = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024)  # noqa: SIM115 (kept)
        try:
            unseal_stream(handle, plain, passphrase, name, PackageError)
            plain.seek(0)
        except BaseException:
            plain.close()
            raise
        handle.close()
        return plain  # a file, in memory or on disk
    except OSError as err:
        handle.close()
        raise PackageError(f"{path}: {describe_os_error(err)}") from None
    except BaseException:
        handle.close()
        raise


def _read(source: IO[bytes], name: str) -> Package:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, OSError):
        raise PackageError(f"{name}: is not a selfeval contribution package") from None
    infos = {info.filename: info for info in _checked_members(archive, name)}
    raw = {
        member: _read_member(archive, info, name)
        for member, info in infos.items()
        if not member.startswith("attachments/")
    }
    if "manifest.json" not in raw:
        raise PackageError(f"{name}: has no manifest.json; it is not a contribution package")
    manifest_data = _json(raw["manifest.json"], name, "manifest.json")
    version = manifest_data.get("version") if isinstance(manifest_data, dict) else None
    if isinstance(version, int) and version != VERSION:
        raise PackageError(
            f"{name}: is package format version {version}; this selfeval reads "
            f"version {VERSION}. Install the version of selfeval that made it."
        )
    manifest = _validate(Manifest, manifest_data, name, "manifest.json")
    expected = set(manifest.members) | {"manifest.json"}
    present = set(infos)
    if present != expected:
        odd = sorted(present ^ expected)[0]
        raise PackageError(f"{name}: member '{odd}' does not match the manifest")
    for member, digest in manifest.members.items():
        file = member.removeprefix("attachments/")
        actual = (
            hashlib.sha256(raw[member]).hexdigest()
            if member in raw
            else member_digest(archive, infos[member], name, PackageError)
        )
        if actual != digest or (file != member and file != digest):
            raise PackageError(
                f"{name}: member '{member}' does not match its SHA-256 in the manifest"
            )
    content = _validate(
        Content, _json(raw["content.json"], name, "content.json"), name, "content.json"
    )
    files = PackageFiles(
        archive,
        {m.removeprefix("attachments/"): i for m, i in infos.items() if m not in raw},
        name,
        source,
        PackageError,
    )
    held = set(content.held_by_lead)
    for state, may_be_held in ((content.base, False), (content.current, True)):
        for item in state.evidence if state else []:
            for attachment in item.attachments:
                if attachment.sha256 not in files and not (
                    may_be_held and attachment.sha256 in held
                ):
                    files.close()
                    raise PackageError(
                        f"{name}: attachment '{attachment.filename}' is listed but not included"
                    )
    return Package(manifest=manifest, content=content, blobs=files)


def _checked_members(archive: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    infos = checked_members(archive, name, LIMITS, PackageError)
    seen: set[str] = set()
    for info in infos:
        member = info.filename
        if not _MEMBER.match(member):
            raise PackageError(f"{name}: unexpected member '{member}'")
        if member in seen:
            raise PackageError(f"{name}: member '{member}' appears twice")
        seen.add(member)
        limit = MAX_CONTENT_BYTES if not member.startswith("attachments/") else MAX_ATTACHMENT_BYTES
        if info.file_size > limit:
            raise PackageError(f"{name}: member '{member}' is over the size limit")
    return infos


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    return read_member(archive, info, name, PackageError)


def _json(data: bytes, name: str, member: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):  # JSONDecodeError, and numbers too long to read
        raise PackageError(f"{name}: {member} is not valid JSON") from None
    except RecursionError:
        raise PackageError(f"{name}: {member} is nested too deeply; refused") from None


def _validate(model: type[Any], value: Any, name: str, member: str) -> Any:
    try:
        return model.model_validate(value)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PackageError(f"{name}: {member}: {shown(where)}: {shown(first['msg'])}") from None
    except RecursionError:
        raise PackageError(f"{name}: {member} is nested too deeply; refused") from None


def shown(text: str, limit: int = 120) -> str:
    """Text from a package as it may appear in a one-line message: no control characters, not
    longer than `limit`."""
    cleaned = "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 3] + "..."
