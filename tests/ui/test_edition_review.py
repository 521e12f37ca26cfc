"""The review after a new edition: every item to confirm, the old and new words side by side
with the changes marked, and the list emptying as items are confirmed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selfeval.locations import user_frameworks_dir
from selfeval.services.frameworks import framework_library
from selfeval.services.improvement.edition_carry import carry_to_edition
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace
from tests.next_edition import NEXT_ID, write_next_edition


def test_the_review_page_lists_marks_and_empties(
    qtbot: QtBot,
    demo_path: Path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    from selfeval.ui.pages.edition_review_page import EditionReviewPage

    write_next_edition(user_frameworks_dir())
    with open_workspace(demo_path, CurrentUser("Test Lead", "Testshire Council")) as workspace:
        result = carry_to_edition(workspace, framework_library().get(NEXT_ID))
    window = open_window(demo_path)
    assert window.workspace.assessment_id == result.assessment_id
    dashboard = window.dashboard
    assert dashboard.boxes["edition"].isVisible()
    assert dashboard.boxes["edition"].title() == (
        f"To confirm after the new edition ({result.to_confirm})"
    )
    window.navigate("edition")
    page = window.extra_page("edition")
    assert isinstance(page, EditionReviewPage) and page.isVisible()
    assert page.table.rowCount() == result.to_confirm
    assert page.summary.text().startswith(f"{result.to_confirm} items to confirm on Test edition")
    row = next(n for n, item in enumerate(page.items) if item.item_id == "right-help.1")
    page.table.selectRow(row)
    assert page.table.item(row, 1).text() == "Reworded"  # the change in words, not a colour
    assert "<s " in page.before.toHtml() or "line-through" in page.before.toHtml()
    assert "promptly" in page.after.toPlainText() and "in a timely way" in page.before.toPlainText()
    merged = next(n for n, item in enumerate(page.items) if item.item_id == "leaders-engage")
    page.table.selectRow(merged)
    assert page.table.item(merged, 2).text() == "Green (as 7), Amber (as 8)"
    assert not page.confirm_button.isEnabled()  # two different ratings: rate it afresh
    split = next(n for n, item in enumerate(page.items) if item.item_id == "next-steps-work")
    page.table.selectRow(split)
    assert page.confirm_button.isEnabled()
    page.confirm_button.click()
    assert page.isVisible()  # the review stays in view
    assert "next-steps-work" not in {i.item_id for i in page.items}
    window.navigate("dashboard", "")  # the card counts it when the dashboard is shown
    assert dashboard.boxes["edition"].title().endswith(f"({result.to_confirm - 1})")
    window.navigate("edition")
    removed = next(n for n, item in enumerate(page.items) if item.item_id == "valued-included.3")
    page.table.selectRow(removed)
    assert page.ack_button.isEnabled() and not page.open_button.isEnabled()
    assert "removed from the new edition" in page.after.toPlainText()
    page.ack_button.click()
    assert "valued-included.3" not in {i.item_id for i in page.items}
    window.undo_stack.undo()  # the confirmed rating comes back off: the item is listed again
    QApplication.processEvents()
    assert "next-steps-work" in {i.item_id for i in page.items}
    page.table.selectRow(next(n for n, i in enumerate(page.items) if i.item_id == "participation"))
    page.open_button.click()
    assert window.criterion_page.criterion_id == "participation"


def test_the_history_says_what_was_carried_to_the_new_edition(
    qtbot: QtBot,
    demo_path: Path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    from selfeval.ui.dialogs.history_dialog import HistoryDialog

    write_next_edition(user_frameworks_dir())
    with open_workspace(demo_path, CurrentUser("Test Lead", "Testshire Council")) as workspace:
        carry_to_edition(workspace, framework_library().get(NEXT_ID))
    window = open_window(demo_path)
    dialog = HistoryDialog(window.workspace, "leaders-engage", "Leaders engage", window)
    qtbot.addWidget(dialog)
    who = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert "Test Lead (Testshire Council), carried from area-send-2023 to area-send-next" in who


def test_file_assessment_moves_to_the_new_edition_on_a_task(
    qtbot: QtBot,
    demo_path: Path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QDialog, QInputDialog

    from selfeval.ui.window.progress_actions import move_to_new_edition
    from tests.ui.conftest import when_dialog_opens

    write_next_edition(user_frameworks_dir())
    window = open_window(demo_path)
    asked: list[str] = []

    def choose_title(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        asked.append(dialog.textValue())
        dialog.accept()

    def choose_edition(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        asked.append(dialog.textValue())
        when_dialog_opens(qtbot, choose_title)
        dialog.accept()

    when_dialog_opens(qtbot, choose_edition)
    move_to_new_edition(window)
    assert asked[0].startswith("Area SEND framework, a test edition")
    assert asked[1].endswith("(test-next)")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)  # the new window took over
    from PySide6.QtWidgets import QApplication

    def new_windows() -> list[object]:
        return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]

    for w in new_windows():
        qtbot.addWidget(w)  # closed when the test ends, whatever happens below

    def on_new_edition() -> bool:  # the new window opens its workspace in the background
        return any(
            getattr(w, "attached", False) and w.workspace.framework.id == NEXT_ID
            for w in new_windows()
        )

    qtbot.waitUntil(on_new_edition, timeout=10_000)
