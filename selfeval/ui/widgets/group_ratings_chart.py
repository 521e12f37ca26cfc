"""Ratings by group on the cockpit: one bar per group of criteria, each with its words.

A bar is split into its rating levels in the scale's order ("not rated" last, hatched); beside
it the same counts are written out ("Green 3, Amber 1, Not rated 2"), so the chart is never
read by colour alone, and the whole text is the accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from selfeval.framework.model import NOT_RATED, RatingScale
from selfeval.services.readiness import GroupRatings

ROW = 24
BAR_WIDTH = 160


def group_words(scale: RatingScale, counts: dict[str, int]) -> str:
    ordered = [level for level in scale.choices if level.id != NOT_RATED]
    ordered += [scale.level(NOT_RATED)]
    return ", ".join(
        f"{level.label} {counts[level.id]}" for level in ordered if counts.get(level.id)
    )


class GroupRatingsChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Ratings by group")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.rows: list[tuple[str, list[tuple[str, int, bool]], str]] = []

    def set_data(self, scale: RatingScale, groups: list[GroupRatings]) -> None:
        self.rows = []
        for group in groups:
            segments = [
                (level.colour, group.counts.get(level.id, 0), False)
                for level in scale.choices
                if level.id != NOT_RATED
            ]
            segments.append(("#BDBDBD", group.counts.get(NOT_RATED, 0), True))
            self.rows.append((group.title, segments, group_words(scale, group.counts)))
        self.setAccessibleDescription(
            "; ".join(f"{title}: {words}" for title, _segments, words in self.rows)
        )
        self.setToolTip("\n".join(f"{title}: {words}" for title, _s, words in self.rows))
        self.setFixedHeight(max(1, len(self.rows)) * ROW + 4)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        text_colour = self.palette().windowText().color()
        title_width = max(120, min(360, (self.width() - BAR_WIDTH) // 2))
        for index, (title, segments, words) in enumerate(self.rows):
            top = 2 + index * ROW
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, top, title_width - 8, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_width - 8),
            )
            total = sum(count for _c, count, _h in segments) or 1
            left = float(title_width)
            for colour, count, hatched in segments:
                if not count:
                    continue
                width = BAR_WIDTH * count / total
                box = QRectF(left, top + 5, width, ROW - 10)
                painter.fillRect(box, QColor(colour))
                if hatched:
                    painter.fillRect(box, QBrush(QColor("#616161"), Qt.BrushStyle.BDiagPattern))
                painter.setPen(QColor("#808080"))
                painter.drawRect(box)
                left += width
            painter.setPen(text_colour)
            words_left = title_width + BAR_WIDTH + 10
            painter.drawText(
                QRectF(words_left, top, self.width() - words_left, ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(
                    words, Qt.TextElideMode.ElideRight, max(0, self.width() - words_left)
                ),
            )
        painter.end()
