"""Who changed what on a criterion, and when: read from the change history."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.history import history
from selfeval.services.workspace import Workspace

FIELD_LABELS = {
    "rating": "Rating",
    "rationale": "How we know",
    "strengths": "Strengths",
    "areas_for_development": "Areas for development",
    "impact": "Impact",
    "note": "Bullet note",
    "role": "Owner",
    "linked": "Evidence linked",
    "unlinked": "Evidence unlinked",
}


class HistoryDialog(QDialog):
    def __init__(
        self, workspace: Workspace, criterion_id: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History: {title}")
        self.setAccessibleName("Change history")
        changes = history(workspace, criterion_id)
        self.table = QTableWidget(len(changes), 5)
        self.table.setAccessibleName("Changes, newest first")
        self.table.horizontalHeader().setAccessibleName("History columns")
        self.table.verticalHeader().setVisible(False)
        self.table.setHorizontalHeaderLabels(["When", "Who", "What", "Was", "Now"])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, change in enumerate(changes):
            who = change.changed_by + (f" ({change.organisation})" if change.organisation else "")
            if change.origin.startswith("edition:"):
                old, _, new = change.origin.removeprefix("edition:").partition("->")
                who += f", carried from {old} to {new}"
            elif change.origin != "local":
                who += f" via {change.origin}"
            values = [
                change.changed_at.astimezone().strftime("%d %b %Y %H:%M"),
                who,
                FIELD_LABELS.get(change.field, change.field),
                change.old_value or "",
                change.new_value or "",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value if len(value) < 200 else value[:197] + "...")
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 480)
