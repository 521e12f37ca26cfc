"""Several assessments in one workspace: a new self-evaluation cycle started from the last one,
or a partnership's own framework (a WSOA's areas) judged alongside the Area SEND criteria."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED, Framework
from selfeval.services.history import record_change
from selfeval.services.judgements import NARRATIVE_FIELDS
from selfeval.services.workspace import CURRENT_ASSESSMENT, Workspace
from selfeval.store.models import (
    Action,
    ActionCriterion,
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
    """A new cycle from the current assessment: every text (NARRATIVE_FIELDS, what families
    read included), owners and evidence links carried over, ratings reset to "not rated" (the
    previous rating kept beside), open actions carried."""
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
                    criterion_id=j.criterion_id,
                    bullet_id=j.bullet_id,
                    rating=NOT_RATED,
                    previous_rating=j.rating,
                    updated_by=workspace.user.name,
                    **{name: getattr(j, name) for name in NARRATIVE_FIELDS},
                )
            )
        for o in session.scalars(select(Ownership).where(Ownership.assessment_id == old)).all():
            session.add(
                Ownership(
                    assessment_id=new.id,
                    criterion_id=o.criterion_id,
                    person_id=o.person_id,
                    role=o.role,
                )
            )
        for link in session.scalars(
            select(EvidenceLink).where(EvidenceLink.assessment_id == old)
        ).all():
            session.add(
                EvidenceLink(
                    evidence_id=link.evidence_id,
                    assessment_id=new.id,
                    criterion_id=link.criterion_id,
                    bullet_id=link.bullet_id,
                )
            )
        actions = session.scalars(
            select(Action).where(Action.assessment_id == old, Action.status != "complete")
        ).all()
        for action in actions:
            carried = Action(
                assessment_id=new.id,
                title=action.title,
                description=action.description,
                owner_person_id=action.owner_person_id,
                owner_organisation_id=action.owner_organisation_id,
                due_date=action.due_date,
                status=action.status,
                priority=action.priority,
            )
            session.add(carried)
            session.flush()
            for linked in session.scalars(
                select(ActionCriterion.criterion_id).where(ActionCriterion.action_id == action.id)
            ).all():
                session.add(ActionCriterion(action_id=carried.id, criterion_id=linked))
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
