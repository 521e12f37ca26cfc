"""What a contribution package says, as checked shapes: its manifest (who, what, the SHA-256 of
every member, the signature) and its content (the framework and the state of the criteria
concerned). Every value must have its shape before anything else looks at it; what a value may
be in this workspace (on the scale, in the framework, in the request) is checked in
return_checks. Reading and writing the file: package_format.py.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from selfeval.errors import InputError
from selfeval.services.attachments import MAX_ATTACHMENT_BYTES
from selfeval.services.evidence import MAX_DESCRIPTION
from selfeval.services.plain_names import NoControls

MAX_MEMBERS = 20_000


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
NameText = Annotated[NoControls, Field(max_length=200)]
"""A person's or an organisation's name: printed in lists, the history and the merge review."""
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
    family_statement: LongText = ""
    family_going_well: LongText = ""
    family_working_on: LongText = ""
    what_good_looks_like: LongText = ""


class POrganisation(_Model):
    id: RecordId
    name: Annotated[NoControls, Field(min_length=1, max_length=200)]
    kind: Annotated[str, Field(max_length=40)] = "other"


class PPerson(_Model):
    id: RecordId
    name: Annotated[NoControls, Field(min_length=1, max_length=200)]
    role: Annotated[NoControls, Field(max_length=200)] = ""
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
    author: Annotated[NoControls, Field(min_length=1, max_length=200)]
    organisation: NameText = ""
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
    created_by: NameText
    organisation: NameText = ""
    to: NameText
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
