"""What is left to look at after an assessment moved to a new edition of the criteria.

An item carried over reworded, split, merged or new stays on the list until it is rated (a
confirmed previous rating is a rating like any other); a removed item stays until someone
acknowledges it, having seen its evidence. Each item shows the old and the new words, with the
changed words marked (`word_changes`), so the person can tell a new comma from a new duty.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED, Framework
from selfeval.services.history import record_change
from selfeval.services.workspace import Workspace
from selfeval.store.models import Assessment, FrameworkEdition, Judgement
from selfeval.store.models_plan import EditionItem

_WORDS = re.compile(r"\s*[\w'’-]+|\s*[^\w\s]|\s+")
"""Words and punctuation, each with the space before it: "support" and "support," share the
word, and a space never anchors a change."""


ChangeKind = Literal["same", "removed", "added"]


def word_changes(old: str, new: str) -> list[tuple[ChangeKind, str]]:
    """The two texts as runs of ("same" | "removed" | "added", text), word by word."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    runs: list[tuple[ChangeKind, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            runs.append(("removed", "".join(before[a1:a2])))
        if b2 > b1:
            runs.append(("added", "".join(after[b1:b2])))
    return runs


@dataclass(frozen=True)
class EditionItemView:
    item_id: str
    """The new id (the old one for a removed item)."""
    criterion_id: str
    relationship: str
    label: str
    """How readers number it in its edition: "3" for a criterion, "3.2" for a bullet."""
    new_text: str
    old_texts: tuple[tuple[str, str, str], ...]
    """(old id, its label in the old edition, its words) for each source."""
    previous_ratings: tuple[tuple[str, str], ...]
    evidence_ids: tuple[str, ...]
    old_edition: str
    new_edition: str


def _framework_of(session: object, assessment_id: str) -> Framework:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    assessment = session.get_one(Assessment, assessment_id)
    edition = session.get_one(FrameworkEdition, assessment.framework_edition_id)
    return Framework.model_validate_json(edition.definition)


def item_label(framework: Framework, item_id: str) -> str:
    criterion_id, bullet_id = framework.link_targets[item_id]
    number = framework.numbers[criterion_id]
    if not bullet_id:
        return str(number)
    bullets = [b.id for b in framework.criterion(criterion_id).bullets]
    return f"{number}.{bullets.index(bullet_id) + 1}"


def item_text(framework: Framework, item_id: str) -> str:
    criterion_id, bullet_id = framework.link_targets[item_id]
    criterion = framework.criterion(criterion_id)
    if not bullet_id:
        return criterion.title
    return next(b.text for b in criterion.bullets if b.id == bullet_id)


def items_to_confirm(workspace: Workspace) -> list[EditionItemView]:
    """The current assessment's items still to look at, in the new edition's order (removed
    ones last, in the old edition's order)."""
    with workspace.transaction(read_only=True) as session:
        rows = session.scalars(
            select(EditionItem).where(EditionItem.assessment_id == workspace.assessment_id)
        ).all()
        if not rows:
            return []
        rated = {
            (j.bullet_id or j.criterion_id)
            for j in session.scalars(
                select(Judgement).where(
                    Judgement.assessment_id == workspace.assessment_id,
                    Judgement.rating != NOT_RATED,
                )
            ).all()
        }
        old = _framework_of(session, rows[0].from_assessment_id)
    new = workspace.framework
    order = {key: n for n, key in enumerate(new.link_targets)}
    old_order = {key: n for n, key in enumerate(old.link_targets)}
    views = []
    for row in rows:
        removed = row.relationship == "removed"
        if (removed and row.acknowledged) or (not removed and row.item_id in rated):
            continue
        if row.item_id not in (old if removed else new).link_targets:
            continue  # an edition edited since: nothing left to show
        sources = [s for s in row.sources.split(",") if s and s in old.link_targets]
        views.append(
            EditionItemView(
                item_id=row.item_id,
                criterion_id=row.criterion_id,
                relationship=row.relationship,
                label=item_label(old if removed else new, row.item_id),
                new_text="" if removed else item_text(new, row.item_id),
                old_texts=tuple((s, item_label(old, s), item_text(old, s)) for s in sources),
                previous_ratings=tuple(
                    (pair.partition("=")[0], pair.partition("=")[2])
                    for pair in row.previous_ratings.split(",")
                    if "=" in pair
                ),
                evidence_ids=tuple(e for e in row.evidence_ids.split(",") if e),
                old_edition=old.edition,
                new_edition=new.edition,
            )
        )
    views.sort(
        key=lambda v: (
            v.relationship == "removed",
            old_order.get(v.item_id, 0) if v.relationship == "removed" else order[v.item_id],
        )
    )
    return views


def acknowledge_removed(workspace: Workspace, item_id: str) -> None:
    """Someone has seen that an old item is gone (and where its evidence went)."""
    with workspace.transaction() as session:
        row = session.scalars(
            select(EditionItem).where(
                EditionItem.assessment_id == workspace.assessment_id,
                EditionItem.item_id == item_id,
                EditionItem.relationship == "removed",
            )
        ).first()
        if row is None:
            raise InputError(f"'{item_id}' is not a removed item of this assessment's edition")
        if not row.acknowledged:
            row.acknowledged = True
            record_change(
                session,
                workspace.user,
                "edition",
                item_id,
                "acknowledged",
                None,
                "removed",
                assessment_id=workspace.assessment_id,
                criterion_id=row.criterion_id,
            )


def ratings_on_edition(workspace: Workspace, framework_id: str) -> dict[str, str]:
    """The ratings (by criterion or bullet id) of the latest assessment on an edition: what a
    report on that edition's successor says must be confirmed again."""
    with workspace.transaction(read_only=True) as session:
        latest = session.scalars(
            select(Assessment)
            .join(FrameworkEdition, FrameworkEdition.id == Assessment.framework_edition_id)
            .where(FrameworkEdition.framework_id == framework_id)
            .order_by(Assessment.created_at.desc())
        ).first()
        if latest is None:
            return {}
        return {
            (j.bullet_id or j.criterion_id): j.rating
            for j in session.scalars(
                select(Judgement).where(
                    Judgement.assessment_id == latest.id, Judgement.rating != NOT_RATED
                )
            ).all()
        }
