"""The status bar's two facts: whether every change is saved (and when), and where the
workspace lives, so a lead never wonders which copy on which drive they are editing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar


class SaveStateBar:
    def __init__(self, bar: QStatusBar, address: str) -> None:
        self.saved_state = QLabel()
        self.saved_state.setAccessibleName("Save state")
        self.location = QLabel(address)
        self.location.setAccessibleName("Workspace location")
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.integrity = QLabel()  # which integrity check was done (ui/window/integrity_check.py)
        self.integrity.setAccessibleName("Integrity check")
        bar.addWidget(self.saved_state, 1)
        bar.addPermanentWidget(self.integrity)
        bar.addPermanentWidget(self.location)

    def saved(self, what: str = "All changes saved") -> None:
        self.saved_state.setText(f"{what} ({datetime.now():%H:%M})")

    def not_saved(self, why: str = "see the message") -> None:
        self.saved_state.setText(f"Last change not saved: {why}")
