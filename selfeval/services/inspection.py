"""When the partnership expects its inspection: the date the lead sets, and how long is left.

Area SEND inspections come with notice of days, not months; partnerships know roughly when they
are due (five years after the last, or sooner after concerns) and plan to that.
"""

from __future__ import annotations

from datetime import date

from selfeval.errors import InputError
from selfeval.services.workspace import Workspace
from selfeval.store.models import WorkspaceSetting

EXPECTED_FROM = "inspection_expected_from"


def expected_from(workspace: Workspace) -> date | None:
    with workspace.transaction(read_only=True) as session:
        row = session.get(WorkspaceSetting, EXPECTED_FROM)
    if row is None:
        return None
    try:
        return date.fromisoformat(row.value)
    except ValueError:
        return None


def set_expected_from(workspace: Workspace, when: date | None) -> None:
    if when is not None and not date(2000, 1, 1) <= when <= date(2100, 12, 31):
        raise InputError(f"{when:%d/%m/%Y} is not a date an inspection could be expected on")
    with workspace.transaction() as session:
        row = session.get(WorkspaceSetting, EXPECTED_FROM)
        if when is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(WorkspaceSetting(key=EXPECTED_FROM, value=when.isoformat()))
        else:
            row.value = when.isoformat()


def countdown(when: date, today: date) -> str:
    """'expected from 3 March 2027: 14 weeks', or how long ago the window opened."""
    days = (when - today).days
    label = f"{when.day} {when:%B %Y}"
    if days > 13:
        return f"Inspection expected from {label}: {days // 7} weeks"
    if days >= 0:
        return f"Inspection expected from {label}: {days} days"
    return f"Inspection window open since {label} ({-days // 7} weeks)"
