"""The engagement-meeting brief: two sides at most, in the three questions inspectors ask at
the annual engagement meeting. Counts and the partnership's own words only: no evidence titles
(which can name a child), no personal data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from selfeval.pack.blocks import Block, Bullets, Chip, Document, Heading, Para, Table
from selfeval.pack.model import Rating

LINE_LIMIT = 220


def first_sentence(text: str, limit: int = LINE_LIMIT) -> str:
    """The first sentence of a narrative, cut to a line's length at a word."""
    text = " ".join(text.split())
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


@dataclass(frozen=True)
class BriefCriterion:
    number: int
    title: str
    rating: Rating
    known: str
    """The first sentence of what we know (impact, else how we know)."""


@dataclass(frozen=True)
class EngagementBrief:
    area_name: str
    issued: date
    prepared_by: str
    marking: str
    rating_counts: str
    """"Red 2, Amber 6, Green 3"."""
    outcomes: tuple[BriefCriterion, ...]
    """The criteria on experiences and outcomes (the framework's first group)."""
    how_we_know: tuple[str, ...]
    """Lines about the evidence base: counts by kind, and co-production."""
    indicator_headlines: tuple[str, ...]
    next_areas: tuple[str, ...]
    """The weakest-rated criteria's first area for development, weakest first."""
    overdue_actions: tuple[str, ...]

    @property
    def title(self) -> str:
        return f"{self.area_name}: brief for the annual engagement meeting"


def compose_brief(brief: EngagementBrief) -> Document:
    blocks: list[Block] = [
        Heading(brief.title, 1, in_contents=False),
        Para(
            f"{brief.issued:%d %B %Y}".lstrip("0")
            + f". Prepared by {brief.prepared_by}. Our own ratings: {brief.rating_counts}.",
            "muted",
        ),
        Heading(
            "1. What do we know about the experiences and outcomes of children and young people "
            "with SEND?",
            2,
            in_contents=False,
        ),
        Table(
            ("Criterion", "Our rating", "What we know"),
            tuple(
                (f"{c.number}. {c.title}", Chip(c.rating), c.known or "-") for c in brief.outcomes
            ),
            (5, 1.6, 6),
        ),
        Heading("2. How do we know?", 2, in_contents=False),
        Bullets(brief.how_we_know, empty="No evidence recorded yet."),
    ]
    if brief.indicator_headlines:
        blocks += [Heading("Indicator headlines", 3), Bullets(brief.indicator_headlines)]
    blocks += [
        Heading("3. What are we doing next?", 2, in_contents=False),
        Heading("Our top areas for development", 3),
        Bullets(brief.next_areas, empty="No areas for development recorded."),
        Heading("Actions overdue", 3),
        Bullets(brief.overdue_actions, empty="No actions are overdue."),
    ]
    return Document(
        title=brief.title,
        subject="Annual engagement meeting brief",
        author=brief.prepared_by,
        marking=brief.marking,
        blocks=tuple(blocks),
    )
