"""The partnership's strategic priorities with a tick box each, for what serves them by name (an
action, a risk, a case study); None when the workspace has no priorities yet, so a form shows no
empty list."""

from __future__ import annotations

from collections.abc import Iterable

from selfeval.services.improvement.priorities import list_priorities
from selfeval.services.workspace import Workspace
from selfeval.ui.widgets.tick_list import TickList


def priority_checklist(
    workspace: Workspace, ticked: Iterable[str], accessible_name: str
) -> TickList | None:
    priorities = list_priorities(workspace)
    if not priorities:
        return None
    rows = ((f"{p.number}. {p.title}", p.id) for p in priorities)
    listed = TickList(rows, ticked, accessible_name, shown_rows=min(4, len(priorities)))
    listed.setMaximumHeight(listed.minimumHeight())  # a short list: room for it, no more
    return listed
