"""Home: how ready the self-evaluation is, and a list of what to fix, each a link to its place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.dashboard_lists import MAX_LISTED, dashboard_lists
from selfeval.services.inspection import countdown, expected_from, set_expected_from
from selfeval.services.readiness import EvidenceFacts, Readiness, readiness
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import ScrollingPage
from selfeval.ui.routes import route_kind
from selfeval.ui.widgets.group_ratings_chart import GroupRatingsChart
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.rating_badge import badge_icon
from selfeval.words import counted

TARGET_ROLE = Qt.ItemDataRole.UserRole
CARD_ROWS = 8
NOTHING = "\u2713 None"  # a tick, and the word for screen readers


class DashboardPage(ScrollingPage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._facts: EvidenceFacts | None = None
        self.setAccessibleName("Readiness dashboard")
        self.today: date | None = None  # tests fix "today"; None means the real date
        body = QWidget()
        self.set_body(body)
        self.layout_ = QVBoxLayout(body)
        self.title = heading("Readiness")
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Readiness summary")
        self.layout_.addWidget(self.title)
        window_row = QHBoxLayout()
        self.inspection = plain_label()
        self.inspection.setAccessibleName("Expected inspection")
        set_window = QPushButton("Set the e&xpected date...")
        set_window.setAccessibleName("Set when the inspection is expected")
        set_window.clicked.connect(self.set_expected)
        window_row.addWidget(self.inspection)
        window_row.addWidget(set_window)
        window_row.addStretch(1)
        self.layout_.addLayout(window_row)
        self.request_note = plain_label()
        self.request_note.setWordWrap(True)
        self.request_note.setAccessibleName("Contribution request")
        self.request_note.hide()
        self.layout_.addWidget(self.request_note)
        self.layout_.addWidget(self.summary)
        self.by_group = GroupRatingsChart()
        self.layout_.addWidget(self.by_group)

        self.grid_table = QTableWidget(0, 4)
        self.grid_table.setAccessibleName("All criteria with their rating, evidence and lead")
        word = context.workspace.framework.terms.rating.capitalize()  # the edition's own word
        self.grid_table.setHorizontalHeaderLabels(["Criterion", word, "Evidence", "Lead owner"])
        self.grid_table.horizontalHeader().setAccessibleName("Criteria table columns")
        self.grid_table.verticalHeader().setVisible(False)
        self.grid_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.grid_table.setWordWrap(True)
        self.grid_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.grid_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.grid_table.cellActivated.connect(self._open_row)
        self.grid_table.cellDoubleClicked.connect(self._open_row)
        self.layout_.addWidget(self.grid_table)

        lists = QGridLayout()
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.titles = titles = {
            "unrated": "Criteria not rated",
            "to_confirm": "Previous ratings to confirm",
            "without_evidence": "Criteria with no evidence",
            "without_lead": "Criteria with no lead owner",
            "stale": "Evidence older than 12 months",
            "overdue": "Overdue actions",
            "returns": "Contribution returns due in 14 days or late",
            "data_request": "Data request items not ready",
            "edition": "To confirm after the new edition",
            "priorities": "Our priorities: actions complete",
        }
        for index, (key, title) in enumerate(titles.items()):
            box = QGroupBox(title)
            widget = QListWidget()
            widget.setAccessibleName(title)
            widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            # long titles end in "..."; the whole title is the row's tooltip
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideRight)
            widget.itemActivated.connect(self._go)
            QVBoxLayout(box).addWidget(widget)
            lists.addWidget(box, index // 3, index % 3, Qt.AlignmentFlag.AlignTop)
            self.lists[key] = widget
            self.boxes[key] = box
        self.layout_.addLayout(lists)
        self.layout_.addStretch(1)

    def refresh(self, evidence: bool = True) -> None:
        """`evidence=False` after an edit that cannot change evidence (a rating, a narrative):
        the library's counts read last time still hold, so the click does not wait on them."""
        from selfeval.services.contributions import request_of
        from selfeval.services.readiness import evidence_facts

        request = request_of(self.context.workspace)
        if request is not None:
            manifest, _base = request
            wanted = f", wanted by {manifest.due_date:%d %B %Y}" if manifest.due_date else ""
            note = f' "{manifest.message}"' if manifest.message else ""
            self.request_note.show()
            self.request_note.setText(
                f"Contribution for {manifest.lead.area_name}: requested by "
                f"{manifest.created_by}{wanted}.{note} When you are done, use File > "
                "Contributions > Return my contribution."
            )
        if evidence or self._facts is None:
            self._facts = evidence_facts(self.context.workspace, self.today, MAX_LISTED + 1)
        summary = readiness(self.context.workspace, self.today, self._facts)
        framework = self.context.workspace.framework
        scale = framework.rating_scale
        counts = ", ".join(f"{scale.level(k).label} {v}" for k, v in summary.counts.items())
        self.summary.setText(
            f"{summary.rated} of {counted(summary.total_criteria, 'criterion', 'criteria')} rated "
            f"({counts}). "
            f"{counted(summary.evidence_total, 'evidence item')}, "
            f"{summary.personal_data_items} marked as "
            "personal data."
        )
        self._fill_grid(summary)
        self.by_group.set_data(scale, summary.by_group)
        today = self.today or date.today()
        lists = dashboard_lists(self.context.workspace, summary, today, MAX_LISTED)
        self.overdue_count = lists.overdue_actions
        self.summary.setText(
            self.summary.text() + f" {counted(lists.overdue_actions, 'action')} overdue."
        )
        for key, rows in lists.rows.items():
            widget = self.lists[key]
            widget.clear()
            for row in rows:
                entry = QListWidgetItem(row.text)
                entry.setData(TARGET_ROLE, row.target)
                widget.addItem(entry)
            if not rows:
                widget.addItem(QListWidgetItem(NOTHING))
        self._fill_edition(summary.edition_to_confirm)
        priorities = self._fill_priorities()
        when = expected_from(self.context.workspace)
        self.inspection.setText(
            countdown(when, today) if when else "No expected inspection date set yet."
        )
        card_counts = {
            **lists.counts,
            "edition": summary.edition_to_confirm,
            "priorities": priorities,
        }
        for key, count in card_counts.items():
            self._fit_card(key, count)

    def set_expected(self) -> None:
        """Set (or clear, with an empty answer) when the inspection is expected."""
        from PySide6.QtWidgets import QInputDialog

        from selfeval.errors import SelfevalError
        from selfeval.services.evidence_import import parse_date

        current = expected_from(self.context.workspace)
        text, ok = QInputDialog.getText(
            self,
            "Expected inspection",
            "The inspection is expected from (e.g. 03/03/2027; empty to clear):",
            text=f"{current:%d/%m/%Y}" if current else "",
        )
        if not ok:
            return
        try:
            set_expected_from(self.context.workspace, parse_date(text))
        except (ValueError, SelfevalError) as err:
            self.context.show_error(str(err))
            return
        self.refresh()

    def _fill_edition(self, count: int) -> None:
        """Shown only after the assessment moved to a new edition, until all is confirmed."""
        widget = self.lists["edition"]
        widget.clear()
        self.boxes["edition"].setVisible(count > 0)
        if not count:
            return
        from selfeval.services.improvement.edition_review import items_to_confirm

        for item in items_to_confirm(self.context.workspace)[:MAX_LISTED]:
            text = item.new_text or (item.old_texts[0][2] if item.old_texts else item.item_id)
            entry = QListWidgetItem(f"{item.label} {item.relationship}: {text}")
            entry.setData(TARGET_ROLE, "edition:")
            widget.addItem(entry)

    def _fill_priorities(self) -> int:
        """Each strategic priority with its actions complete; shown once there are some."""
        from selfeval.services.improvement.priorities import priority_progress

        progress = priority_progress(self.context.workspace)
        widget = self.lists["priorities"]
        widget.clear()
        self.boxes["priorities"].setVisible(bool(progress))
        for line in progress:
            said = f"{line.complete} of {counted(line.actions, 'action')} complete"
            entry = QListWidgetItem(f"{line.number}. {line.title}: {said}")
            entry.setData(TARGET_ROLE, "priorities:")
            widget.addItem(entry)
        return len(progress)

    def _fit_card(self, key: str, count: int) -> None:
        """A card says its count in its title; an empty one is one line with a tick, a full
        one shows up to eight rows before it scrolls; every row's full text is its tooltip."""
        self.boxes[key].setTitle(f"{self.titles[key]} ({count})")
        widget = self.lists[key]
        for row in range(widget.count()):
            item = widget.item(row)
            item.setToolTip(item.text())
        rows = max(1, min(widget.count(), CARD_ROWS))
        height = rows * max(widget.sizeHintForRow(0), 1) + 2 * widget.frameWidth() + 2
        widget.setFixedHeight(height)

    def _fill_grid(self, summary: Readiness) -> None:
        """All criteria in one compact table: rating (badge and word), evidence, lead owner."""
        framework = self.context.workspace.framework
        scale = framework.rating_scale
        table = self.grid_table
        table.setRowCount(len(framework.criteria))
        for row, criterion in enumerate(framework.criteria):
            level = scale.level(summary.ratings[criterion.id])
            cells = [
                QTableWidgetItem(f"{framework.numbers[criterion.id]}. {criterion.title}"),
                QTableWidgetItem(badge_icon(level.colour), level.label),
                QTableWidgetItem(str(summary.evidence_counts[criterion.id])),
                QTableWidgetItem(summary.leads.get(criterion.id, "No lead owner")),
            ]
            cells[0].setToolTip(criterion.title)
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for column, cell in enumerate(cells):
                cell.setData(TARGET_ROLE, f"criterion:{criterion.id}")
                table.setItem(row, column, cell)
        self._fit_table()

    def _fit_table(self) -> None:
        """Rows as tall as their wrapped titles, the table as tall as its rows (no scrollbar)."""
        table = self.grid_table
        table.resizeRowsToContents()
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_table()

    def _open_row(self, row: int, _column: int) -> None:
        item = self.grid_table.item(row, 0)
        if item is not None:
            kind, target_id = str(item.data(TARGET_ROLE)).split(":", 1)
            self.context.navigate(route_kind(kind), target_id)

    def _go(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target:  # "kind:id" (plain text: PySide mishandles tuples stored in items)
            kind, target_id = str(target).split(":", 1)
            self.context.navigate(route_kind(kind), target_id)
