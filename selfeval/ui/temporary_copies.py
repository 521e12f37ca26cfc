"""Temporary copies of attachments opened from evidence: tracked, and removed when the app closes.

Kept apart from the evidence actions (which load the services) so the application can connect
the clean-up at start-up without loading the database layer before the first paint.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

_FOLDERS: list[Path] = []


def new_folder() -> Path:
    """A private folder for one opened attachment."""
    folder = Path(tempfile.mkdtemp(prefix="selfeval-"))
    _FOLDERS.append(folder)
    return folder


def remove_temporary_copies() -> None:
    """Opened attachments may describe a child: their copies do not outlive the app."""
    while _FOLDERS:
        shutil.rmtree(_FOLDERS.pop(), ignore_errors=True)
