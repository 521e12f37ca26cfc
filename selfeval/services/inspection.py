"""When the partnership expects its inspection: the date the lead sets, and how long is left.

Area SEND inspections come with notice of days, not months; partnerships know roughly when they
are due (five years after the last, or sooner after concerns) and plan to that.
"""

from __future__ import annotations

from datetime import date

from selfeval.errors import InputError
from selfeval.services.settings import read_setting, write_setting
from selfeval.services.workspace import Workspace
from selfeval.words import counted

EXPECTED_FROM = "inspection_expected_from"


def expected_from(workspace: Workspace) -> date | None:
    value = read_setting(workspace, EXPECTED_FROM)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def set_expected_from(workspace: Workspace, when: date | None) -> None:
    if when is not None and not date(2000, 1, 1) <= when <= date(2100, 12, 31):
        raise InputError(f"{when:%d/%m/%Y} is not a date an inspection could be expected on")
    write_setting(workspace, EXPECTED_FROM, when.isoformat() if when else None)


def countdown(when: date, today: date) -> str:
    """'expected from 3 March 2027: 14 weeks', or how long ago the window opened."""
    days = (when - today).days
    label = f"{when.day} {when:%B %Y}"
    if days > 13:
        return f"Inspection expected from {label}: {counted(days // 7, 'week')}"
    if days >= 0:
        return f"Inspection expected from {label}: {counted(days, 'day')}"
    return f"Inspection window open since {label} ({counted(-days // 7, 'week')})"
