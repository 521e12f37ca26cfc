"""Where the window can go: the typed route `navigate` takes."""

from __future__ import annotations

from typing import Literal, get_args

RouteKind = Literal[
    "dashboard",
    "evidence_page",
    "people",
    "priorities",
    "heard",
    "actions",
    "indicators",
    "risks",
    "contributions",
    "mywork",
    "datarequest",
    "edition",
    "page",
    "criterion",
    "evidence",
    "stale_evidence",
    "overdue_actions",
]
"""A page by name, or ("page", name); a criterion or one evidence item by id; the library
filtered to stale evidence; or the action plan's overdue view."""

ROUTE_KINDS: tuple[RouteKind, ...] = get_args(RouteKind)
PAGE_ROUTES: tuple[RouteKind, ...] = ROUTE_KINDS[: ROUTE_KINDS.index("page")]
"""The places that are whole pages, named on their own ("page" and those after it take an id)."""


def route_kind(text: str) -> RouteKind:
    """A route kind read back from a list item's data; ValueError for anything else."""
    for kind in ROUTE_KINDS:
        if kind == text:
            return kind
    raise ValueError(f"no such place in the window: {text!r}")
