"""Dialogs that check their fields before they close (forms never lose typing)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout

from selfeval.errors import InputError
from selfeval.ui.dialogs.discard_guard import GuardedDialog


class CheckedDialog(GuardedDialog):
    """A form whose `check()` reads the fields into a result or refuses; the refusal is said
    beside the fields and the dialog stays open with everything as typed."""

    def finish_form(self, form: QFormLayout) -> None:
        self.error = self.problem_label()
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def check(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.check()
        except InputError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        QDialog.accept(self)
