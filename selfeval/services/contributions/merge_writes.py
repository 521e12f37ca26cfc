"""Writing one merged change into the lead's workspace, inside the merge's transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
    """Write one accepted change, each kind of record by its own function (WRITTEN)."""
    kind, *parts = change.key.split("|")
    merging = Merging(session, workspace, theirs, package, change, value, origin)
    WRITTEN[kind](merging, parts)


@dataclass(frozen=True)
class Merging:
    """One change being written: where, from which return, its value and its origin."""

    session: Any
    workspace: Workspace
    theirs: ScopedState
    package: Package
    change: FieldChange
    value: Any
    origin: str

    @property
    def assessment(self) -> str:
        return self.workspace.assessment_id


def _judgement(m: Merging, parts: list[str]) -> None:
    criterion_id, bullet_id, name = parts
    row = m.session.scalars(
        select(Judgement).where(
            Judgement.assessment_id == m.assessment,
            Judgement.criterion_id == criterion_id,
            Judgement.bullet_id == bullet_id,
        )
    ).first()
    if row is None:
        row = new_judgement_row(m.session, m.assessment, criterion_id, bullet_id)
    old = getattr(row, name)
    setattr(row, name, m.value)
    row.updated_by = m.package.manifest.created_by
    record_change(
        m.session,
        m.workspace.user,
        "judgement",
        row.id,
        name,
        old,
        m.value,
        origin=m.origin,
        assessment_id=m.assessment,
        criterion_id=criterion_id,
    )


def _owner(m: Merging, parts: list[str]) -> None:
    criterion_id, person_id = parts
    ensure_person(m.session, m.theirs, person_id)
    row = m.session.scalars(
        select(Ownership).where(
            Ownership.assessment_id == m.assessment,
            Ownership.criterion_id == criterion_id,
            Ownership.person_id == person_id,
        )
    ).first()
    old = row.role if row else None
    if m.value is None:
        if row is not None:
            m.session.delete(row)
    else:
        if m.value == "lead":  # one lead: the incoming lead demotes any other
            for other in m.session.scalars(
                select(Ownership).where(
                    Ownership.assessment_id == m.assessment,
                    Ownership.criterion_id == criterion_id,
                    Ownership.role == "lead",
                    Ownership.person_id != person_id,
                )
            ):
                other.role = "contributor"
        if row is None:
            m.session.add(
                Ownership(
                    assessment_id=m.assessment,
                    criterion_id=criterion_id,
                    person_id=person_id,
                    role=m.value,
                )
            )
        else:
            row.role = m.value
    record_change(
        m.session,
        m.workspace.user,
        "ownership",
        person_id,
        "role",
        old,
        m.value,
        origin=m.origin,
        assessment_id=m.assessment,
        criterion_id=criterion_id,
    )


def _evidence(m: Merging, parts: list[str]) -> None:
    evidence_id, name = parts
    item = m.session.get(EvidenceItem, evidence_id)
    if item is None:
        return
    if name == "organisation_id":
        ensure_organisation(m.session, m.theirs, m.value)
        if m.value and m.session.get(Organisation, m.value) is None:
            return
    old = getattr(item, name)
    setattr(item, name, m.value)
    record_change(
        m.session,
        m.workspace.user,
        "evidence",
        evidence_id,
        name,
        old,
        m.value,
        origin=m.origin,
        criterion_id=m.change.criterion_id or None,
    )


def _link(m: Merging, parts: list[str]) -> None:
    evidence_id, criterion_id, bullet_id = parts
    if m.session.get(EvidenceItem, evidence_id) is None:
        return
    m.session.execute(
        delete(EvidenceLink).where(
            EvidenceLink.evidence_id == evidence_id,
            EvidenceLink.assessment_id == m.assessment,
            EvidenceLink.criterion_id == criterion_id,
            EvidenceLink.bullet_id == bullet_id,
        )
    )
    if m.value == "linked":
        m.session.add(
            EvidenceLink(
                evidence_id=evidence_id,
                assessment_id=m.assessment,
                criterion_id=criterion_id,
                bullet_id=bullet_id,
            )
        )
    record_change(
        m.session,
        m.workspace.user,
        "evidence_link",
        evidence_id,
        "linked" if m.value else "unlinked",
        None,
        bullet_id or criterion_id,
        origin=m.origin,
        assessment_id=m.assessment,
        criterion_id=criterion_id,
    )


WRITTEN: dict[str, Callable[[Merging, list[str]], None]] = {
    "judgement": _judgement,
    "owner": _owner,
    "evidence": _evidence,
    "link": _link,
}
"""The function that writes each kind of change a merge plans."""
