"""Optional rating and note for each bullet of a criterion."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from selfeval.framework.model import NOT_RATED, Criterion
from selfeval.services.judgements import JudgementView, set_judgement_field
from selfeval.ui.page_context import PageContext
from selfeval.ui.touches import Touches
from selfeval.ui.widgets.autosave_text import AutosaveText, UndoKeysToWindow
from selfeval.ui.widgets.headings import plain_label
from selfeval.ui.widgets.rating_badge import badge_icon


class BulletJudgements(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 2)
        self.criterion_id = ""
        self.ratings: dict[str, QComboBox] = {}
        self.notes: dict[str, AutosaveText] = {}
        self._saved: dict[str, tuple[str, str]] = {}
        self._unsaved_notes: dict[str, str] = {}
        """Notes whose save failed, by bullet: shown again, not the stored text, until saved."""
        self._undo_keys = UndoKeysToWindow(self)

    def load(self, criterion: Criterion, judgements: dict[str, JudgementView]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        if criterion.id != getattr(self, "criterion_id", None):
            self._unsaved_notes.clear()
        self.criterion_id = criterion.id
        self.ratings.clear()
        self.notes.clear()
        scale = self.context.workspace.framework.rating_scale
        for row, bullet in enumerate(criterion.bullets):
            text = plain_label(f"{row + 1}. {bullet.text}")
            text.setWordWrap(True)
            combo = QComboBox()
            combo.setAccessibleName(f"Rating of bullet {row + 1}")
            for level in scale.choices:
                combo.addItem(badge_icon(level.colour), level.label, level.id)
            note = AutosaveText(f"Note on bullet {row + 1}")  # a note is often two sentences
            note.setPlaceholderText("Note (optional)")
            note.setFixedHeight(note.fontMetrics().lineSpacing() * 2 + 12)
            judgement = judgements.get(bullet.id)
            rating = judgement.rating if judgement else NOT_RATED
            combo.setCurrentIndex(max(0, combo.findData(rating)))
            stored_note = judgement.note if judgement else ""
            self._saved[bullet.id] = (rating, stored_note)
            unsaved = self._unsaved_notes.get(bullet.id)
            if unsaved == stored_note:
                del self._unsaved_notes[bullet.id]
            note.set_saved_text(stored_note)
            if unsaved is not None:  # a save that failed: the typing stays on screen
                note.blockSignals(True)
                note.setPlainText(unsaved)
                note.blockSignals(False)
                note.keep_unsaved(stored_note)
            combo.currentIndexChanged.connect(lambda _i, b=bullet.id: self._rating_changed(b))
            note.committed.connect(lambda _old, _new, b=bullet.id: self._note_changed(b))
            self.grid.addWidget(text, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(note, row, 2)
            self.ratings[bullet.id] = combo
            self.notes[bullet.id] = note

    def _push(self, bullet_id: str, field: str, old: str, new: str) -> None:
        workspace, criterion_id = self.context.workspace, self.criterion_id

        def failed() -> None:
            rating, note = self._saved[bullet_id]
            if field == "note":
                self._unsaved_notes[bullet_id] = new
                self._saved[bullet_id] = (rating, old)
            else:
                self._saved[bullet_id] = (old, note)

        self.context.push(
            f"change bullet {field}",
            lambda: set_judgement_field(workspace, criterion_id, bullet_id, field, new),
            lambda: set_judgement_field(workspace, criterion_id, bullet_id, field, old, new),
            criterion_id,
            touches=Touches.RATINGS,
            failed=failed,
            redo=lambda: set_judgement_field(workspace, criterion_id, bullet_id, field, new, old),
            returns_judgement=True,
        )

    def show_saved(self, judgement: JudgementView) -> None:
        """One bullet's rating and note as its write returned them (nothing read again); a
        note's typing not yet saved is never replaced."""
        bullet_id = judgement.bullet_id
        combo, note = self.ratings.get(bullet_id), self.notes.get(bullet_id)
        if combo is None or note is None:
            return
        self._saved[bullet_id] = (judgement.rating, judgement.note)
        if self._unsaved_notes.get(bullet_id) == judgement.note:
            del self._unsaved_notes[bullet_id]
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(judgement.rating)))
        combo.blockSignals(False)
        note.set_saved_text(judgement.note)

    def _rating_changed(self, bullet_id: str) -> None:
        new = str(self.ratings[bullet_id].currentData())
        old, note = self._saved[bullet_id]
        if new != old:
            self._saved[bullet_id] = (new, note)
            self._push(bullet_id, "rating", old, new)

    def _note_changed(self, bullet_id: str) -> None:
        new = self.notes[bullet_id].toPlainText()
        rating, old = self._saved[bullet_id]
        if new != old:
            self._saved[bullet_id] = (rating, new)
            self._push(bullet_id, "note", old, new)
