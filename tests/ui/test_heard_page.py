"""Voices, surveys and case studies in the app: each kind added through its dialog (the
identifying check said in the dialog, a word cleared), shown with whether it will be printed,
corrected, deleted, and each step undone; the criterion page names what was heard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.services.voices.case_studies import list_case_studies
from selfeval.services.voices.surveys import list_survey_results
from selfeval.services.voices.voices import list_voices
from selfeval.ui.dialogs.heard_dialogs import CaseStudyDialog, SurveyDialog, VoiceDialog
from tests.ui.conftest import when_dialog_opens


def _yes(action) -> None:  # type: ignore[no-untyped-def]
    asked = QMessageBox.question
    QMessageBox.question = staticmethod(  # type: ignore[method-assign]
        lambda *_a, **_k: QMessageBox.StandardButton.Yes
    )
    try:
        action()
    finally:
        QMessageBox.question = asked  # type: ignore[method-assign]


def test_a_voice_is_checked_in_its_dialog_added_edited_deleted_and_undone(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("page", "heard")
    page = window.extra_page("heard")
    tab = page.kinds[0]
    assert tab.table.rowCount() == 5 and page.summary.text().startswith("5 voices, 4 survey")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, VoiceDialog)
        dialog.words.setPlainText("Oliver's new teacher understands him.")
        dialog.consent.setChecked(True)
        dialog.criteria.tick("right-help")
        dialog._accept()
        assert dialog.isVisible() and "a first name ('Oliver')" in dialog.error.text()
        dialog.cleared.setText("Oliver")  # looked at: a pseudonym the family chose
        dialog._accept()

    when_dialog_opens(qtbot, fill)
    tab.add()
    added = next(v for v in list_voices(window.workspace) if v.words.startswith("Oliver"))
    assert added.consent and added.criteria == ("right-help",)
    row = next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 0).text() == added.words)
    assert tab.table.item(row, 3).text() == "Printed"
    window.undo_stack.undo()
    assert len(list_voices(window.workspace)) == 5
    window.undo_stack.redo()  # the cleared word is cleared again
    assert len(list_voices(window.workspace)) == 6
    tab.table.selectRow(row)

    def withdraw(dialog: QDialog) -> None:
        assert isinstance(dialog, VoiceDialog) and dialog.words.toPlainText() == added.words
        dialog.consent.setChecked(False)
        dialog.cleared.setText("Oliver")
        dialog._accept()

    when_dialog_opens(qtbot, withdraw)
    tab.edit_selected()
    assert tab.table.item(row, 3).text() == "Not printed: no consent recorded"
    window.undo_stack.undo()  # put back as it was: its cleared word cleared again
    assert next(v for v in list_voices(window.workspace) if v.id == added.id).consent
    tab.table.selectRow(row)
    _yes(tab.delete_selected)
    assert len(list_voices(window.workspace)) == 5
    window.undo_stack.undo()
    assert len(list_voices(window.workspace)) == 6


def test_survey_results_and_case_studies_through_their_dialogs(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("page", "heard")
    page = window.extra_page("heard")
    surveys, studies = page.kinds[1], page.kinds[2]
    page.tabs.setCurrentWidget(surveys)

    def survey(dialog: QDialog) -> None:
        assert isinstance(dialog, SurveyDialog)
        dialog.survey.setText("Schools survey")
        dialog.question.setText("Pupils with SEND are welcome here")
        dialog.responses.setValue(40)
        dialog.agree.setText("120")
        dialog._accept()
        assert "Agree" in dialog.error.text()
        dialog.agree.setText("82.5%")
        dialog._accept()

    when_dialog_opens(qtbot, survey)
    surveys.add()
    assert any(s.agree_percent == 82.5 for s in list_survey_results(window.workspace))
    assert surveys.table.rowCount() == 5
    page.tabs.setCurrentWidget(studies)

    def study(dialog: QDialog) -> None:
        assert isinstance(dialog, CaseStudyDialog)
        assert dialog.de_identified.isChecked()  # de-identified by default
        dialog.title.setText("A new start")
        dialog.parts["needed"].setPlainText("Jack, DOB 01/02/2016, needed a new school.")
        dialog._accept()
        said = dialog.error.text()
        assert "a date of birth ('DOB 01/02/2016')" in said and "'Jack'" in said
        dialog.parts["needed"].setPlainText("A boy of 10 needed a new school.")
        assert dialog.priorities is not None
        dialog.priorities.tick(dialog.priorities.item(0).data(256))
        dialog._accept()

    when_dialog_opens(qtbot, study)
    studies.add()
    made = next(c for c in list_case_studies(window.workspace) if c.title == "A new start")
    assert made.de_identified and len(made.priorities) == 1
    assert studies.table.rowCount() == 3


def test_the_criterion_page_names_what_was_heard(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("criterion", "right-help")
    heard = window.criterion_page.heard
    assert heard.isVisibleTo(window) and heard.text().startswith(
        "What children and families tell us: 2 voices (latest:"
    )
    assert "2 case studies (Back in school after a year out; Therapy" in heard.text()
