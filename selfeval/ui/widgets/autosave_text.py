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
        self._unsaved = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.commit)
        self.textChanged.connect(self._timer.start)

    def set_saved_text(self, text: str) -> None:
        """Show stored text without treating it as an edit; unsaved typing is never replaced."""
        self._timer.stop()
        self._saved = text
        if self._unsaved:
            if self.toPlainText() == text:
                self._show_unsaved(False)
            return
        if self.toPlainText() != text:
            self.blockSignals(True)
            self.setPlainText(text)
            self.blockSignals(False)

    def keep_unsaved(self, stored: str) -> None:
        """The last save failed: keep the typing, remember what is really stored, try again at
        the next pause or when focus leaves the box."""
        self._saved = stored
        self._show_unsaved(True)

    def forget_unsaved(self) -> None:
        """Another record is being shown in this box: its unsaved typing no longer applies."""
        self._show_unsaved(False)

    @property
    def unsaved(self) -> bool:
        return self._unsaved

    def _show_unsaved(self, unsaved: bool) -> None:
        self._unsaved = unsaved
        note = "Not saved yet: the workspace could not be written" if unsaved else ""
        self.setToolTip(note)
        self.setAccessibleDescription(note)
        self.setStyleSheet(
            "QPlainTextEdit { border: 2px dashed palette(highlight); }" if unsaved else ""
        )

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

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and is_undo_key(event):
            event.ignore()
            return True
        return False
