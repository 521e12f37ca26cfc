"""The improvement plan a cycle hands on: its open actions (with their criteria and progress
notes), its open risks and its data request list.

A new cycle and a move to a new edition both hand the plan on, so both call this; the fields
copied are the ones the declaration says take that path (services/record_fields.py), so a field
added there is carried without a line changed here. A complete action and a closed risk stay
with the cycle they were finished in. Criteria are passed through `criteria_to`, which is the
crosswalk on a move to a new edition and the same ids in a new cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from selfeval.services.record_fields import (
    ACTION,
    ACTION_CRITERION,
    ACTION_NOTE,
    DATA_REQUEST_ITEM,
    RISK,
    Path,
    Record,
)
from selfeval.store.models_plan import Action, ActionCriterion, ActionNote, DataRequestItem, Risk
from selfeval.store.types import new_id

CriteriaTo = Callable[[str], Iterable[str]]


@dataclass(frozen=True)
class CarriedAction:
    old_id: str
    new_id: str
    title: str
    criteria: str
    """Its criteria in the new assessment, comma-separated."""


def _copy(record: Record, row: Any, path: Path, **keys: Any) -> dict[str, Any]:
    return {**{name: getattr(row, name) for name in record.carried(path)}, **keys}


def carry_plan(
    session: Session, old: str, new: str, path: Path, criteria_to: CriteriaTo
) -> list[CarriedAction]:
    """Copy the plan of assessment `old` into `new`; the actions carried, for the history."""
    carried = _actions(session, old, new, path, criteria_to)
    risks = [
        _copy(RISK, risk, path, id=new_id(), assessment_id=new)
        | {"criteria": _mapped(risk.criteria.split(","), criteria_to)}
        for risk in session.scalars(
            select(Risk).where(Risk.assessment_id == old, Risk.status != "closed")
        )
    ]
    items = [
        _copy(DATA_REQUEST_ITEM, item, path, id=new_id(), assessment_id=new)
        for item in session.scalars(
            select(DataRequestItem).where(DataRequestItem.assessment_id == old)
        )
    ]
    for model, rows in ((Risk, risks), (DataRequestItem, items)):
        if rows:
            session.execute(insert(model), rows)
    return carried


def _mapped(criteria: Iterable[str], criteria_to: CriteriaTo) -> str:
    return ",".join(dict.fromkeys(t for c in criteria if c for t in criteria_to(c)))


def _actions(
    session: Session, old: str, new: str, path: Path, criteria_to: CriteriaTo
) -> list[CarriedAction]:
    actions = session.scalars(
        select(Action).where(Action.assessment_id == old, Action.status != "complete")
    ).all()
    new_ids = {a.id: new_id() for a in actions}
    linked: dict[str, list[str]] = {}
    for link in session.scalars(
        select(ActionCriterion).where(ActionCriterion.action_id.in_(list(new_ids)))
    ):
        linked.setdefault(link.action_id, []).append(link.criterion_id)
    if not actions:
        return []
    session.execute(
        insert(Action),
        [_copy(ACTION, a, path, id=new_ids[a.id], assessment_id=new) for a in actions],
    )
    carried = [
        CarriedAction(a.id, new_ids[a.id], a.title, _mapped(linked.get(a.id, []), criteria_to))
        for a in actions
    ]
    links = [
        {"action_id": c.new_id, "criterion_id": criterion}
        for c in carried
        for criterion in c.criteria.split(",")
        if criterion and "criterion_id" in ACTION_CRITERION.carried(path)
    ]
    notes = [
        _copy(ACTION_NOTE, note, path, id=new_id(), action_id=new_ids[note.action_id])
        for note in session.scalars(
            select(ActionNote).where(ActionNote.action_id.in_(list(new_ids)))
        )
    ]
    for model, rows in ((ActionCriterion, links), (ActionNote, notes)):
        if rows:
            session.execute(insert(model), rows)
    return carried
