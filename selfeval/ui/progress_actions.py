"""File > Take a snapshot, and File > Progress report since a snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox

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
    from selfeval.ui.progress_report_dialog import ProgressReportDialog

    choice = ProgressReportDialog(names, window)
    if choice.exec() != QDialog.DialogCode.Accepted:
        return
    since = choice.since.currentText()
    name, _ = QFileDialog.getSaveFileName(
        window,
        "Save the progress report as",
        f"Progress since {since}.pdf",
        "PDF (*.pdf);;Word (*.docx)",
    )
    if not name:
        return
    try:
        path = export_progress(
            window.workspace,
            since,
            Path(name),
            include_personal_data=choice.personal.isChecked(),
        )
    except SelfevalError as err:
        window.show_error(str(err))
        return
    QMessageBox.information(window, "Progress report", f"Wrote {path.name}.")


def new_cycle(window: MainWindow) -> None:
    """Start the next self-evaluation cycle from this one, then show it."""
    from selfeval.services.assessments import start_new_cycle

    title, ok = QInputDialog.getText(
        window,
        "Start a new cycle",
        "Title of the new self-evaluation (narrative, owners, evidence links and open actions "
        "are carried over; ratings start again as not rated):",
    )
    if not ok or not title.strip():
        return
    try:
        start_new_cycle(window.workspace, title)
    except SelfevalError as err:
        window.show_error(str(err))
        return
    switch_to(window, title.strip())


def fill_assessments(window: MainWindow, menu: QMenu) -> None:
    """File > Assessment: every assessment in the workspace; choosing one shows it."""
    from selfeval.services.assessments import add_assessment, list_assessments

    menu.clear()
    for info in list_assessments(window.workspace):
        action = menu.addAction(f"{info.title} ({info.framework})")
        action.setCheckable(True)
        action.setChecked(info.id == window.workspace.assessment_id)
        action.triggered.connect(lambda _c=False, i=info.id: switch_to(window, i))
    menu.addSeparator()

    def add() -> None:
        from selfeval.services.frameworks import framework_library

        library = framework_library()
        labels = [f"{e.framework.title} ({e.framework.id})" for e in library.entries.values()]
        choice, ok = QInputDialog.getItem(
            window, "Add an assessment", "Framework:", labels, 0, False
        )
        if not ok:
            return
        framework = list(library.entries.values())[labels.index(choice)].framework
        title, ok = QInputDialog.getText(
            window, "Add an assessment", "Title:", text=framework.label
        )
        if not ok:
            return
        try:
            new = add_assessment(window.workspace, framework, title)
        except SelfevalError as err:
            window.show_error(str(err))
            return
        switch_to(window, new)

    menu.addAction("Add an assessment against another framework...").triggered.connect(add)


def switch_to(window: MainWindow, assessment: str) -> None:
    """Reopen the workspace in a new window on another assessment (through the one opener)."""
    from selfeval.ui.window_opening import open_workspace_window

    window._commit_pending()
    if open_workspace_window(window.address, assessment=assessment, parent=window) is not None:
        window.close()
