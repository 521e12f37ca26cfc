"""Partner organisations and their people: the names the owner pickers offer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.people import (
    OrganisationView,
    PersonView,
    add_organisation,
    add_person,
    list_organisations,
    list_people,
    update_person,
)
from selfeval.services.people_records import (
    delete_organisation,
    delete_person,
    restore_organisation,
    restore_person,
    update_organisation,
    why_organisation_stays,
    why_person_stays,
)
from selfeval.services.vocabulary import ORGANISATION_KINDS
from selfeval.ui.dialogs.discard_guard import GuardedDialog
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.touches import ALL_BUT_EVIDENCE, EVERYTHING
from selfeval.ui.widgets.button_row import button_row
from selfeval.ui.widgets.confirm_delete import confirm_delete
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.row_buttons import act_on_chosen_row


def _table(name: str, columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(name)
    table.horizontalHeader().setAccessibleName(f"{name} columns")
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _error_label(form: QFormLayout) -> QLabel:
    label = plain_label()
    label.setWordWrap(True)
    label.setAccessibleName("Problem")
    label.hide()
    form.addRow("", label)
    return label


def exec_until_saved(dialog: QDialog, error: QLabel, save: Callable[[], object]) -> bool:
    """Show the dialog until what it holds is saved or the user cancels. A refusal (an e-mail
    without @, a name already used) is said inside the dialog, which stays open with every
    field as typed, instead of closing and losing the typing."""
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            save()
        except InputError as err:
            error.setText(str(err))
            error.show()
            continue
        return True
    return False


class OrganisationDialog(GuardedDialog):
    def __init__(
        self, existing: OrganisationView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit organisation" if existing else "Add a partner organisation")
        self.setAccessibleName(self.windowTitle())
        self.name = QLineEdit(existing.name if existing else "")
        self.name.setAccessibleName("Organisation name")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Organisation type")
        for key, label in ORGANISATION_KINDS.items():
            self.kind.addItem(label, key)
        if existing:
            self.kind.setCurrentIndex(max(0, self.kind.findData(existing.kind)))
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Type:", self.kind)
        self.error = _error_label(form)
        self.name.textChanged.connect(self.error.hide)
        form.addRow(_buttons(self))


class PersonDialog(GuardedDialog):
    def __init__(
        self,
        organisations: list[str],
        person: PersonView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit person" if person else "Add a person")
        self.setAccessibleName(self.windowTitle())
        self.name = QLineEdit(person.name if person else "")
        self.name.setAccessibleName("Name")
        self.role = QLineEdit(person.role if person else "")
        self.role.setAccessibleName("Role")
        self.organisation = QComboBox()
        self.organisation.setAccessibleName("Organisation")
        self.organisation.addItem("(none)", "")
        for name in organisations:
            self.organisation.addItem(name, name)
        if person:
            self.organisation.setCurrentIndex(
                max(0, self.organisation.findData(person.organisation))
            )
        self.email = QLineEdit(person.email if person else "")
        self.email.setAccessibleName("Email")
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Role:", self.role)
        form.addRow("&Organisation:", self.organisation)
        form.addRow("&Email:", self.email)
        self.error = _error_label(form)
        for field in (self.name, self.email):
            field.textChanged.connect(self.error.hide)  # a fixed field drops its old error
        form.addRow(_buttons(self))


class PeoplePage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("People and organisations")
        self.organisations = _table("Partner organisations", ["Organisation", "Type"])
        self.organisations.doubleClicked.connect(lambda _index: self.edit_organisation())
        self.organisation_rows: list[OrganisationView] = []
        self.people = _table("People", ["Name", "Role", "Organisation", "Email"])
        self.people.doubleClicked.connect(lambda _index: self.edit_person())
        self.people_rows: list[PersonView] = []

        add_org = QPushButton("Add &organisation...")
        add_org.setAccessibleName("Add a partner organisation")
        add_org.clicked.connect(self.add_organisation)
        add_person_button = QPushButton("Add &person...")
        add_person_button.setAccessibleName("Add a person")
        add_person_button.clicked.connect(self.add_person)
        edit_person_button = QPushButton("Edi&t person...")
        edit_person_button.setAccessibleName("Edit the selected person")
        edit_person_button.clicked.connect(self.edit_person)
        delete_person_button = QPushButton("&Delete person...")
        delete_person_button.setAccessibleName("Delete the selected person")
        delete_person_button.clicked.connect(self.delete_person)
        edit_org = QPushButton("Ed&it organisation...")
        edit_org.setAccessibleName("Edit the selected organisation")
        edit_org.clicked.connect(self.edit_organisation)
        delete_org = QPushButton("De&lete organisation...")
        delete_org.setAccessibleName("Delete the selected organisation")
        delete_org.clicked.connect(self.delete_organisation)
        act_on_chosen_row(self.organisations, edit_org, delete_org)
        act_on_chosen_row(self.people, edit_person_button, delete_person_button)

        org_box = QGroupBox("Partner organisations")
        org_layout = QVBoxLayout(org_box)
        org_layout.addWidget(self.organisations)
        org_layout.addLayout(button_row(add_org, edit_org, delete_org))
        people_box = QGroupBox("People")
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people)
        people_layout.addLayout(
            button_row(add_person_button, edit_person_button, delete_person_button)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading("People and organisations"))
        layout.addWidget(org_box, 2)
        layout.addWidget(people_box, 3)

    def refresh(self) -> None:
        organisations = self.organisation_rows = list_organisations(self.context.workspace)
        self.organisations.setRowCount(len(organisations))
        for row, organisation in enumerate(organisations):
            self.organisations.setItem(row, 0, QTableWidgetItem(organisation.name))
            kind = ORGANISATION_KINDS.get(organisation.kind, organisation.kind)
            self.organisations.setItem(row, 1, QTableWidgetItem(kind))
        self.people_rows = list_people(self.context.workspace)
        self.people.setRowCount(len(self.people_rows))
        for row, person in enumerate(self.people_rows):
            for column, value in enumerate(
                (person.name, person.role, person.organisation, person.email)
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, person.id)
                self.people.setItem(row, column, item)

    def _saved(self) -> None:
        self.context.changed(None, EVERYTHING)

    def add_organisation(self) -> None:
        dialog = OrganisationDialog(parent=self)
        if exec_until_saved(
            dialog,
            dialog.error,
            lambda: add_organisation(
                self.context.workspace, dialog.name.text(), str(dialog.kind.currentData())
            ),
        ):
            self._saved()

    def add_person(self) -> None:
        names = [o.name for o in list_organisations(self.context.workspace)]
        dialog = PersonDialog(names, parent=self)
        if exec_until_saved(
            dialog,
            dialog.error,
            lambda: add_person(
                self.context.workspace,
                dialog.name.text(),
                dialog.role.text(),
                str(dialog.organisation.currentData()),
                dialog.email.text().strip(),
            ),
        ):
            self._saved()

    def edit_person(self) -> None:
        """Saved while the dialog is open (a refusal keeps the typing); Undo puts the person
        back as they were."""
        person = self._selected_person()
        if person is None:
            return
        workspace = self.context.workspace
        names = [o.name for o in list_organisations(workspace)]
        dialog = PersonDialog(names, person, parent=self)
        after: list[tuple[str, str, str, str]] = []

        def save() -> None:
            after[:] = [
                (
                    dialog.name.text(),
                    dialog.role.text(),
                    str(dialog.organisation.currentData()),
                    dialog.email.text().strip(),
                )
            ]
            update_person(workspace, person.id, *after[0])

        if not exec_until_saved(dialog, dialog.error, save):
            return
        self.context.push(
            f"edit '{after[0][0]}'",
            lambda: None,
            lambda: update_person(
                workspace, person.id, person.name, person.role, person.organisation, person.email
            ),
            redo=lambda: update_person(workspace, person.id, *after[0]),
            touches=ALL_BUT_EVIDENCE,
        )

    def _selected_organisation(self) -> OrganisationView | None:
        row = self.organisations.currentRow()
        return self.organisation_rows[row] if 0 <= row < len(self.organisation_rows) else None

    def _selected_person(self) -> PersonView | None:
        row = self.people.currentRow()
        return self.people_rows[row] if 0 <= row < len(self.people_rows) else None

    def _confirm_delete(self, name: str, refusal: str | None) -> bool:
        """Say at once why something cannot go, before asking anything."""
        if refusal:
            QMessageBox.information(self, "Cannot delete yet", refusal)
            return False
        return confirm_delete(self, "Delete", f"'{name}'")

    def edit_organisation(self) -> None:
        organisation = self._selected_organisation()
        if organisation is None:
            return
        dialog = OrganisationDialog(organisation, parent=self)
        workspace = self.context.workspace
        chosen: list[tuple[str, str]] = []

        def check() -> None:
            # Saved through the undo stack; a refusal (a name already used) keeps the dialog open.
            chosen[:] = [(dialog.name.text(), str(dialog.kind.currentData()))]
            update_organisation(workspace, organisation.id, *chosen[0])

        if not exec_until_saved(dialog, dialog.error, check):
            return
        name, kind = chosen[0]
        self.context.push(
            f"edit organisation '{name}'",
            lambda: None,
            lambda: update_organisation(
                workspace, organisation.id, organisation.name, organisation.kind
            ),
            redo=lambda: update_organisation(workspace, organisation.id, name, kind),
            touches=EVERYTHING,
        )

    def delete_organisation(self) -> None:
        organisation = self._selected_organisation()
        workspace = self.context.workspace
        if organisation is None or not self._confirm_delete(
            organisation.name, why_organisation_stays(workspace, organisation.id)
        ):
            return
        self.context.push(
            f"delete organisation '{organisation.name}'",
            lambda: delete_organisation(workspace, organisation.id),
            lambda: restore_organisation(workspace, organisation),
            touches=ALL_BUT_EVIDENCE,
        )

    def delete_person(self) -> None:
        person = self._selected_person()
        workspace = self.context.workspace
        if person is None or not self._confirm_delete(
            person.name, why_person_stays(workspace, person.id)
        ):
            return
        self.context.push(
            f"delete '{person.name}'",
            lambda: delete_person(workspace, person.id),
            lambda: restore_person(workspace, person),
            touches=ALL_BUT_EVIDENCE,
        )
