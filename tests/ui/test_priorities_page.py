"""Our priorities in the app: added through the dialog, shown with their thread (criteria,
actions on them, indicators), corrected, deleted, and each step undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.services.improvement.priorities import list_priorities
from selfeval.ui.pages.priorities_page import PriorityDialog
from tests.ui.conftest import when_dialog_opens


def test_a_priority_added_shown_edited_deleted_and_undone(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("page", "priorities")
    page = window.extra_page("priorities")
    assert page.table.rowCount() == 3 and page.summary.text().startswith("3 priorities.")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PriorityDialog)
        assert dialog.number.value() == 4  # the next number
        dialog.title.setText("Short breaks")
        dialog.board.setText("SEND Partnership Board")
        for row in range(dialog.criteria.count()):
            item = dialog.criteria.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == "right-help":
                item.setCheckState(Qt.CheckState.Checked)
        for row in range(dialog.indicators.count()):
            item = dialog.indicators.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == "ehcp-20-weeks":
                item.setCheckState(Qt.CheckState.Checked)
        dialog._accept()

    when_dialog_opens(qtbot, fill)
    page.add()
    assert [p.title for p in list_priorities(window.workspace)][-1] == "Short breaks"
    assert page.table.item(3, 2).text() == "3"
    assert page.table.item(3, 3).text()  # the actions on criterion 3
    assert page.table.item(3, 4).text()  # the risks on criterion 3
    measured = page.table.item(3, 5).text()  # its latest figure, beside like-for-like comparators
    assert "20 weeks" in measured and "(2022)" in measured and "England" in measured
    window.undo_stack.undo()
    assert len(list_priorities(window.workspace)) == 3
    window.undo_stack.redo()
    page.table.selectRow(3)

    def rename(dialog: QDialog) -> None:
        assert isinstance(dialog, PriorityDialog) and dialog.title.text() == "Short breaks"
        dialog.title.setText("EHC plans on time")
        dialog._accept()

    when_dialog_opens(qtbot, rename)
    page.edit_selected()
    assert list_priorities(window.workspace)[-1].title == "EHC plans on time"
    page.table.selectRow(3)
    monkeypatch_yes = QMessageBox.question
    QMessageBox.question = staticmethod(  # type: ignore[method-assign]
        lambda *_a, **_k: QMessageBox.StandardButton.Yes
    )
    try:
        page.delete_selected()
    finally:
        QMessageBox.question = monkeypatch_yes  # type: ignore[method-assign]
    assert len(list_priorities(window.workspace)) == 3
    window.undo_stack.undo()
    assert list_priorities(window.workspace)[-1].title == "EHC plans on time"


def test_the_dashboard_and_the_criterion_page_show_the_priorities(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("dashboard", "")
    progress = window.dashboard.lists["priorities"]
    lines = [progress.item(row).text() for row in range(progress.count())]
    assert lines[0].startswith("1. Timely, good-quality EHC plans: 0 of 4 actions complete")
    assert window.dashboard.boxes["priorities"].title() == "Our priorities: actions complete (3)"
    progress.itemActivated.emit(progress.item(0))
    assert window.pages.currentWidget() is window.extra_page("priorities")
    window.navigate("criterion", "right-help")
    shown = window.criterion_page.priorities
    assert shown.text() == (
        "Our priorities: 1. Timely, good-quality EHC plans; 2. The right therapy at the right time"
    )
    window.navigate("criterion", "participation")
    assert not shown.isVisibleTo(window.criterion_page)
