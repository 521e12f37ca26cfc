"""File > Import published statistics: the files read on a worker, your area chosen from those
found, a preview of exactly what will be written, the import; and the neighbours dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from selfeval.services.improvement.indicators import indicator_values
from selfeval.services.statistics.neighbours import neighbours
from selfeval.ui.dialogs.neighbours_dialog import NeighboursDialog
from selfeval.ui.dialogs.statistics_dialog import StatisticsDialog
from tests.ees_fixtures import write_census, write_sen2
from tests.ui.conftest import when_dialog_opens


def test_preview_then_import_then_neighbours(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    files = [write_sen2(tmp_path / "sen2_mi.csv"), write_census(tmp_path / "census.csv")]
    seen: dict[str, object] = {}

    def importing(dialog: QDialog) -> None:
        assert isinstance(dialog, StatisticsDialog)
        dialog.read(files)
        qtbot.waitUntil(lambda: dialog.area.count() > 0, timeout=10_000)
        names = [dialog.area.itemText(i) for i in range(dialog.area.count())]
        assert "Somerset (E10000027)" in names and "Kent (E10000016)" in names
        dialog.area.setCurrentIndex(dialog.area.findData("E10000027"))
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.table.rowCount()
        seen["skipped"] = dialog.skipped.toPlainText()
        assert indicator_values(window.workspace, "ehcp-pupils") == []  # a preview writes nothing
        dialog.start_import()

    when_dialog_opens(qtbot, importing)
    window.controller.import_statistics()
    assert str(seen["summary"]).startswith("Will import 20 values for Somerset (E10000027)")
    assert seen["rows"] == 20 and "census.csv: 14 rows" in str(seen["skipped"])
    page = window.extra_page("indicators")
    assert window.pages.currentWidget() is page
    assert "ehcp-pupils" in page.ids

    def choosing(dialog: QDialog) -> None:
        assert isinstance(dialog, NeighboursDialog)
        dialog.search.setText("plym")
        visible = [
            dialog.list.item(r).text()
            for r in range(dialog.list.count())
            if not dialog.list.item(r).isHidden()
        ]
        assert visible == ["Plymouth (E06000026)"]
        row = next(
            r for r in range(dialog.list.count()) if "Plymouth" in dialog.list.item(r).text()
        )
        dialog.list.item(row).setCheckState(Qt.CheckState.Checked)
        dialog.others.setText("E10000016 nonsense")
        dialog.accept()
        seen["refusal"] = dialog.error.text()
        dialog.others.setText("E10000016")
        dialog.accept()

    when_dialog_opens(qtbot, choosing)
    window.controller.statistical_neighbours()
    assert str(seen["refusal"]).startswith("'nonsense' is not a local authority code")
    assert neighbours(window.workspace) == ["E06000026", "E10000016"]
    latest = {v.period: v for v in indicator_values(window.workspace, "ehcp-20-weeks")}
    assert latest["2024"].statistical_neighbours is not None


def test_the_chart_marks_the_series_break_and_leaves_gaps(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services.statistics.importer import apply_statistics, plan_statistics

    window = open_window(demo_path)
    plan = plan_statistics(window.workspace, [write_sen2(tmp_path / "s.csv")], "E06000026")
    apply_statistics(window.workspace, plan)  # Plymouth: 2022 timeliness is "z"
    window.navigate("indicators")
    page = window.extra_page("indicators")
    page.refresh()
    page.table.selectRow(page.ids.index("ehcp-20-weeks"))
    chart = page.chart
    assert chart.series_break == "2023"
    assert "A new series starts in 2023; earlier years are not comparable." in (
        chart.accessibleDescription()
    )
    area = dict(chart.series)["Area"]
    assert area[chart.periods.index("2022")] is None  # a gap, not a zero
    row = page.ids.index("ehcp-20-weeks")
    assert page.table.item(row, 0).toolTip().startswith("Source: Department for Education")


def test_never_another_area_by_default_and_its_code_changed_only_when_asked(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    from selfeval.services.first_run import LA_CODE_SETTING, la_code
    from selfeval.services.settings import write_setting
    from selfeval.services.workspace import open_workspace
    from tests.conftest import TEST_USER

    files = [write_sen2(tmp_path / "sen2_mi.csv")]
    with open_workspace(demo_path, TEST_USER) as workspace:
        write_setting(workspace, LA_CODE_SETTING, "E06000099")  # not in the files
        dialog = StatisticsDialog(workspace)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.read(files)
        qtbot.waitUntil(lambda: dialog.area.count() > 0, timeout=10_000)
        assert dialog.area.currentText() == "Choose your area..."  # not the first council
        assert "(E06000099) is not in these files" in dialog.summary.text()
        assert not dialog.import_button.isEnabled()
        dialog.area.setCurrentIndex(dialog.area.findData("E10000027"))
        assert dialog.change_area.isVisible() and not dialog.change_area.isChecked()
        assert "from E06000099 to E10000027" in dialog.change_area.text()
        assert not dialog.import_button.isEnabled()
        dialog.start_import()  # refused while the person has not said it is theirs
        assert la_code(workspace) == "E06000099" and dialog.imported == 0
        dialog.change_area.setChecked(True)
        assert dialog.import_button.isEnabled()
        dialog.start_import()
        qtbot.waitUntil(lambda: dialog.imported > 0, timeout=10_000)
        assert la_code(workspace) == "E10000027"
