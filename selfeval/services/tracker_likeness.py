"""Names that are nearly the same: an organisation typed another way, an item entered twice.

A tracker says "Anyshire ICB" where the workspace has "NHS Anyshire ICB", or "anyshire college"
for "Anyshire College"; stored as they are, each becomes a second organisation of kind "Other"
and the evidence splits between them. A title entered twice ("SEND Strategy 2024" and "SEND
strategy 2024.") is two items where one was meant. Neither is decided here: they are found, and
the person importing decides.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

_WORDS = re.compile(r"[a-z0-9]+")
_SMALL = {"the", "a", "an", "and", "of", "for", "to", "in", "on", "&"}
LIKE = 0.88
"""Two keys this alike (difflib's ratio) are one name typed two ways."""
MAX_BUCKET = 50
"""Titles compared pairwise only within a bucket (the same first word and the same numbers),
at most this many: 100,000 rows never become 10^10 comparisons."""
_NUMBERS = re.compile(r"[0-9]+")
MAX_SAID = 50


def name_key(name: str) -> str:
    """Lower case, words only, small words dropped: the name as a reader hears it."""
    return " ".join(w for w in _WORDS.findall(name.lower()) if w not in _SMALL)


def _alike(one: str, other: str) -> bool:
    if one == other:
        return True
    matcher = difflib.SequenceMatcher(a=one, b=other, autojunk=False)
    return (
        matcher.real_quick_ratio() >= LIKE
        and matcher.quick_ratio() >= LIKE
        and matcher.ratio() >= LIKE
    )


def _contains(one: str, other: str) -> bool:
    """Every word of the shorter name is in the longer, and they share at least two
    ("Anyshire ICB" in "NHS Anyshire ICB"; "Anyshire" alone says too little)."""
    a, b = set(one.split()), set(other.split())
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small) >= 2 and small <= large


@dataclass(frozen=True)
class OrganisationMatch:
    """A name in the tracker that is not exactly an organisation of the workspace."""

    name: str
    rows: tuple[int, ...]
    near: tuple[str, ...]
    """Organisations of the workspace it may be (most alike first); none: it is new."""


def organisation_matches(
    named: dict[str, list[int]], existing: Iterable[str]
) -> list[OrganisationMatch]:
    """For each organisation name in the tracker (with its rows) that the workspace lacks as
    written: the workspace's organisations it is nearly."""
    known = list(existing)
    keys = {name: name_key(name) for name in known}
    matches = []
    for name, rows in named.items():
        if name in keys:
            continue
        key = name_key(name)
        near = [k for k in known if _alike(key, keys[k]) or _contains(key, keys[k])]
        near.sort(key=lambda k: -difflib.SequenceMatcher(a=key, b=keys[k]).ratio())
        matches.append(OrganisationMatch(name, tuple(rows), tuple(near)))
    return matches


def near_duplicate_titles(titles: list[tuple[int, str]], library: Iterable[str]) -> list[str]:
    """Sentences naming each title in the tracker that is nearly another row's title or an
    item already in the library (up to MAX_SAID of them)."""
    buckets: dict[tuple[str, tuple[str, ...]], list[tuple[str, str]]] = defaultdict(list)
    exact: dict[str, str] = {}

    def bucket(key: str) -> tuple[str, tuple[str, ...]]:
        """Titles whose numbers differ are different items ("Q2 audit", "Q3 audit"; "Report
        2024", "Report 2025"): only those with the same first word and numbers are compared."""
        return key.split(" ", 1)[0], tuple(_NUMBERS.findall(key))

    def remember(key: str, where: str) -> None:
        buckets[bucket(key)].append((key, where))
        exact.setdefault(key, where)

    for title in library:
        remember(name_key(title), f"'{title}', already in the library")
    said: list[str] = []
    for number, title in titles:
        key = name_key(title)
        if not key:
            continue
        like = exact.get(key) or next(
            (w for other, w in buckets[bucket(key)][:MAX_BUCKET] if _alike(key, other)), None
        )
        if like is not None and len(said) < MAX_SAID:
            said.append(f"row {number}: '{title}' is like {like}")
        remember(key, f"row {number} '{title}'")
    return said
