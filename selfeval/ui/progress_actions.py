"""File > Take a snapshot, and File > Progress report since a snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from selfeval.errors import SelfevalError

if TYPE_CHECKING:
    from selfeval.ui.main_window import MainWindow


def snapshot(window: MainWindow) -> None:
    from selfeval.services.snapshots import take_snapshot

    name, ok = QInputDialog.getText(
        window, "Take a snapshot", "Name the snapshot (for example 'Board, 14 March'):"
    )
    if not ok or not name.strip():
        return
    try:
        take_snapshot(window.workspace, name)
    except SelfevalError as err:
        window.show_error(str(err))
        return
    QMessageBox.information(window, "Snapshot taken", f"'{name.strip()}' is kept for comparison.")


def progress_report(window: MainWindow) -> None:
    from selfeval.pack.progress_report import export_progress
    from selfeval.services.snapshots import list_snapshots

    names = [s.name for s in list_snapshots(window.workspace)]
    if not names:
        window.show_error(
            "Take a snapshot first (File > Take a snapshot), for example before a "
            "board meeting; the report shows what changed since."
        )
        return
    since, ok = QInputDialog.getItem(
        window, "Progress report", "Progress since:", names, len(names) - 1, False
    )
    if not ok:
        return
    name, _ = QFileDialog.getSaveFileName(
        window,
        "Save the progress report as",
        f"Progress since {since}.pdf",
        "PDF (*.pdf);;Word (*.docx)",
    )
    if not name:
        return
    try:
        path = export_progress(window.workspace, since, Path(name))
    except SelfevalError as err:
        window.show_error(str(err))
        return
    QMessageBox.information(window, "Progress report", f"Wrote {path.name}.")
