"""Importing a council's evidence tracker, reviewed first: what each column is, which
organisation a name nearly like one of ours means, what would be imported and what to look at
(titles nearly the same). Nothing is written until Import; a change of a column's use checks
the rows again on a task (a large tracker takes a moment)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.evidence_import import TrackerPlan
from selfeval.services.tracker_columns import FIELD_LABELS, USES, ColumnUses
from selfeval.ui.widgets.headings import plain_label
from selfeval.words import counted

NEW = "\n"
"""The answer "a new organisation" (no organisation's name is a line break)."""

Replan = Callable[[ColumnUses], TrackerPlan | None]
"""Checks the rows again under other uses (None when the user cancelled the check)."""


def _example(plan: TrackerPlan, column: int) -> str:
    """The first filled cell of a column, so the user sees what it holds."""
    for _number, cells in plan.table.rows[:200]:
        if column < len(cells) and cells[column].strip():
            return cells[column].strip()[:80]
    return ""


def _labelled(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class TrackerImportDialog(QDialog):
    def __init__(self, plan: TrackerPlan, replan: Replan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan, self.replan = plan, replan
        self.setWindowTitle(f"Import an evidence tracker: {plan.path.name}")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = plain_label(
            "Say what each column of your tracker is. A column kept as a note is added to each "
            "item's description as 'Column: value'; an ignored column is not imported."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.columns = QTableWidget(len(plan.header), 3)
        self.columns.setAccessibleName("Columns of your tracker")
        self.columns.setHorizontalHeaderLabels(["Column", "First entry", "Use it as"])
        self.columns.horizontalHeader().setAccessibleName("Column headings")
        self.columns.verticalHeader().setVisible(False)
        self.uses: dict[str, QComboBox] = {}
        for row, name in enumerate(plan.header):
            for column, text in enumerate((name or "(no name)", _example(plan, row))):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.columns.setItem(row, column, cell)
            combo = QComboBox()
            combo.setAccessibleName(f"Use of the column {name or row + 1}")
            for use in USES:
                combo.addItem(FIELD_LABELS[use], use)
            combo.setCurrentIndex(combo.findData(plan.uses.uses.get(name, "ignore")))
            combo.currentIndexChanged.connect(self._uses_changed)
            self.columns.setCellWidget(row, 2, combo)
            self.uses[name] = combo
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(_labelled("&Columns:", self.columns))
        layout.addWidget(self.columns, 3)

        self.organisation_box = QGroupBox("Organisations nearly like one you have")
        self.organisations = QTableWidget(0, 2)
        self.organisations.setAccessibleName("Organisations to confirm")
        self.organisations.setHorizontalHeaderLabels(["In the tracker", "It is"])
        self.organisations.horizontalHeader().setAccessibleName("Organisation headings")
        self.organisations.verticalHeader().setVisible(False)
        self.organisations.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        box = QVBoxLayout(self.organisation_box)
        box.addWidget(_labelled("&Organisations:", self.organisations))
        box.addWidget(self.organisations)
        self.organisations.setMinimumHeight(110)  # three answers without scrolling
        layout.addWidget(self.organisation_box, 2)
        self.answers_: dict[str, QComboBox] = {}

        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What would be imported")
        layout.addWidget(self.summary)
        self.findings = QListWidget()
        self.findings.setAccessibleName("Problems to fix and titles to look at")
        layout.addWidget(_labelled("&Problems and titles to look at:", self.findings))
        self.findings.setMinimumHeight(90)
        layout.addWidget(self.findings, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("&Import")
        self.import_button.setAccessibleName("Import the tracker with these choices")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show(plan)
        self.resize(900, 700)

    def column_uses(self) -> ColumnUses:
        return ColumnUses({name: str(combo.currentData()) for name, combo in self.uses.items()})

    def answers(self) -> dict[str, str]:
        """Each organisation asked about: the existing name it is, or "" for a new one."""
        chosen = {name: combo.currentData() for name, combo in self.answers_.items()}
        return {name: "" if value == NEW else str(value) for name, value in chosen.items()}

    def _uses_changed(self) -> None:
        plan = self.replan(self.column_uses())
        if plan is not None:
            self._show(plan)

    def _show(self, plan: TrackerPlan) -> None:
        self.plan = plan
        self._show_organisations(plan)
        problems = [f"Fix: {p}" for p in plan.problems]
        looks = [f"Look at: {line}" for line in plan.near_duplicates]
        self.findings.clear()
        self.findings.addItems(problems + looks or ["Nothing to fix or look at."])
        self._update_summary()

    def _show_organisations(self, plan: TrackerPlan) -> None:
        before = {name: combo.currentData() for name, combo in self.answers_.items()}
        asked = plan.to_ask()
        self.answers_ = {}
        self.organisations.setRowCount(len(asked))
        for row, match in enumerate(asked):
            cell = QTableWidgetItem(f"{match.name} ({counted(len(match.rows), 'row')})")
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.organisations.setItem(row, 0, cell)
            combo = QComboBox()
            combo.setAccessibleName(f"Which organisation is {match.name}")
            combo.addItem("Choose...", None)
            for name in match.near:
                combo.addItem(name, name)
            combo.addItem("A new organisation", NEW)
            combo.setCurrentIndex(max(0, combo.findData(before.get(match.name))))
            combo.currentIndexChanged.connect(self._update_summary)
            self.organisations.setCellWidget(row, 1, combo)
            self.answers_[match.name] = combo
        self.organisation_box.setVisible(bool(asked))

    def _update_summary(self) -> None:
        plan = self.plan
        unanswered = sum(1 for c in self.answers_.values() if c.currentData() is None)
        new = [m.name for m in plan.organisations if not m.near]
        new += [n for n, c in self.answers_.items() if c.currentData() == NEW]
        said = (
            f"{counted(len(plan.items), 'evidence item')} with "
            f"{counted(plan.links, 'link')} to criteria would be imported"
            + (f"; new organisations: {', '.join(new)}" if new else "")
            + "."
        )
        if plan.problems:
            said += f" Fix {counted(len(plan.problems), 'problem')} first: nothing is imported."
        if unanswered:
            which = "the name" if unanswered == 1 else f"each of the {unanswered} names"
            said += f" Say which organisation {which} in the tracker is."
        self.summary.setText(said)
        self.import_button.setEnabled(not plan.problems and not unanswered and bool(plan.items))
