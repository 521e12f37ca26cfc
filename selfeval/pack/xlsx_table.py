"""Writing one sheet of a workbook row by row in openpyxl's write-only mode: a few lines above
the table, a bold frozen header with filters, then rows whose long text wraps and whose height
grows to show it (spreadsheet programs do not grow rows for wrapped text a library writes).
Every text cell is text, so a title starting with "=" can never become a formula."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from selfeval.pack.model import Rating
from selfeval.pack.text import clean

HEADER_FILL = PatternFill("solid", fgColor="E8EDF5")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_CELL = 32_000  # Excel holds 32,767 characters in a cell
DATE = "dd/mm/yyyy"
PRINTABLE = 140
"""Column-width units across an A4 landscape page inside Excel's default margins, at 100%."""
SMALLEST_SCALE = 70
"""Below this a printed sheet is too small to read: wider sheets run on to further pages,
their first column repeated on each."""
DATE_TIME = "dd/mm/yyyy hh:mm"


class Styled:
    """A value with its own look: a rating (word on its colour), a title, a bold label."""

    def __init__(
        self, value: object, font: Font | None = None, fill: PatternFill | None = None
    ) -> None:
        self.value, self.font, self.fill = value, font, fill


def rating_cell(rating: Rating) -> Styled:
    colour = "FFFFFF" if rating.id in ("red", "green") else "000000"
    fill = PatternFill("solid", fgColor=rating.colour.lstrip("#").upper())
    return Styled(rating.label, Font(bold=True, color=colour), fill)


def _placed(cells: Sequence[WriteOnlyCell | None], row: int) -> Iterator[WriteOnlyCell]:
    for column, cell in enumerate(cells, start=1):
        if cell is not None:
            cell.column, cell.row = column, row
            yield cell


class Table:
    """One sheet written row by row: a few lines above the table (the summary's details), the
    header (bold, frozen, filtered), then the rows; long text wraps and its row grows, since
    spreadsheet programs do not grow rows for wrapped text written by a library."""

    def __init__(
        self,
        workbook: Workbook,
        title: str,
        header: Sequence[str],
        widths: Sequence[int],
        above: Sequence[Sequence[object]] = (),
    ) -> None:
        sheet = workbook.create_sheet(title)
        # The rows appended are cells made here: openpyxl would first try each as a value (a
        # ValueError per cell) and make a fresh cell after every styled one.
        sheet._values_to_row = _placed
        self.sheet, self.widths, self.columns = sheet, list(widths), len(header)
        self.per_line = [max(int(width * 1.15), 1) for width in widths]
        """Characters a line of each column holds, for the height of a row of wrapped text."""
        # The wrap alignment's index in the workbook's style table, found once: setting
        # `cell.alignment` hashes the style again for every cell (a third of a county's export).
        self.wrap_id = workbook._alignments.add(WRAP)
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        self.header_row = len(above) + 1
        sheet.freeze_panes = f"A{self.header_row + 1}"
        self._print_on_a4()
        self.row = 0
        for line in above:
            self._append(line, wrap=False)
        # the header wraps like the rows, so a long column name is read whole on screen and paper
        self._append([Styled(text, BOLD, HEADER_FILL) for text in header], wrap=True)

    def _print_on_a4(self) -> None:
        """A4 landscape, the header row on every page, at a scale a reader can read: the whole
        width on one page when that keeps to SMALLEST_SCALE, else that scale across pages."""
        sheet, total = self.sheet, sum(self.widths)
        sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape"
        sheet.print_title_rows = f"{self.header_row}:{self.header_row}"
        if total * SMALLEST_SCALE <= PRINTABLE * 100:
            sheet.sheet_properties.pageSetUpPr.fitToPage = True
            sheet.page_setup.fitToWidth = 1
            sheet.page_setup.fitToHeight = 0
        else:
            sheet.page_setup.scale = SMALLEST_SCALE
            sheet.print_title_cols = "A:A"

    def add(self, values: Sequence[object]) -> None:
        self._append(values, wrap=True)

    def _append(self, values: Sequence[object], wrap: bool) -> None:
        self.row += 1
        cells: list[WriteOnlyCell | None] = []
        lines = 1
        per_line = self.per_line
        for column, value in enumerate(values):
            styled = value if isinstance(value, Styled) else None
            raw = styled.value if styled is not None else value
            if raw is None:
                cells.append(None)
                continue
            cell = self._cell(raw)
            if styled is not None:
                if styled.font is not None:
                    cell.font = styled.font
                if styled.fill is not None:
                    cell.fill = styled.fill
            if wrap:
                if not cell._style:  # as openpyxl's own style setter does (styles/styleable.py)
                    cell._style = StyleArray()
                cell._style.alignmentId = self.wrap_id
                if isinstance(raw, str) and column < len(per_line):
                    width = per_line[column]
                    for part in raw.split("\n"):
                        lines = max(lines, len(part) // width + 1)
            cells.append(cell)
        if wrap and lines > 1:  # one line is a row's own height: no row record needed
            self.sheet.row_dimensions[self.row].height = min(15 * lines, 400)
        self.sheet.append(cells)

    def _cell(self, value: object) -> WriteOnlyCell:
        if isinstance(value, str):
            cell = WriteOnlyCell(self.sheet)
            # clean() removes what openpyxl's check refuses; set as text, never a formula
            # (whatever it starts with), without openpyxl guessing the type again
            cell._value = clean(value)[:MAX_CELL]
            cell.data_type = "s"
            return cell
        if isinstance(value, datetime):
            cell = WriteOnlyCell(self.sheet, value.replace(tzinfo=None))
            cell.number_format = DATE_TIME
            return cell
        cell = WriteOnlyCell(self.sheet, value)
        if isinstance(value, date):
            cell.number_format = DATE
        return cell

    def finish(self) -> None:
        """Filters on the header, over every row written."""
        last = max(self.row, self.header_row)
        self.sheet.auto_filter.ref = f"A{self.header_row}:{get_column_letter(self.columns)}{last}"
