"""Telling a selfeval workspace by its first bytes, whatever it is called.

Every output path is checked against this before anything is written, so a slip such as
``export pdf WS -o WS`` can never replace a workspace (or its ``-wal``/``-shm``) with a PDF.
"""

from __future__ import annotations

from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
# "SELF" in ASCII: PRAGMA application_id of every workspace file (SQLite header offset 68).
APPLICATION_ID = 0x53454C46
SIDECARS = ("-wal", "-shm", "-journal")


def is_workspace_file(path: Path) -> bool:
    """True when `path` is an SQLite file stamped with our application id."""
    from selfeval.errors import SelfevalError
    from selfeval.files.input_file import open_input

    try:
        with open_input(path, "a workspace file") as handle:
            header = handle.read(100)
    except (OSError, SelfevalError):
        return False
    return (
        len(header) == 100
        and header.startswith(SQLITE_MAGIC)
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def workspace_it_belongs_to(path: Path) -> Path | None:
    """The workspace `path` is, or is a sidecar of (``X.selfeval-wal`` belongs to X), if any."""
    if is_workspace_file(path):
        return path
    for sidecar in SIDECARS:
        if path.name.endswith(sidecar):
            owner = path.with_name(path.name[: -len(sidecar)])
            if is_workspace_file(owner):
                return owner
    return None
