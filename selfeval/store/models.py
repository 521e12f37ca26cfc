"""The workspace schema: every table of a partnership's self-evaluation.

Criterion and bullet ids are the framework's stable string ids, not foreign keys: the framework
edition is stored whole (as validated JSON) in ``framework_edition`` and never changes.
A judgement with ``bullet_id == ""`` is the criterion-level judgement (an empty string rather
than NULL keeps the unique constraint working the same on every database).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from selfeval.store.model_base import ID, Base
from selfeval.store.types import UtcDateTime, new_id, utc_now


class Partnership(Base):
    __tablename__ = "partnership"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    area_name: Mapped[str] = mapped_column(String(200))
    local_authority: Mapped[str] = mapped_column(String(200), default="")
    icb: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class FrameworkEdition(Base):
    __tablename__ = "framework_edition"
    __table_args__ = (UniqueConstraint("framework_id", "content_hash"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    framework_id: Mapped[str] = mapped_column(String(80))
    edition: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    definition: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Assessment(Base):
    """One self-evaluation cycle, pinned to one framework edition."""

    __tablename__ = "assessment"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    partnership_id: Mapped[str] = mapped_column(ForeignKey("partnership.id", ondelete="CASCADE"))
    framework_edition_id: Mapped[str] = mapped_column(ForeignKey("framework_edition.id"))
    title: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    carried_from_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    """The assessment this one was carried from to a new edition of the criteria (progress
    reports compare across the two through the edition's crosswalk)."""


class Judgement(Base):
    __tablename__ = "judgement"
    __table_args__ = (UniqueConstraint("assessment_id", "criterion_id", "bullet_id"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(80))
    bullet_id: Mapped[str] = mapped_column(String(80), default="")
    rating: Mapped[str] = mapped_column(String(80), default="not-rated")
    rationale: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    areas_for_development: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    previous_rating: Mapped[str] = mapped_column(String(80), default="")
    family_statement: Mapped[str] = mapped_column(Text, default="")
    family_going_well: Mapped[str] = mapped_column(Text, default="")
    family_working_on: Mapped[str] = mapped_column(Text, default="")
    what_good_looks_like: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Organisation(Base):
    __tablename__ = "organisation"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="other")


class Person(Base):
    __tablename__ = "person"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True
    )
    email: Mapped[str] = mapped_column(String(320), default="")


class Ownership(Base):
    __tablename__ = "ownership"
    __table_args__ = (UniqueConstraint("assessment_id", "criterion_id", "person_id"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(80))
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))  # "lead" or "contributor"


class EvidenceItem(Base):
    __tablename__ = "evidence_item"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40), default="other")
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True
    )
    evidence_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    link: Mapped[str] = mapped_column(Text, default="")
    personal_data: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class EvidenceLink(Base):
    """Evidence is workspace-wide; its links to criteria belong to one assessment."""

    __tablename__ = "evidence_link"
    evidence_id: Mapped[str] = mapped_column(
        ForeignKey("evidence_item.id", ondelete="CASCADE"), primary_key=True
    )
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True
    )
    criterion_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    bullet_id: Mapped[str] = mapped_column(String(80), primary_key=True, default="")


class Blob(Base):
    """Attachment bytes, stored once per SHA-256 however many items share them."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    """Loaded only when read: asking whether a file is stored must not read its megabytes."""


class Attachment(Base):
    __tablename__ = "attachment"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    evidence_id: Mapped[str] = mapped_column(ForeignKey("evidence_item.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ChangeRecord(Base):
    """Who changed what, when, and where the change came from ("local" or a package id)."""

    __tablename__ = "change_record"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, index=True)
    changed_by: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    origin: Mapped[str] = mapped_column(String(80), default="local")
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(80))
    old_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    new_value: Mapped[str | None] = mapped_column(Text, nullable=True)
    assessment_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    criterion_id: Mapped[str | None] = mapped_column(String(80), nullable=True, index=True)


class Comment(Base):
    """A review comment on a criterion; comments only accumulate, so they merge without conflict."""

    __tablename__ = "comment"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(80), index=True)
    author: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(80), default="local")
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    """When a partner's package brought it here (author and date are as the partner stated)."""


class WorkspaceSetting(Base):
    """Small facts about this workspace file, such as "this is a partner copy of request X"."""

    __tablename__ = "workspace_setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class MergedPackage(Base):
    """Contribution packages already merged here: merging one twice changes nothing."""

    __tablename__ = "merged_package"
    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    merged_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    merged_by: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    request_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ContributionRequest(Base):
    """A request this workspace issued: the only source of what a return may change.

    A return names its request and is signed (HMAC-SHA256) with the request's secret; the scope
    (criteria, bullets, evidence sent) and the base of the three-way merge come from this row,
    never from the return. ``base`` is the state sent, as zlib-compressed JSON.
    """

    __tablename__ = "contribution_request"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    recipient: Mapped[str] = mapped_column(String(200))
    criteria: Mapped[str] = mapped_column(Text)  # JSON list of criterion ids
    bullets: Mapped[str] = mapped_column(Text)  # JSON list of bullet ids
    evidence_ids: Mapped[str] = mapped_column(Text)  # JSON list of the evidence items sent
    includes_personal_data: Mapped[bool] = mapped_column(Boolean)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    message: Mapped[str] = mapped_column(Text, default="")
    secret: Mapped[str] = mapped_column(String(64))
    base: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by: Mapped[str] = mapped_column(String(200))
    replaced_by: Mapped[str | None] = mapped_column(String(36), nullable=True)
    """The request that re-issued this one (new due date, the current state as its base)."""


# The plan's and the voices' tables live in modules of their own (each imported from there);
# importing them here puts every table in Base.metadata for whoever reads the whole schema
# (migrations, the copiers, the dump).
from selfeval.store import models_plan, models_voices  # noqa: E402,F401
