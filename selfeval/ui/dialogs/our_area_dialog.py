"""File > Our area: the foreword, the context and the logo the pack prints before the summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.our_area import OurArea, read_logo_file, set_our_area
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.checked_dialog import CheckedDialog
from selfeval.ui.dialogs.saved_notice import start_path
from selfeval.ui.widgets.written_preview import preview_html


class OurAreaDialog(CheckedDialog):
    def __init__(
        self, workspace: Workspace, current: OurArea, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Our area: foreword, context, logo and executive summary")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(620)
        self.foreword = QPlainTextEdit(current.foreword)
        self.foreword.setAccessibleName("Foreword")
        self.foreword.setTabChangesFocus(True)
        self.context = QPlainTextEdit(current.context)
        self.context.setAccessibleName("Our local area: context")
        self.context.setTabChangesFocus(True)
        self.summary = QPlainTextEdit(current.summary)
        self.summary.setAccessibleName("Executive summary, as the partnership writes it")
        self.summary.setTabChangesFocus(True)
        self.summary_preview = QTextBrowser()
        self.summary_preview.setAccessibleName("How the executive summary will print")
        self.summary_preview.setMinimumHeight(120)
        self.summary.textChanged.connect(self._preview_summary)
        self._preview_summary()
        self.logo: bytes | None = current.logo
        self.logo_changed = False
        self.preview = QLabel()
        self.preview.setAccessibleName("Logo")
        self.preview.setMinimumHeight(60)
        choose = QPushButton("&Choose logo...")
        choose.setAccessibleName("Choose a PNG or JPEG logo")
        choose.clicked.connect(self._choose)
        remove = QPushButton("&Remove logo")
        remove.setAccessibleName("Remove the logo")
        remove.clicked.connect(self._remove)
        self.remove_logo = remove
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.preview, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        form = QFormLayout(self)
        note = QLabel(
            "Printed in the pack after the contents, with the logo on the cover. Leave both "
            "boxes empty to leave the section out."
        )
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow("&Foreword:", self.foreword)
        form.addRow("Our local &area:", self.context)
        logo_label = QLabel("Logo:")
        logo_label.setBuddy(choose)
        form.addRow(logo_label, logo_row)
        hint = QLabel(
            "The executive summary is printed first in the pack. # starts a heading, - a bullet, "
            "1. a numbered item; **bold** and *italic*; a blank line starts a new paragraph."
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow("Executive &summary:", self.summary)
        form.addRow("How it will print:", self.summary_preview)
        self.finish_form(form)
        self._show_logo()

    def _preview_summary(self) -> None:
        self.summary_preview.setHtml(preview_html(self.summary.toPlainText()))

    def _show_logo(self) -> None:
        self.remove_logo.setEnabled(bool(self.logo))  # nothing to remove: not offered
        if not self.logo:
            self.preview.setText("No logo")
            self.preview.setAccessibleDescription("No logo")
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.logo)
        self.preview.setPixmap(
            pixmap.scaledToHeight(56, Qt.TransformationMode.SmoothTransformation)
        )
        self.preview.setAccessibleDescription("The partnership's logo")

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Choose the logo",
            start_path("logo", self.workspace.address),
            "Images (*.png *.jpg *.jpeg)",
        )
        if name:
            self.choose_file(Path(name))

    def choose_file(self, path: Path) -> None:
        try:
            self.logo = read_logo_file(path)
        except InputError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        self.error.hide()
        self.logo_changed = True
        self._show_logo()

    def _remove(self) -> None:
        self.logo = None
        self.logo_changed = True
        self._show_logo()

    def check(self) -> None:
        set_our_area(
            self.workspace,
            context=self.context.toPlainText(),
            foreword=self.foreword.toPlainText(),
            logo=self.logo if self.logo_changed and self.logo else None,
            remove_logo=self.logo_changed and self.logo is None,
            summary=self.summary.toPlainText(),
        )
