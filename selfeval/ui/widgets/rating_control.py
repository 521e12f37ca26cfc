"""Choosing a rating: one radio button per level, each with its colour badge and its word.

Radio buttons in one group are keyboard operable as Qt gives them: Tab reaches the chosen one,
the arrow keys move between levels. The control itself is what a label names as its buddy: a
label's Alt+letter then moves the focus to the chosen level, where a button as the buddy would be
clicked (Alt+R once reset the rating to "Not rated").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget

from selfeval.framework.model import RatingScale
from selfeval.ui.widgets.rating_badge import badge_icon


class RatingControl(QWidget):
    rating_chosen = Signal(str)

    def __init__(self, scale: RatingScale, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(label)
        self.scale = scale
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for level in scale.choices:
            button = QRadioButton(level.label)
            button.setIcon(badge_icon(level.colour, 16))
            button.setAccessibleName(f"{label}: {level.label}")
            button.setProperty("rating_id", level.id)
            self.group.addButton(button)
            self.buttons[level.id] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self._toggled)
        self._quiet = False
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a buddy, never a stop of its own on Tab

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Focus given to the control (a label's Alt+letter) goes to the chosen level."""
        chosen = self.group.checkedButton() or next(iter(self.buttons.values()))
        chosen.setFocus(event.reason())

    def _toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked and not self._quiet:
            self.rating_chosen.emit(str(button.property("rating_id")))

    def set_rating(self, rating_id: str) -> None:
        """Show a rating without emitting rating_chosen (used when loading or undoing)."""
        self._quiet = True
        try:
            self.buttons[rating_id].setChecked(True)
        finally:
            self._quiet = False

    def rating(self) -> str:
        checked = self.group.checkedButton()
        return str(checked.property("rating_id")) if checked else "not-rated"
