"""Words that may identify a child or a family: the check a quote or a case study passes before
it can be printed as not personal data.

Why: a case study is written from a child's file, and a quote is typed from a survey's free
text; either can carry a first name, a date of birth or a street without the writer noticing.
This check looks for the kinds of detail that identify (names by title, by "called ...", or a
common first name; dates of birth; house-and-street addresses and postcodes; email addresses,
phone numbers, NHS numbers and pupil numbers) and says each one found and where. It is a
careful reader's first pass, not a guarantee: a rare name or a detail only a neighbour would
know still needs a person's eye, and the message says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfeval.services.voices.first_names import FIRST_NAMES


@dataclass(frozen=True)
class Finding:
    what: str
    """The kind of detail: "a first name", "a postcode"..."""
    words: str
    """The words found, as written."""
    where: str
    """The part of the record they are in ("what the partnership did")."""

    def __str__(self) -> str:
        return f"{self.what} ('{self.words}') in {self.where}"


_STREET = (
    r"Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Place|Gardens|Terrace|"
    r"Grove|Hill|Park|Square|Walk|Row|Mews|Green|Rise|View|Parade|Estate"
)
_MONTH = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH}),? \d{{4}})"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("a name with a title", re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.? [A-Z][a-z'-]+")),
    (
        'a name ("called ...")',
        re.compile(r"\b(?:called|named|known as|name is|[Nn]ame:) ?([A-Z][a-z'-]+)"),
    ),
    (
        "a date of birth",
        re.compile(
            rf"(?i:\b(?:d\.?o\.?b\.?|date of birth|born(?: on| in)?|birthday(?: is| on)?)"
            rf"[:\s]{{1,3}}){_DATE}"
        ),
    ),
    (
        "an address",
        re.compile(rf"\b\d{{1,4}}[A-Za-z]? [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:{_STREET})\b"),
    ),
    (
        "an address",
        re.compile(
            r"\b(?:lives|living|lived|moved|staying) (?:at|on|in|to) (?:\d{1,4}[A-Za-z]? )?"
            rf"[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:{_STREET})\b"
        ),
    ),  # fmt: skip
    ("a postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")),
    ("an email address", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("a phone number", re.compile(r"(?<!\d)(?:\+44 ?|0)(?:\d[ -]?){9,10}(?!\d)")),
    ("an NHS number", re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")),
    ("a pupil number", re.compile(r"\b[A-Z]\d{11}[A-Z\d]\b")),
)
_WORD = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


def identifying_details(text: str, where: str) -> list[Finding]:
    """Each detail in `text` that may identify someone, in the order found."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for what, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue  # a detail already said (an address found by two patterns, once)
            taken.append(span)
            found.append(Finding(what, match.group(0).strip(), where))
    for match in _WORD.finditer(text):
        if match.group(0) in FIRST_NAMES and not any(s <= match.start() < e for s, e in taken):
            found.append(Finding("a first name", match.group(0), where))
    return found


def details_in(parts: dict[str, str], cleared: frozenset[str] = frozenset()) -> list[Finding]:
    """Every detail found in each named part, but words the user has looked at and cleared
    ("Jordan" the country, a practitioner's own title)."""
    lowered = {c.lower() for c in cleared}
    return [
        finding
        for where, text in parts.items()
        for finding in identifying_details(text, where)
        if finding.words.lower() not in lowered
    ]


def described(findings: list[Finding], limit: int = 5) -> str:
    """The findings in one sentence: the first few, and how many more."""
    said = "; ".join(str(f) for f in findings[:limit])
    more = len(findings) - limit
    return said + (f"; and {more} more" if more > 0 else "")
