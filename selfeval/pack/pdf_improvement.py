"""The PDF pack's improvement sections: action plan, indicators with comparators and trend
charts, and the risk register with its 5x5 heat map. Words always accompany colours."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from selfeval.pack.model import IndicatorLine, Pack
from selfeval.pack.pdf_doc import CachedParagraph as Paragraph
from selfeval.pack.pdf_doc import CachedTable as Table
from selfeval.pack.pdf_style import FONT, FONT_BOLD, INK, safe
from selfeval.words import counted

SERIES_COLOURS = ("#1D4F91", "#EF8F00", "#6A1B9A", "#2E7D32")
VERDICT_COLOURS = {"better": "#2E7D32", "worse": "#C62828", "same": "#505050"}

Para = Callable[[str, str], Paragraph]


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "%" else text


def actions_section(pack: Pack, p: Para, grid: object) -> list[Flowable]:
    header = [p(t, "cell_bold") for t in ("Action", "Criteria", "Owner", "Due", "Status")]
    rows: list[list[Flowable]] = [header]
    for action in pack.actions:
        status = safe(action.status) + (
            ' <font color="#C62828"><b>Overdue</b></font>' if action.overdue else ""
        )
        title = f"<b>{safe(action.title)}</b><br/>{safe(action.priority)}"
        if action.latest_note:
            title += f'<br/><font color="#505050">Latest: {safe(action.latest_note[:300])}</font>'
        rows.append(
            [
                p(title, "cell"),
                p(", ".join(str(n) for n in action.criteria) or "-", "cell"),
                p(safe(action.owner) or "-", "cell"),
                p(action.due_date.strftime("%d/%m/%Y") if action.due_date else "-", "cell"),
                p(status, "cell"),
            ]
        )
    table = Table(rows, colWidths=[76 * mm, 18 * mm, 30 * mm, 23 * mm, 25 * mm], repeatRows=1)
    table.setStyle(grid)
    overdue = sum(1 for a in pack.actions if a.overdue)
    return [p(f"{counted(len(pack.actions), 'action')}, {overdue} overdue.", "body"), table]


def trend_chart(indicator: IndicatorLine) -> Drawing:
    width, height = 460, 150
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=8)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 190, height - 50
    series = [("Area", tuple(v for _, v in indicator.trend))]
    series += [
        (name, values)
        for name, values in indicator.comparator_trends
        if any(v is not None for v in values)
    ]
    chart.data = [tuple(v for v in values) for _, values in series]
    chart.categoryAxis.categoryNames = [period for period, _ in indicator.trend]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    values = [v for _, vs in series for v in vs if v is not None]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values + [1]) * 1.15
    for index in range(len(series)):
        chart.lines[index].strokeColor = colors.HexColor(SERIES_COLOURS[index % 4])
        chart.lines[index].strokeWidth = 2 if index == 0 else 1.2
        chart.lines[index].symbol = makeMarker("FilledCircle", size=3.5)  # single points show
    chart.joinedLines = 1
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 140, height - 30
    legend.fontName = FONT
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [
        (colors.HexColor(SERIES_COLOURS[i % 4]), name) for i, (name, _) in enumerate(series)
    ]
    drawing.add(legend)
    drawing.add(
        String(0, height - 10, indicator.name[:90], fontName=FONT_BOLD, fontSize=8.5, fillColor=INK)
    )
    return drawing


def indicators_section(pack: Pack, p: Para, grid: object) -> list[Flowable]:
    header = [
        p(t, "cell_bold")
        for t in ("Indicator", "Period", "Area", "Neighbours", "Region", "England", "Target")
    ]
    rows: list[list[Flowable]] = [header]
    for line in pack.indicators:
        cells = [
            p(f"{safe(line.name)}<br/><i>{safe(line.better)}</i>", "cell"),
            p(safe(line.period), "cell"),
            p(number(line.area, line.unit), "cell"),
        ]
        for _name, value, verdict in line.comparators:
            word = {"better": "we are better", "worse": "we are worse", "same": "the same"}.get(
                verdict, ""
            )
            colour = VERDICT_COLOURS.get(verdict, "#505050")
            text = number(value, line.unit)
            if word:
                text += f'<br/><font color="{colour}">{word}</font>'
            cells.append(p(text, "cell"))
        cells.append(p(number(line.target, line.unit), "cell"))
        rows.append(cells)
    table = Table(
        rows,
        colWidths=[58 * mm, 16 * mm, 16 * mm, 22 * mm, 20 * mm, 20 * mm, 18 * mm],
        repeatRows=1,
    )
    table.setStyle(grid)
    flow: list[Flowable] = [
        p(
            "How we compare with our statistical neighbours, the region and England in the latest "
            "period, judged by whether higher or lower is better for each indicator.",
            "body",
        ),
        table,
        Spacer(1, 5 * mm),
    ]
    for line in pack.indicators:
        if len(line.trend) > 1:
            flow.append(KeepTogether([trend_chart(line), Spacer(1, 3 * mm)]))
    return flow


def heat_map(pack: Pack) -> Drawing:
    cell, left, bottom = 26, 70, 30
    drawing = Drawing(
        left + 5 * cell + 20, bottom + 5 * cell + 30, initialFontName=FONT, initialFontSize=8
    )
    counts: dict[tuple[int, int], int] = {}
    for risk in pack.risks:
        counts[(risk.impact, risk.likelihood)] = counts.get((risk.impact, risk.likelihood), 0) + 1
    for impact in range(1, 6):
        for likelihood in range(1, 6):
            x, y = left + (likelihood - 1) * cell, bottom + (impact - 1) * cell
            label, colour = pack.risk_band(impact * likelihood)
            drawing.add(
                Rect(
                    x,
                    y,
                    cell,
                    cell,
                    fillColor=colors.HexColor(colour),
                    strokeColor=colors.white,
                    fillOpacity=0.85,
                )
            )
            count = counts.get((impact, likelihood))
            if count:
                drawing.add(
                    String(
                        x + cell / 2,
                        y + cell / 2 - 3,
                        str(count),
                        fontName=FONT_BOLD,
                        fontSize=9,
                        fillColor=colors.white,
                        textAnchor="middle",
                    )
                )
        drawing.add(
            String(
                left - 6,
                bottom + (impact - 1) * cell + cell / 2 - 3,
                str(impact),
                fontName=FONT,
                fontSize=8,
                textAnchor="end",
            )
        )
    for likelihood in range(1, 6):
        drawing.add(
            String(
                left + (likelihood - 1) * cell + cell / 2,
                bottom - 12,
                str(likelihood),
                fontName=FONT,
                fontSize=8,
                textAnchor="middle",
            )
        )
    drawing.add(
        String(left + 2.5 * cell, 2, "Likelihood", fontName=FONT, fontSize=8, textAnchor="middle")
    )
    drawing.add(String(0, bottom + 2.5 * cell, "Impact", fontName=FONT, fontSize=8))
    drawing.add(
        String(
            0,
            bottom + 5 * cell + 16,
            "Risks by impact and likelihood (count in each cell)",
            fontName=FONT_BOLD,
            fontSize=8.5,
        )
    )
    return drawing


def risks_section(pack: Pack, p: Para, grid: object) -> list[Flowable]:
    header = [
        p(t, "cell_bold") for t in ("Risk", "Mitigation", "Owner", "I x L", "Rating", "Review")
    ]
    rows: list[list[Flowable]] = [header]
    for risk in pack.risks:
        rows.append(
            [
                p(f"<b>{safe(risk.title)}</b><br/>{safe(risk.description[:400])}", "cell"),
                p(safe(risk.mitigation[:400]), "cell"),
                p(safe(risk.owner) or "-", "cell"),
                p(f"{risk.impact} x {risk.likelihood} = {risk.score}", "cell"),
                p(f'<font color="{risk.colour}">\u25a0</font> {risk.rating}', "cell"),
                p(risk.review_date.strftime("%d/%m/%Y") if risk.review_date else "-", "cell"),
            ]
        )
    table = Table(
        rows, colWidths=[48 * mm, 40 * mm, 24 * mm, 17 * mm, 19 * mm, 23 * mm], repeatRows=1
    )
    table.setStyle(grid)
    return [KeepTogether([heat_map(pack)]), Spacer(1, 4 * mm), table]
