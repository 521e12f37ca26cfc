"""Reviewing a partner's return before it is merged: take what is clean, decide each conflict
(keep ours, take theirs, or write the text yourself), accept or reject each new evidence item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.services.contributions.merge import apply_merge
from selfeval.services.contributions.merge_plan import MergePlan, MergeResult
from selfeval.services.contributions.package_format import Package
from selfeval.services.workspace import Workspace
from selfeval.ui.widgets.headings import plain_label
from selfeval.ui.widgets.text_box import text_box
from selfeval.ui.widgets.word_marks import marked_html
from selfeval.words import counted

CHOICES = (("Keep ours", "ours"), ("Take theirs", "theirs"), ("Write my own", "edit"))


def _text(value: Any) -> str:
    if value is None:
        return "(none)"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _marked(name: str, ours: str, theirs: str, side: str) -> QTextEdit:
    """One side of a conflict with the words that differ marked (not by colour alone); read
    only, scrolls when long, and Tab moves on rather than typing a tab."""
    box = QTextEdit()
    box.setReadOnly(True)
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    box.setAccessibleDescription(ours if side == "old" else theirs)
    box.setHtml(marked_html(ours, theirs, side))
    return box


class MergeReviewDialog(QDialog):
    def __init__(
        self, workspace: Workspace, package: Package, plan: MergePlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace, self.package, self.plan = workspace, package, plan
        self.result_: MergeResult | None = None
        self.setWindowTitle(f"Merge the return from {plan.from_who}")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        summary = plain_label(
            f"{counted(len(plan.clean), 'change')} only the partner made, "
            f"{counted(len(plan.conflicts), 'conflict')}, "
            f"{counted(len(plan.new_evidence), 'new evidence item')}, "
            f"{counted(len(plan.new_comments), 'new comment')}; "
            f"{counted(len(plan.outside), 'change')} outside the request (not applied)."
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        clean_box = QGroupBox("Changes only the partner made (ticked ones are taken)")
        self.clean = QListWidget()
        self.clean.setAccessibleName("Changes without conflict")
        for change in plan.clean:
            item = QListWidgetItem(
                f"{change.label}: {_text(change.ours)[:60]} -> {_text(change.theirs)[:60]}"
            )
            item.setData(Qt.ItemDataRole.UserRole, change.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.clean.addItem(item)
        QVBoxLayout(clean_box).addWidget(self.clean)
        layout.addWidget(clean_box)

        conflict_box = QGroupBox("Conflicts: both sides changed these since the request")
        legend = plain_label(
            "Words only in ours are struck through; words only in theirs are underlined and bold."
        )
        legend.setWordWrap(True)
        self.conflicts = QTableWidget(len(plan.conflicts), 5)
        self.conflicts.setAccessibleName("Conflicts")
        self.conflicts.horizontalHeader().setAccessibleName("Conflict columns")
        self.conflicts.setHorizontalHeaderLabels(["What", "Ours", "Theirs", "Decision", "My text"])
        self.conflicts.verticalHeader().setVisible(False)
        self.choices: dict[str, QComboBox] = {}
        self.edits: dict[str, QPlainTextEdit] = {}
        for row, change in enumerate(plan.conflicts):
            for column, value in enumerate(
                (change.label, _text(change.ours), _text(change.theirs))
            ):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.conflicts.setItem(row, column, cell)
            ours, theirs = _text(change.ours), _text(change.theirs)
            for column, side, who in ((1, "old", "Ours"), (2, "new", "Theirs")):
                self.conflicts.setCellWidget(
                    row, column, _marked(f"{who} for {change.label}", ours, theirs, side)
                )
            combo = QComboBox()
            combo.setAccessibleName(f"Decision for {change.label}")
            for label, key in CHOICES:
                combo.addItem(label, key)
            edit = text_box(
                f"My own text for {change.label}",
                lines=2,
                text=_text(change.theirs) if change.theirs is not None else "",
            )
            edit.setEnabled(False)
            self.conflicts.setRowHeight(row, edit.minimumHeight())  # a paragraph, not a line
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, e=edit: e.setEnabled(c.currentData() == "edit")
            )
            self.conflicts.setCellWidget(row, 3, combo)
            self.conflicts.setCellWidget(row, 4, edit)
            self.choices[change.key] = combo
            self.edits[change.key] = edit
        self.conflicts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        conflict_layout = QVBoxLayout(conflict_box)
        conflict_layout.addWidget(legend)
        conflict_layout.addWidget(self.conflicts)
        layout.addWidget(conflict_box)

        evidence_box = QGroupBox("New evidence (ticked items are added)")
        self.evidence = QListWidget()
        self.evidence.setAccessibleName("New evidence")
        for new in plan.new_evidence:
            entry = QListWidgetItem(new.title + ("  [personal data]" if new.personal_data else ""))
            entry.setData(Qt.ItemDataRole.UserRole, new.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.evidence.addItem(entry)
        QVBoxLayout(evidence_box).addWidget(self.evidence)
        layout.addWidget(evidence_box)

        if plan.outside:
            outside_box = QGroupBox(
                "Outside the request: the return carried these, the request did not ask for "
                "them, and they will not be applied"
            )
            self.outside = QListWidget()
            self.outside.setAccessibleName("Changes outside the request, not applied")
            for outside in plan.outside:
                entry = QListWidgetItem(outside.line())
                entry.setToolTip(outside.line())
                self.outside.addItem(entry)
            QVBoxLayout(outside_box).addWidget(self.outside)
            layout.addWidget(outside_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_all = QPushButton("Accept all &non-conflicting")
        self.accept_all.setAccessibleName("Accept every change without a conflict and merge")
        self.merge_button = QPushButton("&Merge")
        self.merge_button.setAccessibleName("Merge with these decisions")
        buttons.addButton(self.accept_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_all.clicked.connect(self._accept_all)
        self.merge_button.clicked.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 680)

    def _checked(self, widget: QListWidget, checked: bool) -> set[str]:
        return {
            str(widget.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(widget.count())
            if (widget.item(i).checkState() == Qt.CheckState.Checked) == checked
        }

    def _accept_all(self) -> None:
        for widget in (self.clean, self.evidence):
            for i in range(widget.count()):
                widget.item(i).setCheckState(Qt.CheckState.Checked)
        self.merge()

    def resolutions(self) -> dict[str, Any]:
        chosen: dict[str, Any] = {}
        for key, combo in self.choices.items():
            decision = combo.currentData()
            if decision == "theirs":
                chosen[key] = "theirs"
            elif decision == "edit":
                chosen[key] = self.edits[key].toPlainText()
        return chosen

    def merge(self) -> None:
        try:
            self.result_ = apply_merge(
                self.workspace,
                self.package,
                self.plan,
                resolutions=self.resolutions(),
                accept_evidence=self._checked(self.evidence, True),
                skip=self._checked(self.clean, False),
            )
        except SelfevalError as err:  # nothing was merged; the decisions stay as they are
            QMessageBox.warning(self, "Not merged", str(err))
            return
        self.accept()
