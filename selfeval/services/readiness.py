"""How ready the self-evaluation is: what is rated, and what still needs someone's attention."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from selfeval.framework.model import NOT_RATED
from selfeval.services.workspace import Workspace
from selfeval.store.models import EvidenceItem, EvidenceLink, Judgement, Ownership, Person
from selfeval.store.models_plan import EditionItem

STALE_AFTER = timedelta(days=365)


@dataclass(frozen=True)
class StaleEvidence:
    id: str
    title: str
    evidence_date: date


@dataclass(frozen=True)
class GroupRatings:
    """How one group of criteria is rated: a count per rating level, in the scale's order."""

    group_id: str
    title: str
    counts: dict[str, int]


@dataclass(frozen=True)
class Readiness:
    total_criteria: int
    rated: int
    counts: dict[str, int]
    ratings: dict[str, str]
    unrated: list[str]
    without_evidence: list[str]
    without_lead: list[str]
    stale_evidence: list[StaleEvidence]
    evidence_total: int
    personal_data_items: int
    evidence_counts: dict[str, int]
    leads: dict[str, str]
    to_confirm: dict[str, str] = field(default_factory=dict)
    """{criterion: its previous rating} for those carried from the previous cycle ("previous,
    to confirm") and not rated again yet, in the framework's order."""
    by_group: list[GroupRatings] = field(default_factory=list)
    stale_count: int = 0
    """All stale items (`stale_evidence` may list only the first ones: evidence_facts)."""
    edition_to_confirm: int = 0
    """Items still to look at after the assessment moved to a new edition of the criteria
    (services/improvement/edition_review.py lists them)."""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["stale_evidence"] = [
            {"id": s.id, "title": s.title, "evidence_date": s.evidence_date.isoformat()}
            for s in self.stale_evidence
        ]
        return data


@dataclass(frozen=True)
class EvidenceFacts:
    """The part of readiness that reads the evidence library: counted by the database, and kept
    by a window across edits that cannot change evidence (a rating click at 50,000 items does not
    wait on the library)."""

    evidence_counts: dict[str, int]
    stale: list[StaleEvidence]
    stale_count: int
    evidence_total: int
    personal_data_items: int


def evidence_facts(
    workspace: Workspace, today: date | None = None, stale_listed: int | None = None
) -> EvidenceFacts:
    """`stale_listed`: list at most that many stale items (the count is always whole)."""
    today = today or date.today()
    assessment = workspace.assessment_id
    cutoff = today - STALE_AFTER
    with workspace.transaction(read_only=True) as session:
        counts = dict(
            session.execute(
                select(EvidenceLink.criterion_id, func.count(EvidenceLink.evidence_id.distinct()))
                .where(EvidenceLink.assessment_id == assessment)
                .group_by(EvidenceLink.criterion_id)
            ).all()
        )
        query = (
            select(EvidenceItem.id, EvidenceItem.title, EvidenceItem.evidence_date)
            .where(EvidenceItem.evidence_date < cutoff)
            .order_by(EvidenceItem.evidence_date, EvidenceItem.title)
        )
        if stale_listed is not None:
            query = query.limit(stale_listed)
        stale = [StaleEvidence(i, t, d) for i, t, d in session.execute(query).all() if d]
        stale_count = (
            len(stale)
            if stale_listed is None
            else session.scalar(
                select(func.count())
                .select_from(EvidenceItem)
                .where(EvidenceItem.evidence_date < cutoff)
            )
            or 0
        )
        total = session.scalar(select(func.count()).select_from(EvidenceItem)) or 0
        personal = (
            session.scalar(
                select(func.count())
                .select_from(EvidenceItem)
                .where(EvidenceItem.personal_data.is_(True))
            )
            or 0
        )
    return EvidenceFacts(counts, stale, stale_count, total, personal)


def readiness(
    workspace: Workspace, today: date | None = None, evidence: EvidenceFacts | None = None
) -> Readiness:
    """What is rated and what needs someone, counted at one moment; `evidence`: facts about
    the library read earlier and still true (nothing that could change evidence happened)."""
    with workspace.one_moment():
        return _readiness(workspace, today, evidence)


def _readiness(
    workspace: Workspace, today: date | None = None, facts: EvidenceFacts | None = None
) -> Readiness:
    today = today or date.today()
    criteria = [c.id for c in workspace.framework.criteria]
    assessment = workspace.assessment_id
    facts = facts or evidence_facts(workspace, today)
    evidence_counts = facts.evidence_counts
    with workspace.transaction(read_only=True) as session:
        ratings: dict[str, str] = {}
        previous: dict[str, str] = {}
        for criterion_id, rating, previous_rating in session.execute(
            select(Judgement.criterion_id, Judgement.rating, Judgement.previous_rating).where(
                Judgement.assessment_id == assessment, Judgement.bullet_id == ""
            )
        ):
            ratings[criterion_id] = rating
            if previous_rating and previous_rating != NOT_RATED:
                previous[criterion_id] = previous_rating
        leads = dict(
            session.execute(
                select(Ownership.criterion_id, Person.name)
                .join(Person, Person.id == Ownership.person_id)
                .where(Ownership.assessment_id == assessment, Ownership.role == "lead")
            ).all()
        )
        edition_to_confirm = _edition_items_open(session, assessment)
    stale = facts.stale
    evidence_total = facts.evidence_total
    personal = facts.personal_data_items
    by_criterion = {c: ratings.get(c, NOT_RATED) for c in criteria}
    counts = {level.id: 0 for level in workspace.framework.rating_scale.choices}
    for rating in by_criterion.values():
        counts[rating] = counts.get(rating, 0) + 1
    unrated = [c for c in criteria if by_criterion[c] == NOT_RATED]
    levels = [level.id for level in workspace.framework.rating_scale.choices]
    by_group = []
    for group in workspace.framework.groups:
        tally = dict.fromkeys(levels, 0)
        for criterion in group.criteria:
            rating = by_criterion[criterion.id]
            tally[rating] = tally.get(rating, 0) + 1
        by_group.append(GroupRatings(group.id, group.title, tally))
    return Readiness(
        total_criteria=len(criteria),
        rated=len(criteria) - len(unrated),
        counts=counts,
        ratings=by_criterion,
        unrated=unrated,
        without_evidence=[c for c in criteria if not evidence_counts.get(c)],
        without_lead=[c for c in criteria if c not in leads],
        stale_evidence=stale,
        stale_count=facts.stale_count,
        evidence_total=evidence_total,
        personal_data_items=personal,
        evidence_counts={c: evidence_counts.get(c, 0) for c in criteria},
        leads={c: leads[c] for c in criteria if c in leads},
        to_confirm={c: previous[c] for c in unrated if c in previous},
        by_group=by_group,
        edition_to_confirm=edition_to_confirm,
    )


def _edition_items_open(session: Session, assessment: str) -> int:
    """Removed items not yet acknowledged, and the others not yet rated (the same rule as the
    review page's list), counted by the database."""
    rated = (
        select(func.coalesce(func.nullif(Judgement.bullet_id, ""), Judgement.criterion_id))
        .where(Judgement.assessment_id == assessment, Judgement.rating != NOT_RATED)
        .scalar_subquery()
    )
    return (
        session.scalar(
            select(func.count())
            .select_from(EditionItem)
            .where(
                EditionItem.assessment_id == assessment,
                or_(
                    and_(
                        EditionItem.relationship == "removed", EditionItem.acknowledged.is_(False)
                    ),
                    and_(EditionItem.relationship != "removed", EditionItem.item_id.not_in(rated)),
                ),
            )
        )
        or 0
    )
