"""A box for narrative: several lines shown, Tab moving on (never typed into the text), named for
screen readers. Risk descriptions, mitigations, a request's message and a merged text are
paragraphs; a one-line box hid all but their first words."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit


def text_box(name: str, lines: int = 3, text: str = "", placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    height = box.fontMetrics().lineSpacing() * lines + 12
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 2)
    return box
