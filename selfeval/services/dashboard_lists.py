"""The dashboard's lists, worked out without Qt: for each card, its rows (the words shown and
where a click goes) and how many there are. The page only shows them.

A target is a route the window knows ("criterion:ID", "evidence:ID", "overdue_actions:",
"contributions:", "datarequest:", "stale_evidence:").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from selfeval.framework.model import RatingScale
from selfeval.services.readiness import Readiness
from selfeval.services.workspace import Workspace

MAX_LISTED = 100
"""A longer list ends with a link to the filtered evidence library."""
SOON_DAYS = 14


@dataclass(frozen=True)
class Row:
    text: str
    target: str


@dataclass
class DashboardLists:
    rows: dict[str, list[Row]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    overdue_actions: int = 0


def level_label(scale: RatingScale, level_id: str) -> str:
    """A rating's word; a previous rating no longer on the scale is shown as it was stored."""
    return next((level.label for level in scale.choices if level.id == level_id), level_id)


def dashboard_lists(
    workspace: Workspace, summary: Readiness, today: date, listed: int = MAX_LISTED
) -> DashboardLists:
    """`listed`: the most stale items named before the link to the rest."""
    lists = DashboardLists()
    _criteria_lists(workspace, summary, lists)
    _stale(summary, lists, listed)
    _overdue(workspace, today, lists)
    _returns(workspace, today, lists)
    _data_request(workspace, today, lists)
    return lists


def _criteria_lists(workspace: Workspace, summary: Readiness, lists: DashboardLists) -> None:
    framework = workspace.framework
    numbers = framework.numbers

    def row(criterion_id: str, after: str = "") -> Row:
        title = framework.criterion(criterion_id).title
        return Row(f"{numbers[criterion_id]}. {title}{after}", f"criterion:{criterion_id}")

    scale = framework.rating_scale
    lists.rows["unrated"] = [row(c) for c in summary.unrated]
    lists.rows["to_confirm"] = [
        row(c, f" (previously {level_label(scale, previous)})")
        for c, previous in summary.to_confirm.items()
    ]
    lists.rows["without_evidence"] = [row(c) for c in summary.without_evidence]
    lists.rows["without_lead"] = [row(c) for c in summary.without_lead]
    for key in ("unrated", "to_confirm", "without_evidence", "without_lead"):
        lists.counts[key] = len(lists.rows[key])


def _stale(summary: Readiness, lists: DashboardLists, listed: int) -> None:
    rows = [
        Row(f"{item.title} ({item.evidence_date:%d %b %Y})", f"evidence:{item.id}")
        for item in summary.stale_evidence[:listed]
    ]
    if summary.stale_count > listed:
        more = summary.stale_count - listed
        rows.append(
            Row(f"... and {more} more: show them all in the evidence library", "stale_evidence:")
        )
    lists.rows["stale"] = rows
    lists.counts["stale"] = summary.stale_count


def _overdue(workspace: Workspace, today: date, lists: DashboardLists) -> None:
    from selfeval.services.improvement.actions import list_actions

    overdue = list_actions(workspace, overdue_only=True, today=today)
    lists.rows["overdue"] = [
        Row(f"{a.title} (due {_day(a.due_date)}; {a.owner or 'no owner'})", "overdue_actions:")
        for a in overdue
    ]
    lists.counts["overdue"] = lists.overdue_actions = len(overdue)


def _returns(workspace: Workspace, today: date, lists: DashboardLists) -> None:
    """Returns late, or due within a fortnight."""
    from selfeval.services.contributions.tracking import contributions_in_flight

    returns = [
        r
        for r in contributions_in_flight(workspace, today=today)
        if r.status == "overdue"
        or (
            r.status == "awaiting"
            and r.due_date is not None
            and (r.due_date - today).days <= SOON_DAYS
        )
    ]
    lists.rows["returns"] = [
        Row(
            f"{r.recipient}: {'late' if r.status == 'overdue' else 'due'} {_day(r.due_date)}",
            "contributions:",
        )
        for r in returns
    ]
    lists.counts["returns"] = len(returns)


def _data_request(workspace: Workspace, today: date, lists: DashboardLists) -> None:
    from selfeval.services.data_request import list_items

    waiting = [i for i in list_items(workspace, today) if not i.ready]
    lists.rows["data_request"] = [
        Row(f"{i.title} ({'; '.join(i.not_ready)})", "datarequest:") for i in waiting
    ]
    lists.counts["data_request"] = len(waiting)


def _day(day: date | None) -> str:
    return f"{day:%d %b %Y}" if day else ""
