"""The contribution package file (.sefpack): format, writing, and reading it defensively.

A package is a zip holding `manifest.json` (format version, who, what, and the SHA-256 of every
other member), `content.json` (the framework and the state of the criteria concerned) and
`attachments/<sha256>` files. With a passphrase the whole zip is sealed with AES-GCM under a
scrypt-derived key. Everything read from a package is checked before anything is written:
names, sizes (against zip bombs), hashes, JSON shape. See docs/formats.md.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from selfeval.errors import InputError
from selfeval.files.faults import describe_os_error
from selfeval.files.output import check_destination, write_output
from selfeval.files.zip_limits import ZipLimits, checked_members, read_member
from selfeval.services.attachments import MAX_ATTACHMENT_BYTES
from selfeval.services.evidence import MAX_DESCRIPTION

FORMAT = "selfeval-contribution"
VERSION = 2  # 2: requests carry a secret, returns an HMAC under it, and no copy of the base
SUFFIX = ".sefpack"
MAX_PACKAGE_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_CONTENT_BYTES = 64 * 1024 * 1024
MAX_RATIO = 200  # a member that inflates more than this is a zip bomb, not a self-evaluation
LIMITS = ZipLimits(
    members=MAX_MEMBERS,
    member_bytes=max(MAX_CONTENT_BYTES, MAX_ATTACHMENT_BYTES),
    total_bytes=MAX_PACKAGE_BYTES,
    ratio=MAX_RATIO,
)
SEALED_MAGIC = b"SEFPACK-SEALED-1\n"
_MEMBER = re.compile(r"^(manifest\.json|content\.json|attachments/[0-9a-f]{64})$")


class PackageError(InputError):
    """The package cannot be used; nothing was changed."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# The shapes every value must have before anything else looks at it; what a value may be in
# this workspace (on the scale, in the framework, in the request) is checked in return_checks.
RecordId = Annotated[
    str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
FrameworkId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,79}$")]
BulletId = Annotated[str, Field(pattern=r"^([a-z0-9][a-z0-9._-]{0,79})?$")]
ShortText = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=100_000)]


class PJudgement(_Model):
    criterion_id: FrameworkId
    bullet_id: BulletId = ""
    rating: Annotated[str, Field(max_length=80)]
    rationale: LongText = ""
    strengths: LongText = ""
    areas_for_development: LongText = ""
    impact: LongText = ""
    note: LongText = ""


class POrganisation(_Model):
    id: RecordId
    name: Annotated[str, Field(min_length=1, max_length=200)]
    kind: Annotated[str, Field(max_length=40)] = "other"


class PPerson(_Model):
    id: RecordId
    name: Annotated[str, Field(min_length=1, max_length=200)]
    role: ShortText = ""
    organisation_id: RecordId | None = None
    email: Annotated[str, Field(max_length=320)] = ""


class POwner(_Model):
    criterion_id: FrameworkId
    person_id: RecordId
    role: Literal["lead", "contributor"]


class PAttachment(_Model):
    id: RecordId
    filename: Annotated[str, Field(min_length=1, max_length=1000)]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0, le=MAX_ATTACHMENT_BYTES)


class PEvidence(_Model):
    id: RecordId
    title: str = Field(min_length=1, max_length=500)
    description: Annotated[str, Field(max_length=MAX_DESCRIPTION)] = ""
    kind: Annotated[str, Field(max_length=40)] = "other"
    organisation_id: RecordId | None = None
    evidence_date: date | None = None
    link: Annotated[str, Field(max_length=2000)] = ""
    personal_data: bool = False
    links: list[tuple[FrameworkId, BulletId]] = []
    attachments: list[PAttachment] = []


class PComment(_Model):
    id: RecordId
    criterion_id: FrameworkId
    author: Annotated[str, Field(min_length=1, max_length=200)]
    organisation: ShortText = ""
    created_at: datetime
    text: Annotated[str, Field(min_length=1, max_length=10_000)]


class ScopedState(_Model):
    """The state of some criteria: what a package carries as base or as a partner's work."""

    judgements: list[PJudgement] = []
    organisations: list[POrganisation] = []
    people: list[PPerson] = []
    owners: list[POwner] = []
    evidence: list[PEvidence] = []
    comments: list[PComment] = []


class Content(_Model):
    """A request carries `base` (what was sent); a return carries `current` (the partner's
    state). The lead merges against its own record of the base, never a copy from the partner."""

    framework: dict[str, Any]
    base: ScopedState = ScopedState()
    current: ScopedState | None = None
    held_by_lead: list[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]] = Field(
        default=[], max_length=MAX_MEMBERS
    )
    """A return's files the lead already holds (they came with the request), named by SHA-256
    and not carried again: a return made without new files carries no file bytes."""


class LeadWorkspace(_Model):
    partnership_id: str
    assessment_id: str
    area_name: str


