"""The pack's priorities, read from the services: each with its criteria, the current actions
and risks linked to it or on its criteria, and its indicators' names (the document finds their
figures among the pack's own)."""

from __future__ import annotations

from selfeval.pack.model import PriorityLine
from selfeval.services.improvement.indicators import indicator_library
from selfeval.services.improvement.priorities import actions_of, list_priorities, risks_of
from selfeval.services.vocabulary import ACTION_STATUSES
from selfeval.services.workspace import Workspace


def priority_lines(workspace: Workspace) -> tuple[PriorityLine, ...]:
    numbers = workspace.framework.numbers
    library = indicator_library()
    lines = []
    for priority in list_priorities(workspace):
        lines.append(
            PriorityLine(
                priority.number,
                priority.title,
                priority.description,
                priority.owner,
                priority.board,
                tuple(sorted(numbers[c] for c in priority.criteria if c in numbers)),
                tuple(
                    (a.title, ACTION_STATUSES.get(a.status, a.status), a.due)
                    for a in actions_of(workspace, priority)
                ),
                tuple(library[i].name if i in library else i for i in priority.indicators),
                tuple((r.title, r.rating, r.status) for r in risks_of(workspace, priority)),
            )
        )
    return tuple(lines)
