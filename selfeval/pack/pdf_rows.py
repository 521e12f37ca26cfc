"""Long runs of content made a page's worth at a time: a pack can list 50,000 evidence items.

reportlab lays a table out whole: splitting a table of n rows at a page end measures all n, and
the rest is a new table of n - k rows measured again on the next page, so a long table costs n
squared. Its paragraphs, made up front, hold the whole document in memory. Here a table is a
window of rows just over a page long, made when the page is reached, split there, and what did
not fit waits (its rows as plain values) for the next page; lists of bullets unfold the same way.
The cost of a page no longer depends on how many came before, and memory holds about a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any, Generic, TypeVar

from reportlab.platypus import Flowable, TableStyle

from selfeval.pack.pdf_cached import CachedTable
from selfeval.pack.pdf_table_tags import DataTable

Row = TypeVar("Row")
FIRST_WINDOW = 30
"""Rows made for the first page of a table; later windows are what the last page took and a
few more (a window that fits whole grows until it does not)."""
BULLETS_AT_ONCE = 60


class Unfolding(Flowable):
    """Flowables made a batch at a time when the document reaches them (`PackDocument`)."""

    def __init__(self, batches: Iterator[list[Flowable]]) -> None:
        super().__init__()
        self.batches = batches

    def unfold(self) -> list[Flowable | None]:
        """The next batch, then this again; None (which reportlab skips) once all are out."""
        batch = next(self.batches, None)
        return [None] if batch is None else [*batch, self]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0  # never laid out itself: the document unfolds it first

    def draw(self) -> None:
        pass


def unfolding(items: Sequence[Row], make: Callable[[Row], Flowable]) -> Unfolding:
    """Each item made into its flowable only when the document gets to it."""

    def batches() -> Iterator[list[Flowable]]:
        it = iter(items)
        while batch := [make(item) for item in islice(it, BULLETS_AT_ONCE)]:
            yield batch

    return Unfolding(batches())


class RowsTable(Flowable, Generic[Row]):
    """A table with a header row repeated on every page, its rows made a window at a time."""

    def __init__(
        self,
        header: list[Flowable],
        rows: Sequence[Row],
        make_row: Callable[[Row], list[Flowable]],
        widths: list[float],
        style: TableStyle,
        *,
        tags: DataTable | None = None,
        start: int = 0,
        made: list[list[Flowable]] | None = None,
        window: int = FIRST_WINDOW,
    ) -> None:
        super().__init__()
        self.header, self.rows, self.make_row = header, rows, make_row
        self.widths, self.style, self.start = widths, style, start
        self.tags = tags or DataTable()
        """The table's structure, one for every window of its rows."""
        self.made = made or []
        """Rows from `start` on already made (measured on the page before, not placed)."""
        self.window = window
        self._whole: CachedTable | None = None
        self.hAlign = "CENTER"  # where reportlab puts a table
        self.units = 0
        """Rows in this piece once placed: the document counts them for its progress."""

    def _table(self, size: int) -> CachedTable:
        end = min(len(self.rows), self.start + size)
        while len(self.made) < end - self.start:
            self.made.append(self.make_row(self.rows[self.start + len(self.made)]))
        table = CachedTable(
            [self.header, *self.made[: end - self.start]],
            colWidths=self.widths,
            repeatRows=1,
            renderCB=self.tags,
        )
        table.setStyle(self.style)
        if self.start == 0:
            table.spaceBefore = self.getSpaceBefore()
        table.spaceAfter = self.getSpaceAfter()
        return table

    def whole(self) -> CachedTable:
        """Every row at once: for a table inside another's cell, which is never split."""
        return self._table(len(self.rows))

    def _is_last(self, size: int) -> bool:
        return self.start + size >= len(self.rows)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._is_last(self.window):
            self._whole = self._table(self.window)
            self.units = len(self.rows) - self.start
            width, height = self._whole.wrap(available_width, available_height)
            return width, height
        self._whole = None
        return available_width, available_height + 1  # more than a page's rows: always split

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if not self._table(1).split(available_width, available_height):
            return []  # not even the header and a row: measured on two rows, not a window
        size = self.window
        while True:
            table = self._table(size)
            pieces: list[Any] = table.split(available_width, available_height)
            if not pieces:
                return []
            if len(pieces) == 1 and not self._is_last(size):
                size *= 2  # the whole window fits: the page takes more rows
                continue
            placed = len(pieces[0]._cellvalues) - 1
            pieces[0].units = placed
            if len(pieces) == 1:
                return [pieces[0]]
            rest: RowsTable[Row] = RowsTable(
                self.header,
                self.rows,
                self.make_row,
                self.widths,
                self.style,
                tags=self.tags,
                start=self.start + placed,
                made=self.made[placed:],
                window=placed + 3,
            )
            rest.spaceAfter = self.getSpaceAfter()
            return [pieces[0], rest]

    def draw(self) -> None:
        """Drawn whole only when the rest of the rows fit where it stands (see `wrap`)."""
        if self._whole is not None:
            self._whole.drawOn(self.canv, 0, 0)
