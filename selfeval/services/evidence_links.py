"""An evidence item's rows and its links to criteria and bullets in an assessment: finding an
item (locked when it is about to be changed), linking and unlinking (each in the history, and
harmless twice), and making an item's links exactly a given set (the evidence dialog's save)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.framework.model import Framework
from selfeval.services.history import record_change
from selfeval.services.workspace import Workspace
from selfeval.store.models import EvidenceItem, EvidenceLink
from selfeval.store.upsert import insert_missing


def resolve_link_target(framework: Framework, target: str) -> tuple[str, str]:
    """A criterion id, or a bullet id, as the (criterion, bullet) pair a link stores."""
    found = framework.link_targets.get(target)
    if found is not None:
        return found
    raise InputError(f"'{target}' is not a criterion or bullet of {framework.id}")


def link_evidence(workspace: Workspace, evidence_id: str, target: str) -> None:
    criterion_id, bullet_id = resolve_link_target(workspace.framework, target)
    with workspace.transaction() as session:
        evidence_row(session, evidence_id)
        exists = session.get(
            EvidenceLink, (evidence_id, workspace.assessment_id, criterion_id, bullet_id)
        )
        if exists is None:
            write_link(session, workspace, evidence_id, criterion_id, bullet_id)


def unlink_evidence(workspace: Workspace, evidence_id: str, target: str) -> None:
    criterion_id, bullet_id = resolve_link_target(workspace.framework, target)
    with workspace.transaction() as session:
        remove_link(session, workspace, evidence_id, criterion_id, bullet_id)


def remove_link(
    session: Session, workspace: Workspace, evidence_id: str, criterion_id: str, bullet_id: str
) -> None:
    result = session.execute(
        delete(EvidenceLink).where(
            EvidenceLink.evidence_id == evidence_id,
            EvidenceLink.assessment_id == workspace.assessment_id,
            EvidenceLink.criterion_id == criterion_id,
            EvidenceLink.bullet_id == bullet_id,
        )
    )
    if result.rowcount:  # type: ignore[attr-defined]
        record_change(
            session,
            workspace.user,
            "evidence_link",
            evidence_id,
            "unlinked",
            bullet_id or criterion_id,
            None,
            assessment_id=workspace.assessment_id,
            criterion_id=criterion_id,
        )


def write_link(
    session: Session, workspace: Workspace, evidence_id: str, criterion_id: str, bullet_id: str
) -> None:
    inserted = insert_missing(
        session,
        EvidenceLink,
        {
            "evidence_id": evidence_id,
            "assessment_id": workspace.assessment_id,
            "criterion_id": criterion_id,
            "bullet_id": bullet_id,
        },
        ("evidence_id", "assessment_id", "criterion_id", "bullet_id"),
    )
    if not inserted:  # linked already (by someone else meanwhile): nothing changed
        return
    record_change(
        session,
        workspace.user,
        "evidence_link",
        evidence_id,
        "linked",
        None,
        bullet_id or criterion_id,
        assessment_id=workspace.assessment_id,
        criterion_id=criterion_id,
    )


def evidence_row(session: Session, evidence_id: str, lock: bool = False) -> EvidenceItem:
    row = session.get(EvidenceItem, evidence_id, with_for_update=lock)
    if row is None:
        raise InputError(f"no evidence item with id '{evidence_id}'")
    return row


def replace_evidence_links(
    workspace: Workspace,
    evidence_id: str,
    links: list[tuple[str, str]] | tuple[tuple[str, str], ...],
) -> None:
    """Make an item's links in this assessment exactly `links` ((criterion, bullet) pairs)."""
    wanted = set(links)
    for criterion_id, bullet_id in wanted:
        resolve_link_target(workspace.framework, bullet_id or criterion_id)
    with workspace.transaction() as session:
        evidence_row(session, evidence_id)
        current = set(
            session.execute(
                select(EvidenceLink.criterion_id, EvidenceLink.bullet_id).where(
                    EvidenceLink.evidence_id == evidence_id,
                    EvidenceLink.assessment_id == workspace.assessment_id,
                )
            ).all()
        )
        for criterion_id, bullet_id in sorted(current - wanted):
            remove_link(session, workspace, evidence_id, criterion_id, bullet_id)
        for criterion_id, bullet_id in sorted(wanted - current):
            write_link(session, workspace, evidence_id, criterion_id, bullet_id)
