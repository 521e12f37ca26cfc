"""The recent workspaces list, kept in QSettings (window state and recent files only).

Entries are workspace addresses (store/workspace_store.py): a file's full path today.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from selfeval.store.addresses import capabilities_of, store_for

KEY = "recent_workspaces"
MAX_RECENT = 8


def recent_workspaces() -> list[str]:
    """The addresses, most recent first, of workspaces that are still there."""
    value: object = QSettings().value(KEY, [])
    if isinstance(value, str):
        names = [value]
    elif isinstance(value, list | tuple):
        names = [str(v) for v in value]
    else:
        names = []
    # a server is not asked at start-up (it may be slow to answer, or away): it is listed
    return [name for name in names if _is_server(name) or store_for(name).exists()]


def _is_server(address: str) -> bool:
    return capabilities_of(address).shared


def remember_workspace(address: str) -> None:
    """Kept without any password a server address held."""
    if _is_server(address):
        from selfeval.store.passwords_hidden import without_password

        address = without_password(address)
    else:
        address = str(Path(address).resolve())
    store = store_for(address)
    others = [a for a in recent_workspaces() if not store.same_place(a)]
    QSettings().setValue(KEY, [address, *others][:MAX_RECENT])
