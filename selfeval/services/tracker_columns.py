"""What each column of a council's evidence tracker means: a field of an evidence item, a note
kept with the item, or nothing.

Councils keep trackers with their own columns (Ref, Owner, RAG, Location, Notes ...). Refusing
the first column we do not know, one at a time, sent people back to Excel to delete columns
they still need; instead every column is given a meaning, suggested from its name and shown
to the user, who can change any of them. A column kept as a note lands in the item's
description as "Column: value", so nothing in the tracker is lost unless the user says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from selfeval.errors import InputError

FIELDS = (
    "title",
    "description",
    "kind",
    "organisation",
    "date",
    "criteria",
    "personal_data",
    "link",
)
"""The evidence item's fields a tracker can fill (the CSV/XLSX column names in docs/formats.md)."""
NOTE = "note"
IGNORE = "ignore"
USES = (*FIELDS, NOTE, IGNORE)

FIELD_LABELS = {
    "title": "Title",
    "description": "Description",
    "kind": "Kind of evidence",
    "organisation": "Organisation",
    "date": "Date",
    "criteria": "Criteria",
    "personal_data": "Personal data (yes/no)",
    "link": "Link",
    NOTE: "Keep as a note",
    IGNORE: "Ignore",
}

ALIASES = {
    "title": ("evidence", "evidence title", "document", "document title", "name", "item"),
    "description": ("summary", "details", "evidence description", "what it shows"),
    "kind": ("type", "evidence type", "type of evidence", "category"),
    "organisation": ("organization", "agency", "partner", "service", "source organisation"),
    "date": ("evidence date", "date of evidence", "published", "date published", "as at"),
    "criteria": ("criterion", "criteria reference", "criteria references", "framework reference"),
    "personal_data": ("personal", "contains personal data", "pii", "identifiable"),
    "link": ("url", "hyperlink", "web link", "web address"),
}
"""Other names councils give a field's column; a name found nowhere is kept as a note."""

_PUNCTUATION = re.compile(r"[^a-z0-9]+")


def _key(name: str) -> str:
    return _PUNCTUATION.sub(" ", name.lower()).strip()


_BY_NAME = {_key(f): f for f in FIELDS} | {
    _key(alias): field for field, aliases in ALIASES.items() for alias in aliases
}


def suggest(header: Iterable[str]) -> dict[str, str]:
    """Each column's suggested use: the field its name means (first column wins a field), else
    a note; a column without a name is ignored (it holds nothing anyone labelled)."""
    taken: set[str] = set()
    uses: dict[str, str] = {}
    for name in header:
        field = _BY_NAME.get(_key(name))
        if not name.strip():
            uses[name] = IGNORE
        elif field is not None and field not in taken:
            uses[name] = field
            taken.add(field)
        else:
            uses[name] = NOTE
    return uses


def recognised(header: Iterable[str]) -> set[str]:
    """The columns whose name is a field's own name or one of its other names."""
    return {name for name in header if _key(name) in _BY_NAME}


def check_names(header: list[str]) -> None:
    """A use is given by a column's name: two columns of one name could not differ."""
    named = [n for n in header if n.strip()]
    twice = sorted({n for n in named if named.count(n) > 1})
    if twice:
        raise InputError(f"column '{twice[0]}' appears twice: rename one of them")


@dataclass(frozen=True)
class ColumnUses:
    """The user's decision for every column of one tracker."""

    uses: dict[str, str]

    def check(self, header: list[str]) -> None:
        """Every column decided, every field used once, a title column among them."""
        check_names(header)
        undecided = [n for n in header if n not in self.uses]
        if undecided:
            raise InputError(
                f"no use chosen for the column{'s' * (len(undecided) > 1)} "
                + ", ".join(f"'{n}'" for n in undecided)
            )
        wrong = [f"'{n}': '{u}'" for n, u in self.uses.items() if u not in USES]
        if wrong:
            raise InputError(
                f"not a use for a column: {', '.join(wrong)} (uses: {', '.join(USES)})"
            )
        fields = [u for n, u in self.uses.items() if n in header and u in FIELDS]
        twice = sorted({f for f in fields if fields.count(f) > 1})
        if twice:
            columns = [n for n in header if self.uses.get(n) == twice[0]]
            raise InputError(
                f"the columns {', '.join(repr(c) for c in columns)} are all '{twice[0]}': "
                "choose one, and keep the others as notes"
            )
        if "title" not in fields:
            raise InputError("no column is the title: choose the column that names each item")


def uses_from_arguments(
    header: list[str], given: Iterable[str], ignore_unknown: bool
) -> ColumnUses:
    """The command line's decisions: `--map "COLUMN=USE"` for any column, the suggestion for
    the rest; a column no name matches is refused (all of them named at once) unless
    `ignore_unknown` says to ignore it."""
    uses = suggest(header)
    by_key = {_key(n): n for n in header}
    for text in given:
        column, sep, use = text.partition("=")
        name = by_key.get(_key(column))
        if not sep or name is None:
            raise InputError(
                f"--map '{text}': give it as \"COLUMN=USE\" with a column of the file "
                f"({', '.join(repr(h) for h in header)})"
            )
        use = use.strip().lower().replace(" ", "_")
        if use not in USES:
            raise InputError(f"--map '{text}': '{use}' is not a use ({', '.join(USES)})")
        uses[name] = use
    mapped = {_key(t.partition("=")[0]) for t in given}
    unknown = [n for n in header if n.strip() and n not in recognised(header)]
    unknown = [n for n in unknown if _key(n) not in mapped]
    if unknown and ignore_unknown:
        for name in unknown:
            uses[name] = IGNORE
    elif unknown:
        raise InputError(
            "columns this importer does not know: "
            + ", ".join(f"'{n}'" for n in unknown)
            + ". Say what each is (a field, a note, or ignore): in the app, in the import's "
            'column step; on the command line, with --map "COLUMN=USE" or '
            "--ignore-unknown-columns"
        )
    result = ColumnUses(uses)
    result.check(header)
    return result


def row_values(header: list[str], cells: list[str], uses: ColumnUses) -> dict[str, str]:
    """One row's fields, with the columns kept as notes added to the description as
    "Column: value" lines (empty cells add nothing)."""
    values: dict[str, str] = {}
    notes: list[str] = []
    for name, cell in zip(header, cells, strict=False):
        use = uses.uses.get(name, IGNORE)
        if use in FIELDS:
            values[use] = cell
        elif use == NOTE and cell.strip():
            notes.append(f"{name}: {cell.strip()}")
    if notes:
        description = values.get("description", "").strip()
        values["description"] = "\n".join(([description] if description else []) + notes)
    return values
