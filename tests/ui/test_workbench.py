"""The whole self-evaluation recorded through the real widgets, then read back in a new window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.services.evidence import EvidenceInput, list_evidence
from selfeval.ui.dialogs.evidence_dialog import EvidenceDialog, EvidenceForm
from selfeval.ui.evidence_actions import add_evidence_undoable
from selfeval.ui.pages.evidence_library_page import EvidenceLibraryPage
from selfeval.ui.tasks import cancel_and_await_all
from selfeval.ui.touches import ALL_BUT_EVIDENCE
from selfeval.ui.widgets.criteria_tree import KIND_ROLE
from selfeval.ui.widgets.owners_panel import AddOwnerDialog
from selfeval.ui.window.main_window import MainWindow
from tests.ui.conftest import when_dialog_opens

OpenWindow = Callable[[Path], MainWindow]


def rating_word(window: MainWindow, criterion_id: str) -> str:
    index = window.tree_model.index_of("criterion", criterion_id)
    return str(index.siblingAtColumn(1).data())


def back_to(qtbot: QtBot, window: MainWindow) -> None:
    """After a dialog closes the main window is active again, as on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press_undo(qtbot: QtBot, window: MainWindow) -> None:
    back_to(qtbot, window)
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )


def press_redo(qtbot: QtBot, window: MainWindow) -> None:
    back_to(qtbot, window)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Z, modifiers)


def test_rate_by_keyboard_write_rationale_undo_redo(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    page = window.criterion_page
    assert rating_word(window, "participation") == "Green"

    page.rating.buttons["green"].setFocus()
    qtbot.keyClick(page.rating.buttons["green"], Qt.Key.Key_Left)
    assert page.rating.rating() == "amber"
    assert rating_word(window, "participation") == "Amber"

    editor = page.texts["rationale"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "SENDIASS survey 2026: 88% felt listened to")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving the box saves it
    assert window.undo_stack.count() == 2

    press_undo(qtbot, window)
    assert not page.texts["rationale"].toPlainText().startswith("SENDIASS survey 2026")
    press_undo(qtbot, window)
    assert rating_word(window, "participation") == "Green"
    assert page.rating.rating() == "green"
    press_redo(qtbot, window)
    press_redo(qtbot, window)
    assert rating_word(window, "participation") == "Amber"
    assert page.texts["rationale"].toPlainText() == "SENDIASS survey 2026: 88% felt listened to"
    window.close()

    again = open_window(demo_path)
    again.navigate("criterion", "participation")
    assert again.criterion_page.rating.rating() == "amber"
    assert again.criterion_page.texts["rationale"].toPlainText().startswith("SENDIASS survey 2026")


def test_undo_while_typing_saves_then_undoes(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.navigate("criterion", "next-steps")
    editor = window.criterion_page.texts["impact"]
    before = editor.toPlainText()
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, " More young people in paid work.")
    press_undo(qtbot, window)  # the pending text is saved first, then undone
    assert editor.toPlainText() == before
    press_redo(qtbot, window)
    assert editor.toPlainText().endswith("More young people in paid work.")


def test_add_evidence_with_attachment_linked_to_two_criteria(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow, tmp_path: Path
) -> None:
    attachment = tmp_path / "tribunal-appeals-2026.csv"
    attachment.write_text("year,appeals\n2025,41\n2026,35\n", encoding="utf-8")
    window = open_window(demo_path)
    window.navigate("criterion", "right-help")
    panel = window.criterion_page.evidence
    before = panel.list.count()

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EvidenceDialog)
        qtbot.keyClicks(dialog.title, "Tribunal appeals 2026")
        qtbot.keyClicks(dialog.date, "30/09/2026")
        dialog.kind.setCurrentIndex(dialog.kind.findData("data"))
        for i in range(dialog.criteria.count()):  # right-help is ticked already; add criterion 10
            item = dialog.criteria.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "leaders-evaluate":
                item.setCheckState(Qt.CheckState.Checked)
        dialog.add_files([attachment])
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, fill)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.list.count() == before + 1
    added = [v for v in panel.items.values() if v.title == "Tribunal appeals 2026"][0]
    assert added.criteria == ("leaders-evaluate", "right-help")
    assert [a.filename for a in added.attachments] == ["tribunal-appeals-2026.csv"]

    press_undo(qtbot, window)
    assert panel.list.count() == before
    press_redo(qtbot, window)
    assert panel.list.count() == before + 1
    window.close()

    again = open_window(demo_path)
    again.navigate("criterion", "leaders-evaluate")
    titles = [v.title for v in again.criterion_page.evidence.items.values()]
    assert "Tribunal appeals 2026" in titles


