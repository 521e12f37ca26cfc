"""Adding or editing an action: title, criteria, owner, due date, status, priority."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.evidence_import import parse_date
from selfeval.services.improvement.actions import (
    ActionInput,
    ActionView,
    parse_action,
)
from selfeval.services.people import list_people
from selfeval.services.vocabulary import ACTION_PRIORITIES, ACTION_STATUSES
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.discard_guard import GuardedDialog
from selfeval.ui.widgets.criteria_checklist import CriteriaChecklist
from selfeval.ui.widgets.priority_checklist import priority_checklist


class ActionDialog(GuardedDialog):
    def __init__(
        self,
        workspace: Workspace,
        existing: ActionView | None = None,
        preselect: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit action" if existing else "Add an action")
        self.setAccessibleName(self.windowTitle())
        self.result_input: ActionInput | None = None
        self.title = QLineEdit(existing.title if existing else "")
        self.title.setAccessibleName("Action")
        self.description = QPlainTextEdit(existing.description if existing else "")
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(80)
        chosen = existing.criteria if existing else [preselect] if preselect else []
        self.criteria = CriteriaChecklist(
            workspace.framework, chosen, "Criteria the action addresses"
        )
        self.criteria.setMaximumHeight(150)
        self.owner = QComboBox()
        self.owner.setAccessibleName("Owner")
        self.owner.addItem("(no owner yet)", None)
        for person in list_people(workspace):
            label = f"{person.name} ({person.organisation})" if person.organisation else person.name
            self.owner.addItem(label, person.id)
        if existing and existing.owner_person_id:
            self.owner.setCurrentIndex(max(0, self.owner.findData(existing.owner_person_id)))
        self.due = QLineEdit(
            existing.due_date.strftime("%d/%m/%Y") if existing and existing.due_date else ""
        )
        self.due.setAccessibleName("Due date")
        self.due.setPlaceholderText("e.g. 31/03/2027")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for key, label in ACTION_STATUSES.items():
            self.status.addItem(label, key)
        self.priority = QComboBox()
        self.priority.setAccessibleName("Priority")
        for key, label in ACTION_PRIORITIES.items():
            self.priority.addItem(label, key)
        if existing:
            self.status.setCurrentIndex(self.status.findData(existing.status))
            self.priority.setCurrentIndex(self.priority.findData(existing.priority))
        self.priorities = priority_checklist(
            workspace, existing.priorities if existing else (), "Our priorities it serves"
        )
        self.error = self.problem_label()
        form = QFormLayout(self)
        form.addRow("&Action:", self.title)
        form.addRow("&Description:", self.description)
        form.addRow("&Criteria:", self.criteria)
        form.addRow("&Owner:", self.owner)
        form.addRow("D&ue:", self.due)
        form.addRow("&Status:", self.status)
        form.addRow("&Priority:", self.priority)
        if self.priorities is not None:
            form.addRow("Our priorit&ies:", self.priorities)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(640, 0)

    def _accept(self) -> None:
        try:
            due = parse_date(self.due.text())
            self.result_input = parse_action(
                title=self.title.text(),
                description=self.description.toPlainText(),
                criteria=self.criteria.ticked(),
                owner_person_id=self.owner.currentData(),
                due_date=due,
                status=str(self.status.currentData()),
                priority=str(self.priority.currentData()),
                priorities=self.priorities.ticked() if self.priorities is not None else [],
            )
        except (ValueError, InputError) as err:
            self.error.setText(str(err).replace("title: ", "Action: "))
            self.error.show()
            return
        self.accept()
