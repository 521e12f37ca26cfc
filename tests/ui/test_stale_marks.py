"""A form's complaint goes as soon as the user edits: a fixed date is never still shown as wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from selfeval.app import build_main_window


def _ok(dialog) -> None:  # type: ignore[no-untyped-def]
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_evidence_date_complaint_goes_when_the_date_is_edited(
    qtbot: QtBot, demo_path: Path
) -> None:
    from selfeval.ui.dialogs.evidence_dialog import EvidenceDialog

    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    dialog = EvidenceDialog(window.workspace.framework, ["Anyshire College"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Annual report")
    dialog.date.setText("31/02/2025")
    _ok(dialog)
    assert dialog.date_error.isVisibleTo(dialog) and dialog.isVisible()
    dialog.date.setText("28/02/2025")
    assert not dialog.date_error.isVisibleTo(dialog)
    dialog.done(0)


def test_a_checked_form_drops_its_complaint_at_the_next_edit(qtbot: QtBot) -> None:
    from selfeval.ui.dialogs.indicator_figures_dialog import IndicatorFiguresDialog

    dialog = IndicatorFiguresDialog(lambda _indicator, _period: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.period.setText("2024")
    field = next(iter(dialog.fields.values()))
    field.setText("twelve")
    _ok(dialog)  # not a number: refused, said beside the fields
    assert dialog.error.isVisibleTo(dialog) and dialog.error.text()
    field.selectAll()
    qtbot.keyClicks(field, "12")
    assert not dialog.error.isVisibleTo(dialog)
    dialog.done(0)


def test_the_action_form_and_the_export_choices_too(qtbot: QtBot, demo_path: Path) -> None:
    from selfeval.ui.dialogs.action_dialog import ActionDialog
    from selfeval.ui.dialogs.export_dialog import ExportDialog

    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    action = ActionDialog(window.workspace)
    qtbot.addWidget(action)
    action.show()
    action.title.setText("Refresh the local offer")
    action.due.setText("not a date")
    _ok(action)
    assert action.error.isVisibleTo(action)
    action.due.setText("01/03/2027")
    assert not action.error.isVisibleTo(action)
    action.done(0)
    export = ExportDialog(window.context)
    qtbot.addWidget(export)
    export.show()
    export._show_error("Choose at least one criterion.")
    assert export.error.isVisibleTo(export)
    export.all_criteria.setChecked(False)
    export.some_criteria.setChecked(True)
    assert not export.error.isVisibleTo(export)
