"""The full integrity check, on demand and in the background.

Opening a workspace checks it quickly (every table but the attachments' bytes); this reads every
page and checks every attached file against its SHA-256 (store/workspace_file.py). It can take
minutes on gigabytes of files, so the app runs it on a task the window owns, after opening.
"""

from __future__ import annotations

from selfeval.files.output import CancelCheck, Progress
from selfeval.services.workspace import Workspace


def full_check(
    workspace: Workspace, progress: Progress | None = None, cancelled: CancelCheck | None = None
) -> list[str]:
    """[] when every page and file is sound; else what is wrong, in SQLite's words. It stops
    when `cancelled()` says so (a window closing)."""
    return workspace.store.full_check(progress, cancelled)
