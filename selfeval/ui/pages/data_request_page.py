"""Ready for the data request: what inspectors will ask for on notification, who holds each
item, where, when it was refreshed, and whether it can be produced within the notice period.
"Ready" and "Not ready" are words in their own column, never a colour alone."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
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
from selfeval.services.data_request import (
    DataRequestInput,
    DataRequestView,
    add_item,
    add_starter_list,
    delete_item,
    list_items,
    update_item,
)
from selfeval.services.evidence import EvidenceView, list_evidence
from selfeval.services.evidence_import import parse_date
from selfeval.services.people import PersonView, list_people
from selfeval.services.vocabulary import REQUEST_KINDS, WITHIN_NOTICE
from selfeval.ui.dialogs.checked_dialog import CheckedDialog
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.touches import Touches
from selfeval.ui.widgets.button_row import button_row
from selfeval.ui.widgets.confirm_delete import confirm_delete
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.row_buttons import act_on_chosen_row
from selfeval.words import counted

COLUMNS = ["Item", "Owner", "Where it is held", "Last refreshed", "Within notice", "Ready"]


class DataRequestDialog(CheckedDialog):
    def __init__(
        self,
        people: list[PersonView],
        evidence: list[EvidenceView],
        existing: DataRequestView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit the item" if existing else "Add an item")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(560)
        self.evidence = evidence
        self.title = QLineEdit(existing.title if existing else "")
        self.title.setAccessibleName("Item")
        self.title.setMaxLength(500)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        for key, label in REQUEST_KINDS.items():
            self.kind.addItem(label, key)
        self.owner = QComboBox()
        self.owner.setAccessibleName("Owner")
        self.owner.addItem("(nobody yet)", None)
        for person in people:
            label = f"{person.name} ({person.organisation})" if person.organisation else person.name
            self.owner.addItem(label, person.id)
        self.held = QLineEdit(existing.held_where if existing else "")
        self.held.setAccessibleName("Where it is held")
        self.held.setPlaceholderText("e.g. SharePoint: SEND > Inspection, or the report's name")
        self.refreshed = QLineEdit(
            existing.refreshed_on.strftime("%d/%m/%Y") if existing and existing.refreshed_on else ""
        )
        self.refreshed.setAccessibleName("Last refreshed")
        self.refreshed.setPlaceholderText("e.g. 31/10/2026")
        self.within = QComboBox()
        self.within.setAccessibleName("Can be produced within the notice period")
        for key, label in WITHIN_NOTICE.items():
            self.within.addItem(label, key)
        self.linked: list[str] = list(existing.evidence_ids) if existing else []
        self.evidence_label = plain_label()
        choose = QPushButton("&Choose evidence...")
        choose.setAccessibleName("Choose the evidence behind this item")
        choose.clicked.connect(self._choose_evidence)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence_label, 1)
        evidence_row.addWidget(choose)
        if existing:
            self.kind.setCurrentIndex(max(0, self.kind.findData(existing.kind)))
            self.owner.setCurrentIndex(max(0, self.owner.findData(existing.owner_person_id)))
            self.within.setCurrentIndex(max(0, self.within.findData(existing.within_notice)))
        form = QFormLayout(self)
        form.addRow("&Item:", self.title)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Owner:", self.owner)
        form.addRow("&Where it is held:", self.held)
        form.addRow("Last &refreshed:", self.refreshed)
        form.addRow("Within the &notice period:", self.within)
        evidence_label = QLabel("Evidence:")
        evidence_label.setBuddy(choose)
        form.addRow(evidence_label, evidence_row)
        self.finish_form(form)
        self._show_linked()
        for field in (self.title, self.refreshed, self.held):
            field.textChanged.connect(lambda _text: self.error.hide())
        self.result_input: DataRequestInput | None = None

    def _show_linked(self) -> None:
        titles = {e.id: e.title for e in self.evidence}
        named = [titles[e] for e in self.linked if e in titles]
        self.evidence_label.setText("; ".join(named) if named else "None linked")

    def _choose_evidence(self) -> None:
        from selfeval.ui.widgets.linked_evidence_panel import EvidencePicker

        picker = EvidencePicker(self.evidence, self)
        for row in range(picker.list.count()):
            item = picker.list.item(row)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) in self.linked)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.linked = [
                str(i.data(Qt.ItemDataRole.UserRole)) for i in picker.list.selectedItems()
            ]
            self._show_linked()

    def check(self) -> None:
        try:
            refreshed = parse_date(self.refreshed.text())
        except ValueError as err:
            raise InputError(f"Last refreshed: {err}") from None
        if refreshed is not None and refreshed > date.today():
            raise InputError("Last refreshed: give a date on or before today")
        if not self.title.text().strip():
            raise InputError("Item: say what inspectors will ask for")
        self.result_input = DataRequestInput(
            title=self.title.text(),
            kind=str(self.kind.currentData()),
            owner_person_id=self.owner.currentData(),
            held_where=self.held.text(),
            refreshed_on=refreshed,
            within_notice=str(self.within.currentData()),
            evidence_ids=tuple(self.linked),
        )


class DataRequestPage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Ready for the data request")
        self.rows: list[DataRequestView] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Ready for the data request"))
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Data request summary")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("What inspectors will ask for, and whether it is ready")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setAccessibleName("Data request columns")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (1, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellActivated.connect(lambda _r, _c: self.edit())
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit())
        layout.addWidget(self.table, 1)
        made = []
        for text, name, slot in (
            ("&Add item...", "Add an item to the checklist", self.add),
            ("Edi&t item...", "Edit the selected item", self.edit),
            ("&Delete item...", "Delete the selected item", self.delete),
            ("Add the &starter list", "Add the starter list's items not held yet", self.starter),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _checked=False, do=slot: do())
            made.append(button)
        layout.addLayout(button_row(*made))
        act_on_chosen_row(self.table, made[1], made[2])  # Edit, Delete

    def refresh(self) -> None:
        self.rows = list_items(self.context.workspace)
        self.table.setRowCount(len(self.rows))
        for row, item in enumerate(self.rows):
            ready = "Ready" if item.ready else "Not ready: " + "; ".join(item.not_ready)
            cells = [
                item.title,
                item.owner or "-",
                item.held_where or "-",
                f"{item.refreshed_on:%d %b %Y}" if item.refreshed_on else "-",
                WITHIN_NOTICE[item.within_notice],
                "Ready" if item.ready else "Not ready",
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(ready if column == 5 else text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        waiting = sum(1 for r in self.rows if not r.ready)
        self.summary.setText(
            f"{len(self.rows) - waiting} of {counted(len(self.rows), 'item')} ready; "
            f"{waiting} not ready. "
            "An item is ready when it has an owner, a place where it is held, a refresh in the "
            "last 12 months, and can be produced within the notice period."
            if self.rows
            else "No checklist yet: Add the starter list, then change it to fit your area."
        )

    def _selected(self) -> DataRequestView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def select(self, item_id: str) -> None:
        for row, item in enumerate(self.rows):
            if item.id == item_id:
                self.table.selectRow(row)

    def _dialog(self, existing: DataRequestView | None) -> DataRequestInput | None:
        workspace = self.context.workspace
        # Local work: every item may be linked (the pack names only what it includes).
        dialog = DataRequestDialog(list_people(workspace), list_evidence(workspace), existing, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_input

    def add(self) -> None:
        item = self._dialog(None)
        if item is None:
            return
        workspace, made = self.context.workspace, [""]

        def do() -> None:
            made[0] = add_item(workspace, item, made[0] or None)

        self.context.push(
            f"add '{item.title}'",
            do,
            lambda: delete_item(workspace, made[0]),
            touches=Touches.RECORDS,
        )

    def edit(self) -> None:
        existing = self._selected()
        if existing is None:
            return
        after = self._dialog(existing)
        if after is None:
            return
        workspace, before = self.context.workspace, existing.as_input()
        self.context.push(
            f"edit '{after.title}'",
            lambda: update_item(workspace, existing.id, after),
            lambda: update_item(workspace, existing.id, before),
            touches=Touches.RECORDS,
        )

    def delete(self) -> None:
        existing = self._selected()
        if existing is None:
            return
        if not confirm_delete(self, "Delete the item", f"'{existing.title}'"):
            return
        workspace = self.context.workspace
        self.context.push(
            f"delete '{existing.title}'",
            lambda: delete_item(workspace, existing.id),
            lambda: add_item(workspace, existing.as_input(), existing.id, existing.ours),
            touches=Touches.RECORDS,
        )

    def starter(self) -> None:
        try:
            added = add_starter_list(self.context.workspace)
        except InputError as err:
            self.context.show_error(str(err))
            return
        self.context.changed(None, Touches.RECORDS)
        QMessageBox.information(
            self,
            "Starter list",
            f"Added {added} item{'s' if added != 1 else ''}."
            if added
            else "Every item of the starter list is here already.",
        )
