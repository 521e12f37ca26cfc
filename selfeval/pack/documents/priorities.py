"""The pack's "Our priorities" (before the criteria) and each criterion's line naming its
priorities: the golden thread from a criterion to the actions and the measures behind it."""

from __future__ import annotations

from selfeval.pack.blocks import Block, Bullets, Heading, PageBreak, Para
from selfeval.pack.documents.narrative import narrative
from selfeval.pack.model import IndicatorLine, Pack, PriorityLine
from selfeval.pack.text import figure


def measure(name: str, lines: dict[str, IndicatorLine]) -> str:
    """An indicator's latest figure, beside only the comparators it is like (a count is set
    beside nobody's total)."""
    line = lines.get(name)
    if line is None or line.area is None:
        return name
    said = f"{name}: {figure(line.area, line.unit)} ({line.period})"
    alike = [
        f"{who} {figure(value, line.unit)}"
        for who, value, verdict in line.comparators
        if value is not None and verdict != "not compared"
    ]
    return said + (f"; {', '.join(alike)}" if alike else "")


def _one(priority: PriorityLine, lines: dict[str, IndicatorLine]) -> list[Block]:
    blocks: list[Block] = [Heading(f"{priority.number}. {priority.title}", 2, in_contents=False)]
    if priority.description.strip():
        blocks += narrative(priority.description)
    who = [f"Owner: {priority.owner}"] if priority.owner else []
    who += [f"overseen by {priority.board}"] if priority.board else []
    if priority.criteria:
        who.append("criteria " + ", ".join(str(n) for n in priority.criteria))
    if who:
        blocks.append(Para("; ".join(who) + ".", "muted"))
    if priority.actions:
        blocks.append(Heading("Actions", 3, in_contents=False))
        blocks.append(
            Bullets(
                tuple(
                    f"{title} ({status}" + (f", due {due:%d %b %Y})" if due else ")")
                    for title, status, due in priority.actions
                )
            )
        )
    if priority.risks:
        blocks.append(Heading("Risks", 3, in_contents=False))
        blocks.append(
            Bullets(
                tuple(
                    f"{title} ({rating} risk, {status})" for title, rating, status in priority.risks
                )
            )
        )
    if priority.indicators:
        blocks.append(Heading("How we measure it", 3, in_contents=False))
        blocks.append(Bullets(tuple(measure(name, lines) for name in priority.indicators)))
    return blocks


def priorities_section(pack: Pack) -> list[Block]:
    if not pack.priorities:
        return []
    lines = {line.name: line for line in pack.indicators}
    blocks: list[Block] = [PageBreak(), Heading("Our priorities", 1, key="priorities")]
    for priority in pack.priorities:
        blocks += _one(priority, lines)
    return blocks


def figures_of(pack: Pack, criterion_id: str) -> list[Block]:
    """A criterion's headline figures: the latest of each indicator that evidences it, beside
    only the comparators it is like."""
    lines = {line.name: line for line in pack.indicators}
    said = [
        measure(line.name, lines)
        for line in pack.indicators
        if criterion_id in line.criteria and line.area is not None
    ]
    return [Para("Figures: " + "; ".join(said) + ".", "muted")] if said else []


def priorities_of(pack: Pack, number: int) -> list[Block]:
    """A criterion's line naming the priorities it serves."""
    named = [f"{p.number}. {p.title}" for p in pack.priorities if number in p.criteria]
    return [Para("Our priorities: " + "; ".join(named) + ".", "muted")] if named else []


def actions_of(pack: Pack, number: int) -> list[Block]:
    """A criterion's actions by reference, with their status and due date (the action plan
    holds the whole of each)."""
    mine = [a for a in pack.actions if number in a.criteria]
    if not mine:
        return []
    return [
        Heading("Actions", 3),
        Bullets(
            tuple(
                f"{a.title} ({a.status}" + (f", due {a.due_date:%d %b %Y})" if a.due_date else ")")
                for a in mine
            )
        ),
    ]
