"""Our priorities: each strategic priority with its golden thread (the criteria it serves, the
actions and risks linked to it or on its criteria, with their status and due dates, and the
latest figure of each indicator that measures it beside like-for-like comparators), added,
corrected and deleted with Undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.improvement.headline_figures import headline_figures
from selfeval.services.improvement.indicators import indicator_library
from selfeval.services.improvement.priorities import (
    PriorityInput,
    PriorityView,
    actions_of,
    add_priority,
    delete_priority,
    list_priorities,
    parse_priority,
    risks_of,
    update_priority,
)
from selfeval.services.people import list_people
from selfeval.services.vocabulary import ACTION_STATUSES
from selfeval.ui.dialogs.discard_guard import GuardedDialog
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.touches import Touches
from selfeval.ui.undoable_records import push_added, push_deleted
from selfeval.ui.widgets.criteria_checklist import CriteriaChecklist
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.row_buttons import act_on_chosen_row
from selfeval.ui.widgets.text_box import text_box
from selfeval.ui.widgets.tick_list import TickList
from selfeval.words import counted


class PriorityDialog(GuardedDialog):
    """Add a priority, or correct one (`existing`); the dialog only checks, the page makes the
    change so that it can be undone."""

    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
        existing: PriorityView | None = None,
        number: int = 1,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit the priority" if existing else "Add a priority")
        self.setAccessibleName(self.windowTitle())
        workspace = context.workspace
        self.result_item: PriorityInput | None = None
        self.number = QSpinBox()
        self.number.setRange(1, 99)
        self.number.setValue(existing.number if existing else number)
        self.number.setAccessibleName("Number, as the partnership numbers its priorities")
        self.title = QLineEdit(existing.title if existing else "")
        self.title.setAccessibleName("Priority")
        self.description = text_box("Description", text=existing.description if existing else "")
        self.owner = QComboBox()
        self.owner.setAccessibleName("Owner")
        self.owner.addItem("(no owner yet)", None)
        for person in list_people(workspace):
            self.owner.addItem(person.name, person.id)
        if existing is not None:
            self.owner.setCurrentIndex(max(0, self.owner.findData(existing.owner_person_id)))
        self.board = QLineEdit(existing.board if existing else "")
        self.board.setAccessibleName("The board that oversees it")
        chosen = existing.criteria if existing else ()
        self.criteria = CriteriaChecklist(workspace.framework, chosen, "Criteria it serves")
        measured = existing.indicators if existing else ()
        self.indicators = TickList(
            ((i.name, i.id) for i in indicator_library().values()),
            measured,
            "Indicators that measure it",
        )
        self.error = self.problem_label()
        form = QFormLayout(self)
        for label, widget in (
            ("&Number:", self.number),
            ("&Priority:", self.title),
            ("&Description:", self.description),
            ("&Owner:", self.owner),
            ("&Board:", self.board),
            ("&Criteria:", self.criteria),
            ("&Indicators:", self.indicators),
        ):
            form.addRow(label, widget)
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
            self.result_item = parse_priority(
                number=self.number.value(),
                title=self.title.text(),
                description=self.description.toPlainText(),
                owner_person_id=self.owner.currentData(),
                board=self.board.text(),
                criteria=self.criteria.ticked(),
                indicators=self.indicators.ticked(),
            )
        except InputError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        self.accept()


def listed(lines: list[str]) -> str:
    """Several in one cell, each on its own bulleted line (one alone needs no bullet)."""
    return lines[0] if len(lines) == 1 else "\n".join(f"\u2022 {line}" for line in lines)


COLUMNS = ("No.", "Priority", "Criteria", "Actions on them", "Risks to it", "How we measure it")


class PrioritiesPage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Our priorities")
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("How many priorities")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Priorities")
        self.table.horizontalHeader().setAccessibleName("Priority columns")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            mode = (
                QHeaderView.ResizeMode.ResizeToContents
                if COLUMNS[column] in ("No.", "Criteria")  # short: the words get the room
                else (QHeaderView.ResizeMode.Stretch)
            )
            header.setSectionResizeMode(column, mode)
        add = QPushButton("Add &priority...")
        add.setAccessibleName("Add a priority")
        add.clicked.connect(self.add)
        edit = QPushButton("Edi&t...")
        edit.setAccessibleName("Edit the selected priority")
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton("&Delete")
        delete.setAccessibleName("Delete the selected priority")
        delete.clicked.connect(self.delete_selected)
        act_on_chosen_row(self.table, edit, delete)
        self.table.cellActivated.connect(lambda _r, _c: self.edit_selected())
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit_selected())
        self.priorities: list[PriorityView] = []
        row = QHBoxLayout()
        for button in (add, edit, delete):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Our priorities"))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def refresh(self) -> None:
        workspace = self.context.workspace
        priorities = self.priorities = list_priorities(workspace)
        numbers = workspace.framework.numbers
        self.summary.setText(
            f"{counted(len(priorities), 'priority', 'priorities')}. Each serves criteria; the "
            "actions and risks linked to it or on those criteria, and the latest figures of the "
            "indicators chosen, show how it is going. The pack prints them before the criteria."
        )
        self.table.setRowCount(len(priorities))
        for row, priority in enumerate(priorities):
            actions = actions_of(workspace, priority)
            served = sorted(numbers[c] for c in priority.criteria if c in numbers)
            said = [
                f"{a.title} ({ACTION_STATUSES.get(a.status, a.status)}"
                + (f", due {a.due:%d %b %Y})" if a.due else ")")
                for a in actions
            ]
            risks = [f"{r.title} ({r.rating}, {r.status})" for r in risks_of(workspace, priority)]
            values = [
                str(priority.number),
                priority.title,
                ", ".join(str(n) for n in served),
                listed(said),
                listed(risks),
                listed(headline_figures(workspace, priority.indicators)),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def selected(self) -> PriorityView | None:
        row = self.table.currentRow()
        return self.priorities[row] if 0 <= row < len(self.priorities) else None

    def _push(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        self.context.push(text, do, undo, None, touches=Touches.RECORDS)

    def add(self) -> None:
        following = max((p.number for p in self.priorities), default=0) + 1
        dialog = PriorityDialog(self.context, self, number=following)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_item is None:
            return
        item, workspace = dialog.result_item, self.context.workspace
        push_added(
            self.context,
            f"add priority '{item.title}'",
            lambda known: add_priority(workspace, item, known),
            lambda made: delete_priority(workspace, made),
        )

    def edit_selected(self) -> None:
        priority = self.selected()
        if priority is None:
            return
        dialog = PriorityDialog(self.context, self, existing=priority)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_item is None:
            return
        new, old, workspace = dialog.result_item, priority.as_input(), self.context.workspace
        self._push(
            f"edit priority '{new.title}'",
            lambda: update_priority(workspace, priority.id, new),
            lambda: update_priority(workspace, priority.id, old),
        )

    def delete_selected(self) -> None:
        priority = self.selected()
        if priority is None:
            return
        old, workspace = priority.as_input(), self.context.workspace
        push_deleted(
            self,
            self.context,
            "priority",
            priority.title,
            lambda: delete_priority(workspace, priority.id),
            lambda: add_priority(workspace, old, priority.id),
        )
