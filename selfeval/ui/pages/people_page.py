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
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.people import (
    ORGANISATION_KINDS,
    PersonView,
    add_organisation,
    add_person,
    list_organisations,
    list_people,
    update_person,
)
from selfeval.ui.dialogs.discard_guard import GuardedDialog
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.widgets.headings import heading, plain_label


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
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a partner organisation")
        self.setAccessibleName(self.windowTitle())
        self.name = QLineEdit()
        self.name.setAccessibleName("Organisation name")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Organisation type")
        for key, label in ORGANISATION_KINDS.items():
            self.kind.addItem(label, key)
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
        self.people = _table("People", ["Name", "Role", "Organisation", "Email"])
        self.people.doubleClicked.connect(lambda _index: self.edit_person())
        self.people_rows: list[PersonView] = []

        add_org = QPushButton("Add &organisation...")
        add_org.setAccessibleName("Add a partner organisation")
        add_org.clicked.connect(self.add_organisation)
        add_person_button = QPushButton("Add &person...")
        add_person_button.setAccessibleName("Add a person")
        add_person_button.clicked.connect(self.add_person)
        edit_person_button = QPushButton("&Edit person...")
        edit_person_button.setAccessibleName("Edit the selected person")
        edit_person_button.clicked.connect(self.edit_person)

        org_box = QGroupBox("Partner organisations")
        org_layout = QVBoxLayout(org_box)
        org_layout.addWidget(self.organisations)
        row = QHBoxLayout()
        row.addWidget(add_org)
        row.addStretch(1)
        org_layout.addLayout(row)
        people_box = QGroupBox("People")
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people)
        row = QHBoxLayout()
        row.addWidget(add_person_button)
        row.addWidget(edit_person_button)
        row.addStretch(1)
        people_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("People and organisations"))
        layout.addWidget(org_box, 2)
        layout.addWidget(people_box, 3)

    def refresh(self) -> None:
        organisations = list_organisations(self.context.workspace)
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
        self.context.changed(None, True)

    def add_organisation(self) -> None:
        dialog = OrganisationDialog(self)
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
        row = self.people.currentRow()
        if row < 0 or row >= len(self.people_rows):
            return
        person = self.people_rows[row]
        names = [o.name for o in list_organisations(self.context.workspace)]
        dialog = PersonDialog(names, person, parent=self)
        if exec_until_saved(
            dialog,
            dialog.error,
            lambda: update_person(
                self.context.workspace,
                person.id,
                dialog.name.text(),
                dialog.role.text(),
                str(dialog.organisation.currentData()),
                dialog.email.text().strip(),
            ),
        ):
            self._saved()
