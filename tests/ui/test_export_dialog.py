"""File > Export pack: the dialog, the worker, and Cancel leaving nothing behind."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.ui.dialogs.export_dialog import ExportDialog
from tests.ui.conftest import when_dialog_opens


def make_dialog(qtbot: QtBot, window, path: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.open_folder.setChecked(False)
    dialog.path.setText(str(path))
    return dialog


def test_export_final_pdf_from_the_dialog(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    out = tmp_path / "out" / "board.pdf"
    out.parent.mkdir()
    dialog = make_dialog(qtbot, window, out)
    dialog.status.setCurrentIndex(dialog.status.findData("final"))
    dialog.marking.setEditText("OFFICIAL")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    text = PdfReader(out).pages[0].extract_text()
    assert "OFFICIAL" in text and "Final" in text and "DRAFT" not in text
    assert sorted(p.name for p in out.parent.iterdir()) == ["board.pdf"]


def test_switching_format_changes_the_file_name(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog = make_dialog(qtbot, window, tmp_path / "pack.pdf")
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.path.text().endswith("pack.xlsx")


def test_no_criteria_ticked_is_explained(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog = make_dialog(qtbot, window, tmp_path / "pack.pdf")
    dialog.some_criteria.setChecked(True)
    for i in range(dialog.criteria.count()):
        dialog.criteria.item(i).setCheckState(dialog.criteria.item(i).checkState().Unchecked)
    dialog.start()
    assert dialog.error.text() == "Tick at least one criterion, or choose All criteria."
    assert dialog.task is None


def test_cancel_leaves_no_partial_file(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = make_dialog(qtbot, window, folder / "pack.pdf")
    seen: list[str] = []

    def close(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_dialog_opens(qtbot, close)
    dialog.start()
    assert dialog.task is not None
    dialog.task.stop()  # the user's Cancel
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert seen == ["export cancelled; pack.pdf was not written"]
    assert list(folder.iterdir()) == []
    assert dialog.error.text() == seen[0]


def test_the_dialog_never_writes_over_the_open_workspace(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    before = demo_path.read_bytes()
    for target in (demo_path, Path(f"{demo_path}-wal"), Path(f"{demo_path}-shm")):
        dialog = make_dialog(qtbot, window, target)
        dialog.start()
        assert dialog.task is None  # refused before any work started
        assert "it was not overwritten. Choose another name" in dialog.error.text()
        assert not dialog.error.isHidden()
    assert demo_path.read_bytes() == before
