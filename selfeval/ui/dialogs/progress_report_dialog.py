"""File > Progress report: since which snapshot, and whether personal data goes in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)


class ProgressReportDialog(QDialog):
    def __init__(self, snapshots: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Progress report")
        self.setAccessibleName("Progress report")
        form = QFormLayout(self)
        self.since = QComboBox()
        self.since.setAccessibleName("Progress since snapshot")
        self.since.addItems(snapshots)
        self.since.setCurrentIndex(len(snapshots) - 1)
        since_label = QLabel("Progress &since:")
        since_label.setBuddy(self.since)
        form.addRow(since_label, self.since)
        self.personal = QCheckBox("Include evidence marked as &personal data")
        self.personal.setAccessibleName("Include evidence marked as personal data")
        self.personal.setToolTip(
            "Left out unless ticked: the report names new evidence, and some evidence "
            "describes individual children."
        )
        form.addRow("", self.personal)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
