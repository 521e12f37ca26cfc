"""Page headings: bold, larger than body text, scaled from the user's font (never fixed pixels)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def plain_label(text: str = "") -> QLabel:
    """A label for text that came from someone (a framework file, a package, a user): shown as
    typed, never read as HTML, so "<b>" or an <img> in a title stays text."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def heading(text: str, size_delta: int = 4) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + size_delta)
    font.setBold(True)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
