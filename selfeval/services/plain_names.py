"""The one check every name of a person or an organisation passes, wherever it comes from (typed,
imported, received in a package, given on the command line or to `server grant`).

Names are printed in packs, lists, the history's "who" and the live-change line: a control
character (a new line, a bell, an escape) or a direction override would split a line, hide
part of a name or show one name as another.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator

from selfeval.errors import InputError

NAME_LIMIT = 200
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def unsafe_character(text: str) -> str | None:
    """The first character a name may not hold, described; None when there is none."""
    for position, character in enumerate(text, start=1):
        category = unicodedata.category(character)
        if category in ("Cc", "Zl", "Zp") or character in _BIDI:
            return f"character {position} is a control character (U+{ord(character):04X})"
    return None


def plain_name(text: str, what: str, *, required: bool = True, limit: int = NAME_LIMIT) -> str:
    """`text` stripped, or InputError naming `what` ("the person's name")."""
    name = text.strip()
    if required and not name:
        raise InputError(f"{what} must not be empty")
    if len(name) > limit:
        raise InputError(f"{what} is {len(name):,} characters; the limit is {limit:,}")
    why = unsafe_character(name)
    if why is not None:
        raise InputError(f"{what} '{name.encode('unicode_escape').decode()}': {why}")
    return name


def _valid(value: str) -> str:
    why = unsafe_character(value)
    if why is not None:
        raise ValueError(why)
    return value


NoControls = Annotated[str, AfterValidator(_valid)]
"""A pydantic field type for names read from files and packages."""
