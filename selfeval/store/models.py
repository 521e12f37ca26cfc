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
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from selfeval.store.types import UtcDateTime, new_id, utc_now

ID = String(36)


class Base(DeclarativeBase):
    pass


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
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Base):
    __tablename__ = "attachment"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    evidence_id: Mapped[str] = mapped_column(ForeignKey("evidence_item.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Action(Base):
    __tablename__ = "action"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    owner_organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True
    )
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="not-started")
    priority: Mapped[str] = mapped_column(String(20), default="improvement")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ActionCriterion(Base):
    __tablename__ = "action_criterion"
    action_id: Mapped[str] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), primary_key=True
    )
    criterion_id: Mapped[str] = mapped_column(String(80), primary_key=True)


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


class ActionNote(Base):
    """A dated progress note on an action ("progress since the last board")."""

    __tablename__ = "action_note"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    action_id: Mapped[str] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    noted_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")


class IndicatorValue(Base):
    """One period's figures for an indicator: the area and its comparators (any may be blank)."""

    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    indicator_id: Mapped[str] = mapped_column(String(80), index=True)
    period: Mapped[str] = mapped_column(String(40))
    area: Mapped[float | None] = mapped_column(nullable=True)
    statistical_neighbours: Mapped[float | None] = mapped_column(nullable=True)
    region: Mapped[float | None] = mapped_column(nullable=True)
    england: Mapped[float | None] = mapped_column(nullable=True)
    source: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Where the figures came from ("DfE, Education, health and care plans (SEN2), sen2_mi.csv,
    time_period 2022"); empty when typed or imported from a plain CSV."""


class IndicatorTarget(Base):
    __tablename__ = "indicator_target"
    indicator_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    target: Mapped[float] = mapped_column()


class Risk(Base):
    __tablename__ = "risk"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    mitigation: Mapped[str] = mapped_column(Text, default="")
    owner_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    impact: Mapped[int] = mapped_column(Integer)
    likelihood: Mapped[int] = mapped_column(Integer)
    review_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    criteria: Mapped[str] = mapped_column(Text, default="")  # criterion ids, comma-separated
    status: Mapped[str] = mapped_column(String(20), default="open", server_default="open")


class Snapshot(Base):
    """An assessment frozen at a moment ("Board, 14 March"), to compare with later."""

    __tablename__ = "snapshot"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    content: Mapped[str] = mapped_column(Text)


class SignOff(Base):
    """One signatory's agreement to a version of the self-evaluation.

    ``content_hash`` is the SHA-256 of the self-evaluation's content when they signed
    (services/signoff.py says what counts); a pack made later from other content says so.
    """

    __tablename__ = "signoff"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    snapshot_id: Mapped[str | None] = mapped_column(
        ForeignKey("snapshot.id", ondelete="SET NULL"), nullable=True
    )
    version_label: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[date] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    recorded_by: Mapped[str] = mapped_column(String(200))


class DataRequestItem(Base):
    """One thing inspectors will ask for on notification (a data set or a document): who holds
    it, where, when it was last refreshed, and whether it can be produced within the notice."""

    __tablename__ = "data_request_item"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))  # "data" or "document"
    owner_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    held_where: Mapped[str] = mapped_column(Text, default="")
    refreshed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    within_notice: Mapped[str] = mapped_column(String(10), default="unknown")  # yes/no/unknown
    evidence_ids: Mapped[str] = mapped_column(Text, default="")  # comma-separated
    ours: Mapped[bool] = mapped_column(Boolean, default=False)
    """From selfeval's starter list (resources/data_request.yaml), not typed by the area."""


class PublishedFigure(Base):
    """One area's (or the region's, or England's) figure for an indicator in a period, as the
    publication printed it: kept for every area so neighbour means can be worked out again when
    the neighbour list changes. `status` is the publication's symbol when there is no figure
    ("x", "z", "c", "low", "u" or "blank")."""

    __tablename__ = "published_figure"
    __table_args__ = (UniqueConstraint("indicator_id", "period", "level", "code"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    indicator_id: Mapped[str] = mapped_column(String(80), index=True)
    period: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20))  # national, regional, local authority
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(20), default="")
    value: Mapped[float | None] = mapped_column(nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="")
    source: Mapped[str] = mapped_column(Text, default="")


class EditionItem(Base):
    """An item of an assessment carried to a new edition of the criteria that someone has to
    look at: reworded, split, merged or new (until it is rated) and removed (until it is
    acknowledged). `sources`: the old ids it came from, comma-separated; for a removed item,
    `item_id` is the old id and `evidence_ids` what was linked to it."""

    __tablename__ = "edition_item"
    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), index=True
    )
    from_assessment_id: Mapped[str] = mapped_column(String(36))
    item_id: Mapped[str] = mapped_column(String(80))
    criterion_id: Mapped[str] = mapped_column(String(80))
    relationship: Mapped[str] = mapped_column(String(20))
    sources: Mapped[str] = mapped_column(Text, default="")
    previous_ratings: Mapped[str] = mapped_column(Text, default="")
    """source=rating pairs, comma-separated: what each source was rated before the move."""
    evidence_ids: Mapped[str] = mapped_column(Text, default="")
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)
