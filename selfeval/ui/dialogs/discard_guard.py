"""Cancel on a changed form asks before throwing the typing away.

Dialogs that gather input derive from ``GuardedDialog``: it remembers what every field held when
the dialog was first shown, and Cancel (or Escape, or closing the window) on a form whose fields
now hold something else asks "Discard your changes?" first.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTextEdit,
)


def form_state(dialog: QDialog) -> tuple[object, ...]:
    """What every input field of the dialog holds, in a fixed order."""
    values: list[object] = []
    for widget in dialog.findChildren(QLineEdit):
        if not isinstance(widget.parent(), QComboBox | QSpinBox):  # their own inner editor
            values.append(widget.text())
    values += [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit)]
    values += [w.toPlainText() for w in dialog.findChildren(QTextEdit)]
    values += [w.currentIndex() for w in dialog.findChildren(QComboBox) if not w.isEditable()]
    values += [w.currentText() for w in dialog.findChildren(QComboBox) if w.isEditable()]
    values += [w.value() for w in dialog.findChildren(QSpinBox)]
    values += [w.isChecked() for w in dialog.findChildren(QAbstractButton) if w.isCheckable()]
    for table in dialog.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                values.append(item.text() if item is not None else None)
    return tuple(values)


class GuardedDialog(QDialog):
    _initial: tuple[object, ...] | None = None
    discard_question = "Discard what you typed?"

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self._initial is None:
            self._initial = form_state(self)
        super().showEvent(event)

    def changed_since_shown(self) -> bool:
        return self._initial is not None and form_state(self) != self._initial

    def reject(self) -> None:
        if self.changed_since_shown():
            answer = QMessageBox.question(
                self,
                "Discard changes?",
                f"{self.discard_question} Your changes in this form will be lost.",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
