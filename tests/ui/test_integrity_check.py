"""After opening (quick check), the window checks every page and attached file in the
background and says which check it did; damage is said at once, with what to do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.test_workspace_file import _with_a_large_file
from tests.ui.conftest import when_dialog_opens


def test_a_sound_workspace_is_checked_in_full_in_the_background(
    qtbot: QtBot,
    demo_path: Path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    window = open_window(demo_path)
    label = window.status.integrity
    qtbot.waitUntil(lambda: label.text().startswith("Full check:"), timeout=10_000)
    assert label.text() == "Full check: every page and attached file sound"


def test_damage_the_quick_check_missed_is_said_when_the_full_check_finds_it(
    qtbot: QtBot, demo_path: Path
) -> None:
    from selfeval.app import build_main_window

    data = _with_a_large_file(demo_path)
    raw = bytearray(demo_path.read_bytes())
    page_size = int.from_bytes(raw[16:18], "big")
    start = (raw.index(data[100_000:100_064]) // page_size) * page_size
    raw[start : start + 4] = b"\xff\xff\xff\xf0"
    demo_path.write_bytes(bytes(raw))
    seen: list[str] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    when_dialog_opens(qtbot, read)
    window = build_main_window(demo_path)  # opens: the quick check leaves the files alone
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "the full check found damage" in seen[0] and "restore the latest backup" in seen[0]
    assert window.status.integrity.text() == "Full check: DAMAGED (see the message)"
