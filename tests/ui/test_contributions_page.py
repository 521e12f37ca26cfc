"""Asking a partner from the app: the recipient picked or typed (never completed into another
name), the passphrase typed twice, and a request re-issued from the Contributions page."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from selfeval.services.contributions.package_format import read_package
from selfeval.services.contributions.package_seal import SEALED_V2
from selfeval.services.contributions.tracking import contributions_in_flight
from selfeval.ui.dialogs.request_dialog import ReissueDialog, RequestDialog
from selfeval.ui.window import contribution_actions
from tests.ui.conftest import when_dialog_opens


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The platform's file dialog answers with `path` (it is Qt's, not ours, under test)."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(path), ""))
    )


def test_a_request_keeps_the_typed_name_and_asks_the_passphrase_twice(
    qtbot: QtBot, demo_path: Path, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    problems: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RequestDialog)
        offered = [dialog.to.itemText(i) for i in range(dialog.to.count())]
        assert "Anyshire College" in offered
        assert any(name.endswith("(NHS Anyshire and Wessex ICB)") for name in offered)
        line = dialog.to.lineEdit()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        line.setFocus()
        assert line.hasFocus()  # typed as a user types: Qt's inline completion would act here
        qtbot.keyClicks(line, "Anyshire C")
        qtbot.keyClick(line, Qt.Key.Key_Tab)
        assert dialog.to.currentText() == "Anyshire C"  # not completed into Anyshire College
        line.setText("Anyshire Careers Hub")
        assert dialog.chosen() == ["participation"]
        dialog.due.setText((date.today() + timedelta(14)).strftime("%d/%m/%Y"))
        dialog.passphrase.first.setText("amber kestrel 42")
        dialog.passphrase.again.setText("amber kestrel 24")
        dialog.accept()
        problems.append(dialog.error.text())
        assert dialog.isVisible() and dialog.to.currentText() == "Anyshire Careers Hub"
        dialog.due.setText("31/02/2027")
        dialog.passphrase.again.setText("amber kestrel 42")
        dialog.accept()
        problems.append(dialog.error.text())
        dialog.due.setText((date.today() + timedelta(14)).strftime("%d/%m/%Y"))
        dialog.accept()

    target = tmp_path / "hub.sefpack"
    save_as(monkeypatch, target)
    when_dialog_opens(qtbot, fill)
    contribution_actions.request_contribution(window)
    qtbot.waitUntil(target.exists, timeout=10_000)  # written on a task, with progress
    assert problems[0] == "Passphrase: the two passphrases are not the same; type them again"
    assert problems[1].startswith("Wanted by: ")
    assert target.read_bytes().startswith(SEALED_V2)
    manifest = read_package(target, "amber kestrel 42").manifest
    assert (manifest.to, manifest.criteria) == ("Anyshire Careers Hub", ["participation"])


def test_an_overdue_request_is_reissued_from_the_contributions_page(
    qtbot: QtBot, demo_path: Path, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services import contributions

    window = open_window(demo_path)
    contributions.create_request(
        window.workspace,
        "Anyshire Parent Carer Forum",
        ["participation"],
        tmp_path / "first.sefpack",
        due_date=date.today() - timedelta(2),
    )
    window.navigate("contributions")
    page = window.extra_page("contributions")
    assert page.table.item(0, 4).text() == "Overdue"
    new_due = date.today() + timedelta(10)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ReissueDialog)
        assert dialog.due.text() == ""  # the old date has passed: not offered again
        dialog.due.setText(new_due.strftime("%d/%m/%Y"))
        dialog.accept()

    save_as(monkeypatch, tmp_path / "again.sefpack")
    when_dialog_opens(qtbot, fill)
    page.table.selectRow(0)
    qtbot.mouseClick(page.reissue_button, Qt.MouseButton.LeftButton)
    assert [page.table.item(r, 4).text() for r in range(page.table.rowCount())] == [
        "Re-issued",
        "Awaiting",
    ]
    rows = contributions_in_flight(window.workspace)
    assert rows[1].due_date == new_due and rows[0].replaced_by == rows[1].request_id
    assert read_package(tmp_path / "again.sefpack").manifest.to == "Anyshire Parent Carer Forum"


def test_a_request_opens_on_a_task_into_a_new_window(
    qtbot: QtBot, demo_path: Path, open_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services import contributions
    from selfeval.services.workspace import open_workspace

    window = open_window(demo_path)
    request = tmp_path / "request.sefpack"
    contributions.create_request(window.workspace, "Anyshire ICB", ["right-help"], request)
    partner = tmp_path / "partner.selfeval"
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(request), ""))
    )

    def who(dialog: QDialog) -> None:
        dialog.name.setText("Dr Sam Patel")  # type: ignore[attr-defined]
        dialog.organisation.setText("Anyshire ICB")  # type: ignore[attr-defined]
        dialog.path.setText(str(partner))  # type: ignore[attr-defined]
        dialog.accept()

    when_dialog_opens(qtbot, who)
    contribution_actions.open_request(window)

    def partner_window() -> object:
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and str(getattr(w, "address", "")).endswith("partner.selfeval"):
                return w
        return None

    qtbot.waitUntil(lambda: partner_window() is not None, timeout=10_000)  # opened on a task
    opened = partner_window()
    qtbot.addWidget(opened)  # closed when the test ends, whatever happens below
    qtbot.waitUntil(lambda: getattr(opened, "attached", False), timeout=10_000)
    assert not window.isVisible()  # the partner's window took over
    with open_workspace(partner) as copy:
        assert [c.id for c in copy.framework.criteria] == ["right-help"]
    from selfeval.services.users import load_saved_user

    assert str(load_saved_user()) == "Dr Sam Patel (Anyshire ICB)"  # asked, not the computer's
