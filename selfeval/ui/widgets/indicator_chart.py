"""A small line chart drawn with QPainter: the area and its comparators over the periods.

(QtCharts is in the 160 MB PySide6-Addons; a few lines and a legend do not need it.) Every series
has a distinct colour *and* dash pattern and a legend entry naming it, and the plotted values are
in the accessible description for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfeval.axis import round_axis

SERIES_STYLES = (
    ("#1D4F91", Qt.PenStyle.SolidLine),
    ("#EF8F00", Qt.PenStyle.DashLine),
    ("#6A1B9A", Qt.PenStyle.DotLine),
    ("#2E7D32", Qt.PenStyle.DashDotLine),
)


class IndicatorChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Indicator trend chart")
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = ""
        self.periods: list[str] = []
        self.series: list[tuple[str, list[float | None]]] = []
        self.series_break = ""

    def set_data(
        self,
        title: str,
        periods: list[str],
        series: list[tuple[str, list[float | None]]],
        series_break: str = "",
    ) -> None:
        """Series with no figure at all are left out (nothing to draw, nothing to name). A
        period without a figure is a gap in its line, never a line drawn across it; a series
        break (the publication changed how it counts) is a dashed line marked in words."""
        self.title = title
        self.series_break = series_break if series_break in periods[1:] else ""
        self.periods = periods
        self.series = [
            (name, values) for name, values in series if any(v is not None for v in values)
        ]
        described = "; ".join(
            f"{name}: "
            + ", ".join(
                f"{p} {v if v is not None else 'no figure'}"
                for p, v in zip(periods, values, strict=True)
            )
            for name, values in self.series
        )
        note = (
            f" A new series starts in {self.series_break}; earlier years are not comparable."
            if self.series_break
            else ""
        )
        self.setAccessibleDescription(f"{title}. {described}.{note}")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.windowText().color()
        painter.fillRect(self.rect(), palette.base())
        metrics = painter.fontMetrics()
        line = metrics.height()
        if not self.series:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No figures yet")
            return
        legend_width = max(metrics.horizontalAdvance(n) for n, _ in self.series) + 50
        plot = QRectF(50, line * 2, self.width() - 70 - legend_width, self.height() - line * 4)
        values = [v for _, vs in self.series for v in vs if v is not None]
        axis = round_axis(max(values))
        top = axis.top
        painter.setPen(text)
        painter.drawText(QRectF(8, 4, self.width() - 16, line), self.title)
        grid = QPen(palette.mid().color())
        grid.setStyle(Qt.PenStyle.DotLine)
        for tick in axis.ticks:
            y = plot.bottom() - plot.height() * tick / top
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - line / 2, 45, line),
                Qt.AlignmentFlag.AlignRight,
                axis.label(tick),
            )
        count = len(self.periods)

        def x_of(index: int) -> float:
            return plot.left() + (plot.width() * index / max(count - 1, 1))

        for index, period in enumerate(self.periods):
            painter.drawText(
                QRectF(x_of(index) - 40, plot.bottom() + 4, 80, line),
                Qt.AlignmentFlag.AlignHCenter,
                period,
            )
        if self.series_break:
            at = self.periods.index(self.series_break)
            x = (x_of(at - 1) + x_of(at)) / 2
            marker = QPen(text)
            marker.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(marker)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text)
            painter.drawText(
                QPointF(x + 4, plot.top() + line), f"new series from {self.series_break}"
            )
        for number, (name, series) in enumerate(self.series):
            colour, style = SERIES_STYLES[number % len(SERIES_STYLES)]
            pen = QPen(QColor(colour), 2.5 if number == 0 else 1.8)
            pen.setStyle(style)
            painter.setPen(pen)
            placed = [
                (i, QPointF(x_of(i), plot.bottom() - plot.height() * v / top))
                for i, v in enumerate(series)
                if v is not None
            ]
            for (i, first), (j, second) in zip(placed, placed[1:], strict=False):
                if j == i + 1:  # a missing year is a gap, not a line across it
                    painter.drawLine(first, second)
            points = [point for _i, point in placed]
            painter.setBrush(QColor(colour))
            for point in points:
                painter.drawEllipse(point, 3.5, 3.5)
            legend_y = plot.top() + number * (line + 6)
            painter.drawLine(
                QPointF(plot.right() + 16, legend_y + line / 2),
                QPointF(plot.right() + 40, legend_y + line / 2),
            )
            painter.setPen(text)
            painter.drawText(QRectF(plot.right() + 46, legend_y, legend_width, line), name)
        painter.end()
