"""The Excel pack (openpyxl): the tracker partnerships already keep, filled in from the workspace.

Sheets "Summary", "Judgements" (named in the edition's own word: framework `terms`), "Evidence
log" and "Owners"; each table's header row is frozen
and filtered, dates are real dates, ratings carry their word and colour. Every text cell is
written as text, so a title starting with "=" can never become a formula.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from selfeval.files.output import CancelCheck, ExportCancelled, Progress, safe_output
from selfeval.pack.model import Pack, Rating
from selfeval.pack.text import clean

HEADER_FILL = PatternFill("solid", fgColor="E8EDF5")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_CELL = 32_000  # Excel holds 32,767 characters in a cell


RESERVED_SHEETS = {
    "summary",
    "evidence log",
    "owners",
    "history",
    "indicators",
    "risks",
    "actions",
    "data request",
}


def sheet_name(word: str) -> str:
    """The judgements sheet in the edition's word ("Evaluations"): a framework file's text, so
    made safe for Excel (none of []:*?/ or backslash, at most 31 characters, and not the name
    of another sheet)."""
    cleaned = "".join(c for c in word.strip() if c not in "[]:*?/\\'").strip()
    name = (cleaned[:1].upper() + cleaned[1:] + ("s" if cleaned else ""))[:31]
    return name if name and name.lower() not in RESERVED_SHEETS else "Judgements"


def text_cell(sheet: Worksheet, row: int, column: int, value: str) -> Cell:
    cell = sheet.cell(row=row, column=column)
    cell.value = clean(value)[:MAX_CELL]
    cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _table(sheet: Worksheet, first_row: int, header: Sequence[str], widths: Sequence[int]) -> None:
    for column, (title, width) in enumerate(zip(header, widths, strict=True), start=1):
        cell = text_cell(sheet, first_row, column, title)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=first_row + 1, column=1)


def _finish(sheet: Worksheet, first_row: int, columns: int) -> None:
    """Filters on the header, wrapped text, and printing landscape at one page wide."""
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = f"{first_row}:{first_row}"
    last = max(sheet.max_row, first_row)
    sheet.auto_filter.ref = f"A{first_row}:{get_column_letter(columns)}{last}"
    widths = {
        index: sheet.column_dimensions[get_column_letter(index)].width or 10
        for index in range(1, columns + 1)
    }
    # One alignment for every cell: its index in the workbook's style table is found once, not
    # hashed again for each of 50,000 rows' cells (a third of a county's export went on that).
    wrap_id = sheet.parent._alignments.add(WRAP)
    for row in sheet.iter_rows(min_row=first_row + 1, max_row=last):
        lines = 1
        for cell in row:
            if not cell._style:  # as openpyxl's own style setter does (styles/styleable.py)
                cell._style = StyleArray()
            cell._style.alignmentId = wrap_id
            if isinstance(cell.value, str) and cell.column <= columns:
                per_line = max(int(widths[cell.column] * 1.15), 1)
                lines = max(lines, *(len(part) // per_line + 1 for part in cell.value.split("\n")))
        # Spreadsheet programs do not grow rows for wrapped text written by a library.
        sheet.row_dimensions[row[0].row].height = min(15 * lines, 400)


def _rating(sheet: Worksheet, row: int, column: int, rating: Rating) -> None:
    cell = text_cell(sheet, row, column, rating.label)
    cell.fill = PatternFill("solid", fgColor=rating.colour.lstrip("#").upper())
    cell.font = Font(bold=True, color="FFFFFF" if rating.id in ("red", "green") else "000000")


def improvement_sheets(workbook: Workbook, pack: Pack) -> None:
    """Sheets "Actions", "Indicators" and "Risks"."""
    actions = workbook.create_sheet("Actions")
    header = ["Action", "Criteria", "Owner", "Due", "Status", "Overdue", "Priority", "Latest note"]
    _table(actions, 1, header, [50, 12, 24, 12, 14, 10, 26, 50])
    for row, action in enumerate(pack.actions, start=2):
        text_cell(actions, row, 1, action.title)
        text_cell(actions, row, 2, ", ".join(str(n) for n in action.criteria))
        text_cell(actions, row, 3, action.owner)
        if action.due_date is not None:
            actions.cell(row=row, column=4, value=action.due_date).number_format = "dd/mm/yyyy"
        text_cell(actions, row, 5, action.status)
        text_cell(actions, row, 6, "Yes" if action.overdue else "No")
        text_cell(actions, row, 7, action.priority)
        text_cell(actions, row, 8, action.latest_note)
    _finish(actions, 1, len(header))

    indicators = workbook.create_sheet("Indicators")
    header = [
        "Indicator",
        "Better",
        "Period",
        "Area",
        "Statistical neighbours",
        "Region",
        "England",
        "Target",
        "Source",
    ]
    _table(indicators, 1, header, [50, 18, 10, 10, 14, 10, 10, 10, 50])
    row = 2
    for line in pack.indicators:
        for period, _area in line.trend:
            values = {"Area": dict(line.trend).get(period)}
            for name, series in line.comparator_trends:
                values[name] = series[[p for p, _ in line.trend].index(period)]
            text_cell(indicators, row, 1, line.name)
            text_cell(indicators, row, 2, line.better)
            text_cell(indicators, row, 3, period)
            for column, key in enumerate(
                ("Area", "Statistical neighbours", "Region", "England"), start=4
            ):
                indicators.cell(row=row, column=column, value=values.get(key))
            indicators.cell(row=row, column=8, value=line.target)
            text_cell(indicators, row, 9, line.source if period == line.period else "")
            row += 1
    _finish(indicators, 1, len(header))

    risks = workbook.create_sheet("Risks")
    header = [
        "Risk",
        "Description",
        "Mitigation",
        "Owner",
        "Impact",
        "Likelihood",
        "Score",
        "Rating",
        "Review",
    ]
    _table(risks, 1, header, [36, 40, 40, 22, 9, 11, 8, 12, 12])
    for row, risk in enumerate(pack.risks, start=2):
        text_cell(risks, row, 1, risk.title)
        text_cell(risks, row, 2, risk.description)
        text_cell(risks, row, 3, risk.mitigation)
        text_cell(risks, row, 4, risk.owner)
        risks.cell(row=row, column=5, value=risk.impact)
        risks.cell(row=row, column=6, value=risk.likelihood)
        risks.cell(row=row, column=7, value=risk.score)
        cell = text_cell(risks, row, 8, risk.rating)
        cell.fill = PatternFill("solid", fgColor=risk.colour.lstrip("#").upper())
        cell.font = Font(bold=True, color="FFFFFF")
        if risk.review_date is not None:
            risks.cell(row=row, column=9, value=risk.review_date).number_format = "dd/mm/yyyy"
    _finish(risks, 1, len(header))


def data_request_sheet(workbook: Workbook, pack: Pack) -> None:
    """Sheet "Data request": what inspectors will ask for on notification, and if it is ready."""
    sheet = workbook.create_sheet("Data request")
    header = [
        "Item",
        "Kind",
        "Owner",
        "Where it is held",
        "Last refreshed",
        "Within the notice period",
        "Evidence",
        "Ready",
        "Not ready because",
    ]
    _table(sheet, 1, header, [46, 12, 22, 36, 14, 14, 12, 8, 46])
    for row, item in enumerate(pack.data_request, start=2):
        text_cell(sheet, row, 1, item.title)
        text_cell(sheet, row, 2, item.kind)
        text_cell(sheet, row, 3, item.owner)
        text_cell(sheet, row, 4, item.held_where)
        if item.refreshed_on is not None:
            sheet.cell(row=row, column=5, value=item.refreshed_on).number_format = "dd/mm/yyyy"
        text_cell(sheet, row, 6, item.within_notice)
        text_cell(sheet, row, 7, ", ".join(item.evidence_refs))
        text_cell(sheet, row, 8, "No" if item.not_ready else "Yes")
        text_cell(sheet, row, 9, "; ".join(item.not_ready))
    _finish(sheet, 1, len(header))


def render_xlsx(
    pack: Pack,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(path)
        if progress is not None:
            progress(done, 4)

    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "Summary"
    details = [
        ("Partnership", pack.area_name),
        ("Framework", f"{pack.framework_title} ({pack.framework_edition})"),
        ("Status", pack.status_label),
        ("Version", pack.version),
        ("Protective marking", pack.marking or "None"),
        (
            "Personal data",
            "Included"
            if pack.personal_data_included
            else f"Left out ({pack.personal_data_left_out} items)",
        ),
        ("Prepared by", pack.prepared_by),
    ]
    text_cell(summary, 1, 1, pack.title).font = Font(bold=True, size=14)
    date_label = text_cell(summary, 2, 1, "Date")
    date_label.font = BOLD
    summary.cell(row=2, column=2, value=pack.issued).number_format = "dd/mm/yyyy"
    for offset, (key, value) in enumerate(details, start=3):
        text_cell(summary, offset, 1, key).font = BOLD
        text_cell(summary, offset, 2, value)
    first = len(details) + 4
    _table(
        summary,
        first,
        ["No.", "Criterion", pack.rating_word.capitalize(), "Evidence items", "Lead owner"],
        [22, 70, 14, 14, 28],
    )
    for row, section in enumerate(pack.sections, start=first + 1):
        summary.cell(row=row, column=1, value=section.number)
        text_cell(summary, row, 2, section.title)
        _rating(summary, row, 3, section.rating)
        summary.cell(row=row, column=4, value=len(section.evidence_refs))
        text_cell(summary, row, 5, next((o.name for o in section.owners if o.role == "lead"), ""))
    _finish(summary, first, 5)
    step(1)

    judgements = workbook.create_sheet(sheet_name(pack.judgement_word))
    header = [
        "No.",
        "Criterion",
        "Group",
        pack.rating_word.capitalize(),
        "How we know",
        "Strengths",
        "Areas for development",
        "Impact",
        "Evidence",
        "Last changed by",
        "Last changed",
    ]
    _table(judgements, 1, header, [6, 40, 26, 12, 50, 40, 40, 40, 24, 20, 18])
    for row, section in enumerate(pack.sections, start=2):
        judgements.cell(row=row, column=1, value=section.number)
        text_cell(judgements, row, 2, section.title)
        text_cell(judgements, row, 3, section.group_title)
        _rating(judgements, row, 4, section.rating)
        for column, value in enumerate(
            (section.rationale, section.strengths, section.areas_for_development, section.impact),
            start=5,
        ):
            text_cell(judgements, row, column, value)
        text_cell(judgements, row, 9, ", ".join(section.evidence_refs))
        text_cell(judgements, row, 10, section.updated_by)
        if section.updated_at is not None:
            cell = judgements.cell(
                row=row, column=11, value=section.updated_at.replace(tzinfo=None)
            )
            cell.number_format = "dd/mm/yyyy hh:mm"
    _finish(judgements, 1, len(header))
    step(2)

    log = workbook.create_sheet("Evidence log")
    header = [
        "Ref",
        "Title",
        "Kind",
        "Organisation",
        "Date",
        "Criteria",
        "Link",
        "Files",
        "Personal data",
        "Description",
    ]
    _table(log, 1, header, [7, 50, 16, 30, 12, 12, 36, 30, 12, 60])
    for row, entry in enumerate(pack.evidence, start=2):
        text_cell(log, row, 1, entry.ref)
        text_cell(log, row, 2, entry.title)
        text_cell(log, row, 3, entry.kind)
        text_cell(log, row, 4, entry.organisation)
        if entry.evidence_date is not None:
            log.cell(row=row, column=5, value=entry.evidence_date).number_format = "dd/mm/yyyy"
        text_cell(log, row, 6, ", ".join(str(n) for n in entry.cited_by))
        text_cell(log, row, 7, entry.link)
        text_cell(log, row, 8, ", ".join(entry.attachments))
        text_cell(log, row, 9, "Yes" if entry.personal_data else "No")
        text_cell(log, row, 10, entry.description)
    _finish(log, 1, len(header))
    step(3)

    owners = workbook.create_sheet("Owners")
    _table(owners, 1, ["No.", "Criterion", "Name", "Organisation", "Role"], [6, 60, 26, 40, 14])
    row = 2
    for section in pack.sections:
        for owner in section.owners:
            owners.cell(row=row, column=1, value=section.number)
            text_cell(owners, row, 2, section.title)
            text_cell(owners, row, 3, owner.name)
            text_cell(owners, row, 4, owner.organisation)
            text_cell(owners, row, 5, "Lead" if owner.role == "lead" else "Contributor")
            row += 1
    _finish(owners, 1, 5)
    improvement_sheets(workbook, pack)
    data_request_sheet(workbook, pack)
    step(4)
    with safe_output(path) as handle:
        workbook.save(handle)
    return path
