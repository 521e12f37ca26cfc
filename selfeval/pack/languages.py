"""Which language a paragraph is in, when it is not English: a screen reader switches voice
by the `/Lang` of its structure element (PDF/UA asks for it; WCAG 3.1.2).

Partnerships write in English, quote families in Welsh, Urdu or Arabic, and mix them. A
paragraph is marked only when most of its letters are in the other language's script (Urdu
and Arabic told apart by letters Arabic does not use), or when it reads as Welsh (its own
letters, or enough of its common words); anything in doubt stays the document's en-GB.
"""

from __future__ import annotations

import re

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_HEBREW = re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")
_URDU_ONLY = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06c3\u06d2\u06d3]")
"""ٹ ڈ ڑ ں ھ ہ ۃ ے ۓ: letters of Urdu that Arabic does not write."""
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_WELSH_LETTERS = re.compile("[ŵŷŴŶẁẃẅỳ]")
_WELSH_WORDS = frozenset(
    {
        "mae",
        "yn",
        "ac",
        "ein",
        "eich",
        "gyda",
        "ddim",
        "hefyd",
        "rydym",
        "rwy",
        "roedd",
        "fy",
        "plant",
        "teulu",
        "teuluoedd",
        "ysgol",
        "cymorth",
        "gwasanaeth",
        "gwasanaethau",
        "iawn",
        "diolch",
        "bod",
        "ydy",
        "oedd",
        "wedi",
        "ond",
        "dros",
        "gyfer",
        "angen",
        "anghenion",
        "dysgu",
        "ychwanegol",
        "pobl",
        "ifanc",
        "rhieni",
        "gofalwyr",
    }
)


_WELSH_HINT = re.compile(r"\b(?:mae|yn|ein|eich|gyda|ddim|rydym|plant|teulu|ysgol)\b", re.I)
"""Words most Welsh paragraphs hold: English text without any is settled by one search."""


def language_of(text: str) -> str:
    """The BCP 47 tag of the paragraph's language, or "" for the document's own."""
    if text.isascii() and not _WELSH_HINT.search(text):
        return ""  # most of a pack: one scan
    letters = len(_LETTER.findall(text))
    if not letters:
        return ""
    arabic = len(_ARABIC_SCRIPT.findall(text))
    if arabic * 2 > letters:
        return "ur" if _URDU_ONLY.search(text) else "ar"
    if len(_HEBREW.findall(text)) * 2 > letters:
        return "he"
    return "cy" if _reads_welsh(text) else ""


def _reads_welsh(text: str) -> bool:
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return False
    if _WELSH_LETTERS.search(text):
        return True
    known = sum(word in _WELSH_WORDS for word in words)
    return known >= 3 and known * 4 >= len(words)
