"""Ready for the data request in the app: the page, an item edited and undone, the cockpit card."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from selfeval.services.data_request import list_items
from selfeval.ui.pages.data_request_page import DataRequestDialog
from tests.ui.conftest import when_dialog_opens


def test_an_item_is_made_ready_and_undone_and_the_cockpit_follows(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("dashboard")
    assert window.dashboard.boxes["data_request"].title() == "Data request items not ready (6)"
    card = window.dashboard.lists["data_request"]
    assert card.item(0).text().startswith("Tribunal appeals and mediation figures (")
    window.dashboard._go(card.item(0))
    page = window.extra_page("datarequest")
    assert window.pages.currentWidget() is page
    assert page.summary.text().startswith("13 of 19 items ready; 6 not ready.")
    row = next(i for i, r in enumerate(page.rows) if r.title.startswith("Tribunal"))
    assert page.table.item(row, 5).text() == "Not ready"
    assert "never refreshed" in page.table.item(row, 5).toolTip()
    page.table.selectRow(row)
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, DataRequestDialog)
        assert dialog.title.text() == "Tribunal appeals and mediation figures"
        dialog.held.setText("SEND Tribunal statistics download, team drive")
        dialog.refreshed.setText("30/02/2026")
        dialog.accept()
        seen.append(dialog.error.text())
        dialog.refreshed.setText(f"{date.today() - timedelta(days=10):%d/%m/%Y}")
        dialog.within.setCurrentIndex(dialog.within.findData("yes"))
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    page.edit()
    assert seen[0].startswith("Last refreshed: ")
    assert page.summary.text().startswith("14 of 19 items ready; 5 not ready.")
    window.undo_stack.undo()
    assert page.summary.text().startswith("13 of 19 items ready; 6 not ready.")
    tribunal = next(i for i in list_items(window.workspace) if i.title.startswith("Tribunal"))
    assert tribunal.held_where == "" and tribunal.refreshed_on is None
    window.navigate("dashboard")
    assert window.dashboard.boxes["data_request"].title() == "Data request items not ready (6)"
