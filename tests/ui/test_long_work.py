"""Long work runs on a worker thread: opening a workspace, importing a tracker; both can fail or
be cancelled without freezing the window or changing anything."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.services.evidence import list_evidence
from selfeval.services.evidence_import import review_tracker
from selfeval.ui.window.opening import open_workspace_window
from tests.ui.conftest import when_dialog_opens

HEADER = "title,kind,organisation,date,criteria,personal_data\n"


def write_tracker(path: Path, rows: int) -> Path:
    lines = [
        f"Imported item {i},data,Anyshire ICB,2026-06-01,right-help;participation,no\n"
        for i in range(rows)
    ]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def close_message(seen: list[str]):  # type: ignore[no-untyped-def]
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    return act


def review_then(qtbot: QtBot, then, answer: str = "NHS Anyshire and Wessex ICB"):  # type: ignore[no-untyped-def]
    """Answer the tracker's review: the near-named organisation is `answer`, then Import; the
    next dialog (the result) goes to `then`."""
    from selfeval.ui.dialogs.tracker_import_dialog import TrackerImportDialog

    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, TrackerImportDialog)
        assert not dialog.import_button.isEnabled()  # asked first, never matched silently
        combo = dialog.answers_["Anyshire ICB"]
        combo.setCurrentIndex(combo.findText(answer))
        assert dialog.import_button.isEnabled()
        if then is not None:
            when_dialog_opens(qtbot, then)
        dialog.import_button.click()

    return act


def test_the_window_shows_ratings_before_the_workspace_is_fully_open(
    qtbot: QtBot, demo_path: Path
) -> None:
    window = open_workspace_window(demo_path)
    assert window is not None
    qtbot.addWidget(window)
    index = window.tree_model.index_of("criterion", "right-help")
    assert index.siblingAtColumn(1).data() == "Red"  # painted from the quick look
    qtbot.waitUntil(lambda: window.attached, timeout=10_000)
    assert window.pages.currentWidget() is window.dashboard
    assert window.progress.text() == "11 of 11 criteria rated"


def test_a_file_that_is_not_a_workspace_gives_a_message(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "random.selfeval"
    path.write_bytes(os.urandom(4096))
    seen: list[str] = []
    when_dialog_opens(qtbot, close_message(seen))
    assert open_workspace_window(path) is None
    assert seen == [f"{path}: is not a selfeval workspace (not an SQLite database)"]


def test_a_newer_workspace_is_refused_after_the_first_look(qtbot: QtBot, demo_path: Path) -> None:
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    seen: list[str] = []
    when_dialog_opens(qtbot, close_message(seen))
    window = open_workspace_window(demo_path)
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "was made by a newer version of selfeval" in seen[0]
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not window.attached


def test_import_tracker_in_the_background(
    qtbot: QtBot,
    demo_path: Path,
    tmp_path: Path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    window = open_window(demo_path)
    window.navigate("evidence_page", "")
    library = window.evidence_page
    tracker = write_tracker(tmp_path / "tracker.csv", 400)
    seen: list[str] = []
    when_dialog_opens(qtbot, review_then(qtbot, close_message(seen)))
    library.import_tracker(tracker)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert seen == ["Imported 400 evidence items with 800 links to criteria."]
    assert {e.organisation for e in list_evidence(window.workspace)} >= {
        "NHS Anyshire and Wessex ICB"
    }
    assert library.model.rowCount() == 466
    assert window.dashboard.lists["without_evidence"].item(0).text() == "\u2713 None"


def test_a_cancelled_import_changes_nothing(
    qtbot: QtBot,
    demo_path: Path,
    tmp_path: Path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    window = open_window(demo_path)
    window.navigate("evidence_page", "")
    library = window.evidence_page
    tracker = write_tracker(tmp_path / "tracker.csv", 5000)
    seen: list[str] = []
    when_dialog_opens(qtbot, close_message(seen))
    plan = review_tracker(window.workspace, tracker)  # as the review dialog leaves it
    library._import_reviewed(plan, {"Anyshire ICB": ""})
    library.import_task.stop()  # the user's Cancel, as the import starts
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert seen == ["import cancelled; nothing was imported"]
    library.refresh()
    assert library.model.rowCount() == 66


def test_a_bad_tracker_reports_rows_and_imports_nothing(
    qtbot: QtBot,
    demo_path: Path,
    tmp_path: Path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    window = open_window(demo_path)
    window.navigate("evidence_page", "")
    tracker = tmp_path / "bad.csv"
    tracker.write_text(HEADER + "Fine,data,,,,no\nBad,data,,2026-13-45,,no\n", encoding="utf-8")
    seen: list[str] = []

    def look(dialog: QDialog) -> None:
        findings = dialog.findings  # type: ignore[attr-defined]
        seen.extend(findings.item(i).text() for i in range(findings.count()))
        assert not dialog.import_button.isEnabled()  # type: ignore[attr-defined]
        dialog.reject()

    when_dialog_opens(qtbot, look)
    window.evidence_page.import_tracker(tracker)
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    assert "Fix: row 3: date: '2026-13-45' is not a date (write 2024-03-31 or 31/03/2024)" in seen
    assert window.evidence_page.model.rowCount() == 66
