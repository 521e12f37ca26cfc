"""Snapshots taken before an assessment moved to a new edition of the criteria, read as if on the
new one: a board that saw "Board, 14 March" on the 2023 criteria gets its progress report on the
2025 ones, through the crosswalk.

Ratings follow the crosswalk (a merged criterion is compared with the weakest of its sources;
a new one had no rating), and actions follow the carry (each carried action's history names the
one it came from), so nothing shows as new only because its id changed.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.framework.crosswalk import edition_map
from selfeval.framework.model import NOT_RATED, Framework
from selfeval.store.models import Assessment, ChangeRecord, FrameworkEdition
from selfeval.store.models_plan import Snapshot


def earlier_assessment(session: Session, assessment_id: str) -> Assessment | None:
    current = session.get(Assessment, assessment_id)
    if current is None or not current.carried_from_id:
        return None
    return session.get(Assessment, current.carried_from_id)


def earlier_snapshot(
    session: Session, assessment_id: str, name: str, framework: Framework
) -> tuple[dict[str, Any], Snapshot] | None:
    """The snapshot called `name` of the assessment this one was carried from, translated to
    this one's edition; None when there is no such snapshot."""
    earlier = earlier_assessment(session, assessment_id)
    if earlier is None:
        return None
    row = session.scalars(
        select(Snapshot).where(Snapshot.assessment_id == earlier.id, Snapshot.name == name)
    ).first()
    if row is None:
        return None
    edition = session.get_one(FrameworkEdition, earlier.framework_edition_id)
    old = Framework.model_validate_json(edition.definition)
    content: dict[str, Any] = json.loads(row.content)
    return _translated(session, content, old, framework, assessment_id), row


def earlier_snapshot_names(session: Session, assessment_id: str) -> list[Snapshot]:
    earlier = earlier_assessment(session, assessment_id)
    if earlier is None:
        return []
    return list(
        session.scalars(
            select(Snapshot).where(Snapshot.assessment_id == earlier.id).order_by(Snapshot.taken_at)
        )
    )


def _translated(
    session: Session, content: dict[str, Any], old: Framework, new: Framework, assessment_id: str
) -> dict[str, Any]:
    if new.supersedes != old.id:
        return content  # not an edition of the same framework: compared as it is
    mapping = edition_map(old, new)
    order = {level.id: n for n, level in enumerate(new.rating_scale.choices)}
    before: dict[str, str] = content.get("ratings", {})
    ratings = {}
    for criterion in new.criteria:
        sources = [
            before[s]
            for s in mapping.sources.get(criterion.id, ())
            if before.get(s, NOT_RATED) in order and before.get(s) != NOT_RATED
        ]
        ratings[criterion.id] = min(sources, key=lambda r: order[r]) if sources else NOT_RATED
    carried = dict(
        session.execute(
            select(ChangeRecord.old_value, ChangeRecord.entity_id).where(
                ChangeRecord.assessment_id == assessment_id,
                ChangeRecord.entity == "action",
                ChangeRecord.field == "carried",
            )
        ).all()
    )
    actions = {carried.get(key, key): value for key, value in content.get("actions", {}).items()}
    return {**content, "ratings": ratings, "actions": actions}
