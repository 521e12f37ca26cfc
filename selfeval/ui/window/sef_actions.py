"""File > Import a Word self-evaluation: choose the document, read and plan it on a task, review
it (ui/dialogs/sef_import_dialog.py), write it on a task, and put it on the undo stack as one
step ("Undo import of Northvale SEF.docx" puts back every field, note and item it touched)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from selfeval.ui.dialogs.saved_notice import remember_folder, start_path
from selfeval.ui.tasks import run_with_progress, wait_for_task

if TYPE_CHECKING:
    from selfeval.services.sef_import.importing import Decision, SefImported
    from selfeval.services.sef_import.sef_plan import SefPlan
    from selfeval.ui.window.host import WindowHost


def import_word_sef(host: WindowHost, path: Path | None = None) -> None:
    from selfeval.services.sef_import.importing import plan_sef

    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            host.widget(),
            "Import a Word self-evaluation",
            start_path("sef", host.address),
            "Word documents (*.docx)",
        )
        if not name:
            return
        path = Path(name)
        remember_folder("sef", path.parent)
    host.commit_pending()
    workspace = host.workspace
    chosen = path
    run_with_progress(
        host.widget(),
        "Reading the self-evaluation",
        lambda _p, _c: plan_sef(workspace, chosen),
        lambda plan: review(host, plan),
        host.show_error,
    )


def review(host: WindowHost, plan: SefPlan) -> None:
    """The review dialog; on Import, the writing."""
    from selfeval.services.sef_import.importing import current_texts, plan_sef
    from selfeval.ui.dialogs.sef_import_dialog import SefImportDialog

    workspace = host.workspace

    def replan(maps: dict[str, str], criteria: dict[str, str]) -> SefPlan | None:
        from selfeval.services.sef_import.sef_plan import SefPlan

        found = wait_for_task(
            dialog,
            "Checking the self-evaluation",
            lambda _p, _c: plan_sef(workspace, plan.path, maps, criteria),
        )
        if isinstance(found, str):
            host.show_error(found)
        return found if isinstance(found, SefPlan) else None

    dialog = SefImportDialog(
        workspace.framework, plan, replan, current_texts(workspace), host.widget()
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    write(host, dialog.plan, dialog.decisions(), dialog.make_evidence(), dialog.maps)


def write(
    host: WindowHost,
    plan: SefPlan,
    decisions: dict[str, Decision],
    make_evidence: bool,
    remember: dict[str, str],
) -> None:
    from selfeval.services.sef_import.importing import apply_sef, undo_sef

    workspace = host.workspace
    done: list[SefImported] = []

    def apply() -> SefImported:
        return apply_sef(workspace, plan, decisions, make_evidence, remember)

    def written(imported: SefImported) -> None:
        done.append(imported)
        host.context.push(
            f"import of {plan.path.name}",
            lambda: None,  # written on the task already: the entry is for Undo
            lambda: undo_sef(workspace, done[-1]),
            redo=lambda: done.append(apply()),
        )
        QMessageBox.information(
            host.widget(),
            "Import finished",
            f"Imported {imported.summary()} from {plan.path.name}. Edit > Undo puts everything "
            "back as it was.",
        )

    run_with_progress(
        host.widget(),
        "Importing the self-evaluation",
        lambda _p, _c: apply(),
        written,
        host.show_error,
    )
