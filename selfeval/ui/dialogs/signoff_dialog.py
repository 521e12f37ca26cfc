"""File > Sign off this version: record one signatory's agreement to the content as it is now.

The dialog says first what has been signed (and whether the content changed since), offers the
partnership's people (choosing one fills in their role and organisation), and saves while it is
open, so a refusal (a future date, a second signature by the same person) keeps what was typed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from selfeval.errors import InputError
from selfeval.services.evidence_import import parse_date
from selfeval.services.people import PersonView
from selfeval.services.signoff import (
    Signature,
    SignOffState,
    sign_off,
    suggested_version_label,
)
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.checked_dialog import CheckedDialog
from selfeval.ui.widgets.name_box import name_box


def state_words(state: SignOffState | None) -> str:
    if state is None:
        return "Nobody has signed off this self-evaluation yet."
    names = ", ".join(f"{s.name} ({s.organisation})" for s in state.signatures)
    when = f"{state.signed_on:%d %B %Y}".lstrip("0")
    if state.changed_since:
        return (
            f"Version {state.version_label} was signed off by {names}, last on {when}. The "
            "self-evaluation has changed since: a signature now agrees a new version."
        )
    return f"Version {state.version_label} is signed off by {names}, last on {when}."


class SignOffDialog(CheckedDialog):
    def __init__(
        self,
        workspace: Workspace,
        state: SignOffState | None,
        people: list[PersonView],
        organisations: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.people = {p.name: p for p in people}
        self.setWindowTitle("Sign off this version")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.state = QLabel(state_words(state))
        self.state.setWordWrap(True)
        self.state.setAccessibleName("What has been signed off")
        form.addRow(self.state)
        from selfeval.services.signoff import unrated_warning

        self.unrated = QLabel(unrated_warning(workspace))
        self.unrated.setWordWrap(True)
        self.unrated.setAccessibleName("Criteria not rated yet")
        self.unrated.setStyleSheet("color: #8A4B00; font-weight: bold")  # words, not colour alone
        self.unrated.setVisible(bool(self.unrated.text()))
        form.addRow(self.unrated)
        self.name = name_box(list(self.people), "Signatory's name")
        self.role = QLineEdit()
        self.role.setAccessibleName("Role")
        self.role.setPlaceholderText("e.g. Director of Children's Services")
        self.organisation = name_box(organisations, "Organisation")
        self.signed_on = QLineEdit(date.today().strftime("%d/%m/%Y"))
        self.signed_on.setAccessibleName("Date signed")
        self.version = QLineEdit(suggested_version_label(workspace))
        self.version.setAccessibleName("Version label")
        self.version.setMaxLength(80)
        form.addRow("&Name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("&Organisation:", self.organisation)
        form.addRow("&Date:", self.signed_on)
        form.addRow("&Version:", self.version)
        note = QLabel(
            "The signature records the content's SHA-256 as it is now; a pack made later from "
            "changed content says so. A signature cannot be undone (it is in the history)."
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.finish_form(form)
        self.name.currentTextChanged.connect(self._fill_from_person)
        self.signature: Signature | None = None

    def _fill_from_person(self, text: str) -> None:
        """Choosing a known person fills in their role and organisation (unless typed)."""
        person = self.people.get(text)
        if person is None:
            return
        if not self.role.text().strip():
            self.role.setText(person.role)
        if not self.organisation.currentText().strip():
            self.organisation.setCurrentText(person.organisation)

    def check(self) -> None:
        try:
            signed_on = parse_date(self.signed_on.text())
        except ValueError as err:
            raise InputError(f"Date: {err}") from None
        self._check_every_file()
        self.signature = sign_off(
            self.workspace,
            self.name.currentText(),
            self.role.text(),
            self.organisation.currentText(),
            signed_on=signed_on,
            version_label=self.version.text(),
            files_checked=True,
        )

    def _check_every_file(self) -> None:
        """Every file read against its hash before the signature certifies it: on a task (a
        county's library is gigabytes), with progress and Cancel, the dialog kept open."""
        from selfeval.services.integrity import full_check
        from selfeval.services.signoff import refuse_if_damaged
        from selfeval.ui.tasks import wait_for_task

        found = wait_for_task(
            self, "Checking every file before signing", lambda _p, _c: full_check(self.workspace)
        )
        if found is None:
            raise InputError("Cancelled: nothing was signed")
        if isinstance(found, str):
            raise InputError(found)
        assert isinstance(found, list)
        refuse_if_damaged(self.workspace, found)
