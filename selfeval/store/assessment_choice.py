"""Which assessment a workspace opens on: one rule, for the first paint and the full open alike.

The rule: the one asked for (by id or title), else the workspace's current assessment (a setting
a new cycle or a switch writes), else the most recently created. Before this rule lived in one
place, the quick first look took "the latest" and painted another framework's criteria.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

CURRENT_ASSESSMENT = "current_assessment"
"""The workspace_setting key naming the current assessment."""


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    title: str
    created_at: datetime | str


class NoSuchAssessment(LookupError):
    """The assessment asked for is not in this workspace."""


def choose_assessment(
    rows: Sequence[AssessmentRow], current: str | None, wanted: str | None = None
) -> AssessmentRow | None:
    """The assessment to open (None when the workspace has none); raises NoSuchAssessment when
    `wanted` matches no id or title."""
    if not rows:
        return None
    if wanted:
        for row in rows:
            if wanted in (row.id, row.title):
                return row
        raise NoSuchAssessment(wanted)
    if current:
        for row in rows:
            if row.id == current:
                return row
    return max(rows, key=lambda row: str(row.created_at))
