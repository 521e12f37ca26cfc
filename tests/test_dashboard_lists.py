"""The dashboard's lists worked out without Qt (issue 29): each card's rows, where a click goes,
and its count, from a real demo workspace."""

from __future__ import annotations

from datetime import date

from selfeval.services.dashboard_lists import dashboard_lists
from selfeval.services.readiness import readiness
from selfeval.services.workspace import Workspace


def test_each_card_has_its_rows_targets_and_count(demo: Workspace) -> None:
    today = date.today()
    lists = dashboard_lists(demo, readiness(demo, today), today, listed=2)
    assert set(lists.rows) == {"unrated", "to_confirm", "without_evidence", "without_lead",
                               "stale", "overdue", "returns", "data_request"}  # fmt: skip
    stale = lists.rows["stale"]
    assert lists.counts["stale"] > 2 and len(stale) == 3
    assert stale[-1].target == "stale_evidence:" and stale[0].target.startswith("evidence:")
    assert lists.counts["overdue"] == lists.overdue_actions == len(lists.rows["overdue"])
    assert all(r.target == "overdue_actions:" for r in lists.rows["overdue"])
    assert all(r.target == "datarequest:" for r in lists.rows["data_request"])
