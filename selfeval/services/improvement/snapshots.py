"""Snapshots of an assessment ("Board, 14 March") and what changed between two of them.

A snapshot stores the facts a progress report compares: ratings, evidence, actions and indicator
figures, as JSON, so later edits never change what was reported to a board.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED
from selfeval.services.evidence import list_evidence
from selfeval.services.history import record_change
from selfeval.services.improvement.actions import is_overdue, list_actions
from selfeval.services.improvement.earlier_edition import earlier_snapshot, earlier_snapshot_names
from selfeval.services.improvement.indicators import compare, indicator_library, indicator_values
from selfeval.services.judgements import list_judgements
from selfeval.services.workspace import Workspace
from selfeval.store.models_plan import Snapshot
from selfeval.store.types import utc_now

NOW = "now"


def capture(workspace: Workspace) -> dict[str, Any]:
    """The facts a snapshot keeps, read at one moment."""
    with workspace.one_moment():
        return _capture(workspace)


def _capture(workspace: Workspace) -> dict[str, Any]:
    ratings = {c.id: NOT_RATED for c in workspace.framework.criteria}
    for (criterion_id, bullet_id), judgement in list_judgements(workspace).items():
        if not bullet_id:
            ratings[criterion_id] = judgement.rating
    evidence = list_evidence(workspace)
    return {
        "ratings": ratings,
        "evidence": {e.id: e.title for e in evidence},
        "personal_data": sorted(e.id for e in evidence if e.personal_data),
        "actions": {
            a.id: {
                "title": a.title,
                "status": a.status,
                "due": a.due_date.isoformat() if a.due_date else None,
            }
            for a in list_actions(workspace)
        },
        "indicators": {f"{v.indicator_id}|{v.period}": v.area for v in indicator_values(workspace)},
    }


def take_snapshot(workspace: Workspace, name: str) -> str:
    name = name.strip()
    if not name:
        raise InputError("give the snapshot a name, such as 'Board, 14 March'")
    if name == NOW:
        raise InputError("'now' stands for the current state; choose another name")
    with workspace.transaction() as session:
        clash = session.scalars(
            select(Snapshot).where(
                Snapshot.assessment_id == workspace.assessment_id, Snapshot.name == name
            )
        ).first()
        if clash is not None:
            raise InputError(f"there is already a snapshot called '{name}'")
    content = json.dumps(capture(workspace), sort_keys=True)
    with workspace.transaction() as session:
        row = Snapshot(assessment_id=workspace.assessment_id, name=name, content=content)
        session.add(row)
        session.flush()
        record_change(
            session,
            workspace.user,
            "snapshot",
            row.id,
            "taken",
            None,
            name,
            assessment_id=workspace.assessment_id,
        )
        return row.id


@dataclass(frozen=True)
class SnapshotInfo:
    name: str
    taken_at: datetime


def list_snapshots(workspace: Workspace) -> list[SnapshotInfo]:
    """This assessment's snapshots, and those of the assessment it was carried from to a new
    edition (compared through the crosswalk); a name of this one's hides an older one's."""
    with workspace.transaction(read_only=True) as session:
        own = [
            SnapshotInfo(s.name, s.taken_at)
            for s in session.scalars(
                select(Snapshot)
                .where(Snapshot.assessment_id == workspace.assessment_id)
                .order_by(Snapshot.taken_at)
            )
        ]
        names = {s.name for s in own}
        earlier = [
            SnapshotInfo(s.name, s.taken_at)
            for s in earlier_snapshot_names(session, workspace.assessment_id)
            if s.name not in names
        ]
    return sorted([*earlier, *own], key=lambda s: s.taken_at)


def _load(workspace: Workspace, name: str) -> tuple[dict[str, Any], date]:
    if name == NOW:
        return capture(workspace), date.today()
    with workspace.transaction(read_only=True) as session:
        row = session.scalars(
            select(Snapshot).where(
                Snapshot.assessment_id == workspace.assessment_id, Snapshot.name == name
            )
        ).first()
        if row is None:
            found = earlier_snapshot(session, workspace.assessment_id, name, workspace.framework)
            if found is not None:
                return found[0], found[1].taken_at.date()
            known = ", ".join(s.name for s in list_snapshots(workspace)) or "none yet"
            raise InputError(f"no snapshot called '{name}' (snapshots: {known})")
        return json.loads(row.content), row.taken_at.date()


@dataclass
class Progress:
    since: str
    until: str
    ratings_first: list[tuple[str, str, str]] = field(default_factory=list)
    """Criteria rated for the first time: not "improved" from "Not rated"."""
    ratings_up: list[tuple[str, str, str]] = field(default_factory=list)
    ratings_down: list[tuple[str, str, str]] = field(default_factory=list)
    new_evidence: list[str] = field(default_factory=list)
    actions_completed: list[str] = field(default_factory=list)
    actions_overdue: list[str] = field(default_factory=list)
    new_actions: list[str] = field(default_factory=list)
    indicator_changes: list[tuple[str, str, float | None, str, float | None, str]] = field(
        default_factory=list
    )
    """(indicator name, period before, value before, period after, value after, verdict)"""
    personal_data_left_out: int = 0
    """New evidence items marked as personal data that the comparison does not name."""


def _personal(workspace: Workspace, *states: dict[str, Any]) -> set[str]:
    """Evidence ids that are or were personal data. A snapshot taken before snapshots kept the
    flag names none, so an item it holds that is no longer in the workspace counts as personal:
    a title nobody can check is not printed."""
    flagged = {e.id for e in list_evidence(workspace) if e.personal_data}
    present = {e.id for e in list_evidence(workspace)}
    for state in states:
        if "personal_data" in state:
            flagged |= set(state["personal_data"])
        else:
            flagged |= set(state["evidence"]) - present
    return flagged


def compare_snapshots(
    workspace: Workspace,
    since: str,
    until: str = NOW,
    today: date | None = None,
    include_personal_data: bool = False,
) -> Progress:
    """What changed between two snapshots (or one and now). Evidence marked as personal data is
    counted but not named unless `include_personal_data`."""
    before, _ = _load(workspace, since)
    after, taken = _load(workspace, until)
    on = today or taken
    scale = [level.id for level in workspace.framework.rating_scale.choices]
    progress = Progress(since, until)
    for criterion in workspace.framework.criteria:
        old = before["ratings"].get(criterion.id, NOT_RATED)
        new = after["ratings"].get(criterion.id, NOT_RATED)
        if old == new:
            continue
        label = workspace.framework.rating_scale.level
        move = (criterion.title, label(old).label, label(new).label)
        if old == NOT_RATED:
            progress.ratings_first.append(move)
        elif scale.index(new) > scale.index(old):
            progress.ratings_up.append(move)
        else:
            progress.ratings_down.append(move)
    new_items = {k: t for k, t in after["evidence"].items() if k not in before["evidence"]}
    personal = set() if include_personal_data else _personal(workspace, before, after)
    progress.new_evidence = sorted(t for k, t in new_items.items() if k not in personal)
    progress.personal_data_left_out = len(new_items) - len(progress.new_evidence)
    for key, action in after["actions"].items():
        old_action = before["actions"].get(key)
        if old_action is None:
            progress.new_actions.append(action["title"])
        if action["status"] == "complete" and (old_action or {}).get("status") != "complete":
            progress.actions_completed.append(action["title"])
        due = date.fromisoformat(action["due"]) if action["due"] else None
        if is_overdue(due, action["status"], on):
            progress.actions_overdue.append(action["title"])
    library = indicator_library()
    for indicator_id, indicator in library.items():
        old_periods = sorted(
            k.split("|")[1] for k in before["indicators"] if k.startswith(f"{indicator_id}|")
        )
        new_periods = sorted(
            k.split("|")[1] for k in after["indicators"] if k.startswith(f"{indicator_id}|")
        )
        if not new_periods:
            continue
        old_period = old_periods[-1] if old_periods else ""
        new_period = new_periods[-1]
        old_value = before["indicators"].get(f"{indicator_id}|{old_period}") if old_period else None
        new_value = after["indicators"][f"{indicator_id}|{new_period}"]
        if (old_period, old_value) == (new_period, new_value):
            continue
        verdict = compare(indicator, new_value, old_value)
        verdict = {
            "better": "improved",
            "worse": "worsened",
            "same": "unchanged",
            "above": "up",
            "below": "down",
        }.get(verdict, "new")
        progress.indicator_changes.append(
            (indicator.name, old_period, old_value, new_period, new_value, verdict)
        )
    return progress


def snapshot_taken_at(workspace: Workspace, name: str) -> datetime:
    if name == NOW:
        return utc_now()
    for info in list_snapshots(workspace):
        if info.name == name:
            return info.taken_at
    raise InputError(f"no snapshot called '{name}'")