def test_invalid_evidence_shows_messages_next_to_fields(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.navigate("criterion", "right-help")
    seen: dict[str, str] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EvidenceDialog)
        qtbot.keyClicks(dialog.date, "31/02/2026")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        seen["title"] = dialog.title_error.text() if dialog.title_error.isVisibleTo(dialog) else ""
        seen["date"] = dialog.date_error.text() if dialog.date_error.isVisibleTo(dialog) else ""
        seen["open"] = str(dialog.isVisible())
        asked: list[str] = []

        def answer(box: QDialog) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            if len(asked) == 1:  # first: keep editing, nothing lost
                box.button(QMessageBox.StandardButton.Cancel).click()
            else:
                box.button(QMessageBox.StandardButton.Discard).click()

        when_dialog_opens(qtbot, answer)
        dialog.reject()  # Cancel on a changed form asks first
        assert dialog.isVisible() and dialog.date.text() == "31/02/2026"
        when_dialog_opens(qtbot, answer)
        dialog.reject()
        seen["asked"] = asked[0]

    when_dialog_opens(qtbot, fill)
    count = window.criterion_page.evidence.list.count()
    qtbot.mouseClick(window.criterion_page.evidence.add_button, Qt.MouseButton.LeftButton)
    assert seen == {
        "title": "Enter a title (up to 500 characters).",
        "date": "'31/02/2026' is not a date (write 2024-03-31 or 31/03/2024)",
        "open": "True",
        "asked": "Discard what you typed? Your changes in this form will be lost.",
    }
    assert window.criterion_page.evidence.list.count() == count


