"""Where every piece of a Word self-evaluation goes, decided before anything is written.

The document is walked in reading order. A heading (by style, or a short bold or numbered
paragraph) that names a criterion starts its section; inside a section, a sub-heading that names
one of our fields sends what follows to that field (text before any sub-heading is the
criterion's "how we know"), an inline "Strengths: ..." does the same for one paragraph, and a
table is read by its column headings (a table with a row per criterion, by its rows). Every
piece that lands nowhere (an introduction, a sub-heading we do not know, a picture) is kept in
`unplaced` with where it is, so the person importing decides: nothing is dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from selfeval.framework.model import Framework
from selfeval.services.sef_import.criteria_match import (
    _NUMBERED,
    CriterionMatcher,
    Match,
    shared_words,
)
from selfeval.services.sef_import.docx_pieces import Block, Cell, Para, Picture, SefDocument, Table
from selfeval.services.sef_import.field_words import (
    RATING,
    field_of,
    heading_key,
    rating_of,
    split_label,
)

_HEADING_RATING = re.compile(
    r"(?:\(|\s[-\u2013:]\s*|rag:?\s*)([A-Za-z][A-Za-z /]{1,40})\)?\s*$", re.I
)
"""A rating at the end of a criterion's heading: "(Amber)", "- Green", "RAG: Red"."""
HEADING_CHARS = 220
"""A bold or numbered paragraph longer than this is body text, not a heading."""
NONE = "none"
LEAVE_OUT_SUGGESTED = "leave-out"
"""A --criterion answer: this heading is not a criterion's."""


@dataclass(frozen=True)
class Piece:
    text: str
    where: str
    listed: bool = False
    heading: str = ""
    """The sub-heading or column it sat under (kept with a note)."""
    picture: Picture | None = None


@dataclass(frozen=True)
class Section:
    criterion_id: str
    heading: str
    where: str
    sure: float
    how: str


@dataclass(frozen=True)
class Unplaced:
    piece: Piece
    criterion_id: str | None
    """The criterion whose section it lies in, if any."""
    suggested: str | None = None
    """A target it may belong to (a picture: "evidence")."""


@dataclass
class SefPlan:
    path: Path
    sections: list[Section] = field(default_factory=list)
    placed: dict[tuple[str, str], list[Piece]] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)
    """Each sub-heading or column heading used (its key) and the target it was taken as."""
    unknown_headings: list[str] = field(default_factory=list)
    """Sub-headings inside a criterion's section that named none of our fields."""
    ratings: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    """criterion -> (level id, where it was read, the words read)."""

    def place(self, criterion_id: str, target: str, piece: Piece) -> None:
        self.placed.setdefault((criterion_id, target), []).append(piece)

    def text_of(self, criterion_id: str, target: str) -> str:
        return joined(self.placed.get((criterion_id, target), []))


def joined(pieces: list[Piece]) -> str:
    """Paragraphs apart by a blank line; a list's items one to a line, each with a bullet."""
    out: list[str] = []
    for index, piece in enumerate(pieces):
        text = f"\u2022 {piece.text}" if piece.listed else piece.text
        if index and not (piece.listed and pieces[index - 1].listed):
            out.append("\n\n")
        elif index:
            out.append("\n")
        out.append(text)
    return "".join(out)


def _looks_like_heading(para: Para) -> bool:
    """A heading by style, or a short paragraph that is bold or numbered; a bold sentence
    ("Waiting times have halved since 2024.") is emphasis, not a heading."""
    if para.contents:
        return False
    if para.heading:
        return True
    short = len(para.text) <= HEADING_CHARS and "\n" not in para.text
    sentence = para.text.rstrip().endswith((".", "!")) and len(para.text.split()) > 6
    numbered = _NUMBERED.match(para.text) is not None and not para.text.rstrip().endswith(".")
    return short and not sentence and (para.bold or numbered)


def _label_like(text: str) -> bool:
    return bool(text.strip()) and len(text.split()) <= 8 and "\n" not in text.strip()


def _asks(text: str) -> bool:
    return text.rstrip().endswith("?") and len(text.split()) > 3


def _top_headings(blocks: tuple[Block, ...]) -> list[str]:
    """The headings of the document's top level (by style, else the bold ones): those whose
    shared words tell nothing apart."""
    paras = [b for b in blocks if isinstance(b, Para) and _looks_like_heading(b)]
    styled = [p.heading for p in paras if p.heading]
    top = min(styled) if styled else 0
    return [p.text for p in paras if (p.heading == top if top else p.bold)]


