"""Home: how ready the self-evaluation is, and a list of what to fix, each a link to its place."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.readiness import Readiness, readiness
from selfeval.ui.headings import heading
from selfeval.ui.page_context import PageContext
from selfeval.ui.rating_badge import badge_icon

TARGET_ROLE = Qt.ItemDataRole.UserRole
MAX_LISTED = 100  # a longer list is a link to the filtered evidence library


class DashboardPage(QScrollArea):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWidgetResizable(True)
        self.setAccessibleName("Readiness dashboard")
        self.today: date | None = None  # tests fix "today"; None means the real date
        body = QWidget()
        self.setWidget(body)
        self.layout_ = QVBoxLayout(body)
        self.title = heading("Readiness")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Readiness summary")
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.summary)

        self.grid_box = QGroupBox("Criteria by rating")
        self.grid = QGridLayout(self.grid_box)
        self.layout_.addWidget(self.grid_box)

        lists = QGridLayout()
        self.lists: dict[str, QListWidget] = {}
        titles = {
            "unrated": "Criteria not rated",
            "without_evidence": "Criteria with no evidence",
            "without_lead": "Criteria with no lead owner",
            "stale": "Evidence older than 12 months",
        }
        for index, (key, title) in enumerate(titles.items()):
            box = QGroupBox(title)
            widget = QListWidget()
            widget.setAccessibleName(title)
            widget.setMinimumHeight(110)
            widget.setMaximumHeight(220)
            widget.itemActivated.connect(self._go)
            QVBoxLayout(box).addWidget(widget)
            lists.addWidget(box, index // 2, index % 2)
            self.lists[key] = widget
        self.layout_.addLayout(lists)
        self.layout_.addStretch(1)
        self.grid_buttons: list[QPushButton] = []

    def refresh(self) -> None:
        summary = readiness(self.context.workspace, self.today)
        framework = self.context.workspace.framework
        scale = framework.rating_scale
        counts = ", ".join(f"{scale.level(k).label} {v}" for k, v in summary.counts.items())
        self.summary.setText(
            f"{summary.rated} of {summary.total_criteria} criteria rated ({counts}). "
            f"{summary.evidence_total} evidence items, {summary.personal_data_items} marked as "
            "personal data."
        )
        self._fill_grid(summary)
        numbers = {c.id: n for n, c in enumerate(framework.criteria, start=1)}

        def criterion_items(key: str, ids: list[str]) -> None:
            widget = self.lists[key]
            widget.clear()
            for criterion_id in ids:
                title = framework.criterion(criterion_id).title
                item = QListWidgetItem(f"{numbers[criterion_id]}. {title}")
                item.setData(TARGET_ROLE, f"criterion:{criterion_id}")
                widget.addItem(item)
            if not ids:
                widget.addItem(QListWidgetItem("None"))

        criterion_items("unrated", summary.unrated)
        criterion_items("without_evidence", summary.without_evidence)
        criterion_items("without_lead", summary.without_lead)
        stale = self.lists["stale"]
        stale.clear()
        for item in summary.stale_evidence[:MAX_LISTED]:
            entry = QListWidgetItem(f"{item.title} ({item.evidence_date.strftime('%d %b %Y')})")
            entry.setData(TARGET_ROLE, f"evidence:{item.id}")
            stale.addItem(entry)
        if len(summary.stale_evidence) > MAX_LISTED:
            more = QListWidgetItem(
                f"... and {len(summary.stale_evidence) - MAX_LISTED} more: show them all in the "
                "evidence library"
            )
            more.setData(TARGET_ROLE, "stale_evidence:")
            stale.addItem(more)
        if not summary.stale_evidence:
            stale.addItem(QListWidgetItem("None"))

    def _fill_grid(self, summary: Readiness) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; do not paint meanwhile
                widget.deleteLater()
        self.grid_buttons = []
        framework = self.context.workspace.framework
        scale = framework.rating_scale
        levels = list(reversed(scale.levels)) + [scale.choices[0]]  # strongest first, unrated last
        for column, level in enumerate(levels):
            header = QLabel(f"{level.label} ({summary.counts.get(level.id, 0)})")
            header.setAlignment(Qt.AlignmentFlag.AlignLeft)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.grid.addWidget(header, 0, column)
            row = 1
            for number, criterion in enumerate(framework.criteria, start=1):
                if summary.ratings[criterion.id] != level.id:
                    continue
                short = (
                    criterion.title if len(criterion.title) < 32 else criterion.title[:29] + "..."
                )
                button = QPushButton(badge_icon(level.colour), f"{number}. {short}")
                button.setToolTip(f"{criterion.title}: {level.label}")
                button.setAccessibleName(f"Criterion {number}, {level.label}: {criterion.title}")
                button.setStyleSheet("text-align: left; padding: 4px;")
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                button.setMinimumWidth(0)
                button.clicked.connect(
                    lambda _c=False, cid=criterion.id: self.context.navigate("criterion", cid)
                )
                self.grid.addWidget(button, row, column)
                self.grid_buttons.append(button)
                row += 1
        for column in range(len(levels)):
            self.grid.setColumnStretch(column, 1)

    def _go(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target:  # "kind:id" (plain text: PySide mishandles tuples stored in items)
            kind, target_id = str(target).split(":", 1)
            self.context.navigate(kind, target_id)
