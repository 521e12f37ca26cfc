"""A criterion's owners: one lead and any contributors, each a person from a partner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.people import (
    assign_owner,
    list_owners,
    list_people,
    owner_state,
    replace_owners,
)
from selfeval.ui.page_context import PageContext
from selfeval.ui.touches import Touches
from selfeval.ui.widgets.button_row import button_row
from selfeval.ui.widgets.row_buttons import act_on_chosen_row


class AddOwnerDialog(QDialog):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add an owner")
        self.setAccessibleName("Add an owner")
        self.person = QComboBox()
        self.person.setAccessibleName("Person")
        for person in list_people(context.workspace):
            label = f"{person.name} ({person.organisation})" if person.organisation else person.name
            self.person.addItem(label, person.id)
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        self.role.addItem("Lead", "lead")
        self.role.addItem("Contributor", "contributor")
        form = QFormLayout(self)
        form.addRow("&Person:", self.person)
        form.addRow("&Role:", self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if self.person.count() == 0:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            self.person.setPlaceholderText("Add people on the People page first")


class OwnersPanel(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.criterion_id = ""
        self.list = QListWidget()
        self.list.setAccessibleName("Owners")
        self.list.setMaximumHeight(120)
        self.add_button = QPushButton("Add &owner...")
        self.add_button.setAccessibleName("Add owner")
        self.lead_button = QPushButton("Ma&ke lead")
        self.lead_button.setAccessibleName("Make the selected owner the lead")
        self.remove_button = QPushButton("Remove owner")
        self.remove_button.setAccessibleName("Remove the selected owner")
        self.add_button.clicked.connect(self._add)
        self.lead_button.clicked.connect(self._make_lead)
        self.remove_button.clicked.connect(self._remove)
        buttons = button_row(self.add_button, self.lead_button, self.remove_button)
        act_on_chosen_row(self.list, self.lead_button, self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def load(self, criterion_id: str) -> None:
        self.criterion_id = criterion_id
        self.list.clear()
        for owner in list_owners(self.context.workspace, criterion_id):
            role = "Lead" if owner.role == "lead" else "Contributor"
            where = f", {owner.organisation}" if owner.organisation else ""
            item = QListWidgetItem(f"{role}: {owner.name}{where}")
            item.setData(Qt.ItemDataRole.UserRole, owner.person_id)
            self.list.addItem(item)

    def _selected_person(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _change(self, text: str, apply: dict[str, str] | None, person_id: str, role: str) -> None:
        workspace, criterion_id = self.context.workspace, self.criterion_id
        before = owner_state(workspace, criterion_id)
        after: list[dict[str, str]] = []

        def do() -> None:
            if after:
                replace_owners(workspace, criterion_id, after[0])
            else:
                if apply is not None:
                    replace_owners(workspace, criterion_id, apply)
                else:
                    assign_owner(workspace, criterion_id, person_id, role)
                after.append(owner_state(workspace, criterion_id))

        self.context.push(
            text,
            do,
            lambda: replace_owners(workspace, criterion_id, before),
            criterion_id,
            touches=Touches.OWNERS,
        )

    def _add(self) -> None:
        dialog = AddOwnerDialog(self.context, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        person_id = str(dialog.person.currentData())
        role = str(dialog.role.currentData())
        self._change(f"add {dialog.person.currentText()} as {role}", None, person_id, role)

    def _make_lead(self) -> None:
        person_id = self._selected_person()
        if person_id:
            self._change("make lead owner", None, person_id, "lead")

    def _remove(self) -> None:
        person_id = self._selected_person()
        if not person_id:
            return
        remaining = owner_state(self.context.workspace, self.criterion_id)
        remaining.pop(person_id, None)
        self._change("remove owner", remaining, person_id, "")
