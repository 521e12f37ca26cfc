"""The executive version of the self-evaluation: what a board reads first, and what a
partnership sends to schools on the day of notification beside the full document.

The cover, the partnership's own written summary with the ratings, the likely outcome and the
chart (as in the full pack), its priorities with how their actions are going, then a page per
group of criteria: each criterion's rating, the first sentences of the difference it makes and
of what comes next, under the partnership's own headings. Nothing empty is printed as filler.
"""

from __future__ import annotations

import re

from selfeval.pack.blocks import (
    Block,
    Cell,
    Chip,
    Document,
    Heading,
    KeyValues,
    PageBreak,
    Para,
    Spacer,
    Table,
)
from selfeval.pack.documents.pack import summary
from selfeval.pack.model import Pack, PriorityLine

_SENTENCE = re.compile(r"(.+?[.!?])(?:\s|$)", re.S)
HEADLINE_CHARS = 320


def headline(text: str) -> str:
    """The first sentence of a field (at most HEADLINE_CHARS), or nothing."""
    text = " ".join(text.replace("\u2022", " ").split())
    if not text:
        return ""
    found = _SENTENCE.match(text)
    first = found.group(1) if found else text
    return first if len(first) <= HEADLINE_CHARS else first[: HEADLINE_CHARS - 1] + "\u2026"


def _cover(pack: Pack) -> list[Block]:
    return [
        Spacer(25),
        Para(pack.area_name, "subtitle"),
        Para("SEND self-evaluation", "title"),
        Para("Executive summary", "subtitle"),
        Spacer(12),
        KeyValues(tuple(pack.cover_details)),
        Spacer(6),
        Para(
            "The short version of the partnership's self-evaluation: its own summary, its "
            "ratings, and for each criterion the difference made and what comes next. The full "
            "document holds the evidence behind every line.",
            "muted",
        ),
    ]


def _group(pack: Pack, group_title: str, number: int) -> list[Block]:
    headings = dict(pack.headings)
    columns = [f for f in ("impact", "areas_for_development") if f in headings]
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (
            str(s.number),
            s.title,
            Chip(s.rating),
            *(headline(str(getattr(s, field))) for field in columns),
        )
        for s in pack.sections
        if s.group_title == group_title
    )
    widths = (12, 56, 24, *((110 - 20) / max(len(columns), 1),) * len(columns))
    return [
        PageBreak(),
        Heading(group_title, 1, key=f"group-{number}"),
        Table(
            ("No.", "Criterion", pack.rating_word.capitalize(), *(headings[f] for f in columns)),
            rows,
            widths,
        ),
    ]


def _progress(priority: PriorityLine) -> str:
    if not priority.actions:
        return "no actions yet"
    done = sum(1 for _title, status, _due in priority.actions if status == "Complete")
    return f"{done} of {len(priority.actions)} complete"


def _priorities(pack: Pack) -> list[Block]:
    """Each priority in a row: who owns it, who oversees it, and how its actions are going."""
    if not pack.priorities:
        return []
    rows = tuple(
        (
            str(p.number),
            p.title,
            "; ".join(part for part in (p.owner, p.board) if part) or "-",
            _progress(p),
            ", ".join(str(n) for n in p.criteria) or "-",
        )
        for p in pack.priorities
    )
    return [
        PageBreak(if_not_empty=True),
        Heading("Our priorities", 1, key="priorities"),
        Table(("No.", "Priority", "Owner; overseen by", "Actions", "Criteria"), rows,
              (10, 60, 50, 28, 22)),
    ]  # fmt: skip


def compose_executive(pack: Pack) -> Document:
    blocks: list[Block] = [
        *_cover(pack),
        PageBreak(),
        *summary(pack, "listed in the full document"),
        *_priorities(pack),
    ]
    groups = list(dict.fromkeys(s.group_title for s in pack.sections))
    for number, group_title in enumerate(groups, start=1):
        blocks += _group(pack, group_title, number)
    return Document(
        title=f"{pack.title}: executive summary",
        subject=f"Executive summary of the self-evaluation against {pack.framework_title}",
        author=pack.prepared_by,
        marking=pack.marking,
        draft=pack.status == "draft",
        blocks=tuple(blocks),
    )
