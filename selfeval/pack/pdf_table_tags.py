"""A table's place in a tagged PDF, from reportlab's table drawing callback (`renderCB`).

reportlab tells the callback as it draws a table's background, each row and cell, and its
rules. A data table becomes Table / THead / TBody / TR / TH (with its scope) / TD, one element
for all the pieces a long table is split into; the header row repeated at the top of later
pages, the backgrounds and the rules are artifacts. A layout table (a framed box, the contents
list) only marks its backgrounds and rules: its cells' paragraphs tag themselves.
"""

from __future__ import annotations

from typing import Any

from selfeval.pack.pdf_tags import LAYOUT, Extra, Tag, Tagger

COLUMN = " /A << /O /Table /Scope /Column >>"
ROW = " /A << /O /Table /Scope /Row >>"


class LayoutTable:
    """Backgrounds and rules as artifacts; nothing else."""

    def __init__(self) -> None:
        self.opened = False

    def __call__(self, table: Any, event: str, *args: Any) -> None:
        tags: Tagger | None = getattr(table.canv, "tags", None)
        if tags is not None:
            self._furniture(tags, table.canv, event)

    def _furniture(self, tags: Tagger, canvas: Any, event: str) -> None:
        if event in ("startBG", "startLines"):
            self.opened = tags.open_artifact(canvas, LAYOUT)
        elif event in ("endBG", "endLines") and self.opened:
            tags.end(canvas)
            self.opened = False


class DataTable(LayoutTable):
    """One table's structure, kept across the pieces it is drawn in."""

    def __init__(self, header_rows: int = 1, row_headers: bool = False) -> None:
        """`row_headers`: the first cell of each row names it (a label and its value)."""
        super().__init__()
        self.header_rows, self.row_headers = header_rows, row_headers
        self.table, self.head, self.body = Tag("Table"), Tag("THead"), Tag("TBody")
        self.header_drawn = False
        self.repeated = False
        """The row being drawn is the header again, on a later page."""
        self.inside = False
        """The table is drawn inside another element's content: nothing to add."""

    def __call__(self, table: Any, event: str, *args: Any) -> None:
        tags: Tagger | None = getattr(table.canv, "tags", None)
        if tags is None:
            return
        if event == "startTable":
            self.inside = tags.in_sequence
            if not self.inside:
                tags.push(self.table)
        elif not self.inside:
            self._event(tags, table.canv, event, args)

    def _event(self, tags: Tagger, canvas: Any, event: str, args: tuple[Any, ...]) -> None:
        if event == "startRow":
            self._start_row(tags, canvas, int(args[0]))
        elif event == "startCell" and not self.repeated:
            self._cell(tags, canvas, int(args[0]), int(args[1]), _spoken(args[2]))
        elif event == "endCell" and not self.repeated:
            tags.end(canvas)
        elif event == "endRow":
            self._end_row(tags, canvas)
        elif event == "endTable":
            tags.pop()
        else:
            self._furniture(tags, canvas, event)

    def _start_row(self, tags: Tagger, canvas: Any, row: int) -> None:
        header = row < self.header_rows
        self.repeated = header and self.header_drawn
        if self.repeated:
            self.opened = tags.open_artifact(canvas, LAYOUT)
            return
        tags.push(self.head if header else self.body)
        tags.push(Tag("TR"))
        if header and row == self.header_rows - 1:
            self.header_drawn = True

    def _cell(self, tags: Tagger, canvas: Any, row: int, column: int, spoken: str) -> None:
        """`spoken`: what the cell says instead of what it draws (a rating's word, not its
        coloured square)."""
        if row < self.header_rows:
            role, scope = "TH", COLUMN
        elif self.row_headers and column == 0:
            role, scope = "TH", ROW
        else:
            role, scope = "TD", ""
        extra = Extra("", "", spoken, scope) if scope or spoken else None
        tags.begin(canvas, tags.new(role, tags.open[-1], extra))

    def _end_row(self, tags: Tagger, canvas: Any) -> None:
        if self.repeated:
            if self.opened:
                tags.end(canvas)
                self.opened = False
            self.repeated = False
            return
        tags.pop()
        tags.pop()


def _spoken(value: Any) -> str:
    """A cell's `spoken` words, if its flowable (reportlab may hold it in a list) has them."""
    for flowable in value if isinstance(value, list | tuple) else [value]:
        said: str = getattr(flowable, "spoken", "")
        if said:
            return said
    return ""
