"""The Alt+letters a window offers at one moment: every visible label, button, group box and
tab with an underlined letter, and the menu bar's titles."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

LETTER = re.compile(r"&([^&\s])")


def letter_of(text: str) -> str | None:
    found = LETTER.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _texts(window: QWidget) -> list[str]:
    texts: list[str] = []
    for bar in window.findChildren(QMenuBar):
        texts += [a.text() for a in bar.actions() if a.isVisible()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QMenuBar):
            continue
        if (
            isinstance(widget, QLabel)
            and widget.buddy() is not None
            or isinstance(widget, QAbstractButton)
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
    return texts


def clashes(window: QWidget) -> dict[str, list[str]]:
    """Letters offered by more than one control: the second is unreachable, or worse."""
    seen: dict[str, list[str]] = {}
    for text in _texts(window):
        letter = letter_of(text)
        if letter:
            seen.setdefault(letter, []).append(text)
    return {letter: texts for letter, texts in seen.items() if len(texts) > 1}


def label_buddies_that_are_buttons(window: QWidget) -> list[str]:
    """Labels whose Alt+letter would click a button instead of moving the focus."""
    return [
        label.text()
        for label in window.findChildren(QLabel)
        if letter_of(label.text()) and isinstance(label.buddy(), QAbstractButton)
    ]
