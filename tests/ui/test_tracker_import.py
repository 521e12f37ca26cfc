"""The tracker's review, from the Evidence library: columns given a use (a change checks the
rows again), an organisation nearly named answered, titles nearly the same pointed out, and
only then Import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.services.evidence import list_evidence
from selfeval.ui.dialogs.tracker_import_dialog import TrackerImportDialog
from tests.ui.conftest import when_dialog_opens
from tests.ui.fit import lists_too_short
from tests.ui.mnemonics import clashes

TRACKER = (
    "Ref,Evidence title,Owner,RAG,Date,organisation\n"
    "E1,Local offer review,Helen,Green,31/03/2026,anyshire college\n"
    "E2,Local offer review.,Sam,Amber,2026-04-01,Anyshire College\n"
    "E3,SEN2 statutory return summary January 2026,Sam,,,\n"
)


def test_the_review_maps_asks_points_out_and_imports(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("evidence_page", "")
    tracker = tmp_path / "council tracker.csv"
    tracker.write_text(TRACKER, encoding="utf-8")
    seen: list[str] = []
    looked: list[str] = []

    def finished(message: QDialog) -> None:
        assert isinstance(message, QMessageBox)
        seen.append(message.text())
        message.accept()

    def review(dialog: QDialog) -> None:
        assert isinstance(dialog, TrackerImportDialog)
        assert not clashes(dialog) and not lists_too_short(dialog)
        uses = {name: combo.currentData() for name, combo in dialog.uses.items()}
        assert uses == {
            "Ref": "note",
            "Evidence title": "title",
            "Owner": "note",
            "RAG": "note",
            "Date": "date",
            "organisation": "organisation",
        }
        looked.extend(dialog.findings.item(i).text() for i in range(dialog.findings.count()))
        # the owner's name is not for the library: ignored, and the rows are checked again
        owner = dialog.uses["Owner"]
        owner.setCurrentIndex(owner.findData("ignore"))
        assert dialog.plan.uses.uses["Owner"] == "ignore"
        # asked, never matched by itself: Import waits for the answer
        assert not dialog.import_button.isEnabled()
        assert "Say which organisation the name in the tracker is." in dialog.summary.text()
        answer = dialog.answers_["anyshire college"]
        answer.setCurrentIndex(answer.findData("Anyshire College"))
        assert dialog.import_button.isEnabled()
        when_dialog_opens(qtbot, finished)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(qtbot, review)
    window.evidence_page.import_tracker(tracker)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert seen == ["Imported 3 evidence items with 0 links to criteria."]
    assert looked == [
        "Look at: row 3: 'Local offer review.' is like row 2 'Local offer review'",
        "Look at: row 4: 'SEN2 statutory return summary January 2026' is like 'SEN2 statutory "
        "return summary, January 2026', already in the library",
    ]
    items = {e.title: e for e in list_evidence(window.workspace)}
    first = items["Local offer review"]
    assert first.organisation == "Anyshire College"
    assert first.description == "Ref: E1\nRAG: Green"  # kept as notes; the owner ignored


def test_a_review_without_a_title_column_says_so_and_offers_the_choice(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    tracker = tmp_path / "t.csv"
    tracker.write_text("Document name here,RAG\nAnnual report,Green\n", encoding="utf-8")
    done: list[bool] = []

    def review(dialog: QDialog) -> None:
        assert isinstance(dialog, TrackerImportDialog)
        assert dialog.findings.item(0).text().startswith("Fix: row 1: no column is the title")
        assert not dialog.import_button.isEnabled()
        column = dialog.uses["Document name here"]
        column.setCurrentIndex(column.findData("title"))
        assert dialog.findings.item(0).text() == "Nothing to fix or look at."
        assert dialog.import_button.isEnabled()
        dialog.reject()  # Cancel: nothing written
        done.append(True)

    when_dialog_opens(qtbot, review)
    window.evidence_page.import_tracker(tracker)
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    assert "Annual report" not in {e.title for e in list_evidence(window.workspace)}
