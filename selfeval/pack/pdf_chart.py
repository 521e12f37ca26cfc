"""The pack's charts (reportlab.graphics): criteria by rating in each group, an indicator's
trend against its comparators, and the risk heat map.

Each bar is labelled with its count and every legend names its colours, so no chart relies on
colour alone; the same figures are in the pack's tables.
"""

from __future__ import annotations

import textwrap

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from selfeval.axis import round_axis
from selfeval.pack.chart_words import chart_title
from selfeval.pack.model import GroupSummary, IndicatorLine, Rating, RiskLine
from selfeval.pack.pdf_style import FONT, FONT_BOLD, INK, register_fonts

WIDTH, HEIGHT = 460, 104


def ratings_by_group_chart(scale: tuple[Rating, ...], groups_: tuple[GroupSummary, ...]) -> Drawing:
    levels = list(scale)
    groups = list(reversed(groups_))  # the chart draws its first category at the bottom
    drawing = Drawing(WIDTH, HEIGHT, initialFontName=FONT, initialFontSize=8)
    chart = HorizontalBarChart()
    chart.x, chart.y = 182, 40
    chart.width, chart.height = WIDTH - 192, HEIGHT - 58
    chart.data = [[g.counts.get(level.id, 0) for g in groups] for level in levels]
    chart.categoryAxis.categoryNames = [_wrapped(g.title) for g in groups]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([sum(col) for col in zip(*chart.data, strict=False)] + [1])
    chart.valueAxis.valueStep = 1
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.barLabelFormat = _count_label
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabels.fillColor = colors.white
    chart.barLabels.boxAnchor = "c"
    chart.barLabels.boxTarget = "mid"
    chart.barLabels.dx = 0
    for index, level in enumerate(levels):
        chart.bars[index].fillColor = colors.HexColor(level.colour)
        chart.bars[index].strokeColor = colors.white
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 120, 16
    legend.fontName = FONT
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 8
    legend.deltax = 75
    legend.colorNamePairs = [(colors.HexColor(lv.colour), lv.label) for lv in levels]
    drawing.add(legend)
    drawing.add(
        String(
            0,
            HEIGHT - 10,
            "Criteria by rating in each group",
            fontName=FONT,
            fontSize=9,
            fillColor=INK,
        )
    )
    return drawing


def _count_label(value: float) -> str:
    return str(int(value)) if value else ""


def _wrapped(title: str) -> str:
    """A group's whole title, over up to three lines beside its bar (never cut off)."""
    lines = textwrap.wrap(title, 44)
    if len(lines) > 3:
        lines = [*lines[:2], " ".join(lines[2:])]
    return "\n".join(lines)


SERIES_COLOURS = ("#1D4F91", "#EF8F00", "#6A1B9A", "#2E7D32")


def trend_chart(indicator: IndicatorLine) -> Drawing:
    width = 460
    register_fonts()  # the title is measured in its own font
    title = simpleSplit(chart_title(indicator), FONT_BOLD, 8.5, width)  # a title that fits
    height = 140 + 11 * len(title)
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=8)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 190, 100
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
    axis = round_axis(max(values + [0]))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = axis.top
    chart.valueAxis.valueStep = axis.step
    chart.valueAxis.labelTextFormat = axis.label  # round steps, thousands separated
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
    for number, line in enumerate(title):
        drawing.add(
            String(
                0, height - 10 - 11 * number, line, fontName=FONT_BOLD, fontSize=8.5, fillColor=INK
            )
        )
    return drawing


def heat_map(risks: tuple[RiskLine, ...], bands: tuple[tuple[int, str, str], ...]) -> Drawing:
    cell, left, bottom = 26, 70, 30
    drawing = Drawing(
        left + 5 * cell + 20, bottom + 5 * cell + 30, initialFontName=FONT, initialFontSize=8
    )
    counts: dict[tuple[int, int], int] = {}
    for risk in risks:
        counts[(risk.impact, risk.likelihood)] = counts.get((risk.impact, risk.likelihood), 0) + 1
    for impact in range(1, 6):
        for likelihood in range(1, 6):
            x, y = left + (likelihood - 1) * cell, bottom + (impact - 1) * cell
            colour = next(
                (c for lowest, _w, c in bands if impact * likelihood >= lowest), "#FFFFFF"
            )
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
