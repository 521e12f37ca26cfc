"""Writing one merged change into the lead's workspace, inside the merge's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from selfeval.services.contributions.merge_plan import FieldChange
from selfeval.services.contributions.package_format import Package, ScopedState
from selfeval.services.contributions.state import ensure_organisation, ensure_person
from selfeval.services.history import record_change
from selfeval.services.judgements import new_judgement_row
from selfeval.services.workspace import Workspace
from selfeval.store.models import EvidenceItem, EvidenceLink, Judgement, Organisation, Ownership


def write_change(
    session: Any,
    workspace: Workspace,
    theirs: ScopedState,
    package: Package,
    change: FieldChange,
    value: Any,
    origin: str,
) -> None:
    kind, *parts = change.key.split("|")
    assessment = workspace.assessment_id
    if kind == "judgement":
        criterion_id, bullet_id, name = parts
        row = session.scalars(
            select(Judgement).where(
                Judgement.assessment_id == assessment,
                Judgement.criterion_id == criterion_id,
                Judgement.bullet_id == bullet_id,
            )
        ).first()
        if row is None:
            row = new_judgement_row(session, assessment, criterion_id, bullet_id)
        old = getattr(row, name)
        setattr(row, name, value)
        row.updated_by = package.manifest.created_by
        record_change(
            session,
            workspace.user,
            "judgement",
            row.id,
            name,
            old,
            value,
            origin=origin,
            assessment_id=assessment,
            criterion_id=criterion_id,
        )
    elif kind == "owner":
        criterion_id, person_id = parts
        ensure_person(session, theirs, person_id)
        row = session.scalars(
            select(Ownership).where(
                Ownership.assessment_id == assessment,
                Ownership.criterion_id == criterion_id,
                Ownership.person_id == person_id,
            )
        ).first()
        old = row.role if row else None
        if value is None:
            if row is not None:
                session.delete(row)
        else:
            if value == "lead":  # one lead: the incoming lead demotes any other
                for other in session.scalars(
                    select(Ownership).where(
                        Ownership.assessment_id == assessment,
                        Ownership.criterion_id == criterion_id,
                        Ownership.role == "lead",
                        Ownership.person_id != person_id,
                    )
                ):
                    other.role = "contributor"
            if row is None:
                session.add(
                    Ownership(
                        assessment_id=assessment,
                        criterion_id=criterion_id,
                        person_id=person_id,
                        role=value,
                    )
                )
            else:
                row.role = value
        record_change(
            session,
            workspace.user,
            "ownership",
            person_id,
            "role",
            old,
            value,
            origin=origin,
            assessment_id=assessment,
            criterion_id=criterion_id,
        )
    elif kind == "evidence":
        evidence_id, name = parts
        item = session.get(EvidenceItem, evidence_id)
        if item is None:
            return
        if name == "organisation_id":
            ensure_organisation(session, theirs, value)
            if value and session.get(Organisation, value) is None:
                return
        old = getattr(item, name)
        setattr(item, name, value)
        record_change(
            session,
            workspace.user,
            "evidence",
            evidence_id,
            name,
            old,
            value,
            origin=origin,
            criterion_id=change.criterion_id or None,
        )
    elif kind == "link":
        evidence_id, criterion_id, bullet_id = parts
        if session.get(EvidenceItem, evidence_id) is None:
            return
        session.execute(
            delete(EvidenceLink).where(
                EvidenceLink.evidence_id == evidence_id,
                EvidenceLink.assessment_id == assessment,
                EvidenceLink.criterion_id == criterion_id,
                EvidenceLink.bullet_id == bullet_id,
            )
        )
        if value == "linked":
            session.add(
                EvidenceLink(
                    evidence_id=evidence_id,
                    assessment_id=assessment,
                    criterion_id=criterion_id,
                    bullet_id=bullet_id,
                )
            )
        record_change(
            session,
            workspace.user,
            "evidence_link",
            evidence_id,
            "linked" if value else "unlinked",
            None,
            bullet_id or criterion_id,
            origin=origin,
            assessment_id=assessment,
            criterion_id=criterion_id,
        )
