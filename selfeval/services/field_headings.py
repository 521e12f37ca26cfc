"""The partnership's own headings for a judgement's fields, and the fields it does not use.

A self-evaluation reads as the partnership's when its sections say "What we know", "How we know
it", "What we are doing about it", not our form's words. One workspace setting holds the
headings and the hidden fields; the criterion page, every document, the workbook and the Word
import read them from here. A field the partnership hides is not offered and not printed; what
is already in it is kept (showing the field again brings it back).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from selfeval.errors import InputError
from selfeval.services.plain_names import unsafe_character
from selfeval.services.settings import read_setting, write_setting
from selfeval.services.workspace import Workspace

SETTING = "field_headings"
DEFAULT_HEADINGS = {
    "rationale": "How we know",
    "strengths": "Strengths",
    "areas_for_development": "Areas for development",
    "impact": "Impact on children and young people",
}
"""The narrative fields a criterion's section prints, in order, with our own headings."""
MAX_HEADING = 80


@dataclass(frozen=True)
class FieldHeadings:
    headings: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_HEADINGS))
    hidden: frozenset[str] = frozenset()

    def label(self, name: str) -> str:
        return self.headings.get(name) or DEFAULT_HEADINGS[name]

    def shown(self) -> tuple[tuple[str, str], ...]:
        """(field, heading) of each field the partnership uses, in order."""
        return tuple((n, self.label(n)) for n in DEFAULT_HEADINGS if n not in self.hidden)

    def own(self) -> dict[str, str]:
        """Only the headings the partnership changed (field -> its heading)."""
        return {n: h for n, h in self.headings.items() if h != DEFAULT_HEADINGS.get(n)}


def field_headings(workspace: Workspace) -> FieldHeadings:
    """The workspace's headings; a damaged setting gives our defaults, never a failure."""
    try:
        stored = json.loads(read_setting(workspace, SETTING) or "{}")
    except ValueError:
        return FieldHeadings()
    if not isinstance(stored, dict):
        return FieldHeadings()
    given = stored.get("headings", {})
    headings = dict(DEFAULT_HEADINGS)
    if isinstance(given, dict):
        for name, text in given.items():
            if name in DEFAULT_HEADINGS and isinstance(text, str) and _usable(text):
                headings[name] = text.strip()
    hidden = stored.get("hidden", [])
    names = {str(n) for n in hidden if n in DEFAULT_HEADINGS} if isinstance(hidden, list) else set()
    return FieldHeadings(headings, frozenset(names))


def _usable(text: str) -> bool:
    return 0 < len(text.strip()) <= MAX_HEADING and unsafe_character(text) is None


def _check_field(name: str) -> None:
    if name not in DEFAULT_HEADINGS:
        raise InputError(
            f"'{name}' is not a field with a heading (one of: {', '.join(DEFAULT_HEADINGS)})"
        )


def _store(workspace: Workspace, headings: FieldHeadings) -> None:
    value = {"headings": headings.own(), "hidden": sorted(headings.hidden)}
    write_setting(workspace, SETTING, json.dumps(value, sort_keys=True))


def set_heading(workspace: Workspace, name: str, text: str) -> FieldHeadings:
    """The partnership's heading for a field; an empty one puts ours back."""
    _check_field(name)
    text = text.strip()
    if text and len(text) > MAX_HEADING:
        raise InputError(f"a heading is at most {MAX_HEADING} characters; this one is {len(text)}")
    if text and unsafe_character(text) is not None:
        raise InputError(
            f"the heading has a character that cannot be printed ({unsafe_character(text)})"
        )
    current = field_headings(workspace)
    headings = {**current.headings, name: text or DEFAULT_HEADINGS[name]}
    changed = FieldHeadings(headings, current.hidden)
    _store(workspace, changed)
    return changed


def set_hidden(workspace: Workspace, name: str, hidden: bool) -> FieldHeadings:
    _check_field(name)
    current = field_headings(workspace)
    names = current.hidden | {name} if hidden else current.hidden - {name}
    if hidden and len(names) == len(DEFAULT_HEADINGS):
        raise InputError("at least one field stays: a criterion needs somewhere to be written")
    changed = FieldHeadings(dict(current.headings), frozenset(names))
    _store(workspace, changed)
    return changed
