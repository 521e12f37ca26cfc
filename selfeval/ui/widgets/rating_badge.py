"""Rating badges: a coloured swatch that always comes with the rating's word."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

_cache: dict[str, QIcon] = {}


def badge_icon(colour: str, size: int = 14) -> QIcon:
    """A filled rounded square in a rating's colour, outlined so it shows on any background.

    Always shown beside the rating's word: colour alone never carries the rating.
    """
    key = f"{colour}:{size}"
    if key not in _cache:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#808080"))  # visible on light and dark palettes
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
        painter.end()
        _cache[key] = QIcon(pixmap)
    return _cache[key]
