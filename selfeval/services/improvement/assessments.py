"""Several assessments in one workspace: a new self-evaluation cycle started from the last one,
or a partnership's own framework (a WSOA's areas) judged alongside the Area SEND criteria."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED, Framework
from selfeval.services.history import record_change
from selfeval.services.improvement.carried_plan import carry_plan
from selfeval.services.record_fields import EVIDENCE_LINK, JUDGEMENT, OWNER, Path
from selfeval.services.workspace import CURRENT_ASSESSMENT, Workspace
from selfeval.store.models import (
    Assessment,
    EvidenceLink,
    FrameworkEdition,
    Judgement,
    Ownership,
    WorkspaceSetting,
)


@dataclass(frozen=True)
class AssessmentInfo:
    id: str
    title: str
    framework: str
    created_at: datetime


def list_assessments(workspace: Workspace) -> list[AssessmentInfo]:
    with workspace.transaction(read_only=True) as session:
        rows = session.execute(
            select(Assessment, FrameworkEdition.title)
            .join(FrameworkEdition, FrameworkEdition.id == Assessment.framework_edition_id)
            .order_by(Assessment.created_at)
        ).all()
        return [AssessmentInfo(a.id, a.title, title, a.created_at) for a, title in rows]


def edition_row_id(session: object, framework: Framework) -> str:
    """The workspace's copy of this edition (made the first time an assessment uses it)."""
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    found = session.scalars(
        select(FrameworkEdition).where(
            FrameworkEdition.framework_id == framework.id,
            FrameworkEdition.content_hash == framework.content_hash,
        )
    ).first()
    if found is not None:
        return found.id
    edition = FrameworkEdition(
        framework_id=framework.id,
        edition=framework.edition,
        title=framework.title,
        content_hash=framework.content_hash,
        definition=framework.canonical_json(),
    )
    session.add(edition)
    session.flush()
    return edition.id


def add_assessment(workspace: Workspace, framework: Framework, title: str) -> str:
    """A new, empty assessment against `framework`, beside the ones already there."""
    title = title.strip()
    if not title:
        raise InputError("give the assessment a title")
    if any(a.title == title for a in list_assessments(workspace)):
        raise InputError(f"there is already an assessment called '{title}'")
    with workspace.transaction() as session:
        if session.get(WorkspaceSetting, CURRENT_ASSESSMENT) is None:
            # the new assessment sits beside the current one, which stays the default
            session.add(WorkspaceSetting(key=CURRENT_ASSESSMENT, value=workspace.assessment_id))
        row = Assessment(
            partnership_id=workspace.partnership_id,
            framework_edition_id=edition_row_id(session, framework),
            title=title,
        )
        session.add(row)
        session.flush()
        record_change(session, workspace.user, "assessment", row.id, "created", None, title)
        return row.id


def start_new_cycle(workspace: Workspace, title: str) -> str:
    """A new cycle from the current assessment: every field the declaration carries to a new
    cycle (services/record_fields.py: every text, what families read included), owners and
    evidence links, ratings reset to "not rated" (the previous rating kept beside), and the plan
    handed on (open actions with their notes, open risks, the data request list)."""
    title = title.strip()
    if not title:
        raise InputError("give the new cycle a title, such as 'Self-evaluation 2027'")
    if any(a.title == title for a in list_assessments(workspace)):
        raise InputError(f"there is already an assessment called '{title}'")
    old = workspace.assessment_id
    with workspace.transaction() as session:
        previous = session.get_one(Assessment, old)
        new = Assessment(
            partnership_id=previous.partnership_id,
            framework_edition_id=previous.framework_edition_id,
            title=title,
        )
        session.add(new)
        session.flush()
        for j in session.scalars(select(Judgement).where(Judgement.assessment_id == old)).all():
            session.add(
                Judgement(
                    assessment_id=new.id,
                    **{name: getattr(j, name) for name in JUDGEMENT.carried(Path.NEW_CYCLE)},
                    rating=NOT_RATED,
                    previous_rating=j.rating,
                    updated_by=workspace.user.name,
                )
            )
        for o in session.scalars(select(Ownership).where(Ownership.assessment_id == old)).all():
            session.add(
                Ownership(
                    assessment_id=new.id,
                    **{name: getattr(o, name) for name in OWNER.carried(Path.NEW_CYCLE)},
                )
            )
        for link in session.scalars(
            select(EvidenceLink).where(EvidenceLink.assessment_id == old)
        ).all():
            session.add(
                EvidenceLink(
                    evidence_id=link.evidence_id,
                    assessment_id=new.id,
                    **{name: getattr(link, name) for name in EVIDENCE_LINK.carried(Path.NEW_CYCLE)},
                )
            )
        carry_plan(session, old, new.id, Path.NEW_CYCLE, lambda criterion: (criterion,))
        record_change(
            session, workspace.user, "assessment", new.id, "created", previous.title, title
        )
        new_id = new.id
        setting = session.get(WorkspaceSetting, CURRENT_ASSESSMENT)
        if setting is None:
            session.add(WorkspaceSetting(key=CURRENT_ASSESSMENT, value=new_id))
        else:
            setting.value = new_id
    workspace.use_assessment(new_id)
    return new_id
