"""Documents a self-evaluation's text points to (links, file names, folder paths, "appendix 3"):
offered as evidence items when the person importing agrees."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfeval.services.sef_import.sef_plan import SefPlan

_URL = re.compile(r"https?://[^\s)>\]\"']+", re.IGNORECASE)
_FILE = re.compile(
    r"(?:[A-Za-z]:\\|\\\\)[^\s,;]+|[\w\-()&' .]{3,120}\.(?:pdf|docx?|xlsx?|pptx?|csv)\b",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"^(?:(?:see|in|the|our|at|and|also|refer|to|from)\s+)+", re.IGNORECASE)
"""Words before a file's name that are the sentence's, not the name's ("see Strategy.pdf")."""
_APPENDIX = re.compile(r"\bappendix\s+[0-9A-Za-z]{1,4}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    """Something the text points to that looks like a document: a link, a file, an appendix."""

    title: str
    link: str
    criterion_id: str
    where: str


def _pointed_to(text: str) -> list[tuple[str, str]]:
    """(title, link) of each document a text points to."""
    said = [(link.rstrip(".,;:"),) * 2 for link in _URL.findall(text)]
    for name in _FILE.findall(_URL.sub(" ", text)):  # a file in a link is the link's
        name = _LEAD_IN.sub("", name.strip(" .,;:"))
        if name and not name.lower().startswith(("http", "www")):
            said.append((name, name))
    said += [(a[0].upper() + a[1:], "") for a in _APPENDIX.findall(text)]
    return [(title, link) for title, link in said if title]


def references(plan: SefPlan) -> list[Reference]:
    """Every document the placed text points to, once per criterion."""
    found: dict[tuple[str, str], Reference] = {}
    for (criterion_id, _target), pieces in plan.placed.items():
        for piece in pieces:
            for title, link in _pointed_to(piece.text):
                key = (criterion_id, title.lower())
                found.setdefault(key, Reference(title, link, criterion_id, piece.where))
    return list(found.values())
