"""File > Import a Word self-evaluation, through the window: read on a task, reviewed (sections
with how sure, fields with what they replace, sub-headings given a field, every piece not placed
decided), written on a task, and undone as one step."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.services.judgements import get_judgement
from selfeval.services.sef_import.importing import remembered_headings
from selfeval.ui.dialogs.sef_import_dialog import SefImportDialog
from selfeval.ui.window.sef_actions import import_word_sef
from tests import sef_documents as docs
from tests.ui.conftest import when_dialog_opens
from tests.ui.fit import lists_too_short, overlapping
from tests.ui.mnemonics import clashes


def test_a_word_sef_is_reviewed_imported_and_undone_in_one_step(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    before = get_judgement(window.workspace, "right-help")
    path = docs.section_per_criterion(tmp_path / "Northvale SEF.docx")
    said: list[str] = []

    def finished(message: QDialog) -> None:
        assert isinstance(message, QMessageBox)
        said.append(message.text())
        message.accept()

    def review(dialog: QDialog) -> None:
        assert isinstance(dialog, SefImportDialog)
        assert not clashes(dialog) and not overlapping(dialog)
        assert dialog.sections.rowCount() == 11
        assert dialog.sections.item(2, 3).text() == "92% (number)"
        fields = [
            (dialog.fields.item(r, 1).text(), dialog.fields.item(r, 3).text())
            for r in range(dialog.fields.rowCount())
            if dialog.fields.item(r, 0).text().startswith("3. ")
        ]
        # what each field replaces is shown: the demo's own text for right help
        assert ("Impact", before.impact[:200]) in fields
        assert dialog.tabs.tabText(3) == "&Not placed (5)"
        assert not dialog.import_button.isEnabled()  # five pieces wait for a decision
        assert "Decide what becomes of 5 pieces" in dialog.summary.text()
        dialog.tabs.setCurrentIndex(3)
        assert not lists_too_short(dialog)
        picture = dialog.decisions_["picture 1 (paragraph 3)"]
        picture[0].setCurrentIndex(picture[0].findData("needs-identified"))
        picture[1].setCurrentIndex(picture[1].findData("evidence"))
        qtbot.mouseClick(dialog.all_out, Qt.MouseButton.LeftButton)
        assert dialog.undecided() == 0 and dialog.import_button.isEnabled()
        when_dialog_opens(qtbot, finished)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, review)
    import_word_sef(window, path)
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert said[0].startswith("Imported 55 fields of 11 criteria, 11 notes, 1 evidence item")
    after = get_judgement(window.workspace, "right-help")
    assert after.impact.startswith("[right-help/impact]") and after.rating == "amber"
    assert window.undo_stack.undoText() == "import of Northvale SEF.docx"
    window.undo_stack.undo()
    again = get_judgement(window.workspace, "right-help")
    assert (again.impact, again.rating) == (before.impact, before.rating)
    window.undo_stack.redo()
    assert get_judgement(window.workspace, "right-help").impact.startswith("[right-help/impact]")


def test_a_heading_given_a_field_and_a_section_given_a_criterion_are_checked_again(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    document = Document()
    document.add_heading(docs.CRITERIA["right-help"], 1)
    document.add_heading("Where we shine", 2)
    document.add_paragraph("Therapy waits halved.")
    path = tmp_path / "own.docx"
    document.save(str(path))
    said: list[str] = []

    def review(dialog: QDialog) -> None:
        assert isinstance(dialog, SefImportDialog)
        assert dialog.tabs.tabText(2) == "Sub-&headings (1)"
        mapping = dialog.headings.cellWidget(0, 1)
        mapping.setCurrentIndex(mapping.findData("strengths"))  # checked again on a task
        assert dialog.plan.text_of("right-help", "strengths") == "Therapy waits halved."
        assert dialog.plan.unplaced == [] and dialog.import_button.isEnabled()
        section = dialog.sections.cellWidget(0, 2)
        section.setCurrentIndex(section.findData("leaders-evaluate"))
        assert dialog.plan.text_of("leaders-evaluate", "strengths") == "Therapy waits halved."
        when_dialog_opens(qtbot, lambda m: (said.append(m.text()), m.accept()))
        dialog.import_button.click()

    when_dialog_opens(qtbot, review)
    import_word_sef(window, path)
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert get_judgement(window.workspace, "leaders-evaluate").strengths == "Therapy waits halved."
    assert remembered_headings(window.workspace)["where we shine"] == "strengths"


def test_a_file_that_is_not_a_word_document_is_said_in_words(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    said: list[str] = []
    monkeypatch.setattr(window, "show_error", said.append)
    path = tmp_path / "notes.docx"
    path.write_text("not a document", encoding="utf-8")
    import_word_sef(window, path)
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert said == [f"{path}: is not a readable Word document (File is not a zip file)"]
