"""Adding or editing one evidence item, with its criteria and attached files.

The dialog only gathers and checks what the user typed; the caller makes the change through the
services (so it can be undone). Files can be picked or dropped onto the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfeval.framework.model import Framework
from selfeval.services.attachments import MAX_ATTACHMENT_BYTES
from selfeval.services.evidence import EvidenceInput, EvidenceView
from selfeval.services.evidence_import import parse_date
from selfeval.services.vocabulary import EVIDENCE_KINDS
from selfeval.ui.dialogs.discard_guard import GuardedDialog
from selfeval.ui.widgets.criteria_checklist import CriteriaChecklist
from selfeval.ui.widgets.name_box import name_box


@dataclass
class EvidenceForm:
    item: EvidenceInput
    criteria: list[str]
    new_files: list[Path] = field(default_factory=list)
    removed_files: list[str] = field(default_factory=list)
    """Ids of attachments the user took off the item (a file attached to the wrong one)."""


NEW_FILE_ROLE = Qt.ItemDataRole.UserRole + 1


class EvidenceDialog(GuardedDialog):
    def __init__(
        self,
        framework: Framework,
        organisations: list[str],
        existing: EvidenceView | None = None,
        preselect: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit evidence" if existing else "Add evidence")
        self.setAccessibleName(self.windowTitle())
        self.setAcceptDrops(True)
        self.result_form: EvidenceForm | None = None

        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.title_error = self.problem_label()
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of evidence")
        for key, label in EVIDENCE_KINDS.items():
            self.kind.addItem(label, key)
        self.organisation = name_box(organisations, "Organisation")
        self.date = QLineEdit()
        self.date.setAccessibleName("Date")
        self.date.setPlaceholderText("e.g. 31/03/2026 or 2026-03-31")
        self.date_error = self.problem_label()
        self.link = QLineEdit()
        self.link.setAccessibleName("Link")
        self.link.setPlaceholderText("a web address or a path on a shared drive")
        self.personal = QCheckBox("Contains &personal data about individual children")
        self.personal.setAccessibleName("Contains personal data")
        self.description = QPlainTextEdit()
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(100)

        self.criteria = CriteriaChecklist(
            framework,
            existing.criteria if existing else preselect or [],
            "Criteria this evidence supports",
        )
        self.criteria.setMaximumHeight(170)

        self.files = QListWidget()
        self.files.setAccessibleName("Attached files")
        self.files.setMaximumHeight(80)
        self.new_files: list[Path] = []
        self.removed_files: list[str] = []
        if existing:
            for attachment in existing.attachments:
                entry = QListWidgetItem(f"{attachment.filename} ({attachment.size:,} bytes)")
                entry.setData(Qt.ItemDataRole.UserRole, attachment.id)
                self.files.addItem(entry)
        self.files_error = self.problem_label()
        add_file = QPushButton("Attach &file...")
        add_file.setAccessibleName("Attach a file")
        add_file.clicked.connect(self._pick_files)
        remove_file = QPushButton("&Remove file")
        remove_file.setAccessibleName("Remove the selected file from this item")
        remove_file.clicked.connect(self.remove_selected_file)
        # offered only with a file chosen in the list: a Remove that removes nothing is dead
        remove_file.setEnabled(False)
        self.files.currentRowChanged.connect(lambda row: remove_file.setEnabled(row >= 0))
        drop_hint = QLabel("or drop files onto this window")

        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("", self.title_error)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Organisation:", self.organisation)
        form.addRow("&Date:", self.date)
        form.addRow("", self.date_error)
        form.addRow("&Link:", self.link)
        form.addRow("", self.personal)
        form.addRow("D&escription:", self.description)
        form.addRow("&Criteria:", self.criteria)
        file_row = QHBoxLayout()
        file_row.addWidget(add_file)
        file_row.addWidget(remove_file)
        file_row.addWidget(drop_hint)
        file_row.addStretch(1)
        files_box = QVBoxLayout()
        files_box.addWidget(self.files)
        files_box.addLayout(file_row)
        files_box.addWidget(self.files_error)
        form.addRow("Files:", files_box)
        for label_field in (self.title, self.kind, self.organisation, self.date, self.link):
            form_label = form.labelForField(label_field)
            if isinstance(form_label, QLabel):
                form_label.setBuddy(label_field)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(720, 640)

        if existing:
            self.title.setText(existing.title)
            self.kind.setCurrentIndex(max(0, self.kind.findData(existing.kind)))
            self.organisation.setCurrentText(existing.organisation)
            if existing.evidence_date:
                self.date.setText(existing.evidence_date.strftime("%d/%m/%Y"))
            self.link.setText(existing.link)
            self.personal.setChecked(existing.personal_data)
            self.description.setPlainText(existing.description)

    def add_files(self, paths: list[Path]) -> None:
        self.files_error.hide()
        for path in paths:
            if not path.is_file():
                continue
            if path.stat().st_size > MAX_ATTACHMENT_BYTES:
                self.files_error.setText(f"{path.name} is over the 50 MB limit for attachments.")
                self.files_error.show()
                continue
            self.new_files.append(path)
            entry = QListWidgetItem(f"{path.name} (new)")
            entry.setData(NEW_FILE_ROLE, str(path))
            self.files.addItem(entry)

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Attach files")
        self.add_files([Path(n) for n in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def chosen_criteria(self) -> list[str]:
        return self.criteria.ticked()

    def remove_selected_file(self) -> None:
        """Take the selected file off the item (saved with the item; Undo puts it back)."""
        row = self.files.currentRow()
        item = self.files.item(row) if row >= 0 else None
        if item is None:
            return
        attachment_id = item.data(Qt.ItemDataRole.UserRole)
        if attachment_id:
            self.removed_files.append(str(attachment_id))
        else:  # a file picked in this dialog, not yet saved
            picked = str(item.data(NEW_FILE_ROLE))
            self.new_files = [p for p in self.new_files if str(p) != picked]
        self.files.takeItem(row)

    def _accept(self) -> None:
        self.title_error.hide()
        self.date_error.hide()
        first_bad: QWidget | None = None
        try:
            evidence_date = parse_date(self.date.text())
        except ValueError as err:
            self.date_error.setText(str(err).capitalize())
            self.date_error.show()
            first_bad = self.date
            evidence_date = None
        try:
            item = EvidenceInput(
                title=self.title.text(),
                description=self.description.toPlainText(),
                kind=str(self.kind.currentData()),
                organisation=self.organisation.currentText(),
                evidence_date=evidence_date,
                link=self.link.text(),
                personal_data=self.personal.isChecked(),
            )
        except ValidationError as err:
            fields = {str(e["loc"][0]) for e in err.errors()}
            if "title" in fields:
                self.title_error.setText("Enter a title (up to 500 characters).")
                self.title_error.show()
                first_bad = self.title
            first_bad = first_bad or self.title
        if first_bad is not None:
            first_bad.setFocus()
            return
        self.result_form = EvidenceForm(
            item, self.chosen_criteria(), list(self.new_files), list(self.removed_files)
        )
        self.accept()
