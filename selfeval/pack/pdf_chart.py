"""The executive summary's chart: criteria by rating in each group (reportlab.graphics).

Each bar is labelled with its count and the legend names every rating, so the chart does not rely
on colour alone.
"""

from __future__ import annotations

import textwrap

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from selfeval.pack.model import Pack
from selfeval.pack.pdf_style import FONT, INK

WIDTH, HEIGHT = 460, 104


def ratings_by_group_chart(pack: Pack) -> Drawing:
    levels = [r for r in pack.scale]
    groups = list(reversed(pack.groups))  # the chart draws its first category at the bottom
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
