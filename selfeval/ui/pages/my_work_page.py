"""My work: for one person, their criteria and what each lacks, their open actions by when, the
requests to or from them, and new comments on their criteria; each line opens its place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.services.my_work import MyWork, my_work
from selfeval.services.people import list_people
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.routes import route_kind
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.words import counted

TARGET = Qt.ItemDataRole.UserRole


class MyWorkPage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.today: date | None = None  # tests fix "today"
        self.setAccessibleName("My work")
        layout = QVBoxLayout(self)
        layout.addWidget(heading("My work"))
        row = QHBoxLayout()
        row.addWidget(plain_label("Person:"))
        self.person = QComboBox()
        self.person.setAccessibleName("Whose work")
        self.person.currentIndexChanged.connect(lambda _i: self.refresh())
        row.addWidget(self.person, 1)
        layout.addLayout(row)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("My work summary")
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("My work, by kind")
        self.tree.setHeaderHidden(True)
        self.tree.itemActivated.connect(self._go)
        layout.addWidget(self.tree, 1)
        self._fill_people()

    def _fill_people(self) -> None:
        me = self.context.workspace.user.name.lower()
        self.person.blockSignals(True)
        self.person.clear()
        for person in list_people(self.context.workspace):
            label = person.name + (f" ({person.organisation})" if person.organisation else "")
            self.person.addItem(label, person.name)
            if person.name.lower() == me:
                self.person.setCurrentIndex(self.person.count() - 1)
        self.person.blockSignals(False)

    def refresh(self) -> None:
        self.tree.clear()
        name = self.person.currentData()
        if not name:
            self.summary.setText("Add people (People and organisations) to see their work here.")
            return
        try:
            work = my_work(self.context.workspace, str(name), self.today)
        except SelfevalError as err:
            self.summary.setText(str(err))
            return
        self._show(work)

    def _section(self, title: str, count: int) -> QTreeWidgetItem:
        section = QTreeWidgetItem([f"{title} ({count})"])
        self.tree.addTopLevelItem(section)
        section.setExpanded(True)
        if not count:
            section.addChild(QTreeWidgetItem(["\u2713 None"]))
        return section

    def _line(self, section: QTreeWidgetItem, text: str, target: str) -> None:
        item = QTreeWidgetItem([text])
        item.setToolTip(0, text)
        item.setData(0, TARGET, target)
        section.addChild(item)

    def _show(self, work: MyWork) -> None:
        numbers = self.context.workspace.framework.numbers
        today = self.today or date.today()
        self.summary.setText(
            f"{counted(len(work.criteria), 'criterion', 'criteria')}, "
            f"{counted(len(work.overdue), 'action')} overdue, "
            f"{len(work.due_soon)} due within 14 days; due this week: {work.due_this_week(today)}."
        )
        section = self._section("Criteria I lead or contribute to", len(work.criteria))
        for line in work.criteria:
            missing = "; ".join(line.missing) or "nothing missing"
            self._line(
                section,
                f"{numbers[line.criterion_id]}. {line.title} - {line.role}, {missing}",
                f"criterion:{line.criterion_id}",
            )
        for title, actions in (
            ("Actions overdue", work.overdue),
            ("Actions due within 14 days", work.due_soon),
            ("Later actions", work.later),
        ):
            section = self._section(title, len(actions))
            for action in actions:
                due = f" (due {action.due_date:%d %b %Y})" if action.due_date else ""
                self._line(section, f"{action.title}{due}", "actions:")
        section = self._section("Contribution requests", len(work.requests))
        for request in work.requests:
            due = f", due {request.due_date:%d %b %Y}" if request.due_date else ""
            self._line(
                section,
                f"{request.direction} {request.counterpart}: {request.status}{due}",
                "contributions:",
            )
        section = self._section("New comments on my criteria", len(work.new_comments))
        for comment in work.new_comments:
            self._line(
                section,
                f"{numbers[comment.criterion_id]}. {comment.author}: {comment.text}",
                f"criterion:{comment.criterion_id}",
            )

    def _go(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, TARGET)
        if target:
            kind, target_id = str(target).split(":", 1)
            self.context.navigate(route_kind(kind), target_id)
