"""File > Export pack: format, criteria, status, marking, personal data, and where to save.

The export runs on a worker with a progress bar and Cancel; the destination only ever receives
a complete file (selfeval.pack.output).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from selfeval.files.names import safe_filename
from selfeval.files.output import CancelCheck, Progress
from selfeval.pack.model import DEFAULT_MARKING, PackOptions
from selfeval.ui.dialogs.discard_guard import on_any_edit
from selfeval.ui.dialogs.saved_notice import remember_folder, remembered_folder, show_saved
from selfeval.ui.page_context import PageContext
from selfeval.ui.tasks import OwnedTask, run_with_progress
from selfeval.ui.widgets.criteria_checklist import CriteriaChecklist
from selfeval.ui.widgets.headings import plain_label

FORMATS = {
    "pdf": "The pack: PDF for the board and inspectors",
    "docx": "The pack: Word, to edit",
    "xlsx": "The pack: Excel tracker",
    "summary.pdf": "Executive summary: PDF, the short version",
    "summary.docx": "Executive summary: Word",
    "parents.pdf": "Summary for parents and carers: PDF",
    "parents.docx": "Summary for parents and carers: Word",
    "brief.pdf": "Engagement-meeting brief: PDF",
    "brief.docx": "Engagement-meeting brief: Word",
}
DOCUMENT_NAMES = {
    "pack": "SEND self-evaluation",
    "summary": "SEND self-evaluation executive summary",
    "parents": "SEND summary for parents and carers",
    "brief": "engagement meeting brief",
}
WHAT_WAS_SAVED = {
    "pack": "The pack",
    "summary": "The executive summary",
    "parents": "The summary for parents and carers",
    "brief": "The engagement-meeting brief",
}


def split_choice(choice: str) -> tuple[str, str]:
    """ "parents.pdf" -> ("parents", "pdf"); "pdf" -> ("pack", "pdf")."""
    document, _, fmt = choice.rpartition(".")
    return document or "pack", fmt


class ExportDialog(QDialog):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: OwnedTask | None = None
        self.written: Path | None = None
        self.document = "pack"
        """The document being exported: pack, parents or brief."""
        self.setWindowTitle("Export the pack or another document")
        self.setAccessibleName(self.windowTitle())
        workspace = context.workspace

        self.format = QComboBox()
        self.format.setAccessibleName("Format")
        for key, label in FORMATS.items():
            self.format.addItem(label, key)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.all_criteria = QRadioButton("&All criteria")
        self.all_criteria.setChecked(True)
        self.some_criteria = QRadioButton("&Only these:")
        self.criteria = CriteriaChecklist(
            workspace.framework, [c.id for c in workspace.framework.criteria], "Criteria to export"
        )
        self.criteria.setMaximumHeight(150)
        self.criteria.setEnabled(False)
        self.some_criteria.toggled.connect(self.criteria.setEnabled)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItem("Draft (watermarked)", "draft")
        self.status.addItem("Final", "final")
        self.marking = QComboBox()
        self.marking.setEditable(True)
        self.marking.setAccessibleName("Protective marking")
        self.marking.addItems([DEFAULT_MARKING, "OFFICIAL", ""])
        from selfeval.services.signoff import usual_status

        status, version = usual_status(workspace)  # Final once signed off, unless chosen
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        self.version = QLineEdit(version)
        self.version.setAccessibleName("Version")
        self.personal = QCheckBox("Include evidence marked as &personal data")
        self.personal.setAccessibleName("Include evidence marked as personal data")
        self.comments = QCheckBox("Add an appendix with each criterion's commen&ts")
        self.comments.setAccessibleName("Add an appendix with each criterion's comments")
        self.fold = QCheckBox("Framework bullets &last, as a short reference after our text")
        self.fold.setAccessibleName(
            "Put the framework's bullets after each criterion's own text, as a short reference"
        )
        warning = QLabel(
            "Personal data is left out unless you tick this. Only include it when every reader "
            "is entitled to see it."
        )
        warning.setWordWrap(True)
        self.pack_only = [self.all_criteria, self.some_criteria, self.status, self.version]
        self.pack_only += [self.personal, warning, self.comments, self.fold]
        from selfeval.services.families import family_contact

        self.contact = QPlainTextEdit(family_contact(workspace))
        self.contact.setAccessibleName("How families reach the partnership")
        self.contact.setPlaceholderText(
            "A phone number, an e-mail address, the local offer's web page: kept for next time"
        )
        self.contact.setMaximumHeight(70)
        self.contact.setTabChangesFocus(True)
        self.parents_check = plain_label()
        self.parents_check.setWordWrap(True)
        self.parents_check.setAccessibleName("Before the summary is written")
        self.accessible_note = plain_label(
            "Every PDF is tagged for screen readers: headings, lists, tables with their "
            "header cells, charts described in words, its language; the Word version is "
            "there to edit. The summary for parents holds no ratings, evidence or personal "
            "data; the brief no evidence titles."
        )
        self.accessible_note.setWordWrap(True)
        self.path = QLineEdit(str(self._default_path("pdf")))
        self.path.setAccessibleName("Save as")
        browse = QPushButton("&Browse...")
        browse.setAccessibleName("Choose where to save the pack")
        browse.clicked.connect(self._browse)
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem")
        self.error.hide()

        # a widget, not a bare layout, holds the choice: QFormLayout gave a nested layout less
        # height than its list's minimum, and the list was drawn over the rows below it
        criteria_choice = QWidget()
        criteria_box = QVBoxLayout(criteria_choice)
        criteria_box.setContentsMargins(0, 0, 0, 0)
        criteria_box.addWidget(self.all_criteria)
        criteria_box.addWidget(self.some_criteria)
        criteria_box.addWidget(self.criteria)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Fo&rmat:", self.format)
        form.addRow("Criteria:", criteria_choice)
        form.addRow("&Status:", self.status)
        form.addRow("&Marking:", self.marking)
        form.addRow("&Version:", self.version)
        form.addRow("", self.comments)
        form.addRow("", self.fold)
        form.addRow("", self.personal)
        form.addRow("", warning)
        form.addRow("", self.accessible_note)
        contact_label = QLabel("How families reach &us:")
        contact_label.setBuddy(self.contact)
        form.addRow(contact_label, self.contact)
        form.addRow("", self.parents_check)
        self.parents_only = [contact_label, self.contact, self.parents_check]
        for widget in self.parents_only:
            widget.hide()
        save_label = QLabel("&Where to save:")
        save_label.setBuddy(self.path)  # a row holding a layout gets no buddy by itself
        form.addRow(save_label, path_row)
        form.addRow("", self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        # the form's minimum is reckoned at its narrowest, where the wrapped notes are tallest:
        # sized from that, then widened, nothing is drawn over anything else
        self.adjustSize()
        self.resize(max(640, self.width()), self.height())
        on_any_edit(self, self.error.hide)  # a choice changed: the old complaint no longer holds

    def _default_path(self, choice: str) -> Path:
        """In the folder the last pack went to, else beside the workspace: a folder that exists."""
        document, fmt = split_choice(choice)
        workspace_folder = Path(self.context.workspace.address).parent
        folder = remembered_folder("export", workspace_folder)
        area = self.context.workspace.area_name
        name = f"{area} {DOCUMENT_NAMES[document]} {date.today():%Y-%m-%d}"
        return folder / f"{safe_filename(name)}.{fmt}"

    def _format_changed(self) -> None:
        """A new document gets its own name; the same document in another format keeps the
        name typed and changes only the extension."""
        choice = str(self.format.currentData())
        document, fmt = split_choice(choice)
        current = Path(self.path.text())
        if document != self.document:
            self.path.setText(str(current.parent / self._default_path(choice).name))
        else:
            self.path.setText(str(current.with_suffix(f".{fmt}")))
        self.document = document
        for widget in self.pack_only:
            widget.setEnabled(document in ("pack", "summary"))
        for widget in self.parents_only:
            widget.setVisible(document == "parents")
        if document == "parents":
            from selfeval.pack.builders.parents_builder import check_parents

            self.parents_check.setText(check_parents(self.context.workspace).said())
        self.criteria.setEnabled(document == "pack" and self.some_criteria.isChecked())

    def _browse(self) -> None:
        fmt = split_choice(str(self.format.currentData()))[1]
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the pack as", self.path.text(), f"{fmt.upper()} files (*.{fmt})"
        )
        if name:
            self.path.setText(name)

    def options(self) -> PackOptions:
        criteria = None
        if self.some_criteria.isChecked():
            criteria = tuple(self.criteria.ticked())
        return PackOptions(
            criteria=criteria,
            status="final" if self.status.currentData() == "final" else "draft",
            marking=self.marking.currentText().strip(),
            include_personal_data=self.personal.isChecked(),
            version=self.version.text().strip() or "1.0",
            include_comments=self.comments.isChecked(),
            fold_bullets=self.fold.isChecked(),
        )

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def start(self) -> None:
        """Check the choices, then export on a worker thread with progress and Cancel."""
        options = self.options()
        if options.criteria is not None and not options.criteria:
            self._show_error("Tick at least one criterion, or choose All criteria.")
            return
        path = Path(self.path.text().strip()).expanduser()
        if not path.name:
            self._show_error("Choose where to save the pack.")
            return
        from selfeval.errors import SelfevalError
        from selfeval.files.output import check_destination

        if not path.parent.exists() and not self._create_folder(path.parent):
            return
        try:  # said beside the field at once, before any work starts
            check_destination(path)
        except SelfevalError as err:
            self._show_error(str(err))
            self.path.setFocus()
            return
        document, fmt = split_choice(str(self.format.currentData()))
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        workspace = self.context.workspace

        contact = self.contact.toPlainText()

        def job(progress: Progress, cancelled: CancelCheck) -> Path:
            if document == "parents":
                from selfeval.pack.builders.parents_builder import export_parents
                from selfeval.services.families import set_family_contact

                set_family_contact(workspace, contact)  # kept for the next summary
                return export_parents(workspace, path).path
            if document == "summary":
                from selfeval.pack.builders.export import export_executive

                return export_executive(workspace, path, options, progress, cancelled)
            if document == "brief":
                from selfeval.pack.builders.brief_builder import export_brief

                return export_brief(workspace, path)
            from selfeval.pack.builders.export import export_pack

            return export_pack(workspace, fmt, path, options, progress, cancelled)

        self.buttons.setEnabled(False)
        what = WHAT_WAS_SAVED[document].lower()
        self.task = run_with_progress(self, f"Exporting {what}", job, self._done, self._failed)

    def _create_folder(self, folder: Path) -> bool:
        """Offer to make a destination folder that does not exist yet."""
        answer = QMessageBox.question(
            self, "Create the folder?", f"The folder {folder} does not exist. Create it?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._show_error(f"{folder}: no such folder")
            return False
        try:
            folder.mkdir(parents=True)
        except OSError as err:
            from selfeval.files.faults import os_fault

            self._show_error(str(os_fault(folder, err)))
            return False
        return True

    def _done(self, written: Path) -> None:
        self.written = written
        self.buttons.setEnabled(True)
        remember_folder("export", written.parent)
        self.accept()
        what = WHAT_WAS_SAVED[self.document]
        self.notice = show_saved(self.parentWidget(), written, what)

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self._show_error(message)
        what = WHAT_WAS_SAVED[self.document]
        QMessageBox.warning(self, f"{what} was not exported", message)
