"""The action plan page (all, by criterion, by owner, overdue) and the actions panel that each
criterion page shows. Adding, editing and completing are undoable."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.framework.outline import criterion_numbers_text
from selfeval.services.improvement.actions import (
    ActionView,
    add_action,
    add_progress_note,
    delete_action,
    list_actions,
    set_status,
    update_action,
)
from selfeval.ui.dialogs.action_dialog import ActionDialog
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.touches import Touches
from selfeval.ui.widgets.confirm_delete import confirm_delete
from selfeval.ui.widgets.headings import heading
from selfeval.ui.widgets.row_buttons import act_on_chosen_row
from selfeval.words import counted

COLUMNS = ["Action", "Criteria", "Owner", "Due", "Status", "Overdue"]


class ActionTable(QWidget):
    """A table of actions with Add, Edit, Mark complete and Add progress note."""

    def __init__(self, context: PageContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.criterion_id = ""
        self.rows: list[ActionView] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(name)
        self.table.horizontalHeader().setAccessibleName(f"{name} columns")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add ac&tion...")
        self.add_button.setAccessibleName("Add an action")
        self.complete_button = QPushButton("Mark com&plete")
        self.complete_button.setAccessibleName("Mark the selected action complete")
        self.note_button = QPushButton("Progress note...")
        self.note_button.setAccessibleName("Add a progress note to the selected action")
        edit_button = QPushButton("Edit action...")
        edit_button.setAccessibleName("Edit the selected action")
        delete_button = QPushButton("Delete action")
        delete_button.setAccessibleName("Delete the selected action")
        for button, slot in (
            (self.add_button, self.add),
            (edit_button, self.edit),
            (self.complete_button, self.complete),
            (self.note_button, self.note),
            (delete_button, self.delete),
        ):
            button.clicked.connect(lambda _checked=False, do=slot: do())
            buttons.addWidget(button)
        buttons.addStretch(1)
        act_on_chosen_row(self.table, edit_button, self.note_button, delete_button)
        self._update_complete = act_on_chosen_row(
            self.table, self.complete_button, when=self._not_complete
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_actions(self, actions: list[ActionView]) -> None:
        self.rows = actions
        self.table.setRowCount(len(actions))
        numbers = self.context.workspace.framework.numbers
        for row, action in enumerate(actions):
            values = [
                action.title,
                criterion_numbers_text(numbers, action.criteria),
                action.owner,
                action.due_date.strftime("%d/%m/%Y") if action.due_date else "",
                action.status_label,
                "Overdue" if action.overdue else "",
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 5 and action.overdue:
                    item.setForeground(QBrush(QColor("#B3261E")))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._update_complete()  # the chosen row's status may be new

    def selected(self) -> ActionView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def add(self) -> None:
        dialog = ActionDialog(self.context.workspace, preselect=self.criterion_id, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_input is None:
            return
        item, workspace = dialog.result_input, self.context.workspace
        made: list[str] = []

        def do() -> None:
            made[:] = [add_action(workspace, item)]

        self.context.push(
            f"add action '{item.title}'",
            do,
            lambda: delete_action(workspace, made[0]),
            self.criterion_id or None,
            touches=Touches.ACTIONS,
        )

    def edit(self) -> None:
        action = self.selected()
        if action is None:
            return
        dialog = ActionDialog(self.context.workspace, existing=action, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_input is None:
            return
        workspace, after = self.context.workspace, dialog.result_input
        before = action.as_input()
        self.context.push(
            f"edit action '{after.title}'",
            lambda: update_action(workspace, action.id, after, expect=before),
            lambda: update_action(workspace, action.id, before, expect=after),
            self.criterion_id or None,
            touches=Touches.ACTIONS,
        )

    def delete(self) -> None:
        """Delete the selected action after asking; Undo puts it back with its progress notes."""
        action = self.selected()
        if action is None:
            return
        if not confirm_delete(self, "Delete the action", f"'{action.title}'"):
            return
        workspace, before = self.context.workspace, action.as_input()
        self.context.push(
            f"delete action '{action.title}'",
            lambda: delete_action(workspace, action.id),
            lambda: add_action(workspace, before, action.id, action.notes),
            self.criterion_id or None,
            touches=Touches.ACTIONS,
        )

    def _not_complete(self) -> bool:
        action = self.selected()
        return action is not None and action.status != "complete"

    def complete(self) -> None:
        action = self.selected()
        if action is None or action.status == "complete":
            return
        workspace, old = self.context.workspace, action.status
        self.context.push(
            f"complete '{action.title}'",
            lambda: set_status(workspace, action.id, "complete"),
            lambda: set_status(workspace, action.id, old),
            self.criterion_id or None,
            touches=Touches.ACTIONS,
        )

    def note(self) -> None:
        action = self.selected()
        if action is None:
            return
        text, ok = QInputDialog.getText(self, "Progress note", f"Progress on '{action.title}':")
        if ok and text.strip():
            add_progress_note(self.context.workspace, action.id, text, date.today())
            self.context.changed(self.criterion_id or None, Touches.ACTIONS)


class ActionPlanPage(PageWidget):
    VIEWS = (
        ("All actions", "all"),
        ("Overdue", "overdue"),
        ("By criterion", "criterion"),
        ("By owner", "owner"),
    )

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Action plan")
        self.view = QComboBox()
        self.view.setAccessibleName("Show")
        for label, key in self.VIEWS:
            self.view.addItem(label, key)
        self.filter = QComboBox()
        self.filter.setAccessibleName("Criterion or owner")
        self.view.currentIndexChanged.connect(self._view_changed)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.summary.setAccessibleName("Action plan summary")
        self.action_table = ActionTable(context, "Actions")
        row = QHBoxLayout()
        show_label = QLabel("&Show:")
        show_label.setBuddy(self.view)
        row.addWidget(show_label)
        row.addWidget(self.view)
        row.addWidget(self.filter, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Action plan"))
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.action_table, 1)
        self._view_changed()

    def show_view(self, key: str) -> None:
        self.view.setCurrentIndex(self.view.findData(key))

    def _view_changed(self) -> None:
        key = self.view.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        if key == "criterion":
            for c in self.context.workspace.framework.criteria:
                number = self.context.workspace.framework.numbers[c.id]
                self.filter.addItem(f"{number}. {c.title}", c.id)
        elif key == "owner":
            from selfeval.services.people import list_people

            for person in list_people(self.context.workspace):
                self.filter.addItem(person.name, person.id)
        self.filter.setVisible(key in ("criterion", "owner"))
        self.filter.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        key, chosen = self.view.currentData(), self.filter.currentData()
        workspace = self.context.workspace
        if key == "overdue":
            rows = list_actions(workspace, overdue_only=True)
        elif key == "criterion" and chosen:
            rows = list_actions(workspace, criterion_id=chosen)
        elif key == "owner" and chosen:
            rows = list_actions(workspace, owner_person_id=chosen)
        else:
            rows = list_actions(workspace)
        everything = list_actions(workspace)
        overdue = sum(1 for a in everything if a.overdue)
        done = sum(1 for a in everything if a.status == "complete")
        self.summary.setText(
            f"{counted(len(everything), 'action')}: {done} complete, {overdue} overdue. "
            f"Showing {len(rows)}."
        )
        self.action_table.show_actions(rows)
