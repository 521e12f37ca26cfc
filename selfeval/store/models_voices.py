"""The workspace schema, third part: what children, young people and families say (their words
and the surveys they answered) and the case studies that show a child's journey. Imported from
here (store/models.py imports this module so that every table is in the schema's metadata).

Partnership-wide, like the priorities: a quote gathered this year still speaks to next year's
self-evaluation. Each names the organisation that holds it, so that on a server a quote or a
case study that is personal data is seen only inside that organisation (and by the leads).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from selfeval.store.model_base import ID, Base
from selfeval.store.types import new_id


class Voice(Base):
    """A child's, a young person's, a parent's or carer's or a practitioner's own words, with
    who said them in general terms and where they were heard."""

    __tablename__ = "voice"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    words: Mapped[str] = mapped_column(Text)
    speaker_kind: Mapped[str] = mapped_column(String(20))
    speaker: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    said_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    personal_data: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True
    )
    criteria: Mapped[str] = mapped_column(Text, default="")  # criterion ids, comma-separated


class SurveyResult(Base):
    """One question of a survey and how many answered and agreed."""

    __tablename__ = "survey_result"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    survey: Mapped[str] = mapped_column(String(300))
    question: Mapped[str] = mapped_column(String(1000))
    responses: Mapped[int] = mapped_column(Integer)
    agree_percent: Mapped[float] = mapped_column(Float)
    surveyed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    criteria: Mapped[str] = mapped_column(Text, default="")  # criterion ids, comma-separated


class CaseStudy(Base):
    """A child's or young person's journey told in four parts; de-identified unless said
    otherwise (and then personal data)."""

    __tablename__ = "case_study"
    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(500))
    needed: Mapped[str] = mapped_column(Text, default="")
    did: Mapped[str] = mapped_column(Text, default="")
    difference: Mapped[str] = mapped_column(Text, default="")
    learned: Mapped[str] = mapped_column(Text, default="")
    de_identified: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True
    )
    criteria: Mapped[str] = mapped_column(Text, default="")  # criterion ids, comma-separated
    priorities: Mapped[str] = mapped_column(Text, default="")  # priority ids, comma-separated
