"""Adding or correcting a voice, a survey result or a case study. Each dialog checks what it can
(the values, and for a voice or a case study the identifying check, with the words the user has
looked at and cleared); the page makes the change, so that it can be undone."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.evidence_import import parse_date
from selfeval.services.people import list_organisations
from selfeval.services.vocabulary import SPEAKER_KINDS
from selfeval.services.voices.case_studies import (
    PARTS,
    CaseStudyInput,
    CaseStudyView,
    check_case_study,
    parse_case_study,
)
from selfeval.services.voices.surveys import SurveyInput, SurveyView, parse_survey
from selfeval.services.voices.voices import VoiceInput, VoiceView, check_voice, parse_voice
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.discard_guard import GuardedDialog
from selfeval.ui.widgets.criteria_checklist import CriteriaChecklist
from selfeval.ui.widgets.name_box import name_box
from selfeval.ui.widgets.priority_checklist import priority_checklist
from selfeval.ui.widgets.text_box import text_box


def _date_box(name: str, day: date | None) -> QLineEdit:
    box = QLineEdit(f"{day:%d/%m/%Y}" if day else "")
    box.setAccessibleName(name)
    box.setPlaceholderText("e.g. 31/03/2026")
    return box


def _cleared_box() -> QLineEdit:
    box = QLineEdit()
    box.setAccessibleName("Words checked that identify nobody, separated by commas")
    box.setPlaceholderText("only if the check flags a word that identifies nobody")
    return box


def cleared_words(box: QLineEdit) -> frozenset[str]:
    return frozenset(w.strip() for w in box.text().split(",") if w.strip())


def _organisation_box(workspace: Workspace, current: str) -> QComboBox:
    box = name_box(
        [o.name for o in list_organisations(workspace)], "The organisation that holds it"
    )
    box.setCurrentText(current)
    return box


def _buttons(dialog: GuardedDialog, form: QFormLayout) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog._accept)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


class VoiceDialog(GuardedDialog):
    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, existing: VoiceView | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit the voice" if existing else "Add a voice")
        self.setAccessibleName(self.windowTitle())
        self.workspace = workspace
        self.result_item: VoiceInput | None = None
        self.cleared_result: frozenset[str] = frozenset()
        self.words = text_box("Their words, as said", text=existing.words if existing else "")
        self.who = QComboBox()
        self.who.setAccessibleName("Whose words")
        for key, label in SPEAKER_KINDS.items():
            self.who.addItem(label, key)
        self.speaker = QLineEdit(existing.speaker if existing else "")
        self.speaker.setAccessibleName("Who, in general terms (never a name)")
        self.speaker.setPlaceholderText("e.g. parent of a child with autism, secondary")
        self.source = QLineEdit(existing.source if existing else "")
        self.source.setAccessibleName("Where it was heard")
        self.source.setPlaceholderText("e.g. parent carer forum survey, a visit, a case review")
        self.said_on = _date_box("When it was said", existing.said_on if existing else None)
        self.consent = QCheckBox("Consent to &quote it is recorded")
        self.personal = QCheckBox("Personal &data (printed only when personal data is included)")
        self.organisation = _organisation_box(workspace, existing.organisation if existing else "")
        chosen = existing.criteria if existing else ()
        self.criteria = CriteriaChecklist(workspace.framework, chosen, "Criteria it speaks to")
        self.cleared = _cleared_box()
        if existing is not None:
            self.who.setCurrentIndex(max(0, self.who.findData(existing.speaker_kind)))
            self.consent.setChecked(existing.consent)
            self.personal.setChecked(existing.personal_data)
        self.error = self.problem_label()
        form = QFormLayout(self)
        for label, widget in (
            ("&Words:", self.words),
            ("W&hose:", self.who),
            ("Who, in &general:", self.speaker),
            ("Where hea&rd:", self.source),
            ("Wh&en:", self.said_on),
            ("", self.consent),
            ("", self.personal),
            ("Held &by:", self.organisation),
            ("&Criteria:", self.criteria),
            ("C&leared words:", self.cleared),
            ("", self.error),
        ):
            form.addRow(label, widget)
        _buttons(self, form)
        self.resize(640, 0)

    def _accept(self) -> None:
        try:
            item = parse_voice(
                words=self.words.toPlainText(),
                speaker_kind=str(self.who.currentData()),
                speaker=self.speaker.text(),
                source=self.source.text(),
                said_on=parse_date(self.said_on.text()),
                consent=self.consent.isChecked(),
                personal_data=self.personal.isChecked(),
                organisation=self.organisation.currentText(),
                criteria=self.criteria.ticked(),
            )
            check_voice(self.workspace, item, cleared_words(self.cleared))
        except (ValueError, InputError) as err:
            self.show_problem(self.error, str(err))
            return
        self.result_item, self.cleared_result = item, cleared_words(self.cleared)
        self.accept()


class SurveyDialog(GuardedDialog):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        existing: SurveyView | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit the survey result" if existing else "Add a survey result")
        self.setAccessibleName(self.windowTitle())
        self.result_item: SurveyInput | None = None
        self.survey = QLineEdit(existing.survey if existing else "")
        self.survey.setAccessibleName("The survey")
        self.question = QLineEdit(existing.question if existing else "")
        self.question.setAccessibleName("The question or statement")
        self.responses = QSpinBox()
        self.responses.setRange(1, 10_000_000)
        self.responses.setValue(existing.responses if existing else 1)
        self.responses.setAccessibleName("How many answered")
        self.agree = QLineEdit(f"{existing.agree_percent:g}" if existing else "")
        self.agree.setAccessibleName("Per cent who agreed, 0 to 100")
        self.agree.setPlaceholderText("e.g. 61.5")
        self.surveyed_on = _date_box("When it closed", existing.surveyed_on if existing else None)
        chosen = existing.criteria if existing else ()
        self.criteria = CriteriaChecklist(workspace.framework, chosen, "Criteria it speaks to")
        self.error = self.problem_label()
        form = QFormLayout(self)
        for label, widget in (
            ("&Survey:", self.survey),
            ("&Question:", self.question),
            ("&Responses:", self.responses),
            ("&Agree (%):", self.agree),
            ("Clos&ed:", self.surveyed_on),
            ("&Criteria:", self.criteria),
            ("", self.error),
        ):
            form.addRow(label, widget)
        _buttons(self, form)
        self.resize(600, 0)

    def _accept(self) -> None:
        try:
            agree = float(self.agree.text().strip().rstrip("%") or "nan")
        except ValueError:
            self.show_problem(
                self.error, f"Agree: '{self.agree.text()}' is not a number from 0 to 100"
            )
            return
        try:
            self.result_item = parse_survey(
                survey=self.survey.text(),
                question=self.question.text(),
                responses=self.responses.value(),
                agree_percent=agree,
                surveyed_on=parse_date(self.surveyed_on.text()),
                criteria=self.criteria.ticked(),
            )
        except (ValueError, InputError) as err:
            self.show_problem(self.error, str(err).replace("agree_percent", "Agree"))
            return
        self.accept()


class CaseStudyDialog(GuardedDialog):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        existing: CaseStudyView | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit the case study" if existing else "Add a case study")
        self.setAccessibleName(self.windowTitle())
        self.workspace = workspace
        self.result_item: CaseStudyInput | None = None
        self.cleared_result: frozenset[str] = frozenset()
        self.title = QLineEdit(existing.title if existing else "")
        self.title.setAccessibleName("Title")
        self.parts = {
            name: text_box(heading, 2, getattr(existing, name) if existing else "")
            for name, heading in PARTS.items()
        }
        self.de_identified = QCheckBox("De-&identified (checked for names, dates of birth, ...)")
        self.de_identified.setChecked(existing.de_identified if existing else True)
        self.organisation = _organisation_box(workspace, existing.organisation if existing else "")
        chosen = existing.criteria if existing else ()
        self.criteria = CriteriaChecklist(workspace.framework, chosen, "Criteria it shows")
        self.criteria.setMaximumHeight(self.criteria.minimumHeight())
        self.priorities = priority_checklist(
            workspace, existing.priorities if existing else (), "Our priorities it shows"
        )
        self.cleared = _cleared_box()
        self.error = self.problem_label()
        form = QFormLayout(self)
        form.addRow("&Title:", self.title)
        for (name, heading), letter in zip(PARTS.items(), ("n", "d", "m", "l"), strict=True):
            form.addRow(heading.replace(letter, "&" + letter, 1) + ":", self.parts[name])
        form.addRow("", self.de_identified)
        form.addRow("Held &by:", self.organisation)
        form.addRow("&Criteria:", self.criteria)
        if self.priorities is not None:
            form.addRow("Our &priorities:", self.priorities)
        form.addRow("Clea&red words:", self.cleared)
        form.addRow("", self.error)
        _buttons(self, form)
        self.resize(680, 0)

    def _accept(self) -> None:
        try:
            item = parse_case_study(
                title=self.title.text(),
                **{name: box.toPlainText() for name, box in self.parts.items()},
                de_identified=self.de_identified.isChecked(),
                organisation=self.organisation.currentText(),
                criteria=self.criteria.ticked(),
                priorities=self.priorities.ticked() if self.priorities is not None else [],
            )
            check_case_study(self.workspace, item, cleared_words(self.cleared))
        except InputError as err:
            self.show_problem(self.error, str(err))
            return
        self.result_item, self.cleared_result = item, cleared_words(self.cleared)
        self.accept()
