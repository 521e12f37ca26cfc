"""A text box that saves itself: after a pause in typing, or when focus leaves it.

Its own undo is switched off and Ctrl+Z / Ctrl+Shift+Z pass through to the window's undo stack, so
one Undo covers text, ratings, owners and evidence alike.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

SAVE_AFTER_MS = 800


def is_undo_key(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and (
        event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
    )


class AutosaveText(QPlainTextEdit):
    committed = Signal(str, str)
    """(old text, new text) once the user has paused or left the box."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self._saved = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.commit)
        self.textChanged.connect(self._timer.start)

    def set_saved_text(self, text: str) -> None:
        """Show stored text without treating it as an edit."""
        self._timer.stop()
        self._saved = text
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def commit(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved:
            old, self._saved = self._saved, text
            self.committed.emit(old, text)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        self.commit()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            self.commit()
            event.ignore()  # let the window's Undo/Redo shortcut have it
            return True
        return super().event(event)


class UndoKeysToWindow(QObject):
    """An event filter giving Undo/Redo keys to the window for line edits and similar."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()
            return True
        return False
