"""The criterion page shows the partnership's own headings and offers only the fields it uses."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from selfeval.services.field_headings import set_heading, set_hidden
from selfeval.services.workspace import open_workspace
from selfeval.ui.touches import ALL_BUT_EVIDENCE
from tests.ui.mnemonics import clashes


def test_their_headings_on_the_boxes_and_a_hidden_field_not_offered(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    with open_workspace(demo_path) as workspace:
        set_heading(workspace, "rationale", "What we know")  # has our letter W
        set_heading(workspace, "areas_for_development", "Next steps")  # has no D
        set_hidden(workspace, "impact", True)
    window = open_window(demo_path)
    window.navigate("criterion", "right-help")
    page = window.criterion_page
    assert page.labels["rationale"].text() == "&What we know:"
    assert page.labels["areas_for_development"].text() == "Next steps:"  # no letter to clash
    assert page.texts["rationale"].accessibleName() == "What we know"
    assert not page.texts["impact"].isVisibleTo(page) and not page.labels["impact"].isVisibleTo(
        page
    )
    assert page.labels["strengths"].text() == "&Strengths:"
    assert not clashes(window)
    # changed elsewhere meanwhile (the command line): the next criterion shows it
    with open_workspace(demo_path) as workspace:
        set_hidden(workspace, "impact", False)
        set_heading(workspace, "impact", "The difference it makes")
    window.navigate("criterion", "participation")
    assert page.texts["impact"].isVisibleTo(page)
    assert page.labels["impact"].text() == "The d&ifference it makes:"


def test_the_headings_are_set_in_the_app_and_the_page_follows_at_once(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services.field_headings import field_headings
    from selfeval.ui.dialogs.headings_dialog import HeadingsDialog

    window = open_window(demo_path)
    window.navigate("criterion", "right-help")
    dialog = HeadingsDialog(window.workspace, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.texts["rationale"].setText("What we know")
    dialog.used["impact"].setChecked(False)
    dialog.accept()
    assert not dialog.isVisible()
    headings = field_headings(window.workspace)
    assert headings.label("rationale") == "What we know" and headings.hidden == {"impact"}
    window.context.changed(None, ALL_BUT_EVIDENCE)  # as File > Our headings does after OK
    page = window.criterion_page
    assert page.labels["rationale"].text() == "&What we know:"
    assert not page.texts["impact"].isVisibleTo(page)
    again = HeadingsDialog(window.workspace, window)
    qtbot.addWidget(again)
    again.show()
    for box in again.used.values():
        box.setChecked(False)
    again.accept()  # refused in words beside the fields: nothing changed
    assert again.isVisible() and "at least one part stays used" in again.error.text()
    assert field_headings(window.workspace).hidden == {"impact"}
    again.done(0)
