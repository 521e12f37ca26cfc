"""File > Sign off this version: a person picked from the partnership, a refusal kept in the
dialog, and the signature recorded with the content hash."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.services.signoff import content_hash, list_signatures
from selfeval.ui.dialogs.signoff_dialog import SignOffDialog
from tests.ui.conftest import when_dialog_opens


def test_a_signatory_is_recorded_from_the_file_menu(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    said: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, SignOffDialog)
        assert dialog.state.text() == "Nobody has signed off this self-evaluation yet."
        assert dialog.version.text() == "1.0"
        dialog.name.setCurrentText("Helen Whitfield")
        assert dialog.role.text() == "Assistant Director, SEND and Inclusion"  # filled in
        assert dialog.organisation.currentText() == "Anyshire County Council - SEND and Inclusion"
        dialog.role.setText("Director of Children's Services")
        dialog.signed_on.setText("31/12/2099")
        dialog.accept()
        said.append(dialog.error.text())
        assert dialog.isVisible() and dialog.role.text() == "Director of Children's Services"
        dialog.signed_on.setText("20/11/2026")
        when_dialog_opens(qtbot, read_confirmation)
        dialog.accept()

    def read_confirmation(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    when_dialog_opens(qtbot, fill)
    window.controller.sign_off()
    assert "is in the future" in said[0]
    (signature,) = list_signatures(window.workspace)
    assert (signature.name, signature.role, signature.version_label) == (
        "Helen Whitfield",
        "Director of Children's Services",
        "1.0",
    )
    assert signature.content_hash == content_hash(window.workspace)
    assert said[1].startswith("Helen Whitfield (Anyshire County Council - SEND and Inclusion)")
    assert signature.content_hash in said[1]
