"""Small named values a workspace keeps for itself (the expected inspection date, the contact
printed for families): one place to read and write them."""

from __future__ import annotations

from selfeval.services.workspace import Workspace
from selfeval.store.models import WorkspaceSetting


def read_setting(workspace: Workspace, key: str) -> str | None:
    with workspace.transaction(read_only=True) as session:
        row = session.get(WorkspaceSetting, key)
        return row.value if row is not None else None


def write_setting(workspace: Workspace, key: str, value: str | None) -> None:
    """None removes the setting."""
    with workspace.transaction() as session:
        row = session.get(WorkspaceSetting, key)
        if value is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(WorkspaceSetting(key=key, value=value))
        else:
            row.value = value