class Planner:
    def __init__(
        self,
        framework: Framework,
        path: Path,
        maps: dict[str, str],
        criteria: dict[str, str],
    ) -> None:
        self.framework = framework
        self.matcher = CriterionMatcher(framework)
        self.maps = {heading_key(k): v for k, v in maps.items()}
        self.criteria = {heading_key(k): v for k, v in criteria.items()}
        self.plan = SefPlan(path)
        self.criterion: str | None = None
        self.level = 0
        self.target: str | None = None
        self.heading = ""
        self.common: frozenset[str] = frozenset()

    # -- the walk --------------------------------------------------------------------------

    def run(self, document: SefDocument) -> SefPlan:
        self.common = shared_words(_top_headings(document.blocks))
        for block in document.blocks:
            if isinstance(block, Para) and block.aside:
                self._unplaced(Piece(block.text, block.where), outside=True)
            elif isinstance(block, Para):
                self._para(block)
            elif isinstance(block, Table):
                self._table(block)
            else:
                self._unplaced(Piece("", block.where, picture=block), "evidence")
        return self.plan

    def _criterion_named(self, text: str, heading_like: bool) -> Match | None:
        chosen = self.criteria.get(heading_key(text))
        if chosen == NONE:
            return None
        if chosen:
            return Match(chosen, 1.0, "chosen")
        if self.criterion is not None and field_of(text) is not None and len(text.split()) <= 6:
            return None  # "Strengths" inside a section is a sub-heading, never a criterion
        return self.matcher.criterion_of(text, heading_like, self.common)

    def _para(self, para: Para) -> None:
        if _looks_like_heading(para):
            match = self._criterion_named(para.text, True)
            if match is not None:
                self._start(match, para)
                return
            if self.criterion is not None and self._ends_section(para):
                self.criterion = None
            if self.criterion is None:
                self.heading = para.text
                self._unplaced(Piece(para.text, para.where))
                return
            self._sub_heading(para)
            return
        self._body(para)

    def _ends_section(self, para: Para) -> bool:
        """A styled heading as high as the section's own ends it ("Appendix" after the last
        criterion); one deeper is a sub-heading."""
        return bool(para.heading) and 0 < para.heading <= self.level < 10

    def _start(self, match: Match, para: Para) -> None:
        self.criterion = match.criterion_id
        self.level = para.heading or 10
        self.target, self.heading = "rationale", ""
        self.plan.sections.append(
            Section(match.criterion_id, para.text, para.where, match.sure, match.how)
        )
        rated = _HEADING_RATING.search(para.text)  # "3. Right help ... (Amber)"
        if rated is not None:
            level = rating_of(rated.group(1), self.framework.rating_scale)
            if level is not None:
                self.plan.ratings[match.criterion_id] = (level, para.where, rated.group(1))

    def _target_of(self, heading: str) -> str | None:
        key = heading_key(heading)
        target = self.maps.get(key) or field_of(heading)
        if target is not None:
            self.plan.headings[key] = target
        return target

    def _sub_heading(self, para: Para) -> None:
        self.heading = para.text
        self.target = self._target_of(para.text)
        if self.target is None:
            self.plan.unknown_headings.append(para.text)
            self._unplaced(Piece(para.text, para.where))
        elif self.criterion is not None and _asks(para.text):
            # a sub-question ("A1a How do we know ...?") stays with its answer
            self._put(self.criterion, self.target, Piece(para.text, para.where))

    def _body(self, para: Para) -> None:
        piece = Piece(para.text, para.where, para.listed, self.heading)
        if para.contents:  # the contents repeat the headings: shown, suggested left out
            self._unplaced(piece, LEAVE_OUT_SUGGESTED, outside=True)
            return
        if self.criterion is None:
            self._unplaced(piece)
            return
        inline = split_label(para.text)
        if inline is not None and self._target_of(inline[0]) is not None:
            label, rest = inline
            self._put(
                self.criterion,
                self._target_of(label) or "",
                Piece(rest, para.where, para.listed, label),
            )
            return
        if self.target is None:
            self._unplaced(piece)
            return
        self._put(self.criterion, self.target, piece)

    def _put(self, criterion_id: str, target: str, piece: Piece) -> None:
        if target == RATING:
            level = rating_of(piece.text, self.framework.rating_scale)
            if level is None:
                self._unplaced(piece, criterion_id=criterion_id)
            else:
                self.plan.ratings[criterion_id] = (level, piece.where, piece.text)
            return
        if not piece.text.strip():
            return
        self.plan.place(criterion_id, target, piece)

    def _unplaced(
        self,
        piece: Piece,
        suggested: str | None = None,
        criterion_id: str | None = None,
        outside: bool = False,
    ) -> None:
        """Listed for the user: in the given criterion, else the section it lies in, unless
        `outside` (a footnote, a contents line: in no section whatever came before)."""
        if not piece.text.strip() and piece.picture is None:
            return
        inside = None if outside else criterion_id or self.criterion
        self.plan.unplaced.append(Unplaced(piece, inside, suggested))

    # -- tables ----------------------------------------------------------------------------

    def _table(self, table: Table) -> None:
        if not table.rows:
            return
        by_row = self._criteria_rows(table)
        own = self._table_of_one(table) if not by_row else None
        if by_row:
            self._criteria_table(table, by_row)
        elif own is not None:
            # a table per criterion: its first row names it, the rest are its fields
            first = table.rows[0][0]
            self._start(own, Para(first.text.split("\n", 1)[0], first.where, heading=10))
            if len(table.rows) > 1:
                self._section_table(
                    Table(table.number, table.rows[1:], table.where), own.criterion_id
                )
        elif self.criterion is not None:
            self._section_table(table, self.criterion)
        else:
            for row in table.rows:
                for cell in row:
                    self._unplaced(Piece(cell.text, cell.where))

    def _criteria_rows(self, table: Table) -> dict[int, Match]:
        """Rows whose first cell names a criterion, when two or more do: a table of the
        inspection areas, one row each."""
        found: dict[int, Match] = {}
        for index, row in enumerate(table.rows):
            if row and row[0].text.strip():
                first = row[0].text.split("\n", 1)[0]
                match = self._criterion_named(first, True)
                if match is not None:
                    found[index] = match
        return found if len(found) >= 2 else {}

    def _table_of_one(self, table: Table) -> Match | None:
        """The criterion a table's first cell names, when it heads the table."""
        row = table.rows[0]
        if not row or not row[0].text.strip() or any(c.text.strip() for c in row[1:]):
            return None  # the title spans the row (or is alone in it)
        return self._criterion_named(row[0].text.split("\n", 1)[0], True)

    def _columns(self, header: tuple[Cell, ...]) -> list[str | None]:
        """Each cell's field when it is a short heading (a paragraph of text is no heading,
        whatever words it holds)."""
        return [self._target_of(c.text) if _label_like(c.text) else None for c in header]

    def _criteria_table(self, table: Table, by_row: dict[int, Match]) -> None:
        header = table.rows[0] if 0 not in by_row else ()
        targets = self._columns(header) if header else []
        for cell in header:
            self.plan.headings.setdefault(heading_key(cell.text), "")
        for index, row in enumerate(table.rows):
            if index == 0 and header:
                continue
            match = by_row.get(index)
            if match is None:
                for cell in row:
                    self._unplaced(Piece(cell.text, cell.where), outside=True)
                continue
            self.criterion, self.level, self.target = match.criterion_id, 10, None
            self.plan.sections.append(
                Section(match.criterion_id, row[0].text, row[0].where, match.sure, match.how)
            )
            rest = row[0].text.split("\n", 1)[1:] if "\n" in row[0].text else []
            if rest:
                self._put(match.criterion_id, "rationale", Piece(rest[0], row[0].where))
            for column, cell in enumerate(row[1:], start=1):
                target = targets[column] if column < len(targets) else None
                heading = header[column].text if column < len(header) else ""
                self._cell(match.criterion_id, target, cell, heading)
        self.criterion = None

    def _cell(self, criterion_id: str, target: str | None, cell: Cell, heading: str) -> None:
        lines = [line for line in cell.text.split("\n") if line.strip()]
        if not lines:
            return
        if target is None:
            self._unplaced(Piece(cell.text, cell.where, heading=heading), criterion_id=criterion_id)
            return
        for number, line in enumerate(lines):
            listed = cell.listed[number] if number < len(cell.listed) else False
            self._put(criterion_id, target, Piece(line, cell.where, listed, heading))

    def _section_table(self, table: Table, criterion_id: str) -> None:
        """A table inside a criterion's section: by its column headings, or as label and text
        rows ("Strengths | ..."), or else row by row into the field it sits under."""
        labels = [
            self._target_of(r[0].text) if len(r) == 2 and _label_like(r[0].text) else None
            for r in table.rows
        ]
        by_label = sum(1 for label in labels if label) * 2 >= len(table.rows)
        header = table.rows[0]
        targets = [] if by_label else self._columns(header)
        if any(targets):
            for row in table.rows[1:]:
                for column, cell in enumerate(row):
                    target = targets[column] if column < len(targets) else None
                    heading = header[column].text if column < len(header) else ""
                    self._cell(criterion_id, target, cell, heading)
            return
        if any(labels):
            for row, target in zip(table.rows, labels, strict=True):
                if target is None:
                    for cell in row:
                        self._unplaced(Piece(cell.text, cell.where), criterion_id=criterion_id)
                else:
                    self._cell(criterion_id, target, row[1], row[0].text)
            return
        for row in table.rows:
            text = " | ".join(c.text.replace("\n", "; ") for c in row if c.text.strip())
            if text and self.target is not None:
                self._put(criterion_id, self.target, Piece(text, row[0].where, True, self.heading))
            elif text:
                self._unplaced(Piece(text, row[0].where, heading=self.heading))
