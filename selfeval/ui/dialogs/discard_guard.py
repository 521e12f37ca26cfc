"""Cancel on a changed form asks before throwing the typing away.

Dialogs that gather input derive from ``GuardedDialog``: it remembers what every field held when
the dialog was first shown, and Cancel (or Escape, or closing the window) on a form whose fields
now hold something else asks "Discard your changes?" first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QLabel,
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


def on_any_edit(dialog: QDialog, edited: Callable[..., None]) -> None:
    """Call `edited` whenever any input field of the dialog changes (the same fields
    `form_state` reads). Connected straight to `edited` (a method or a Qt slot), never through
    a lambda: a lambda holding the dialog would keep it alive after it is closed."""
    signals: list[SignalInstance] = []
    for line in dialog.findChildren(QLineEdit):
        signals.append(line.textChanged)
    signals += [w.textChanged for w in dialog.findChildren(QPlainTextEdit)]
    signals += [w.textChanged for w in dialog.findChildren(QTextEdit)]
    signals += [w.currentIndexChanged for w in dialog.findChildren(QComboBox)]
    signals += [w.valueChanged for w in dialog.findChildren(QSpinBox)]
    signals += [b.toggled for b in dialog.findChildren(QAbstractButton) if b.isCheckable()]
    views = dialog.findChildren(QAbstractItemView)
    signals += [v.model().dataChanged for v in views if v.model() is not None]
    for signal in signals:
        signal.connect(edited)


class GuardedDialog(QDialog):
    """A form that asks before Cancel throws typing away, and whose problem labels go as soon
    as the user edits anything: a fixed date never stays marked as wrong."""

    _initial: tuple[object, ...] | None = None
    discard_question = "Discard what you typed?"

    def problem_label(self) -> QLabel:
        """A label that says what is wrong with the form, hidden until it has something to
        say and hidden again at the next edit (the check runs again at OK)."""
        label = QLabel()
        label.setWordWrap(True)
        label.setAccessibleName("Problem")
        label.setStyleSheet("color: #B3261E; font-weight: bold;")  # the words say it too
        label.hide()
        self.__dict__.setdefault("_problems", []).append(label)
        return label

    def show_problem(self, label: QLabel, text: str) -> None:
        """Say what is wrong, and grow the form to hold it (a long message, such as every
        detail that may identify a child, is never cut off)."""
        label.setText(text[:1].upper() + text[1:])
        label.show()
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        screen = self.screen().availableGeometry().height() if self.screen() else needed
        self.resize(self.width(), min(max(self.height(), needed), screen - 40))

    def _hide_problems(self, *_changed: object) -> None:
        for label in self.__dict__.get("_problems", []):
            label.hide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self._initial is None:
            self._initial = form_state(self)
            on_any_edit(self, self._hide_problems)
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
