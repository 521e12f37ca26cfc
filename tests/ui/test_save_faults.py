"""A save that the machine refuses (workspace moved, disk full) keeps what was typed on screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.services.judgements import get_judgement
from selfeval.services.workspace import open_workspace
from selfeval.ui.window.main_window import MainWindow
from tests.conftest import TEST_USER
from tests.ui.conftest import when_dialog_opens
from tests.ui.test_workbench import back_to

OpenWindow = Callable[[Path], MainWindow]


def answer_message(qtbot: QtBot, said: list[str]) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        said.append(dialog.text())
        dialog.accept()

    when_dialog_opens(qtbot, act)


def test_typing_survives_a_failed_save_and_saves_later(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    page = window.criterion_page
    editor = page.texts["rationale"]
    away = tmp_path / "moved-away.selfeval"
    demo_path.rename(away)

    said: list[str] = []
    answer_message(qtbot, said)
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "Forum survey: 88 percent felt heard")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving the box saves it, or tries to
    qtbot.waitUntil(lambda: bool(said))
    assert said[0].startswith(f"{demo_path}: was moved, deleted or replaced while it was open")
    assert "What you typed is still on screen" in said[0]
    assert editor.toPlainText() == "Forum survey: 88 percent felt heard"
    assert editor.unsaved and "Not saved yet" in editor.toolTip()
    assert window.undo_stack.count() == 0  # nothing to undo: nothing was saved

    note = page.bullets.notes["participation.1"]
    back_to(qtbot, window)
    answer_message(qtbot, said)
    note.setFocus()
    qtbot.keyClicks(note, "Note kept")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: len(said) == 2)
    assert page.bullets.notes["participation.1"].toPlainText() == "Note kept"

    away.rename(demo_path)  # the drive is back
    back_to(qtbot, window)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not editor.unsaved)
    assert editor.toolTip() == ""
    window.close()
    with open_workspace(demo_path, TEST_USER) as ws:
        assert get_judgement(ws, "participation").rationale == "Forum survey: 88 percent felt heard"


def test_text_from_a_package_is_shown_as_typed_not_as_html(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window: OpenWindow
) -> None:
    from PySide6.QtCore import Qt as QtNS

    from selfeval.services import contributions
    from selfeval.services.users import CurrentUser

    with open_workspace(demo_path, TEST_USER) as lead:
        request = tmp_path / "request.sefpack"
        message = '<b>Urgent</b> <img src="file:///etc/hosts"> by Friday'
        contributions.create_request(lead, "ICB", ["right-help"], request, message=message)
    partner = tmp_path / "partner.selfeval"
    contributions.open_request(request, partner, CurrentUser("Amara Okafor", "ICB")).close()
    window = open_window(partner)
    note = window.dashboard.request_note
    assert note.textFormat() == QtNS.TextFormat.PlainText
    assert message in note.text()


def test_undo_after_someone_else_changed_the_rating_keeps_their_value(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    from selfeval.services.judgements import set_judgement_field
    from selfeval.services.users import CurrentUser
    from tests.ui.test_workbench import press_undo, rating_word

    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    page = window.criterion_page
    page.rating.buttons["amber"].click()
    assert rating_word(window, "participation") == "Amber"
    with open_workspace(demo_path, CurrentUser("Amara Okafor", "ICB")) as other:
        set_judgement_field(other, "participation", "", "rating", "red")
    said: list[str] = []
    answer_message(qtbot, said)
    press_undo(qtbot, window)
    qtbot.waitUntil(lambda: bool(said))
    assert said[0].startswith("participation: rating was changed by Amara Okafor at ")
    assert rating_word(window, "participation") == "Red"  # their value, shown
    assert page.rating.rating() == "red"
    assert window.undo_stack.count() == 0  # the refused undo is gone, not waiting to misfire


def test_add_person_keeps_its_text_after_a_bad_email(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:

    from selfeval.services.people import list_people
    from selfeval.ui.pages.people_page import PersonDialog

    window = open_window(demo_path)
    window.navigate("people")
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        if not seen:
            dialog.name.setText("Jo Bloggs")
            dialog.role.setText("SENCO")
            dialog.email.setText("jo.bloggs.example.org")
            seen.append("first")
            dialog.accept()
            when_dialog_opens(qtbot, fill)  # it comes back
            return
        seen.append(dialog.error.text())
        assert (dialog.name.text(), dialog.role.text()) == ("Jo Bloggs", "SENCO")
        dialog.email.setText("jo.bloggs@example.org")
        assert dialog.error.isHidden()  # the fixed field drops its old error
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    window.people_page.add_person()
    assert seen[1] == "'jo.bloggs.example.org' is not an email address"
    assert ("Jo Bloggs", "SENCO", "jo.bloggs@example.org") in {
        (p.name, p.role, p.email) for p in list_people(window.workspace)
    }


def test_an_attachment_that_cannot_be_opened_says_so_and_its_copy_goes(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from selfeval.services.evidence import list_evidence
    from selfeval.ui.evidence_actions import open_attachment
    from selfeval.ui.temporary_copies import remove_temporary_copies

    window = open_window(demo_path)
    item = next(e for e in list_evidence(window.workspace) if e.attachments)
    # the desktop has no program for this kind of file (Qt's own answer, not ours, is faked)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    said: list[str] = []
    path = open_attachment(window.workspace, item.attachments[0].id, said.append)
    assert path is not None and path.is_file()
    assert said == [
        f"{path.name}: no program on this computer opens this kind of file. A copy is at "
        f"{path} until selfeval closes."
    ]
    remove_temporary_copies()
    assert not path.exists() and not path.parent.exists()


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Return])
def test_the_organisation_box_never_completes_into_another_name(
    qtbot: QtBot, key: Qt.Key, framework
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from selfeval.ui.dialogs.evidence_dialog import EvidenceDialog

    dialog = EvidenceDialog(framework, ["Anyshire College", "Anyshire ICB"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    line = dialog.organisation.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Anyshire C")
    assert line.text() == "Anyshire C"
    qtbot.keyClick(line, key)
    assert dialog.organisation.currentText() == "Anyshire C"
