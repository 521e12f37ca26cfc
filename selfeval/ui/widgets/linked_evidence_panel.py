"""The evidence linked to one criterion: add new, link existing, unlink, open an attachment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.evidence import EvidenceView, list_evidence
from selfeval.services.people import list_organisations
from selfeval.ui.dialogs.evidence_dialog import EvidenceDialog
from selfeval.ui.evidence_actions import (
    add_evidence_undoable,
    link_undoable,
    open_attachment,
    unlink_undoable,
)
from selfeval.ui.page_context import PageContext
from selfeval.ui.widgets.button_row import button_row
from selfeval.ui.widgets.row_buttons import act_on_chosen_row


def describe(view: EvidenceView) -> str:
    parts = [view.title]
    if view.organisation:
        parts.append(view.organisation)
    if view.evidence_date:
        parts.append(view.evidence_date.strftime("%d %b %Y"))
    text = " - ".join(parts)
    if view.personal_data:
        text += "  [personal data]"
    if view.attachments:
        text += f"  [{len(view.attachments)} file{'s' if len(view.attachments) > 1 else ''}]"
    return text


class EvidencePicker(QDialog):
    """Choose existing evidence to link, with a search box."""

    def __init__(self, items: list[EvidenceView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link existing evidence")
        self.setAccessibleName("Link existing evidence")
        self.search = QLineEdit()
        self.search.setAccessibleName("Search evidence to link")
        self.search.setPlaceholderText("Type to search titles and organisations")
        self.list = QListWidget()
        self.list.setAccessibleName("Evidence to link")
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for view in items:
            item = QListWidgetItem(describe(view))
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(needle not in item.text().casefold())

    def chosen(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]


class LinkedEvidencePanel(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.criterion_id = ""
        self.items: dict[str, EvidenceView] = {}
        self.list = QListWidget()
        self.list.setAccessibleName("Linked evidence")
        self.list.setMinimumHeight(120)
        self.list.itemActivated.connect(lambda _item: self._open())
        self.add_button = QPushButton("&Add new evidence...")
        self.add_button.setAccessibleName("Add new evidence")
        self.link_button = QPushButton("Link e&xisting...")
        self.link_button.setAccessibleName("Link existing evidence")
        self.unlink_button = QPushButton("&Unlink")
        self.unlink_button.setAccessibleName("Unlink the selected evidence")
        self.open_button = QPushButton("Open attachment")
        self.open_button.setAccessibleName("Open an attachment of the selected evidence")
        self.add_button.clicked.connect(self._add)
        self.link_button.clicked.connect(self._link)
        self.unlink_button.clicked.connect(self._unlink)
        self.open_button.clicked.connect(self._open)
        buttons = button_row(
            self.add_button, self.link_button, self.unlink_button, self.open_button
        )
        act_on_chosen_row(self.list, self.unlink_button)
        act_on_chosen_row(self.list, self.open_button, when=self._has_a_file)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def load(self, criterion_id: str) -> None:
        self.criterion_id = criterion_id
        self.list.clear()
        self.items = {v.id: v for v in list_evidence(self.context.workspace, criterion_id)}
        for view in self.items.values():
            item = QListWidgetItem(describe(view))
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            self.list.addItem(item)

    def _has_a_file(self) -> bool:
        view = self._selected()
        return view is not None and bool(view.attachments)

    def _selected(self) -> EvidenceView | None:
        item = self.list.currentItem()
        return self.items.get(str(item.data(Qt.ItemDataRole.UserRole))) if item else None

    def _add(self) -> None:
        organisations = [o.name for o in list_organisations(self.context.workspace)]
        dialog = EvidenceDialog(
            self.context.workspace.framework,
            organisations,
            preselect=[self.criterion_id],
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_form:
            add_evidence_undoable(self.context, dialog.result_form, self.criterion_id)

    def _link(self) -> None:
        candidates = [
            v for v in list_evidence(self.context.workspace) if self.criterion_id not in v.criteria
        ]
        picker = EvidencePicker(candidates, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen():
            link_undoable(self.context, picker.chosen(), self.criterion_id)

    def _unlink(self) -> None:
        view = self._selected()
        if view:
            unlink_undoable(self.context, view.id, self.criterion_id)

    def _open(self) -> None:
        view = self._selected()
        if view is None or not view.attachments:
            return
        if len(view.attachments) == 1:
            open_attachment(self.context.workspace, view.attachments[0].id, self.context.show_error)
            return
        menu = QMenu(self)
        for attachment in view.attachments:
            action = menu.addAction(attachment.filename)
            action.setData(attachment.id)
        chosen = menu.exec(self.open_button.mapToGlobal(self.open_button.rect().bottomLeft()))
        if chosen is not None:
            open_attachment(self.context.workspace, str(chosen.data()), self.context.show_error)
