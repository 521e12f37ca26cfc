"""One way to open a workspace: the first paint and the full open agree on the assessment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from selfeval.services.frameworks import framework_library
from selfeval.services.improvement.assessments import add_assessment
from selfeval.services.workspace import open_workspace
from selfeval.ui.window.main_window import MainWindow
from selfeval.ui.window.opening import open_workspace_window
from tests.conftest import TEST_USER


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        if window.isVisible():
            window.close()


def open_in_background(qtbot: QtBot, windows: list[MainWindow], address: Path) -> MainWindow:
    window = open_workspace_window(address)
    assert window is not None
    qtbot.addWidget(window)
    windows.append(window)
    return window


def test_reopening_with_a_second_assessment_shows_the_current_one(
    qtbot: QtBot, demo_path: Path, windows: list[MainWindow]
) -> None:
    """The fault of issue 10: a WSOA added beside the SEF, the SEF kept current; on reopening,
    the first paint showed the WSOA's 8 areas and clicking one raised KeyError."""
    with open_workspace(demo_path, TEST_USER) as ws:
        add_assessment(ws, framework_library().get("medway-wsoa-2018"), "WSOA revisit")
        sef_title = ws.assessment_title
    window = open_in_background(qtbot, windows, demo_path)
    # the first paint, before the full open has finished
    assert len(window.tree_model.outline.criteria) == 11
    assert window.progress.text() == "11 of 11 criteria rated"
    assert sef_title in window.windowTitle()
    qtbot.waitUntil(lambda: window.attached, timeout=10_000)
    assert window.workspace.assessment_title == sef_title
    assert len(window.tree_model.outline.criteria) == 11
    window.navigate("criterion", "right-help")  # no KeyError in a slot
    assert window.criterion_page.criterion_id == "right-help"
    index = window.tree_model.index_of("criterion", "participation")
    window.tree.setCurrentIndex(index)  # a click in the tree
    assert window.criterion_page.criterion_id == "participation"


def test_the_window_rebuilds_its_tree_when_the_full_open_disagrees(
    qtbot: QtBot, demo_path: Path, windows: list[MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the quick look paints, the tree the user acts on is the open assessment's."""
    from selfeval.services import overview

    with open_workspace(demo_path, TEST_USER) as ws:
        add_assessment(ws, framework_library().get("medway-wsoa-2018"), "WSOA revisit")
        wsoa = overview.first_overview(demo_path, "WSOA revisit")
    assert wsoa is not None and len(wsoa.outline.criteria) == 8
    monkeypatch.setattr(overview, "first_overview", lambda *_a, **_k: wsoa)  # a wrong guess
    window = open_in_background(qtbot, windows, demo_path)
    assert len(window.tree_model.outline.criteria) == 8
    qtbot.waitUntil(lambda: window.attached, timeout=10_000)
    assert len(window.tree_model.outline.criteria) == 11
    assert window.progress.text() == "11 of 11 criteria rated"
    window.tree.setCurrentIndex(window.tree_model.index_of("criterion", "leaders-ambitious"))
    assert window.criterion_page.criterion_id == "leaders-ambitious"


def test_every_entry_point_uses_the_one_opener(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, windows: list[MainWindow]
) -> None:
    """File > Open (the recent list) and switching assessments come through the same opener and
    show the assessment they were asked for."""
    from selfeval.ui.window.file_actions import open_other
    from selfeval.ui.window.progress_actions import switch_to

    with open_workspace(demo_path, TEST_USER) as ws:
        add_assessment(ws, framework_library().get("medway-wsoa-2018"), "WSOA revisit")
    first = open_in_background(qtbot, windows, demo_path)
    qtbot.waitUntil(lambda: first.attached, timeout=10_000)
    switch_to(first, "WSOA revisit")
    second = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    )
    qtbot.addWidget(second)
    windows.append(second)
    qtbot.waitUntil(lambda: second.attached, timeout=10_000)
    assert second.workspace.assessment_title == "WSOA revisit"
    assert not first.isVisible()
    other = tmp_path / "other.selfeval"
    other.write_bytes(demo_path.read_bytes())
    open_other(second, other)
    third = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and w.address == str(other)
    )
    qtbot.addWidget(third)
    windows.append(third)
    qtbot.waitUntil(lambda: third.attached, timeout=10_000)
    assert len(third.tree_model.outline.criteria) == 11
