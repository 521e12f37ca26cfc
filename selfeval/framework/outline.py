"""A framework's shape as plain data, read straight from its stored JSON.

The first screen (the criteria tree with ratings) needs only ids, titles and the rating scale;
reading them this way spares start-up the cost of importing pydantic and SQLAlchemy, which load
in the background while the user is already looking at the tree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

NOT_RATED_ID = "not-rated"


def criterion_numbers_text(numbers: Mapping[str, int], criterion_ids: Iterable[str]) -> str:
    """ "1, 3, 10" however the criteria were linked; readers scan numbers in order."""
    return ", ".join(map(str, sorted(numbers[c] for c in criterion_ids if c in numbers)))


@dataclass(frozen=True)
class OutlineLevel:
    id: str
    label: str
    colour: str


@dataclass(frozen=True)
class OutlineBullet:
    id: str
    text: str


@dataclass(frozen=True)
class OutlineCriterion:
    id: str
    title: str
    bullets: tuple[OutlineBullet, ...]
    number: int = 0


@dataclass(frozen=True)
class OutlineGroup:
    id: str
    title: str
    criteria: tuple[OutlineCriterion, ...]


@dataclass(frozen=True)
class FrameworkOutline:
    groups: tuple[OutlineGroup, ...]
    levels: tuple[OutlineLevel, ...]
    """Every rating a judgement may take, "not rated" first (as RatingScale.choices)."""
    rating_word: str = "rating"
    """The edition's word for a rating (framework `terms`), for the tree's column."""

    @property
    def criteria(self) -> tuple[OutlineCriterion, ...]:
        return tuple(c for g in self.groups for c in g.criteria)

    @property
    def numbers(self) -> dict[str, int]:
        return {c.id: c.number or n for n, c in enumerate(self.criteria, start=1)}

    def level(self, level_id: str) -> OutlineLevel:
        for level in self.levels:
            if level.id == level_id:
                return level
        return self.levels[0]

    @classmethod
    def from_definition(cls, definition: str | dict[str, Any]) -> FrameworkOutline:
        """From a framework's canonical JSON (as stored in a workspace) or its dict."""
        data = json.loads(definition) if isinstance(definition, str) else definition
        levels = [OutlineLevel(NOT_RATED_ID, "Not rated", "#757575")]
        levels += [
            OutlineLevel(lv["id"], lv["label"], lv["colour"])
            for lv in data["rating_scale"]["levels"]
        ]
        groups = tuple(
            OutlineGroup(
                g["id"],
                g["title"],
                tuple(
                    OutlineCriterion(
                        c["id"],
                        c["title"],
                        tuple(OutlineBullet(b["id"], b["text"]) for b in c.get("bullets", [])),
                        c.get("number") or 0,
                    )
                    for c in g["criteria"]
                ),
            )
            for g in data["groups"]
        )
        terms = data.get("terms") or {}
        word = terms.get("rating") if isinstance(terms, dict) else None
        return cls(groups, tuple(levels), str(word) if word else "rating")
