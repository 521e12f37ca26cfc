"""The recent workspaces list, kept in QSettings (window state and recent files only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_workspaces"
MAX_RECENT = 8


def recent_workspaces() -> list[Path]:
    value: object = QSettings().value(KEY, [])
    if isinstance(value, str):
        names = [value]
    elif isinstance(value, list | tuple):
        names = [str(v) for v in value]
    else:
        names = []
    return [Path(str(n)) for n in names if Path(str(n)).exists()]


def remember_workspace(path: Path) -> None:
    resolved = path.resolve()
    names = [str(resolved)] + [str(p) for p in recent_workspaces() if p.resolve() != resolved]
    QSettings().setValue(KEY, names[:MAX_RECENT])
