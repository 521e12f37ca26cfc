"""The Excel pack (openpyxl): the tracker partnerships already keep, filled in from the workspace.

Sheets "Summary", "Judgements" (named in the edition's own word: framework `terms`), "Evidence
log", "Owners", "Actions", "Indicators", "Risks" and "Data request"; each table's header row is
frozen and filtered, dates are real dates, ratings carry their word and colour. Every text cell
is written as text, so a title starting with "=" can never become a formula.

Written in openpyxl's write-only mode, row by row: a county's 50,000-item evidence log streams to
the file instead of being held whole as cell objects (`xlsx_table.py`; bench/scale_bench.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from selfeval.files.output import (
    CancelCheck,
    ExportCancelled,
    Progress,
    check_destination,
    safe_output,
)
from selfeval.pack.model import Pack
from selfeval.pack.xlsx_table import BOLD, TITLE, Styled, Table, rating_cell
from selfeval.words import counted

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


def improvement_sheets(workbook: Workbook, pack: Pack) -> None:
    """Sheets "Actions", "Indicators" and "Risks"."""
    actions = Table(
        workbook,
        "Actions",
        [
            "Action",
            "Description",
            "Criteria",
            "Owner",
            "Due",
            "Status",
            "Overdue",
            "Priority",
            "Latest note",
        ],
        [50, 50, 12, 24, 12, 14, 10, 26, 50],
    )
    for action in pack.actions:
        actions.add(
            [
                action.title,
                action.description,
                ", ".join(str(n) for n in action.criteria),
                action.owner,
                action.due_date,
                action.status,
                "Yes" if action.overdue else "No",
                action.priority,
                action.latest_note,
            ]
        )
    actions.finish()

    indicators = Table(
        workbook,
        "Indicators",
        [
            "Indicator",
            "Better",
            "Period",
            "Area",
            "Statistical neighbours",
            "Region",
            "England",
            "Target",
            "Source",
        ],
        [50, 18, 10, 10, 14, 10, 10, 10, 50],
    )
    for line in pack.indicators:
        periods = [p for p, _ in line.trend]
        for period, _area in line.trend:
            values = {"Area": dict(line.trend).get(period)}
            for name, series in line.comparator_trends:
                values[name] = series[periods.index(period)]
            indicators.add(
                [
                    line.name,
                    line.better,
                    period,
                    *(values.get(k) for k in ("Area", "Statistical neighbours", "Region")),
                    values.get("England"),
                    line.target,
                    line.source if period == line.period else "",
                ]
            )
    indicators.finish()

    risks = Table(
        workbook,
        "Risks",
        [
            "Risk",
            "Description",
            "Mitigation",
            "Owner",
            "Impact",
            "Likelihood",
            "Score",
            "Rating",
            "Review",
        ],
        [36, 40, 40, 22, 9, 11, 8, 12, 12],
    )
    for risk in pack.risks:
        fill = PatternFill("solid", fgColor=risk.colour.lstrip("#").upper())
        risks.add(
            [
                risk.title,
                risk.description,
                risk.mitigation,
                risk.owner,
                risk.impact,
                risk.likelihood,
                risk.score,
                Styled(risk.rating, Font(bold=True, color="FFFFFF"), fill),
                risk.review_date,
            ]
        )
    risks.finish()


def data_request_sheet(workbook: Workbook, pack: Pack) -> None:
    """Sheet "Data request": what inspectors will ask for on notification, and if it is ready."""
    sheet = Table(
        workbook,
        "Data request",
        [
            "Item",
            "Kind",
            "Owner",
            "Where it is held",
            "Last refreshed",
            "Within the notice period",
            "Evidence",
            "Ready",
            "Not ready because",
        ],
        [46, 12, 22, 36, 14, 14, 12, 8, 46],
    )
    for item in pack.data_request:
        sheet.add(
            [
                item.title,
                item.kind,
                item.owner,
                item.held_where,
                item.refreshed_on,
                item.within_notice,
                ", ".join(item.evidence_refs),
                "No" if item.not_ready else "Yes",
                "; ".join(item.not_ready),
            ]
        )
    sheet.finish()


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

    check_destination(path)  # a missing folder is said before anything is written
    workbook = Workbook(write_only=True)
    try:
        _write_sheets(workbook, pack, step)
        with safe_output(path) as handle:
            workbook.save(handle)
    except BaseException:
        _discard(workbook)
        raise
    return path


def _discard(workbook: Workbook) -> None:
    """A cancelled or failed export leaves nothing behind: write-only sheets stream into
    temporary files of their own, which are closed and removed here."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        if writer is None:
            continue
        try:
            if not sheet.closed:
                sheet.close()
            writer.cleanup()
        except Exception:  # already removed by openpyxl while saving: nothing left
            continue


def _write_sheets(workbook: Workbook, pack: Pack, step: Callable[[int], None]) -> None:
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
            else f"Left out ({counted(pack.personal_data_left_out, 'item')})",
        ),
        ("Prepared by", pack.prepared_by),
    ]
    summary = Table(
        workbook,
        "Summary",
        ["No.", "Criterion", pack.rating_word.capitalize(), "Evidence items", "Lead owner"],
        [22, 70, 14, 14, 28],
        above=[
            [Styled(pack.title, TITLE)],
            [Styled("Date", BOLD), pack.issued],
            *([Styled(key, BOLD), value] for key, value in details),
            [],
        ],
    )
    for section in pack.sections:
        summary.add(
            [
                section.number,
                section.title,
                rating_cell(section.rating),
                len(section.evidence_refs),
                next((o.name for o in section.owners if o.role == "lead"), ""),
            ]
        )
    summary.finish()
    step(1)

    judgements = Table(
        workbook,
        sheet_name(pack.judgement_word),
        [
            "No.",
            "Criterion",
            "Group",
            pack.rating_word.capitalize(),
            "What good looks like",
            *(heading for _field, heading in pack.headings),  # the partnership's own words
            "Evidence",
            "Last changed by",
            "Last changed",
        ],
        [
            6,
            40,
            26,
            12,
            40,
            *(50 if f == "rationale" else 40 for f, _h in pack.headings),
            24,
            20,
            18,
        ],
    )
    for section in pack.sections:
        judgements.add(
            [
                section.number,
                section.title,
                section.group_title,
                rating_cell(section.rating),
                section.what_good_looks_like,
                *(getattr(section, field) for field, _heading in pack.headings),
                ", ".join(section.evidence_refs),
                section.updated_by,
                section.updated_at,
            ]
        )
    judgements.finish()
    step(2)

    log = Table(
        workbook,
        "Evidence log",
        [
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
        ],
        [7, 50, 16, 30, 12, 12, 36, 30, 12, 60],
    )
    for entry in pack.evidence:
        log.add(
            [
                entry.ref,
                entry.title,
                entry.kind,
                entry.organisation,
                entry.evidence_date,
                ", ".join(str(n) for n in entry.cited_by),
                entry.link,
                ", ".join(entry.attachments),
                "Yes" if entry.personal_data else "No",
                entry.description,
            ]
        )
    log.finish()
    step(3)

    owners = Table(
        workbook,
        "Owners",
        ["No.", "Criterion", "Name", "Organisation", "Role"],
        [6, 60, 26, 40, 14],
    )
    for section in pack.sections:
        for owner in section.owners:
            owners.add(
                [
                    section.number,
                    section.title,
                    owner.name,
                    owner.organisation,
                    "Lead" if owner.role == "lead" else "Contributor",
                ]
            )
    owners.finish()
    improvement_sheets(workbook, pack)
    data_request_sheet(workbook, pack)
    step(4)
