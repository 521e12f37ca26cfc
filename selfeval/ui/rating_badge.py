"""Rating badges: a coloured swatch that always comes with the rating's word."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from selfeval.framework.model import RatingLevel

_cache: dict[str, QIcon] = {}


def badge_icon(level: RatingLevel, size: int = 14) -> QIcon:
    """A filled rounded square in the level's colour, outlined so it shows on any background."""
    key = f"{level.colour}:{size}"
    if key not in _cache:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#202020"))
        painter.setBrush(QColor(level.colour))
        painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
        painter.end()
        _cache[key] = QIcon(pixmap)
    return _cache[key]
