"""File > New workspace: the partnership's name, its framework, and where to save the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from selfeval.locations import WORKSPACE_SUFFIX
from selfeval.services.frameworks import DEFAULT_FRAMEWORK, framework_library
from selfeval.ui.widgets.headings import plain_label


class NewWorkspaceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New workspace")
        self.setAccessibleName("New workspace")
        self.area = QLineEdit()
        self.area.setAccessibleName("Local area name")
        self.area.setPlaceholderText("e.g. Anyshire")
        self.local_authority = QLineEdit()
        self.local_authority.setAccessibleName("Local authority")
        self.icb = QLineEdit()
        self.icb.setAccessibleName("Integrated care board")
        self.framework = QComboBox()
        self.framework.setAccessibleName("Framework")
        library = framework_library()
        for entry in library.entries.values():
            self.framework.addItem(
                f"{entry.framework.title} ({entry.framework.edition})", entry.framework.id
            )
        self.framework.setCurrentIndex(max(0, self.framework.findData(DEFAULT_FRAMEWORK)))
        self.path = QLineEdit()
        self.path.setAccessibleName("Workspace file")
        browse = QPushButton("&Browse...")
        browse.setAccessibleName("Choose where to save the workspace file")
        browse.clicked.connect(self._browse)
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.hide()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Local &area:", self.area)
        form.addRow("Local a&uthority:", self.local_authority)
        form.addRow("&ICB:", self.icb)
        form.addRow("&Framework:", self.framework)
        file_label = QLabel("F&ile:")
        file_label.setBuddy(self.path)  # a row holding a layout gets no buddy by itself
        form.addRow(file_label, path_row)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 0)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save the new workspace as",
            f"{self.area.text() or 'workspace'}{WORKSPACE_SUFFIX}",
            f"selfeval workspaces (*{WORKSPACE_SUFFIX})",
        )
        if name:
            self.path.setText(name if name.endswith(WORKSPACE_SUFFIX) else name + WORKSPACE_SUFFIX)

    def _accept(self) -> None:
        problem = ""
        if not self.area.text().strip():
            problem, focus = "Enter the local area's name.", self.area
        elif not self.path.text().strip():
            problem, focus = "Choose where to save the workspace file.", self.path
        elif Path(self.path.text()).exists():
            problem, focus = "That file already exists: choose another name.", self.path
        if problem:
            self.error.setText(problem)
            self.error.show()
            focus.setFocus()
            return
        self.accept()
