"""The one question every delete asks: what goes, and that Ctrl+Z brings it back."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_delete(parent: QWidget, title: str, what: str) -> bool:
    """True when the user says yes to deleting `what` ("'Therapy waits'", "the figures ...")."""
    answer = QMessageBox.question(parent, title, f"Delete {what}? You can undo this with Ctrl+Z.")
    return answer == QMessageBox.StandardButton.Yes
