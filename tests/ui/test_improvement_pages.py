"""The action plan, indicators and risk register in the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from selfeval.ui.dialogs.action_dialog import ActionDialog
from tests.ui.conftest import when_dialog_opens


def test_add_an_action_from_a_criterion_page_then_complete_it(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dashboard = window.dashboard
    window.navigate("dashboard", "")
    before = dashboard.overdue_count
    window.navigate("criterion", "participation")
    panel = window.criterion_page.actions_panel
    assert panel.table.rowCount() == 0

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ActionDialog)
        qtbot.keyClicks(dialog.title, "Refresh the SENDIASS leaflet")
        qtbot.keyClicks(dialog.due, "01/01/2020")  # already overdue
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, fill)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 5).text() == "Overdue"
    window.navigate("dashboard", "")  # counted when the dashboard is shown
    assert dashboard.overdue_count == before + 1
    window.navigate("criterion", "participation")
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.complete_button, Qt.MouseButton.LeftButton)
    assert panel.table.item(0, 4).text() == "Complete"
    assert panel.table.item(0, 5).text() == ""
    window.undo()  # undo the completion: overdue again
    assert panel.table.item(0, 5).text() == "Overdue"
    window.redo()
    window.navigate("dashboard", "")
    assert dashboard.overdue_count == before  # completed: no longer counted


def test_overdue_link_opens_the_filtered_action_plan(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    overdue = window.dashboard.lists["overdue"]
    assert overdue.count() >= 1 and overdue.item(0).text() != "\u2713 None"
    overdue.setCurrentRow(0)
    overdue.setFocus()
    qtbot.keyClick(overdue, Qt.Key.Key_Return)
    page = window.extra_page("actions")
    assert window.pages.currentWidget() is page
    assert page.view.currentData() == "overdue"
    assert page.action_table.table.rowCount() == window.dashboard.overdue_count


def test_chart_shows_the_area_and_each_comparator_with_figures(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("indicators", "")
    page = window.extra_page("indicators")
    names = [page.table.item(r, 0).text().split("\n")[0] for r in range(page.table.rowCount())]
    row = names.index("% of EHC plans issued within 20 weeks (excluding exceptions)")
    page.table.selectRow(row)
    chart = page.chart
    assert chart.periods == ["2017", "2018", "2019", "2020", "2022"]
    assert [name for name, _ in chart.series] == [
        "Area",
        "Statistical neighbours",
        "Region",
        "England",
    ]
    population = names.index("% of the population with an EHC plan")
    page.table.selectRow(population)
    assert len(chart.series) == 4 and chart.periods == ["2022"]
    cell = page.table.item(population, 3).text()
    assert cell == "3.1%\nabove"  # prevalence: compared, never called worse


def test_heat_map_counts_risks_by_impact_and_likelihood(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("risks", "")
    page = window.extra_page("risks")
    assert {k: len(v) for k, v in page.map.cells.items()} == {
        (4, 5): 1,
        (4, 4): 1,
        (5, 3): 1,
        (3, 2): 1,
        (4, 2): 1,
    }
    assert page.table.item(0, 5).text() == "Very high"
    assert "impact 4, likelihood 5: 1 (Very high)" in page.map.accessibleDescription()


def test_switch_to_a_wsoa_assessment_and_back(qtbot: QtBot, demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from selfeval.services.frameworks import framework_library
    from selfeval.services.improvement.assessments import add_assessment
    from selfeval.ui.window.main_window import MainWindow
    from selfeval.ui.window.progress_actions import switch_to

    window = open_window(demo_path)
    add_assessment(window.workspace, framework_library().get("medway-wsoa-2018"), "WSOA revisit")
    switch_to(window, "WSOA revisit")
    wsoa = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and w is not window
    )
    qtbot.addWidget(wsoa)
    assert len(wsoa.tree_model.outline.criteria) == 8  # painted at once, before the full open
    qtbot.waitUntil(lambda: wsoa.attached, timeout=10_000)
    assert wsoa.workspace.assessment_title == "WSOA revisit"
    assert len(wsoa.tree_model.outline.criteria) == 8
    assert wsoa.progress.text() == "0 of 8 criteria rated"
    wsoa.navigate("criterion", "area-7-ehc-plans")
    labels = [b.text() for b in wsoa.criterion_page.rating.buttons.values()]
    assert labels == ["Not rated", "Not sufficient progress", "Sufficient progress"]
    wsoa.criterion_page.rating.buttons["sufficient-progress"].click()
    assert wsoa.progress.text() == "1 of 8 criteria rated"


def test_a_new_cycle_shows_the_previous_rating(qtbot: QtBot, demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services.improvement.assessments import start_new_cycle

    window = open_window(demo_path)
    start_new_cycle(window.workspace, "Self-evaluation 2027")
    window.close()
    again = open_window(demo_path)
    assert again.progress.text() == "0 of 11 criteria rated"
    again.navigate("criterion", "right-help")
    assert again.criterion_page.updated.text().endswith("Previous cycle: Red")
    assert again.criterion_page.texts["rationale"].toPlainText().startswith("Speech and language")


def test_the_cockpit_charts_ratings_by_group_and_lists_ratings_to_confirm(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services.improvement.assessments import start_new_cycle
    from selfeval.services.readiness import readiness

    window = open_window(demo_path)
    before = readiness(window.workspace)
    window.navigate("dashboard")
    chart = window.dashboard.by_group
    groups = window.workspace.framework.groups
    described = chart.accessibleDescription().split("; ")
    assert len(described) == len(groups)
    for group, words in zip(before.by_group, described, strict=True):
        assert words.startswith(f"{group.title}: ")
        # every level with criteria is named with its count: never colour alone
        for level in window.workspace.framework.rating_scale.choices:
            count = group.counts.get(level.id, 0)
            assert (f"{level.label} {count}" in words) == bool(count)
    assert window.dashboard.boxes["to_confirm"].title() == "Previous ratings to confirm (0)"
    rated = [c for c, r in before.ratings.items() if r != "not-rated"]
    window.close()

    start_new_cycle(window.workspace, "Self-evaluation 2027")
    again = open_window(demo_path)
    again.navigate("dashboard")
    card = again.dashboard.lists["to_confirm"]
    assert again.dashboard.boxes["to_confirm"].title() == (
        f"Previous ratings to confirm ({len(rated)})"
    )
    assert card.item(0).text().endswith(")") and "(previously " in card.item(0).text()
    lines = again.dashboard.by_group.toolTip().splitlines()
    assert len(lines) == len(groups)
    assert all(line.split(": ", 1)[1].startswith("Not rated ") for line in lines)  # all reset
    first = str(card.item(0).data(Qt.ItemDataRole.UserRole)).split(":", 1)[1]
    again.dashboard._go(card.item(0))
    assert again.pages.currentWidget() is again.criterion_page
    again.criterion_page.rating.buttons["green"].click()
    again.navigate("dashboard")
    assert again.dashboard.boxes["to_confirm"].title() == (
        f"Previous ratings to confirm ({len(rated) - 1})"
    )
    assert first not in [
        str(card.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(card.count())
    ]


def test_contributions_page_follows_a_request_to_merged(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from selfeval.services import contributions
    from selfeval.services.judgements import set_judgement
    from selfeval.services.users import CurrentUser
    from selfeval.ui.dialogs.merge_review_dialog import MergeReviewDialog
    from tests.ui.conftest import when_dialog_opens

    window = open_window(demo_path)
    inbox = tmp_path / "returns"
    inbox.mkdir()
    request = tmp_path / "icb-request.sefpack"
    due = date.today() + timedelta(days=10)
    contributions.create_request(
        window.workspace, "Anyshire ICB", ["right-help"], request, due_date=due
    )
    window.navigate("contributions")
    page = window.extra_page("contributions")
    assert window.pages.currentWidget() is page
    assert [page.table.item(0, c).text() for c in (0, 1, 4)] == ["Anyshire ICB", "3", "Awaiting"]
    assert page.table.item(0, 3).text() == f"{due:%d %b %Y}"

    partner = contributions.open_request(
        request, tmp_path / "icb.selfeval", CurrentUser("Amara Okafor", "ICB")
    )
    set_judgement(partner, "right-help", rating="green")
    contributions.create_return(partner, inbox / "icb-return.sefpack")
    partner.close()
    page.folder.setText(str(inbox))
    page.folder.editingFinished.emit()
    assert page.table.item(0, 4).text() == "Returned: ready to merge"

    def merge_all(dialog: QDialog) -> None:
        if isinstance(dialog, MergeReviewDialog):
            dialog.accept_all.click()
        else:
            dialog.accept()  # the "Merged" message

    when_dialog_opens(qtbot, merge_all)
    when_dialog_opens(qtbot, merge_all)
    page.table.selectRow(0)
    page.merge_button.click()  # read and checked on a task, then reviewed
    qtbot.waitUntil(lambda: page.table.item(0, 4).text().startswith("Merged "), timeout=10_000)
    from selfeval.services.judgements import get_judgement

    assert get_judgement(window.workspace, "right-help").rating == "green"


def test_my_work_page_opens_the_place_to_act(qtbot: QtBot, demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("mywork")
    page = window.extra_page("mywork")
    index = page.person.findData("Sian Bowen")
    page.person.setCurrentIndex(index)
    criteria = page.tree.topLevelItem(0)
    assert criteria.text(0) == "Criteria I lead or contribute to (4)"
    first = criteria.child(0)
    page.tree.setCurrentItem(first)
    page._go(first)
    assert window.pages.currentWidget() is window.criterion_page
    assert window.criterion_page.criterion_id == "right-help"


def test_a_risk_is_edited_closed_deleted_and_each_undone(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from selfeval.services.improvement.risks import list_risks
    from selfeval.ui.pages.risk_page import RiskDialog
    from tests.ui.conftest import when_dialog_opens

    window = open_window(demo_path)
    window.navigate("risks")
    page = window.extra_page("risks")
    before = list_risks(window.workspace)
    target = before[0]
    page.table.selectRow(0)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, RiskDialog) and dialog.title.text() == target.title
        dialog.likelihood.setValue(1)
        dialog.impact.setValue(1)
        dialog.review.setText("31/13/2027")  # a bad date keeps the dialog open, typing kept
        dialog._accept()
        assert dialog.isVisible() and "is not a date" in dialog.error.text()
        dialog.review.setText("31/03/2027")
        assert dialog.error.isHidden()
        dialog._accept()

    when_dialog_opens(qtbot, edit)
    page.edit_selected()
    edited = next(r for r in list_risks(window.workspace) if r.id == target.id)
    assert (edited.score, str(edited.review_date)) == (1, "2027-03-31")
    window.undo_stack.undo()
    assert next(r for r in list_risks(window.workspace) if r.id == target.id) == target

    page.table.selectRow(next(i for i, r in enumerate(page.risks) if r.id == target.id))
    page.toggle_selected()
    closed = next(r for r in list_risks(window.workspace) if r.id == target.id)
    assert closed.status == "closed"
    assert page.table.item(len(page.risks) - 1, 5).text() == "Closed"  # closed ones go last
    window.undo_stack.undo()
    assert next(r for r in list_risks(window.workspace) if r.id == target.id).status == "open"

    page.table.selectRow(next(i for i, r in enumerate(page.risks) if r.id == target.id))
    when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    page.delete_selected()
    assert target.id not in {r.id for r in list_risks(window.workspace)}
    window.undo_stack.undo()
    assert next(r for r in list_risks(window.workspace) if r.id == target.id) == target
    window.undo_stack.redo()
    assert target.id not in {r.id for r in list_risks(window.workspace)}


def test_the_cockpit_counts_down_and_lists_late_returns(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from selfeval.services import contributions
    from selfeval.services.inspection import countdown, expected_from, set_expected_from

    assert (
        countdown(date(2027, 3, 3), date(2026, 11, 24))
        == "Inspection expected from 3 March 2027: 14 weeks"
    )
    assert (
        countdown(date(2026, 11, 30), date(2026, 11, 24))
        == "Inspection expected from 30 November 2026: 6 days"
    )
    window = open_window(demo_path)
    set_expected_from(window.workspace, date.today() + timedelta(weeks=14))
    assert expected_from(window.workspace) == date.today() + timedelta(weeks=14)
    contributions.create_request(
        window.workspace,
        "Riverside School",
        ["next-steps"],
        tmp_path / "r.sefpack",
        due_date=date.today() - timedelta(days=2),
    )
    window.navigate("dashboard")
    dashboard = window.dashboard
    assert dashboard.inspection.text().endswith(": 14 weeks")
    returns = dashboard.lists["returns"]
    assert returns.item(0).text().startswith("Riverside School: late ")
    assert dashboard.boxes["returns"].title() == "Contribution returns due in 14 days or late (1)"
    dashboard._go(returns.item(0))
    assert window.pages.currentWidget() is window.extra_page("contributions")


def test_the_opening_banner_says_what_is_due_this_week(
    qtbot: QtBot, demo_path: Path, open_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from selfeval.services.improvement.actions import add_action, parse_action
    from selfeval.services.people import list_people
    from selfeval.services.workspace import open_workspace

    monkeypatch.setenv("SELFEVAL_USER", "Sian Bowen (NHS Anyshire and Wessex ICB)")
    with open_workspace(demo_path) as ws:
        sian = next(p for p in list_people(ws) if p.name == "Sian Bowen")
        add_action(
            ws,
            parse_action(
                title="Send the SLT figures",
                owner_person_id=sian.id,
                due_date=date.today() + timedelta(days=3),
            ),
        )
    window = open_window(demo_path)
    assert not window.banner.isHidden()
    assert window.banner.text.text() == "Sian Bowen: 1 thing is due this week or overdue."
    from PySide6.QtWidgets import QPushButton

    buttons = {b.text(): b for b in window.banner.findChildren(QPushButton)}
    buttons["Open &My work"].click()
    assert window.pages.currentWidget() is window.extra_page("mywork")
    buttons["Don't show again"].click()
    assert window.banner.isHidden()
    window.close()
    again = open_window(demo_path)
    assert again.banner.isHidden()  # switched off stays off


def test_an_action_is_deleted_and_undo_brings_it_back_with_its_notes(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from selfeval.services.improvement.actions import add_progress_note, list_actions
    from tests.ui.conftest import when_dialog_opens

    window = open_window(demo_path)
    target = list_actions(window.workspace)[0]
    add_progress_note(window.workspace, target.id, "Met the provider.", date(2026, 11, 20))
    target = next(a for a in list_actions(window.workspace) if a.id == target.id)
    window.navigate("actions")
    actions = window.action_plan.action_table
    actions.table.selectRow(next(i for i, a in enumerate(actions.rows) if a.id == target.id))
    when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    actions.delete()
    assert target.id not in {a.id for a in list_actions(window.workspace)}
    window.undo_stack.undo()
    back = next(a for a in list_actions(window.workspace) if a.id == target.id)
    assert back == target  # fields, criteria and progress notes, as they were


def test_people_and_organisations_are_corrected_deleted_and_undone(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from selfeval.services.people import (
        add_organisation,
        add_person,
        list_organisations,
        list_people,
    )
    from selfeval.ui.pages.people_page import OrganisationDialog

    window = open_window(demo_path)
    add_organisation(window.workspace, "Riverside College", "fe")
    sam = add_person(window.workspace, "Sam Reed", "SENCO", "", "")
    window.navigate("people")
    page = window.people_page
    page.refresh()

    # someone who owns things: told why at once, nothing asked, nothing deleted
    owner = next(
        i for i, p in enumerate(page.people_rows) if p.name != "Sam Reed" and p.organisation
    )
    page.people.selectRow(owner)
    said: list[str] = []

    def read(box: QDialog) -> None:
        said.append(box.text())  # type: ignore[attr-defined]
        box.accept()

    when_dialog_opens(qtbot, read)
    page.delete_person()
    assert said and "cannot be deleted: it still owns" in said[0]
    assert len(list_people(window.workspace)) == len(page.people_rows)

    page.people.selectRow(next(i for i, p in enumerate(page.people_rows) if p.id == sam.id))
    when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    page.delete_person()
    assert "Sam Reed" not in [page.people.item(r, 0).text() for r in range(page.people.rowCount())]
    window.undo_stack.undo()
    assert "Sam Reed" in [page.people.item(r, 0).text() for r in range(page.people.rowCount())]

    row = next(i for i, o in enumerate(page.organisation_rows) if o.name == "Riverside College")
    page.organisations.selectRow(row)

    def rename(dialog: QDialog) -> None:
        assert isinstance(dialog, OrganisationDialog)
        assert dialog.name.text() == "Riverside College"
        dialog.name.setText("Riverside Sixth Form College")
        dialog.accept()

    when_dialog_opens(qtbot, rename)
    page.edit_organisation()
    names = [page.organisations.item(r, 0).text() for r in range(page.organisations.rowCount())]
    assert "Riverside Sixth Form College" in names and "Riverside College" not in names
    window.undo_stack.undo()
    assert "Riverside College" in {o.name for o in list_organisations(window.workspace)}
    window.undo_stack.redo()
    assert "Riverside Sixth Form College" in {o.name for o in list_organisations(window.workspace)}

    sixth_form = "Riverside Sixth Form College"
    row = next(i for i, o in enumerate(page.organisation_rows) if o.name == sixth_form)
    page.organisations.selectRow(row)
    when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    page.delete_organisation()
    assert sixth_form not in {o.name for o in list_organisations(window.workspace)}
    window.undo_stack.undo()
    assert sixth_form in {o.name for o in list_organisations(window.workspace)}


def test_indicator_figures_are_typed_corrected_deleted_and_undone(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from selfeval.services.improvement.indicator_figures import figures_for
    from selfeval.ui.dialogs.indicator_figures_dialog import IndicatorFiguresDialog

    window = open_window(demo_path)
    window.navigate("indicators")
    page = window.extra_page("indicators")
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, IndicatorFiguresDialog)
        dialog.indicator.setCurrentIndex(dialog.indicator.findData("ehcp-20-weeks"))
        qtbot.keyClicks(dialog.period, "2031")
        qtbot.keyClicks(dialog.fields["area"], "61.5%")
        qtbot.keyClicks(dialog.fields["england"], "fifty")
        dialog.accept()
        seen.append(dialog.error.text())
        assert dialog.isVisible() and dialog.fields["area"].text() == "61.5%"  # kept
        dialog.fields["england"].setText("50.3")
        assert dialog.error.isHidden()
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    page.edit_figures(new=True)
    assert seen == ["England: 'fifty' is not a number"]
    stored = figures_for(window.workspace, "ehcp-20-weeks", "2031")
    assert stored is not None and (stored.area, stored.england) == (61.5, 50.3)
    row = page.ids.index("ehcp-20-weeks")
    assert page.table.item(row, 1).text() == "2031" and page.table.item(row, 2).text() == "61.5%"

    page.table.selectRow(row)

    def correct(dialog: QDialog) -> None:
        assert isinstance(dialog, IndicatorFiguresDialog)
        assert dialog.fields["area"].text() == "61.5"  # the selected row, filled in
        dialog.fields["area"].setText("16.5")
        dialog.accept()

    when_dialog_opens(qtbot, correct)
    page.edit_figures(new=False)
    assert figures_for(window.workspace, "ehcp-20-weeks", "2031").area == 16.5  # type: ignore[union-attr]
    window.undo_stack.undo()
    assert figures_for(window.workspace, "ehcp-20-weeks", "2031").area == 61.5  # type: ignore[union-attr]

    page.table.selectRow(page.ids.index("ehcp-20-weeks"))
    when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    page.delete_figures()
    assert figures_for(window.workspace, "ehcp-20-weeks", "2031") is None
    assert page.table.item(page.ids.index("ehcp-20-weeks"), 1).text() != "2031"
    window.undo_stack.undo()
    assert figures_for(window.workspace, "ehcp-20-weeks", "2031") == stored
