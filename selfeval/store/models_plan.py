"""The workspace schema, second part: the improvement plan (actions, indicators, risks,
snapshots), what the partnership publishes from (sign-off, the data request, published figures)
and what a move to a new edition left to confirm. Imported from here (store/models.py imports
this module so that every table is in the schema's metadata)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from selfeval.store.model_base import ID, Base
from selfeval.store.types import UtcDateTime, new_id, utc_now


class Priority(Base):
    """One of the partnership's strategic priorities (its Accelerated Progress Plan's, its
    SEND strategy's): the golden thread from a criterion to what is being done about it. Not
    of one assessment: a priority outlives the cycles it spans."""

    __tablename__ = "priority"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    owner_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True
    )
    board: Mapped[str] = mapped_column(String(200), default="")
    criteria: Mapped[str] = mapped_column(Text, default="")  # criterion ids, comma-separated
    indicators: Mapped[str] = mapped_column(Text, default="")  # indicator ids, comma-separated


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
    priorities: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The strategic priorities it serves by name (ids, comma-separated), beyond its criteria's."""
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ActionCriterion(Base):
    __tablename__ = "action_criterion"
    action_id: Mapped[str] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), primary_key=True
    )
    criterion_id: Mapped[str] = mapped_column(String(80), primary_key=True)


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
    priorities: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The strategic priorities it threatens by name (ids, comma-separated)."""


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
