"""What a change touches: which views show what it changed, declared where the change is made,
so the window reads again only those (a rating click, whose write returns what it saved, reads
nothing again at all). Everything, when in doubt: a view read again costs time, a view left
stale shows the wrong thing."""

from __future__ import annotations

from enum import Flag, auto


class Touches(Flag):
    RATINGS = auto()
    """A criterion's or a bullet's rating or narrative: the tree, the progress line, the page."""
    EVIDENCE = auto()
    """Evidence and its links: the library, a criterion's list, the dashboard's counts."""
    OWNERS = auto()
    """Who leads or contributes to a criterion."""
    ACTIONS = auto()
    """The action plan and a criterion's actions."""
    COMMENTS = auto()
    """A criterion's comment thread (its panel reads itself again after a comment is added)."""
    RECORDS = auto()
    """What the other pages list (people, priorities, risks, voices, indicators, requests), and
    what a criterion page says of them (its priorities, what was heard about it)."""


EVERYTHING = (
    Touches.RATINGS
    | Touches.EVIDENCE
    | Touches.OWNERS
    | Touches.ACTIONS
    | Touches.COMMENTS
    | Touches.RECORDS
)
ALL_BUT_EVIDENCE = EVERYTHING & ~Touches.EVIDENCE
"""A change that cannot touch evidence or its links (re-reading the library is the costly
part on a county's library)."""
