"""Which of our fields a partnership's sub-heading or column means, by its words.

Self-evaluations name the same things many ways: "Current position", "What we know", "How do we
know?" are our rationale; "What is working well" our strengths; "Next steps", "What we need to
do", "Further work planned" our areas for development; "Difference made" our impact. A heading
is matched by the phrase that starts earliest in it ("Current position / strengths / evidence"
is the current position), a longer phrase winning a tie. A heading the partnership mapped itself
(remembered from an earlier import) wins over all of these.
"""

from __future__ import annotations

import re

from selfeval.framework.model import RatingScale

RATING = "rating"
NOTE = "note"
"""A criterion's note: kept as a comment on the criterion, in the partnership's words."""
TARGETS = (
    "what_good_looks_like",
    "rationale",
    "strengths",
    "areas_for_development",
    "impact",
    "family_statement",
    "family_going_well",
    "family_working_on",
    RATING,
    NOTE,
)
"""Where a piece can go: a text of the judgement, its rating, or a note on the criterion."""

PHRASES: dict[str, tuple[str, ...]] = {
    "rationale": (
        "current position", "what we know", "how do we know", "how we know", "how is this working",
        "how are we doing", "where are we now", "evidence", "self assessment", "self evaluation",
        "our assessment", "position statement", "what the data tells us", "what does the data",
        "summary of position", "narrative", "rationale", "overview", "progress since",
        "progress made", "progress to date", "progress so far",
    ),
    "strengths": (
        "strengths", "strength", "what is working well", "what's working well", "working well",
        "what we do well", "what is going well", "what's going well", "what works well",
        "key achievements", "achievements", "successes",
    ),
    "areas_for_development": (
        "areas for development", "area for development", "areas for improvement",
        "area for improvement", "areas to improve", "area to improve", "what we need to do",
        "what needs to improve", "what we need to improve", "next steps", "further work planned",
        "further work", "priorities for improvement", "priorities for development",
        "improvement priorities", "even better if", "challenges", "gaps", "what next",
        "development areas", "what are we doing about it", "what we are doing about it",
    ),
    "impact": (
        "impact", "difference made", "difference it makes", "what difference",
        "outcomes for children", "so what",
    ),
    "family_statement": ("what we want families to know", "for families", "for parents"),
    "what_good_looks_like": (
        "what does good look like", "what good looks like", "what good will look like",
        "our ambition", "where we want to be",
    ),
    RATING: (
        "rag rating", "rag", "rating", "self assessed grade", "grade", "judgement",
        "overall judgement", "self assessment rating", "red amber green",
    ),
    NOTE: (
        "working well or area to improve", "working well or area for improvement",
        "action plan reference", "action plan ref", "action plan", "actions", "links to",
        "related actions",
    ),
}  # fmt: skip

_CLEAN = re.compile(r"[^a-z0-9' ]+")
_LEADING_NUMBER = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*|[a-z][0-9]*[a-z]?|[ivx]+)[.):]\s+")


def heading_key(text: str) -> str:
    """A heading as matched and remembered: lower case, no numbering, no punctuation."""
    text = _LEADING_NUMBER.sub("", text.strip().lower().replace("\u2019", "'"))
    return " ".join(_CLEAN.sub(" ", text.replace("/", " / ")).split())


def field_of(heading: str) -> str | None:
    """The target a sub-heading or a column's heading means, or None."""
    key = f" {heading_key(heading)} "
    found: list[tuple[int, int, str]] = []
    for target, phrases in PHRASES.items():
        for phrase in phrases:
            at = key.find(f" {phrase} ")
            if at >= 0:
                found.append((at, -len(phrase), target))
    if not found:
        return None
    return min(found)[2]


RAG_WORDS = {"red": "red", "amber": "amber", "green": "green"}


def rating_of(text: str, scale: RatingScale) -> str | None:
    """The scale's level a short text names ("Amber", "RAG: Green", "Established"), or None."""
    words = heading_key(text)
    if not words or len(words) > 40:
        return None
    for level in scale.levels:
        if words == heading_key(level.label) or words == level.id.replace("-", " "):
            return level.id
    named = [lvl for lvl in scale.levels if f" {heading_key(lvl.label)} " in f" {words} "]
    if not named:
        return None
    # "not sufficient progress" holds "sufficient progress" too: the longest label is the one
    longest = max(named, key=lambda lvl: len(heading_key(lvl.label)))
    others = [lvl for lvl in named if lvl is not longest]
    inside = all(heading_key(o.label) in heading_key(longest.label) for o in others)
    return longest.id if inside else None


def split_label(text: str) -> tuple[str, str] | None:
    """("Strengths", "We have ...") for an inline "Strengths: We have ..." whose label is a
    field's phrase; None for any other paragraph."""
    label, sep, rest = text.partition(":")
    if not sep or not rest.strip() or len(label.split()) > 6:
        return None
    return (label, rest.strip()) if field_of(label) is not None else None
