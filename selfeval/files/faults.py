"""Plain words for the faults of the machine: read-only, disk full, locked, gone.

A council user who sees ``internal error (OSError: ...)`` cannot act on it; one who sees "the
disk is full" can. Every layer that touches a file turns an OSError into a MachineFault through
here, naming the file (the database's own reports of the same faults: ``store/faults.py``).
"""

from __future__ import annotations

import errno
from pathlib import Path

from selfeval.errors import SelfevalError


class MachineFault(SelfevalError):
    """The computer would not do what was asked (a file or disk problem); nothing was changed."""


_BY_ERRNO = {
    errno.EROFS: "is on a read-only disk",
    errno.EACCES: "cannot be written: permission denied (read-only, or open in another program)",
    errno.EPERM: "cannot be written: permission denied",
    errno.ENOSPC: "cannot be written: the disk is full",
    errno.EDQUOT: "cannot be written: your disk quota is used up",
    errno.ENOENT: "no such file (was it moved or deleted?)",
    errno.EBUSY: "is in use by another program",
    errno.ETXTBSY: "is in use by another program",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "is not in a folder that exists",
    errno.ENAMETOOLONG: "has a name that is too long",
    errno.EFBIG: "is too large for this disk",
    errno.EIO: "cannot be read or written: the disk reported an error",
    errno.EMFILE: "cannot be opened: too many files are open",
}
# Windows reports a file held open by another program as winerror 32 or 33.
_WINDOWS_LOCKED = {32, 33}


def describe_os_error(err: OSError) -> str:
    """The cause of an OSError in words, without the file name."""
    if getattr(err, "winerror", None) in _WINDOWS_LOCKED:
        return "is in use by another program; close it there and try again"
    if err.errno in _BY_ERRNO:
        return _BY_ERRNO[err.errno]
    return f"cannot be used ({err.strerror or type(err).__name__})"


def os_fault(path: Path | str, err: OSError) -> MachineFault:
    return MachineFault(f"{path}: {describe_os_error(err)}")
