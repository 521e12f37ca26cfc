"""Voices, surveys and case studies: what children, young people, families and practitioners
said, the surveys they answered and the case studies, each in a tab of its own, added, corrected
and deleted with Undo. What will not be printed says so in its row (no consent recorded,
personal data), so nobody is surprised by a pack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.vocabulary import SPEAKER_KINDS
from selfeval.services.voices import case_studies, surveys, voices
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.heard_dialogs import CaseStudyDialog, SurveyDialog, VoiceDialog
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.touches import Touches
from selfeval.ui.undoable_records import push_added, push_deleted
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.row_buttons import act_on_chosen_row
from selfeval.words import counted


@dataclass(frozen=True)
class Kind:
    """One kind of record the page keeps: how it is listed, asked for and changed."""

    tab: str
    noun: str
    columns: tuple[str, ...]
    listed: Callable[[Workspace], list[Any]]
    cells: Callable[[Any, Workspace], tuple[str, ...]]
    dialog: Callable[[Workspace, QWidget, Any], QDialog]
    add: Callable[..., str]
    update: Callable[..., None]
    delete: Callable[[Workspace, str], None]
    label: Callable[[Any], str]
    found: Callable[[Any], frozenset[str]] | None = None
    """The words the identifying check finds in an item: cleared again when Undo puts it back."""


def _numbers(criteria: tuple[str, ...], workspace: Workspace) -> str:
    numbers = workspace.framework.numbers
    return ", ".join(str(n) for n in sorted(numbers[c] for c in criteria if c in numbers))


def _voice_cells(v: voices.VoiceView, workspace: Workspace) -> tuple[str, ...]:
    printed = "Not printed: no consent recorded" if not v.consent else "Printed"
    if v.consent and v.personal_data:
        printed = "Printed only with personal data"
    who = SPEAKER_KINDS.get(v.speaker_kind, v.speaker_kind)
    said = ", ".join(
        p for p in (v.speaker, v.source, f"{v.said_on:%d %b %Y}" if v.said_on else "") if p
    )
    return (v.words, f"{who}: {said}" if said else who, _numbers(v.criteria, workspace), printed)


def _survey_cells(s: surveys.SurveyView, workspace: Workspace) -> tuple[str, ...]:
    return (s.survey, s.question, f"{s.responses:,}", f"{s.agree_percent:g}%",
            _numbers(s.criteria, workspace))  # fmt: skip


def _case_cells(c: case_studies.CaseStudyView, workspace: Workspace) -> tuple[str, ...]:
    printed = "Printed" if c.de_identified else "Personal data: printed only with personal data"
    return (c.title, c.difference, _numbers(c.criteria, workspace), printed)


KINDS = (
    Kind("&Voices", "voice", ("Their words", "Who and where", "Criteria", "In the pack"),
         voices.list_voices, _voice_cells,
         lambda w, parent, existing: VoiceDialog(w, parent, existing),
         voices.add_voice, voices.update_voice, voices.delete_voice,
         lambda v: v.words[:60], lambda item: voices.words_found(item)),
    Kind("Survey re&sults", "survey result",
         ("Survey", "Question", "Responses", "Agree", "Criteria"),
         surveys.list_survey_results, _survey_cells,
         lambda w, parent, existing: SurveyDialog(w, parent, existing),
         surveys.add_survey_result, surveys.update_survey_result, surveys.delete_survey_result,
         lambda s: s.question[:60]),
    Kind("Case stud&ies", "case study", ("Case study", "What difference it made", "Criteria",
                                         "In the pack"),
         case_studies.list_case_studies, _case_cells,
         lambda w, parent, existing: CaseStudyDialog(w, parent, existing),
         case_studies.add_case_study, case_studies.update_case_study,
         case_studies.delete_case_study, lambda c: c.title,
         lambda item: case_studies.words_found(item)),
)  # fmt: skip


class KindTab(QWidget):
    """One kind's table and its Add, Edit and Delete."""

    def __init__(self, page: HeardPage, kind: Kind) -> None:
        super().__init__(page)
        self.page, self.kind = page, kind
        self.rows: list[Any] = []
        self.table = QTableWidget(0, len(kind.columns))
        self.table.setAccessibleName(kind.tab.replace("&", ""))
        self.table.setHorizontalHeaderLabels(list(kind.columns))
        self.table.horizontalHeader().setAccessibleName(f"{kind.noun.capitalize()} columns")
        header = self.table.horizontalHeader()
        for column in range(len(kind.columns)):  # the words get the room; numbers and marks fit
            wide = column < 2
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch if wide else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.add_button = QPushButton(f"&Add a {kind.noun}...")
        self.add_button.setAccessibleName(f"Add a {kind.noun}")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("Edi&t...")
        self.edit_button.setAccessibleName(f"Edit the selected {kind.noun}")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setAccessibleName(f"Delete the selected {kind.noun}")
        self.delete_button.clicked.connect(self.delete_selected)
        act_on_chosen_row(self.table, self.edit_button, self.delete_button)
        self.table.cellActivated.connect(lambda _r, _c: self.edit_selected())
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit_selected())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        workspace = self.page.context.workspace
        self.rows = self.kind.listed(workspace)
        self.table.setRowCount(len(self.rows))
        for row, view in enumerate(self.rows):
            for column, value in enumerate(self.kind.cells(view, workspace)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def selected(self) -> Any | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _cleared(self, item: Any) -> frozenset[str]:
        return self.kind.found(item) if self.kind.found is not None else frozenset()

    def _extra(self, cleared: frozenset[str]) -> dict[str, frozenset[str]]:
        return {"cleared": cleared} if self.kind.found is not None else {}

    def add(self) -> None:
        workspace = self.page.context.workspace
        dialog = self.kind.dialog(workspace, self, None)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        item = dialog.result_item  # type: ignore[attr-defined]
        extra = self._extra(getattr(dialog, "cleared_result", frozenset()))
        push_added(
            self.page.context,
            f"add {self.kind.noun}",
            lambda known: self.kind.add(workspace, item, known, **extra),
            lambda made: self.kind.delete(workspace, made),
        )

    def edit_selected(self) -> None:
        chosen, workspace = self.selected(), self.page.context.workspace
        if chosen is None:
            return
        dialog = self.kind.dialog(workspace, self, chosen)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new, old = dialog.result_item, chosen.as_input()  # type: ignore[attr-defined]
        extra = self._extra(getattr(dialog, "cleared_result", frozenset()))
        back = self._extra(self._cleared(old))
        self.page.push(
            f"edit {self.kind.noun}",
            lambda: self.kind.update(workspace, chosen.id, new, **extra),
            lambda: self.kind.update(workspace, chosen.id, old, **back),
        )

    def delete_selected(self) -> None:
        chosen, workspace = self.selected(), self.page.context.workspace
        if chosen is None:
            return
        old = chosen.as_input()
        back = self._extra(self._cleared(old))
        push_deleted(
            self,
            self.page.context,
            self.kind.noun,
            self.kind.label(chosen),
            lambda: self.kind.delete(workspace, chosen.id),
            lambda: self.kind.add(workspace, old, chosen.id, **back),
            text=f"delete {self.kind.noun}",
        )


class HeardPage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Voices, surveys and case studies")
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("How many of each")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Voices, survey results and case studies")
        self.kinds = [KindTab(self, kind) for kind in KINDS]
        for tab in self.kinds:
            self.tabs.addTab(tab, tab.kind.tab)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Voices, surveys and case studies"))
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        for tab in self.kinds:
            tab.refresh()
        counts = [
            counted(len(tab.rows), tab.kind.noun, _plural(tab.kind.noun)) for tab in self.kinds
        ]
        self.summary.setText(
            f"{', '.join(counts)}. Each is printed in the sections of the criteria it speaks to "
            "(case studies whole in an appendix): a voice only with consent recorded, personal "
            "data only when the export includes it."
        )

    def push(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        self.context.push(text, do, undo, None, touches=Touches.RECORDS)


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
