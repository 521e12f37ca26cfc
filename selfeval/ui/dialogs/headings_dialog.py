"""File > Our headings: the partnership's own headings for a criterion's fields, and the fields
it does not use (services/field_headings.py); the criterion page, the documents and the Word
import read them."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from selfeval.errors import InputError
from selfeval.services.field_headings import (
    DEFAULT_HEADINGS,
    field_headings,
    set_heading,
    set_hidden,
)
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.checked_dialog import CheckedDialog


class HeadingsDialog(CheckedDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Our headings for a criterion's fields")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(560)
        current = field_headings(workspace)
        form = QFormLayout(self)
        note = QLabel(
            "Your partnership's own words for each part of a criterion's self-evaluation, used "
            "on the criterion page, in every document and when a Word self-evaluation is brought "
            "in. Leave a box empty for ours; untick a part you do not use (what is in it is kept)."
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.texts: dict[str, QLineEdit] = {}
        self.used: dict[str, QCheckBox] = {}
        for name, ours in DEFAULT_HEADINGS.items():
            text = QLineEdit(current.label(name) if current.label(name) != ours else "")
            text.setPlaceholderText(ours)
            text.setAccessibleName(f"Our heading for '{ours}'")
            used = QCheckBox("Used")
            used.setChecked(name not in current.hidden)
            used.setAccessibleName(f"'{ours}' is used")
            row = QHBoxLayout()
            row.addWidget(text, 1)
            row.addWidget(used)
            label = QLabel(f"{ours}:")
            label.setBuddy(text)
            form.addRow(label, row)
            self.texts[name], self.used[name] = text, used
        self.finish_form(form)

    def check(self) -> None:
        if not any(box.isChecked() for box in self.used.values()):
            raise InputError(
                "at least one part stays used: a criterion needs somewhere to be written"
            )
        for name, text in self.texts.items():
            set_heading(self.workspace, name, text.text())
        for name, used in self.used.items():
            set_hidden(self.workspace, name, not used.isChecked())
