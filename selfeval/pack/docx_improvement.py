"""The Word pack's improvement sections: action plan, indicators and risk register."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from selfeval.pack.model import Pack
from selfeval.pack.text import clean
from selfeval.words import counted

VERDICT = {"better": "we are better", "worse": "we are worse", "same": "the same"}


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "%" else text


def add_improvement(document: DocxDocument, pack: Pack, table_maker, set_widths) -> None:  # type: ignore[no-untyped-def]
    if pack.actions:
        document.add_heading("Action plan", level=1)
        overdue = sum(1 for a in pack.actions if a.overdue)
        document.add_paragraph(f"{counted(len(pack.actions), 'action')}, {overdue} overdue.")
        table = table_maker(document, ["Action", "Criteria", "Owner", "Due", "Status"])
        for action in pack.actions:
            cells = table.add_row().cells
            cells[0].text = clean(action.title)
            cells[0].add_paragraph(clean(action.priority))
            if action.latest_note:
                cells[0].add_paragraph(clean(f"Latest: {action.latest_note}"))
            cells[1].text = ", ".join(str(n) for n in action.criteria) or "-"
            cells[2].text = clean(action.owner) or "-"
            cells[3].text = action.due_date.strftime("%d/%m/%Y") if action.due_date else "-"
            cells[4].text = action.status + (" - Overdue" if action.overdue else "")
        set_widths(table, [7.6, 1.8, 3.2, 2.3, 2.3])
    if pack.indicators:
        document.add_heading("Indicators and how we compare", level=1)
        table = table_maker(
            document, ["Indicator", "Period", "Area", "Neighbours", "Region", "England", "Target"]
        )
        for line in pack.indicators:
            cells = table.add_row().cells
            cells[0].text = clean(line.name)
            cells[0].add_paragraph(line.better)
            cells[1].text = clean(line.period)
            cells[2].text = _number(line.area, line.unit)
            for index, (_name, value, verdict) in enumerate(line.comparators, start=3):
                cells[index].text = _number(value, line.unit)
                if verdict in VERDICT:
                    cells[index].add_paragraph(VERDICT[verdict])
            cells[6].text = _number(line.target, line.unit)
            if len(line.trend) > 1:
                trend = ", ".join(f"{p}: {_number(v, line.unit)}" for p, v in line.trend)
                cells[0].add_paragraph(f"Trend: {trend}")
        set_widths(table, [6.0, 1.6, 1.6, 2.2, 2.0, 2.0, 1.8])
    if pack.risks:
        document.add_heading("Risk register", level=1)
        table = table_maker(document, ["Risk", "Mitigation", "Owner", "Score", "Rating", "Review"])
        for risk in pack.risks:
            cells = table.add_row().cells
            cells[0].text = clean(risk.title)
            if risk.description:
                cells[0].add_paragraph(clean(risk.description))
            cells[1].text = clean(risk.mitigation)
            cells[2].text = clean(risk.owner) or "-"
            cells[3].text = f"{risk.impact} x {risk.likelihood} = {risk.score}"
            cells[4].text = risk.rating
            cells[5].text = risk.review_date.strftime("%d/%m/%Y") if risk.review_date else "-"
        set_widths(table, [5.0, 4.6, 2.4, 1.8, 1.6, 2.2])
