"""Importing a Word self-evaluation, reviewed first: which criterion each section was taken as
(and how sure), what each field will hold and what it replaces, the partnership's own
sub-headings not recognised (given a field here, remembered for next time), and every piece
not placed, each needing a decision before Import: a criterion and a field, a note on the
criterion, a picture as an evidence file, or left out on purpose. Nothing is written until
Import; a changed answer checks the document again on a task."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from selfeval.framework.model import Framework
from selfeval.services.sef_import.field_words import TARGETS
from selfeval.services.sef_import.importing import EVIDENCE, LEAVE_OUT, Decision
from selfeval.services.sef_import.references import references
from selfeval.services.sef_import.sef_plan import NONE, SefPlan
from selfeval.ui.widgets.headings import plain_label
from selfeval.words import counted

TARGET_LABELS = {
    "what_good_looks_like": "What good looks like",
    "rationale": "How we know",
    "strengths": "Strengths",
    "areas_for_development": "Areas for development",
    "impact": "Impact",
    "family_statement": "For families: what we want them to know",
    "family_going_well": "For families: what is going well",
    "family_working_on": "For families: what we are working on",
    "rating": "Rating",
    "note": "A note on the criterion",
}
CHOICES = {
    **{k: v for k, v in TARGET_LABELS.items() if k != "rating"},
    EVIDENCE: "An evidence file (a picture)",
    LEAVE_OUT: "Leave it out",
}

Replan = Callable[[dict[str, str], dict[str, str]], SefPlan | None]
"""Plans again with (heading -> field, heading -> criterion); None when cancelled."""


def _cell(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(tip or text)
    return item


def _labelled(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setAccessibleName(f"{name}: column headings")
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(120)
    return table


class SefImportDialog(QDialog):
    def __init__(
        self,
        framework: Framework,
        plan: SefPlan,
        replan: Replan,
        replaced: dict[tuple[str, str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.framework, self.plan, self.replan = framework, plan, replan
        self.replaced = replaced
        self.maps: dict[str, str] = {}
        self.criteria: dict[str, str] = {}
        self.setWindowTitle(f"Import a Word self-evaluation: {plan.path.name}")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What would be imported")
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("The import, part by part")
        self.sections = _table(
            "Sections found", ["Heading in the document", "Where", "Criterion", "How sure"]
        )
        self.fields = _table(
            "What each field will hold", ["Criterion", "Field", "Will hold", "Replaces"]
        )
        self.headings = _table("Sub-headings not recognised", ["Sub-heading", "Take it as"])
        self.unplaced = _table("Pieces not placed", ["Where", "Text", "Criterion", "Becomes"])
        for title, table in (
            ("&Sections", self.sections),
            ("&Fields", self.fields),
            ("Sub-&headings", self.headings),
            ("&Not placed", self.unplaced),
        ):
            self.tabs.addTab(table, title)
        layout.addWidget(self.tabs, 1)
        bulk = QHBoxLayout()
        self.all_notes = QPushButton("Make the rest n&otes")
        self.all_notes.setAccessibleName(
            "Every piece not yet decided becomes a note on its criterion"
        )
        self.all_notes.clicked.connect(lambda: self._decide_rest("note"))
        self.all_out = QPushButton("&Leave the rest out")
        self.all_out.setAccessibleName("Every piece not yet decided is left out")
        self.all_out.clicked.connect(lambda: self._decide_rest(LEAVE_OUT))
        bulk.addWidget(self.all_notes)
        bulk.addWidget(self.all_out)
        bulk.addStretch(1)
        layout.addLayout(bulk)
        self.evidence = QCheckBox()
        self.evidence.setAccessibleName("Add an evidence item for each document the text refers to")
        layout.addWidget(self.evidence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("&Import")
        self.import_button.setAccessibleName("Import with these choices")
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.decisions_: dict[str, tuple[QComboBox, QComboBox]] = {}
        self._show(plan)
        self.resize(1000, 680)

    # -- what the dialog gives back --------------------------------------------------------

    def decisions(self) -> dict[str, Decision]:
        chosen = {}
        for where, (criterion, becomes) in self.decisions_.items():
            target = becomes.currentData()
            if target is not None:
                chosen[where] = Decision(criterion.currentData(), str(target))
        return chosen

    def make_evidence(self) -> bool:
        return self.evidence.isChecked()

    # -- showing a plan --------------------------------------------------------------------

    def _criterion_box(self, name: str, chosen: str | None, none_label: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.addItem(none_label, None)
        for criterion in self.framework.criteria:
            number = self.framework.numbers[criterion.id]
            box.addItem(f"{number}. {criterion.title}", criterion.id)
        box.setCurrentIndex(max(0, box.findData(chosen)))
        return box

    def _show(self, plan: SefPlan) -> None:
        self.plan = plan
        self._show_sections(plan)
        self._show_fields(plan)
        self._show_headings(plan)
        self._show_unplaced(plan)
        found = len(references(plan))
        self.evidence.setText(
            f"Add an &evidence item for each document the text refers to ({found} found)"
        )
        self.evidence.setEnabled(bool(found))
        self._update()

    def _show_sections(self, plan: SefPlan) -> None:
        self.sections.setRowCount(len(plan.sections))
        for row, section in enumerate(plan.sections):
            self.sections.setItem(row, 0, _cell(section.heading))
            self.sections.setItem(row, 1, _cell(section.where))
            box = self._criterion_box(
                f"Criterion of '{section.heading[:60]}'", section.criterion_id, "Not a criterion"
            )
            box.currentIndexChanged.connect(
                lambda _i, h=section.heading, b=box: self._criterion_chosen(h, b.currentData())
            )
            self.sections.setCellWidget(row, 2, box)
            self.sections.setItem(row, 3, _cell(f"{round(section.sure * 100)}% ({section.how})"))

    def _show_fields(self, plan: SefPlan) -> None:
        order = {target: index for index, target in enumerate(TARGETS)}
        entries = sorted(
            plan.placed, key=lambda k: (self.framework.numbers.get(k[0], 0), order.get(k[1], 99))
        )
        rows = [*entries, *((c, "rating") for c in plan.ratings)]
        self.fields.setRowCount(len(rows))
        for row, (criterion_id, target) in enumerate(rows):
            number = self.framework.numbers.get(criterion_id, 0)
            text = (
                plan.ratings[criterion_id][0]
                if target == "rating"
                else plan.text_of(criterion_id, target)
            )
            self.fields.setItem(
                row, 0, _cell(f"{number}. {self.framework.criterion(criterion_id).title}")
            )
            self.fields.setItem(row, 1, _cell(TARGET_LABELS.get(target, target)))
            self.fields.setItem(row, 2, _cell(text[:200], text[:4000]))
            before = "" if target == "note" else self.replaced.get((criterion_id, target), "")
            self.fields.setItem(row, 3, _cell(before[:200] or "(nothing)", before[:4000]))

    def _show_headings(self, plan: SefPlan) -> None:
        unknown = list(dict.fromkeys(plan.unknown_headings))
        self.headings.setRowCount(len(unknown))
        for row, heading in enumerate(unknown):
            self.headings.setItem(row, 0, _cell(heading))
            box = QComboBox()
            box.setAccessibleName(f"Take '{heading[:60]}' as")
            box.addItem("Not a field (decide its pieces one by one)", None)
            for target, label in TARGET_LABELS.items():
                box.addItem(label, target)
            box.setCurrentIndex(max(0, box.findData(self.maps.get(heading))))
            box.currentIndexChanged.connect(
                lambda _i, h=heading, b=box: self._heading_mapped(h, b.currentData())
            )
            self.headings.setCellWidget(row, 1, box)
        self.tabs.setTabText(2, f"Sub-&headings ({len(unknown)})")

    def _show_unplaced(self, plan: SefPlan) -> None:
        before = {w: (c.currentData(), b.currentData()) for w, (c, b) in self.decisions_.items()}
        self.decisions_ = {}
        self.unplaced.setRowCount(len(plan.unplaced))
        for row, item in enumerate(plan.unplaced):
            piece = item.piece
            shown = f"(picture {piece.picture.name})" if piece.picture else piece.text
            self.unplaced.setItem(row, 0, _cell(piece.where))
            self.unplaced.setItem(row, 1, _cell(shown[:200], shown[:4000]))
            was = before.get(piece.where, (item.criterion_id, None))
            criterion = self._criterion_box(f"Criterion for {piece.where}", was[0], "No criterion")
            becomes = QComboBox()
            becomes.setAccessibleName(f"What {piece.where} becomes")
            becomes.addItem("Choose...", None)
            for target, label in CHOICES.items():
                if target == EVIDENCE and piece.picture is None:
                    continue
                becomes.addItem(label, target)
            becomes.setCurrentIndex(max(0, becomes.findData(was[1])))
            criterion.currentIndexChanged.connect(self._update)
            becomes.currentIndexChanged.connect(self._update)
            self.unplaced.setCellWidget(row, 2, criterion)
            self.unplaced.setCellWidget(row, 3, becomes)
            self.decisions_[piece.where] = (criterion, becomes)
        self.tabs.setTabText(3, f"&Not placed ({len(plan.unplaced)})")

    # -- answers ---------------------------------------------------------------------------

    def _decide_rest(self, target: str) -> None:
        for criterion, becomes in self.decisions_.values():
            if becomes.currentData() is None:
                wanted = target if criterion.currentData() is not None else LEAVE_OUT
                becomes.setCurrentIndex(becomes.findData(wanted))
        self._update()

    def _criterion_chosen(self, heading: str, criterion_id: str | None) -> None:
        self.criteria[heading] = criterion_id or NONE
        self._again()

    def _heading_mapped(self, heading: str, target: str | None) -> None:
        if target is None:
            self.maps.pop(heading, None)
        else:
            self.maps[heading] = target
        self._again()

    def _again(self) -> None:
        plan = self.replan(dict(self.maps), dict(self.criteria))
        if plan is not None:
            self._show(plan)

    def undecided(self) -> int:
        """Pieces with no answer yet (or a field without a criterion to put it in)."""
        count = 0
        for criterion, becomes in self.decisions_.values():
            target = becomes.currentData()
            if target is None or (target != LEAVE_OUT and criterion.currentData() is None):
                count += 1
        return count

    def _update(self) -> None:
        plan = self.plan
        criteria = len({c for c, _t in plan.placed} | set(plan.ratings))
        said = (
            f"{counted(len(plan.sections), 'section')} found; "
            f"{counted(criteria, 'criterion', 'criteria')} will be filled in, "
            f"{counted(len(plan.unplaced), 'piece')} of the document not placed."
        )
        waiting = self.undecided()
        if waiting:
            said += (
                f" Decide what becomes of {counted(waiting, 'piece')} (the Not placed tab) "
                "before importing: nothing is left out unless you say so."
            )
        self.summary.setText(said)
        self.import_button.setEnabled(
            not waiting and bool(plan.placed or plan.ratings or plan.unplaced)
        )
