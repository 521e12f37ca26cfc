"""The one way a file the user names is opened for reading: a logo, a foreword, a neighbour
list, published statistics, a tracker, a framework file, a passphrase or password file, a
package, a file to attach, a workspace.

Only a regular file is read. A folder, a device (`/dev/zero` never ends) or a named pipe (a
FIFO blocks the reader until someone writes to it) is refused in words, and never waited on:
the file is opened without blocking and looked at before a byte is read. A limit, when given,
is enforced while reading, so a file that grows after it was looked at is still refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from selfeval.errors import InputError
from selfeval.files.faults import os_fault

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_a_file(mode: int) -> str | None:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def open_input(path: Path | str, what: str = "file") -> BinaryIO:
    """`path` open for reading in binary, or InputError / MachineFault in words ("what" names
    what was expected: "the logo", "the tracker")."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file; give {what}") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; give {what}") from None
    except OSError as err:
        raise os_fault(path, err) from None
    try:
        kind = _not_a_file(os.fstat(descriptor).st_mode)
        if kind is not None:
            raise InputError(f"{path}: is {kind}, not a file; give {what}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_input(path: Path | str, what: str = "file", limit: int | None = None) -> bytes:
    """The whole of a file the user named, refused past `limit` bytes (never read further)."""
    path = Path(path)
    try:
        with open_input(path, what) as handle:
            data = handle.read(-1 if limit is None else limit + 1)
    except OSError as err:
        raise os_fault(path, err) from None
    if limit is not None and len(data) > limit:
        raise InputError(f"{path}: is larger than {limit:,} bytes; give {what}")
    return data


def input_size(path: Path | str, what: str = "file") -> int:
    """The size of a file the user named (a folder, device or pipe refused as above)."""
    with open_input(path, what) as handle:
        return os.fstat(handle.fileno()).st_size
