"""File > Take a snapshot, and File > Progress report since a snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMenu, QMessageBox

from selfeval.errors import SelfevalError
from selfeval.files.names import safe_filename
from selfeval.ui.dialogs.saved_notice import remember_folder, show_saved, start_path
from selfeval.ui.touches import ALL_BUT_EVIDENCE

if TYPE_CHECKING:
    from selfeval.ui.window.host import WindowHost


def snapshot(host: WindowHost) -> None:
    from selfeval.services.improvement.snapshots import take_snapshot

    name, ok = QInputDialog.getText(
        host.widget(), "Take a snapshot", "Name the snapshot (for example 'Board, 14 March'):"
    )
    if not ok or not name.strip():
        return
    try:
        take_snapshot(host.workspace, name)
    except SelfevalError as err:
        host.show_error(str(err))
        return
    QMessageBox.information(
        host.widget(), "Snapshot taken", f"'{name.strip()}' is kept for comparison."
    )


def progress_report(host: WindowHost) -> None:
    from selfeval.pack.builders.progress_builder import export_progress
    from selfeval.services.improvement.snapshots import list_snapshots

    names = [s.name for s in list_snapshots(host.workspace)]
    if not names:
        host.show_error(
            "Take a snapshot first (File > Take a snapshot), for example before a "
            "board meeting; the report shows what changed since."
        )
        return
    from selfeval.ui.dialogs.progress_report_dialog import ProgressReportDialog

    choice = ProgressReportDialog(names, host.widget())
    if choice.exec() != QDialog.DialogCode.Accepted:
        return
    since = choice.since.currentText()
    name, _ = QFileDialog.getSaveFileName(
        host.widget(),
        "Save the progress report as",
        start_path("export", host.address, safe_filename(f"Progress since {since}.pdf")),
        "PDF (*.pdf);;Word (*.docx)",
    )
    if not name:
        return
    try:
        path = export_progress(
            host.workspace,
            since,
            Path(name),
            include_personal_data=choice.personal.isChecked(),
        )
    except SelfevalError as err:
        host.show_error(str(err))
        return
    remember_folder("export", path.parent)
    show_saved(host.widget(), path, "The progress report")


def new_cycle(host: WindowHost) -> None:
    """Start the next self-evaluation cycle from this one, then show it."""
    from selfeval.services.improvement.assessments import start_new_cycle

    title, ok = QInputDialog.getText(
        host.widget(),
        "Start a new cycle",
        "Title of the new self-evaluation (narrative, owners, evidence links and open actions "
        "are carried over; ratings start again as not rated):",
    )
    if not ok or not title.strip():
        return
    try:
        start_new_cycle(host.workspace, title)
    except SelfevalError as err:
        host.show_error(str(err))
        return
    switch_to(host, title.strip())


def fill_assessments(host: WindowHost, menu: QMenu) -> None:
    """File > Assessment: every assessment in the workspace; choosing one shows it."""
    from selfeval.services.improvement.assessments import add_assessment, list_assessments

    menu.clear()
    for info in list_assessments(host.workspace):
        action = menu.addAction(f"{info.title} ({info.framework})")
        action.setCheckable(True)
        action.setChecked(info.id == host.workspace.assessment_id)
        action.triggered.connect(lambda _c=False, i=info.id: switch_to(host, i))
    menu.addSeparator()

    def add() -> None:
        from selfeval.services.frameworks import framework_library

        library = framework_library()
        labels = [f"{e.framework.title} ({e.framework.id})" for e in library.entries.values()]
        choice, ok = QInputDialog.getItem(
            host.widget(), "Add an assessment", "Framework:", labels, 0, False
        )
        if not ok:
            return
        framework = list(library.entries.values())[labels.index(choice)].framework
        title, ok = QInputDialog.getText(
            host.widget(), "Add an assessment", "Title:", text=framework.label
        )
        if not ok:
            return
        try:
            new = add_assessment(host.workspace, framework, title)
        except SelfevalError as err:
            host.show_error(str(err))
            return
        switch_to(host, new)

    menu.addAction("Add an assessment against another framework...").triggered.connect(
        lambda: add()
    )
    move = menu.addAction("&Move to a new edition of the criteria...")
    move.triggered.connect(lambda _c=False: move_to_new_edition(host))


def move_to_new_edition(host: WindowHost) -> None:
    """Carry this assessment to an edition that supersedes its own, through the edition's
    crosswalk (the old assessment stays as it is), then show what is left to confirm."""
    from selfeval.services.frameworks import framework_library
    from selfeval.services.improvement.edition_carry import CarryResult, carry_to_edition
    from selfeval.ui.tasks import run_with_progress

    current = host.workspace.framework
    library = framework_library()
    newer = [e.framework for e in library.entries.values() if e.framework.supersedes == current.id]
    if not newer:
        host.show_error(
            f"No edition in the library replaces {current.label} ({current.id}). A new edition is "
            "a framework file that says 'supersedes: "
            f"{current.id}' and maps every criterion in a crosswalk (see the framework file "
            "format in docs: selfeval/criteria/README.md)."
        )
        return
    labels = [f"{f.title} ({f.edition})" for f in newer]
    choice, ok = QInputDialog.getItem(
        host.widget(), "Move to a new edition", "The new edition:", labels, 0, False
    )
    if not ok:
        return
    framework = newer[labels.index(choice)]
    title, ok = QInputDialog.getText(
        host.widget(),
        "Move to a new edition",
        "Title of the assessment on the new edition (this one stays as it is):",
        text=f"{host.workspace.assessment_title} ({framework.edition})",
    )
    if not ok:
        return
    host.commit_pending()
    workspace = host.workspace

    def carried(result: CarryResult) -> None:
        if host.open_window(host.address, result.assessment_id):
            host.close()

    # a county's library takes seconds: on a task, with progress and Cancel (which rolls back)
    run_with_progress(
        host.widget(),
        "Moving to the new edition",
        lambda progress, cancelled: carry_to_edition(
            workspace, framework, title, progress, cancelled
        ),
        carried,
        host.show_error,
    )


def switch_to(host: WindowHost, assessment: str) -> None:
    """Reopen the workspace in a new window on another assessment (through the one opener)."""
    host.commit_pending()
    if host.open_window(host.address, assessment):
        host.close()


def sign_off_version(host: WindowHost) -> None:
    """File > Sign off this version: one signatory at a time, saved while the dialog is open."""
    from selfeval.services.people import list_organisations, list_people
    from selfeval.services.signoff import signoff_state
    from selfeval.ui.dialogs.signoff_dialog import SignOffDialog

    workspace = host.workspace
    dialog = SignOffDialog(
        workspace,
        signoff_state(workspace),
        list_people(workspace),
        [o.name for o in list_organisations(workspace)],
        host.widget(),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signature is None:
        return
    signature = dialog.signature
    QMessageBox.information(
        host.widget(),
        "Signed off",
        f"{signature.name} ({signature.organisation}) signed off version "
        f"{signature.version_label} on {signature.signed_on:%d %B %Y}.\n\n"
        f"Content SHA-256: {signature.content_hash}",
    )


def edit_our_area(host: WindowHost) -> None:
    """File > Our area: the pack's foreword, context, logo and written executive summary (saved
    when OK is pressed)."""
    from selfeval.services.our_area import our_area
    from selfeval.ui.dialogs.our_area_dialog import OurAreaDialog

    OurAreaDialog(host.workspace, our_area(host.workspace), host.widget()).exec()


def edit_headings(host: WindowHost) -> None:
    """File > Our headings: the partnership's words for a criterion's fields."""
    from selfeval.ui.dialogs.headings_dialog import HeadingsDialog

    if HeadingsDialog(host.workspace, host.widget()).exec() == QDialog.DialogCode.Accepted:
        host.context.changed(None, ALL_BUT_EVIDENCE)


def import_statistics(host: WindowHost) -> None:
    """File > Import published statistics: choose, preview, import (on a worker)."""
    from selfeval.ui.dialogs.statistics_dialog import StatisticsDialog

    dialog = StatisticsDialog(host.workspace, host.widget())
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.imported:
        host.context.changed(None, ALL_BUT_EVIDENCE)
        host.navigate("indicators")


def statistical_neighbours(host: WindowHost) -> None:
    from selfeval.services.statistics.neighbours import areas_seen, neighbours
    from selfeval.ui.dialogs.neighbours_dialog import NeighboursDialog

    workspace = host.workspace
    dialog = NeighboursDialog(
        workspace, areas_seen(workspace), neighbours(workspace), host.widget()
    )
    if dialog.exec() == QDialog.DialogCode.Accepted:
        host.context.changed(None, ALL_BUT_EVIDENCE)
