"""The one way selfeval writes a file the user asked for: complete, in place, or not at all.

Packs, progress reports, packages, merge reports and dumps all go through ``safe_output``:

- the destination is refused when it is a selfeval workspace (by its header, whatever its name),
  a sidecar of one (``-wal``, ``-shm``, ``-journal``), a folder, or a file the same command is
  reading (``protect``);
- the bytes go to a temporary file created with ``O_EXCL`` (and ``O_NOFOLLOW``) beside the
  destination under an unpredictable name, so nobody can plant a symlink for us to follow;
- the temporary file replaces the destination only when the writer has finished; a failure or a
  cancel removes it and leaves any earlier file at the destination as it was.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from selfeval.errors import InputError
from selfeval.files.faults import os_fault
from selfeval.files.workspace_header import SIDECARS, workspace_it_belongs_to

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class OutputRefused(InputError):
    """The destination must not be written; nothing was."""


class ExportCancelled(InputError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"export cancelled; {path.name} was not written")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_destination(path: Path, protect: Iterable[Path] = ()) -> None:
    """Refuse a destination that would destroy something; raise OutputRefused saying why."""
    if not str(path).strip() or path.name in ("", ".", ".."):
        raise OutputRefused(f"'{path}': give a file name to write to")
    if not path.parent.is_dir():
        raise OutputRefused(f"{path.parent}: no such folder")
    if path.is_dir():
        raise OutputRefused(f"{path}: is a folder; give a file name inside it")
    if path.exists() and not path.is_file():  # a device, a pipe, a socket: never replaced
        raise OutputRefused(f"{path}: is not an ordinary file; it was not overwritten")
    for guarded in protect:
        for candidate in (guarded, *(guarded.with_name(guarded.name + s) for s in SIDECARS)):
            if _same_file(path, candidate):
                what = (
                    "is a file this command is reading"
                    if candidate == guarded
                    else f"belongs to {guarded.name}"
                )
                raise OutputRefused(f"{path}: {what}; it was not overwritten. Choose another name")
    for candidate in {path, path.resolve()}:
        owner = workspace_it_belongs_to(candidate)
        if owner is not None:
            what = (
                "is a selfeval workspace"
                if owner == candidate
                else f"belongs to the selfeval workspace {owner.name}"
            )
            raise OutputRefused(f"{path}: {what}; it was not overwritten. Choose another name")


@contextmanager
def safe_output(path: Path, protect: Iterable[Path] = ()) -> Iterator[BinaryIO]:
    """A binary file to write into; it becomes `path` when the block ends without an error."""
    protect = tuple(protect)
    check_destination(path, protect)
    stem = path.name[:80]
    temporary = path.with_name(f".{stem}.{secrets.token_hex(8)}.partial")
    try:
        descriptor = os.open(temporary, _FLAGS, 0o666)
    except OSError as err:
        raise os_fault(path, err) from None
    handle = os.fdopen(descriptor, "wb")
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        check_destination(path, protect)  # nothing became a workspace while we wrote
        os.replace(temporary, path)
    except OSError as err:
        handle.close()
        temporary.unlink(missing_ok=True)
        raise os_fault(path, err) from None
    except BaseException:
        handle.close()
        temporary.unlink(missing_ok=True)
        raise


def write_output(path: Path, data: bytes, protect: Iterable[Path] = ()) -> Path:
    """Write `data` to `path` through safe_output (small outputs: reports, dumps)."""
    with safe_output(path, protect) as handle:
        handle.write(data)
    return path