class Manifest(_Model):
    format: Literal["selfeval-contribution"]
    version: int
    kind: Literal["request", "return"]
    package_id: RecordId
    request_id: RecordId | None = None
    created_at: datetime
    created_by: ShortText
    organisation: ShortText = ""
    to: ShortText
    message: Annotated[str, Field(max_length=10_000)] = ""
    due_date: date | None = None
    criteria: list[FrameworkId]
    lead: LeadWorkspace
    framework_id: str
    framework_hash: str
    includes_personal_data: bool
    members: dict[str, str]
    request_secret: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None
    """In a request only: the key its return is signed with (never copied into a return)."""
    signature: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = None
    """In a return only: HMAC-SHA256 of the rest of the manifest under the request's secret.
    The manifest lists the SHA-256 of every other member, so this covers the whole package."""


def signature_of(manifest: Manifest, secret: str) -> str:
    """The HMAC a return must carry: over the manifest's canonical JSON, without the signature."""
    body = json.dumps(
        manifest.model_dump(mode="json", exclude={"signature"}),
        sort_keys=True,
        separators=(",", ":"),
    )
    return hmac.new(bytes.fromhex(secret), body.encode("utf-8"), hashlib.sha256).hexdigest()


def signed_by(manifest: Manifest, secret: str) -> bool:
    return manifest.signature is not None and hmac.compare_digest(
        manifest.signature, signature_of(manifest, secret)
    )


class Package(BaseModel):
    manifest: Manifest
    content: Content
    blobs: dict[str, bytes]


def write_package(
    path: Path,
    manifest: Manifest,
    content: Content,
    blobs: dict[str, bytes],
    passphrase: str | None,
    protect: tuple[Path, ...] = (),
    sign_with: str | None = None,
) -> Manifest:
    """Write a package (sealed with a passphrase, signed with a request's secret when given);
    it appears at `path` only when complete. Returns the manifest as written."""
    check_destination(path, protect)
    content_bytes = content.model_dump_json().encode("utf-8")
    members = {"content.json": hashlib.sha256(content_bytes).hexdigest()}
    for sha in sorted(blobs):
        members[f"attachments/{sha}"] = sha
    manifest = manifest.model_copy(update={"members": members, "signature": None})
    if sign_with is not None:
        manifest = manifest.model_copy(update={"signature": signature_of(manifest, sign_with)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest.model_dump_json(indent=2))
        archive.writestr("content.json", content_bytes)
        for sha in sorted(blobs):
            archive.writestr(f"attachments/{sha}", blobs[sha])
    data = buffer.getvalue()
    if passphrase:
        data = seal(data, passphrase)
    write_output(path, data, protect)
    return manifest


def _key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def seal(data: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    return SEALED_MAGIC + salt + nonce + AESGCM(_key(passphrase, salt)).encrypt(nonce, data, None)


def unseal(data: bytes, passphrase: str | None, name: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not passphrase:
        raise PackageError(f"{name}: is protected by a passphrase; give it with --passphrase-file")
    body = data[len(SEALED_MAGIC) :]
    if len(body) < 16 + 12 + 16:
        raise PackageError(f"{name}: is truncated")
    salt, nonce, sealed = body[:16], body[16:28], body[28:]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, sealed, None)
    except InvalidTag:
        raise PackageError(
            f"{name}: the passphrase is wrong, or the file was changed after it was sealed"
        ) from None


def read_package(path: Path, passphrase: str | None = None) -> Package:
    """Read and check a package completely; raises PackageError with the reason."""
    name = path.name
    try:
        if path.is_dir():
            raise PackageError(f"{path}: is a folder, not a package")
        if path.exists() and not path.is_file():  # a device or a pipe would never end
            raise PackageError(f"{path}: is not a file")
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise PackageError(f"{name}: is {size:,} bytes; packages are limited to 512 MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PackageError(f"{path}: no such file") from None
    except OSError as err:
        raise PackageError(f"{path}: {describe_os_error(err)}") from None
    if data.startswith(SEALED_MAGIC):
        data = unseal(data, passphrase, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, OSError):
        raise PackageError(f"{name}: is not a selfeval contribution package") from None
    with archive:
        members = _checked_members(archive, name)
        raw = {info.filename: _read_member(archive, info, name) for info in members}
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
    present = set(raw)
    if present != expected:
        odd = sorted(present ^ expected)[0]
        raise PackageError(f"{name}: member '{odd}' does not match the manifest")
    for member, digest in manifest.members.items():
        if hashlib.sha256(raw[member]).hexdigest() != digest:
            raise PackageError(
                f"{name}: member '{member}' does not match its SHA-256 in the manifest"
            )
    content = _validate(
        Content, _json(raw["content.json"], name, "content.json"), name, "content.json"
    )
    blobs = {
        m.removeprefix("attachments/"): b for m, b in raw.items() if m.startswith("attachments/")
    }
    held = set(content.held_by_lead)
    for state, may_be_held in ((content.base, False), (content.current, True)):
        for item in state.evidence if state else []:
            for attachment in item.attachments:
                if attachment.sha256 not in blobs and not (
                    may_be_held and attachment.sha256 in held
                ):
                    raise PackageError(
                        f"{name}: attachment '{attachment.filename}' is listed but not included"
                    )
    return Package(manifest=manifest, content=content, blobs=blobs)


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
