"""After a workspace file opens (with the quick check: every table but the attachments' bytes),
the full check reads every page and every attached file on a task the window owns, and the
status bar says which check was done. Damage found is said at once, with what to do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from selfeval.files.output import CancelCheck, Progress
from selfeval.ui.tasks import OwnedTask

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace


def check_in_background(window: QWidget, workspace: Workspace, status: QLabel) -> OwnedTask | None:
    """None for a server workspace: the server keeps its own pages."""
    if workspace.capabilities.shared:
        return None
    status.setText("Opened with the quick check; checking every page in the background")
    status.setAccessibleName("Integrity check")

    def job(progress: Progress, cancelled: CancelCheck) -> list[str]:
        from selfeval.services.integrity import full_check

        return full_check(workspace, progress, cancelled)  # stops when the window closes

    def done(problems: Any) -> None:
        if not problems:
            status.setText("Full check: every page and attached file sound")
            return
        status.setText("Full check: DAMAGED (see the message)")
        QMessageBox.warning(
            window,
            "selfeval: the workspace is damaged",
            f"{workspace.name}: the full check found damage ({'; '.join(problems)}). Export "
            "what you need now and restore the latest backup (selfeval's backups folder).",
        )

    def failed(message: str) -> None:
        status.setText(f"Full check could not run: {message}")

    task = OwnedTask(window, done, failed, label=f"checking {workspace.name}")
    task.start(job)
    return task
