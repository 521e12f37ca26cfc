"""The database's reports of machine faults (read-only, full, locked, gone) in plain words.

SQLite says "attempt to write a readonly database" or "database or disk is full"; SQLAlchemy
wraps that in an OperationalError. The services never see either: a workspace's transaction turns
them into a MachineFault naming the workspace, and anything else stays a fault of ours.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from selfeval.files.faults import MachineFault

_READ_ONLY = "cannot be changed: it is read-only, or it was moved or deleted while open"
_WORDS = (
    ("readonly", _READ_ONLY),
    ("read-only", _READ_ONLY),
    ("disk is full", "cannot be changed: the disk is full; nothing was saved"),
    ("database is locked", "is locked by another program; close it there and try again"),
    ("database table is locked", "is locked by another program; close it there and try again"),
    ("disk i/o error", "cannot be read or written: the disk reported an error (was it removed?)"),
    ("unable to open database file", "cannot be opened (was it moved, deleted or made read-only?)"),
    ("malformed", "is damaged; restore it from a backup"),
    ("file is not a database", "is damaged or is not a workspace; restore it from a backup"),
)


def words_for(message: str) -> str | None:
    """The cause in words, or None when the message is not a fault of the machine."""
    lowered = message.lower()
    for needle, words in _WORDS:
        if needle in lowered:
            return words
    return None


def database_fault(path: Path, err: BaseException) -> MachineFault | None:
    """A MachineFault for a database error that the machine caused, else None."""
    if not isinstance(err, DBAPIError):
        return None
    words = words_for(str(err.orig))
    if words is None:
        return None
    if words == _READ_ONLY:  # SQLite says "readonly" for all three: say which it is
        if not path.exists():
            words = "was moved or deleted while it was open; nothing more was saved to it"
        elif not os.access(path, os.W_OK):
            words = "cannot be changed: the file is read-only"
        elif not os.access(path.parent, os.W_OK):
            words = "cannot be changed: its folder is read-only"
    return MachineFault(f"{path}: {words}")
