"""Ask a partner to contribute, or send a request again: checked before the dialog closes.

The recipient is picked from the partnership's people and organisations or typed; the wanted-by
date and the passphrase (typed twice) are checked while the dialog is open, so a slip never
costs the criteria ticked and the message written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.framework.model import Framework
from selfeval.services.evidence_import import parse_date
from selfeval.ui.dialogs.checked_dialog import CheckedDialog
from selfeval.ui.widgets.criteria_checklist import CriteriaChecklist
from selfeval.ui.widgets.name_box import name_box
from selfeval.ui.widgets.passphrase_fields import PassphraseFields
from selfeval.ui.widgets.text_box import text_box


def _due(text: str) -> date | None:
    try:
        return parse_date(text) if text.strip() else None
    except ValueError as err:
        raise InputError(f"Wanted by: {err}") from None


class RequestDialog(CheckedDialog):
    def __init__(
        self,
        framework: Framework,
        current_criterion: str,
        recipients: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ask a partner to contribute")
        self.setAccessibleName(self.windowTitle())
        self.to = name_box(recipients, "Partner organisation or person")
        self.criteria = CriteriaChecklist(
            framework, [current_criterion], "Criteria to contribute to"
        )
        self.message = text_box("Message", placeholder="What you would like from them, and why")
        self.due = QLineEdit()
        self.due.setAccessibleName("Wanted by")
        self.due.setPlaceholderText("e.g. 31/01/2027")
        self.personal = QCheckBox("Include evidence marked as &personal data")
        form = QFormLayout(self)
        form.addRow("&To:", self.to)
        form.addRow("&Criteria:", self.criteria)
        form.addRow("&Message:", self.message)
        form.addRow("&Wanted by:", self.due)
        form.addRow("", self.personal)
        self.passphrase = PassphraseFields(form, "seal the package for email")
        self.finish_form(form)
        self.due_date: date | None = None
        self.sealed_with: str | None = None

    def chosen(self) -> list[str]:
        return self.criteria.ticked()

    def check(self) -> None:
        if not self.to.currentText().strip():
            raise InputError("To: say who the request is for")
        if not self.chosen():
            raise InputError("Criteria: tick at least one criterion")
        self.due_date = _due(self.due.text())
        self.sealed_with = self.passphrase.passphrase()


class ReissueDialog(CheckedDialog):
    def __init__(self, recipient: str, due: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Send the request to {recipient} again")
        self.setAccessibleName(self.windowTitle())
        form = QFormLayout(self)
        note = QLabel(
            "The same criteria and message, with today's self-evaluation. A return to the "
            "first request still merges."
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.due = QLineEdit(due.strftime("%d/%m/%Y") if due and due >= date.today() else "")
        self.due.setAccessibleName("Wanted by")
        self.due.setPlaceholderText("e.g. 31/01/2027")
        form.addRow("&Wanted by:", self.due)
        self.passphrase = PassphraseFields(form, "seal the package for email")
        self.finish_form(form)
        self.due_date: date | None = None
        self.sealed_with: str | None = None

    def check(self) -> None:
        self.due_date = _due(self.due.text())
        self.sealed_with = self.passphrase.passphrase()


class ReturnPassphraseDialog(CheckedDialog):
    """`required`: the request came sealed, so its return goes sealed too."""

    def __init__(self, parent: QWidget | None = None, required: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("Seal the return")
        self.setAccessibleName(self.windowTitle())
        self.required = required
        form = QFormLayout(self)
        purpose = (
            "needed: the request was sealed (its passphrase, or one you tell the lead)"
            if required
            else "leave empty to send it unsealed"
        )
        self.passphrase = PassphraseFields(form, purpose)
        if required:
            self.passphrase.first.setPlaceholderText(purpose)
            self.passphrase.first.setAccessibleName("Passphrase (needed)")
        self.finish_form(form)
        self.sealed_with: str | None = None

    def check(self) -> None:
        self.sealed_with = self.passphrase.passphrase()
        if self.required and not self.sealed_with:
            raise InputError(
                "Passphrase: the request was sealed, so the return is sealed too; type one"
            )