def test_assign_lead_owner_then_undo(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.navigate("criterion", "valued-included")
    owners = window.criterion_page.owners

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, AddOwnerDialog)
        dialog.person.setCurrentIndex(dialog.person.findText("Farah Ahmed (Anyshire College)"))
        dialog.role.setCurrentIndex(dialog.role.findData("lead"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, choose)
    qtbot.mouseClick(owners.add_button, Qt.MouseButton.LeftButton)
    texts = [owners.list.item(i).text() for i in range(owners.list.count())]
    assert texts[0] == "Lead: Farah Ahmed, Anyshire College"
    assert "Contributor: Mark Sutton, Anyshire Parent Carer Forum" in texts
    press_undo(qtbot, window)
    texts = [owners.list.item(i).text() for i in range(owners.list.count())]
    assert texts[0] == "Lead: Mark Sutton, Anyshire Parent Carer Forum"
    assert not any("Farah" in t for t in texts)
    press_redo(qtbot, window)
    window.close()
    again = open_window(demo_path)
    again.navigate("criterion", "valued-included")
    first = again.criterion_page.owners.list.item(0).text()
    assert first == "Lead: Farah Ahmed, Anyshire College"


def test_dashboard_lists_follow_the_edits(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    unrated = window.dashboard.lists["unrated"]
    assert [unrated.item(i).text() for i in range(unrated.count())] == ["\u2713 None"]
    window.navigate("criterion", "leaders-engage")
    page = window.criterion_page
    page.rating.buttons["not-rated"].click()
    assert window.progress.text() == "10 of 11 criteria rated"
    window.navigate("dashboard", "")  # a hidden dashboard is brought up to date when shown
    texts = [unrated.item(i).text() for i in range(unrated.count())]
    assert texts == ["7. Leaders actively engage and work with children, young people and families"]
    item = unrated.item(0)
    unrated.setCurrentItem(item)
    unrated.setFocus()
    qtbot.keyClick(unrated, Qt.Key.Key_Return)  # the entry is a link to the place to fix it
    assert window.pages.currentWidget() is page
    assert page.criterion_id == "leaders-engage"


def test_search_the_evidence_library(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.navigate("evidence_page", "")
    library = window.evidence_page
    assert library.proxy.rowCount() == 66
    library.search.setFocus()
    qtbot.keyClicks(library.search, "audit")
    titles = sorted(library.proxy.index(r, 0).data() for r in range(library.proxy.rowCount()))
    assert titles and all(
        "audit" in (t + v.description + v.kind).casefold()
        for t, v in ((t, next(x for x in library.model.rows if x.title == t)) for t in titles)
    )
    assert "Multi-agency EHC plan audit, quarter 2" in titles
    library.search.clear()
    library.personal.setChecked(True)
    assert library.proxy.rowCount() == 4
    assert library.count.text() == "4 of 66 items"


def test_searching_keeps_the_selected_item_and_column_widths(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.navigate("evidence_page", "")
    library = window.evidence_page
    wanted = "Multi-agency EHC plan audit, quarter 2"
    library.select(next(r.id for r in library.model.rows if r.title == wanted))
    library.table.setColumnWidth(2, 222)
    library.search.setFocus()
    qtbot.keyClicks(library.search, "audi")
    assert library.table.currentIndex().siblingAtColumn(0).data() == wanted
    assert library.table.selectionModel().isRowSelected(library.table.currentIndex().row())
    assert library.table.columnWidth(2) == 222
    qtbot.keyClicks(library.search, "zzz")  # filtered out: nothing is selected
    assert library.proxy.rowCount() == 0 and library.selected_id() is None
    library.search.clear()
    assert library.proxy.rowCount() == 66
    assert library.table.horizontalHeader().sortIndicatorSection() == 3
    library.select(next(r.id for r in library.model.rows if r.title == wanted))
    library.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # sorting keeps it too
    shown = [library.proxy.index(r, 0).data() for r in range(library.proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold)
    assert library.table.currentIndex().siblingAtColumn(0).data() == wanted
    assert library.table.currentIndex().row() == shown.index(wanted)


def test_keyboard_shortcuts_move_between_pages(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.evidence_page
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.people_page
    # Ctrl+N is the Nth place in the navigator, in the order the navigator lists them
    places = [
        window.tree_model.item(row, 0).text()
        for row in range(window.tree_model.rowCount())
        if window.tree_model.item(row, 0).data(KIND_ROLE) == "page"
    ]
    assert places == [
        "Readiness dashboard",
        "Evidence library",
        "Action plan",
        "Indicators",
        "Risk register",
        "Contributions",
        "People and organisations",
        "My work",
        "Ready for the data request",
        "To confirm after a new edition",
        "Our priorities",  # the eleventh: Go > Our priorities, no Ctrl+number left
        "Voices, surveys and case studies",  # Go > Voices, surveys and case studies
    ]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.tree.currentIndex().siblingAtColumn(0).data() == places[9]  # the tenth
    for number, key in enumerate((Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6), 3):
        qtbot.keyClick(window.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        assert window.tree.currentIndex().siblingAtColumn(0).data() == places[number - 1]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.criterion_page.criterion_id == "needs-identified"
    assert QApplication.activeModalWidget() is None


def test_history_shows_who_changed_what(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    from selfeval.ui.dialogs.history_dialog import HistoryDialog

    window = open_window(demo_path)
    window.navigate("criterion", "next-steps")
    window.criterion_page.rating.buttons["green"].click()
    seen: list[list[str]] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, HistoryDialog)
        seen.append([dialog.table.item(0, c).text() for c in range(1, 5)])
        dialog.reject()

    when_dialog_opens(qtbot, read)
    qtbot.mouseClick(window.criterion_page.history_button, Qt.MouseButton.LeftButton)
    assert seen == [["Test Lead (Testshire Council)", "Rating", "amber", "green"]]


def test_the_library_shows_evidence_added_elsewhere_and_undone(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:

    window = open_window(demo_path)
    window.navigate("evidence_page", "")
    library = window.evidence_page
    assert library.model.rowCount() == 66
    window.navigate("criterion", "right-help")
    before = window.criterion_page.rating.rating()
    window.criterion_page.rating.buttons["green"].click()  # a rating leaves the library as is...
    assert library.loaded
    form = EvidenceForm(EvidenceInput(title="Therapy waits Q3", kind="data"), ["right-help"])
    add_evidence_undoable(window.context, form, "right-help")  # ...new evidence does not
    assert window.criterion_page.evidence.list.count() == len(window.criterion_page.evidence.items)
    assert any(v.title == "Therapy waits Q3" for v in window.criterion_page.evidence.items.values())
    window.navigate("evidence_page", "")
    assert library.model.rowCount() == 67
    assert library.count.text() == "67 of 67 items"
    window.undo_stack.undo()  # undone while the library is in view: it updates at once
    assert library.model.rowCount() == 66
    window.undo_stack.undo()  # the rating
    window.navigate("criterion", "right-help")
    assert window.criterion_page.rating.rating() == before != "green"


def test_a_big_library_is_read_off_the_gui_thread(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setattr(EvidenceLibraryPage, "READ_IN_BACKGROUND_FROM", 0)  # the demo counts big
    window = open_window(demo_path)
    wanted = next(v for v in list_evidence(window.workspace) if v.title.startswith("Multi-agency"))
    window.navigate("evidence", wanted.id)  # shows at once, reads in the background
    library = window.evidence_page
    assert window.pages.currentWidget() is library
    assert library.count.text() == "Reading the evidence library..."
    # evidence added while the read is under way is not lost: the library reads again
    form = EvidenceForm(EvidenceInput(title="Added during the read", kind="data"), [])
    add_evidence_undoable(window.context, form)
    qtbot.waitUntil(lambda: library.model.rowCount() == 67, timeout=5000)
    assert library.count.text() == "67 of 67 items"
    assert library.selected_id() == wanted.id  # the item asked for is selected once read


def test_closing_while_the_library_is_read_says_nothing(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setattr(EvidenceLibraryPage, "READ_IN_BACKGROUND_FROM", 0)
    window = open_window(demo_path)
    window.navigate("evidence_page", "")
    assert window.evidence_page.count.text() == "Reading the evidence library..."
    window.close()
    assert cancel_and_await_all() == []  # the read has finished: its result is queued or in
    QApplication.processEvents()  # ...and arrives now, to a page that dropped it
    assert QApplication.activeModalWidget() is None
    assert window.evidence_page.model.rowCount() == 0
    assert window.evidence_page.count.text() == "Reading the evidence library..."


def test_the_next_criterion_opens_at_its_top(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    window = open_window(demo_path)
    window.resize(1366, 768)
    window.navigate("criterion", "needs-identified")
    bar = window.criterion_page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.step_criterion(1)
    assert window.criterion_page.criterion_id == "participation"
    assert bar.value() == 0
    bar.setValue(bar.maximum() // 2)
    window.changed(
        "participation", ALL_BUT_EVIDENCE
    )  # a refresh of the same criterion keeps the place
    assert bar.value() == bar.maximum() // 2


def test_a_file_attached_to_the_wrong_item_is_removed_and_undo_puts_it_back(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    from selfeval.ui.evidence_actions import edit_evidence_undoable

    window = open_window(demo_path)
    item = next(e for e in list_evidence(window.workspace) if e.attachments)
    dialog = EvidenceDialog(window.workspace.framework, [], existing=item, parent=window)
    qtbot.addWidget(dialog)
    dialog.files.setCurrentRow(0)
    dialog.remove_selected_file()
    assert dialog.files.count() == len(item.attachments) - 1
    dialog._accept()
    assert dialog.result_form is not None
    edit_evidence_undoable(window.context, item, dialog.result_form)
    after = next(e for e in list_evidence(window.workspace) if e.id == item.id)
    assert len(after.attachments) == len(item.attachments) - 1
    window.undo_stack.undo()
    back = next(e for e in list_evidence(window.workspace) if e.id == item.id)
    assert sorted(a.filename for a in back.attachments) == sorted(
        a.filename for a in item.attachments
    )
    window.undo_stack.redo()
    again = next(e for e in list_evidence(window.workspace) if e.id == item.id)
    assert len(again.attachments) == len(item.attachments) - 1


def test_the_statement_for_families_is_typed_saved_and_measured(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow
) -> None:
    from selfeval.services.judgements import get_judgement

    window = open_window(demo_path)
    window.navigate("criterion", "next-steps")
    page = window.criterion_page
    editor = page.texts["family_statement"]
    editor.setFocus()
    long = (
        "We are making sure that every young person with special educational needs and their "
        "family have a clear plan for moving on to college, training or work well before the "
        "end of year eleven, with help from every service involved."
    )
    qtbot.keyClicks(editor, "We help young people plan early. " + long)
    assert page.reading_ease.text().startswith("Reading ease ")
    assert "1 sentence over 25 words" in page.reading_ease.text()
    assert page.reading_ease.toolTip().startswith("Over 25 words: We are making sure")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving the box saves it, as every other box
    statement = get_judgement(window.workspace, "next-steps").family_statement
    assert statement.startswith("We help young people plan early.")
    assert window.undo_stack.undoText() == "edit for families: what we want families to know"
    # another criterion's page never keeps this one's measure
    window.navigate("criterion", "right-help")
    assert "sentence over 25 words" not in page.reading_ease.text()
    assert page.reading_ease.toolTip() == ""
    window.navigate("criterion", "next-steps")
    assert "1 sentence over 25 words" in page.reading_ease.text()
    press_undo(qtbot, window)
    assert get_judgement(window.workspace, "next-steps").family_statement == ""


@pytest.mark.parametrize("choice", ["keep", "take"])
def test_text_changed_by_someone_else_meanwhile_is_a_choice_not_an_overwrite(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow, choice: str
) -> None:
    from selfeval.services.judgements import get_judgement, set_judgement
    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import open_workspace
    from selfeval.ui.dialogs.conflict_dialog import ConflictDialog
    from tests.ui.conftest import when_dialog_opens

    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    editor = window.criterion_page.texts["rationale"]
    with open_workspace(demo_path, CurrentUser("Amara Okafor", "ICB")) as other:
        set_judgement(other, "participation", rationale="Amara's new evidence of participation.")
    seen: list[str] = []

    def decide(dialog: QDialog) -> None:
        assert isinstance(dialog, ConflictDialog)
        seen.append(dialog.theirs.toPlainText())
        assert dialog.yours.toPlainText() == "My own words."
        (dialog.keep_button if choice == "keep" else dialog.take_button).click()

    when_dialog_opens(qtbot, decide)
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "My own words.")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["Amara's new evidence of participation."]
    stored = get_judgement(window.workspace, "participation").rationale
    if choice == "keep":
        assert stored == "My own words." and window.undo_stack.count() == 1
        press_undo(qtbot, window)  # undo puts back Amara's text, not the text before hers
        assert get_judgement(window.workspace, "participation").rationale == seen[0]
    else:
        assert stored == seen[0] and editor.toPlainText() == seen[0]
        assert window.undo_stack.count() == 0


@pytest.mark.parametrize("mine", [True, False])
def test_a_rating_changed_by_someone_else_meanwhile_is_a_choice_not_an_overwrite(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow, mine: bool
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from selfeval.services.judgements import get_judgement, set_judgement
    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import open_workspace
    from tests.ui.conftest import when_dialog_opens

    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    assert get_judgement(window.workspace, "participation").rating == "green"
    with open_workspace(demo_path, CurrentUser("Amara Okafor", "ICB")) as other:
        set_judgement(other, "participation", rating="amber")  # the page still shows Green
    asked: list[str] = []

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        button = QMessageBox.StandardButton.Yes if mine else QMessageBox.StandardButton.No
        dialog.button(button).click()

    when_dialog_opens(qtbot, answer)
    window.criterion_page.rating.buttons["red"].click()
    assert asked and asked[0].startswith("Amara Okafor rated this criterion Amber at ")
    assert "after this page showed Green" in asked[0]
    stored = get_judgement(window.workspace, "participation").rating
    assert stored == ("red" if mine else "amber")
    assert window.criterion_page.rating.rating() == stored
    if mine:
        press_undo(qtbot, window)  # undo puts back Amara's rating, not the one before hers
        assert get_judgement(window.workspace, "participation").rating == "amber"
    else:
        assert window.undo_stack.count() == 0
        window.criterion_page.rating.buttons["red"].click()  # now the page shows hers: no ask
        assert len(asked) == 1
        assert get_judgement(window.workspace, "participation").rating == "red"


def test_the_stale_card_counts_every_item_while_listing_the_first_ones(
    qtbot: QtBot, demo_path: Path, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dashboard lists the first stale items and counts them all in the database (a
    county's library is not read on every edit); a rating click keeps the counts it had."""
    import selfeval.ui.pages.dashboard_page as dashboard_page
    from selfeval.services.readiness import readiness

    monkeypatch.setattr(dashboard_page, "MAX_LISTED", 3)
    window = open_window(demo_path)
    window.dashboard.refresh()
    stale = readiness(window.workspace).stale_count
    assert stale > 4
    box, widget = window.dashboard.boxes["stale"], window.dashboard.lists["stale"]
    assert box.title() == f"Evidence older than 12 months ({stale})"
    rows = [widget.item(i).text() for i in range(widget.count())]
    assert len(rows) == 4 and rows[-1].startswith(f"... and {stale - 3} more")
    evidence = window.dashboard.lists["without_evidence"]
    before = [evidence.item(i).text() for i in range(evidence.count())]
    window.navigate("criterion", "participation")
    window.criterion_page.rating.buttons["red"].click()
    assert box.title() == f"Evidence older than 12 months ({stale})"
    assert [evidence.item(i).text() for i in range(evidence.count())] == before
