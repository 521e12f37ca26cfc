"""A real first run: the start window, your area's workspace made from your answers (with its
organisations and you in it), a relaunch that reopens it, and Ctrl+W back to the start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from selfeval.services.first_run import la_code
from selfeval.services.people import list_organisations, list_people
from selfeval.services.users import current_user
from selfeval.services.workspace import open_workspace
from selfeval.ui.dialogs.new_workspace_dialog import NewWorkspaceDialog
from selfeval.ui.window.main_window import MainWindow
from selfeval.ui.window.opening import launch
from selfeval.ui.window.start_window import StartWindow
from tests.ui.conftest import when_dialog_opens


@pytest.fixture
def no_saved_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SELFEVAL_USER", raising=False)


@pytest.fixture
def shown(qtbot: QtBot) -> Iterator[list[QWidget]]:
    windows: list[QWidget] = []
    yield windows
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow | StartWindow) and window.isVisible():
            window.close()


def visible_main_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def fill_in(dialog: NewWorkspaceDialog, path: Path) -> None:
    dialog.area.setText("Northshire")
    dialog.la_code.setText("e10000099")
    dialog.local_authority.setText("Northshire County Council")
    dialog.icb.setText("NHS Northshire ICB")
    dialog.your_name.setText("Priya Shah")
    dialog.your_organisation.setText("Northshire County Council - Education and SEND")
    dialog.your_role.setText("Head of SEND")
    dialog.path.setText(str(path))


def test_first_run_creates_the_area_and_a_relaunch_reopens_it(
    qtbot: QtBot, tmp_path: Path, no_saved_user: None, shown: list[QWidget]
) -> None:
    start = launch()
    assert isinstance(start, StartWindow)  # nothing opened before: the start window
    qtbot.addWidget(start)
    assert start.create_button.hasFocus() or start.create_button.isVisible()
    target = tmp_path / "Northshire.selfeval"
    seen: list[str] = []

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, NewWorkspaceDialog)
        if not seen:  # first: a bad code, the dialog keeps everything and says why
            fill_in(dialog, target)
            dialog.la_code.setText("Northshire")
            dialog._accept()
            seen.append(dialog.error.text())
            assert dialog.isVisible() and dialog.your_role.text() == "Head of SEND"
            dialog.la_code.setText("e10000099")
            assert dialog.error.isHidden()  # fixed: the old error goes
        dialog._accept()

    when_dialog_opens(qtbot, answer)
    start.create_workspace()
    assert seen[0].startswith("'Northshire' is not a local authority code")
    (window,) = visible_main_windows()
    qtbot.waitUntil(lambda: window.attached, timeout=10_000)
    assert not start.isVisible()
    with open_workspace(target) as ws:
        assert la_code(ws) == "E10000099"
        assert {(o.name, o.kind) for o in list_organisations(ws)} == {
            ("Northshire County Council - Education and SEND", "la-education"),
            ("Northshire County Council - Children's Social Care", "la-social-care"),
            ("NHS Northshire ICB", "health"),
            ("Northshire Parent Carer Forum", "pcf"),
        }
        (me,) = list_people(ws)
        assert (me.name, me.role, me.organisation) == (
            "Priya Shah",
            "Head of SEND",
            "Northshire County Council - Education and SEND",
        )
    assert current_user().name == "Priya Shah"  # recorded against changes, printed on packs
    window.close()
    again = launch()
    assert isinstance(again, MainWindow) and again.address == str(target.resolve())
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.attached, timeout=10_000)
    assert again.workspace.area_name == "Northshire"


def test_ctrl_w_closes_the_workspace_to_the_start_window(
    qtbot: QtBot,
    demo_path: Path,
    open_window,
    shown: list[QWidget],  # type: ignore[no-untyped-def]
) -> None:
    window = open_window(demo_path)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    starts = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, StartWindow) and w.isVisible()
    ]
    assert len(starts) == 1
    recent = starts[0].recent
    assert str(demo_path.resolve()) in recent.item(0).data(Qt.ItemDataRole.UserRole)


def test_the_window_fits_a_small_laptop_screen(qtbot: QtBot, demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    window = open_window(demo_path)
    free = QGuiApplication.primaryScreen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
