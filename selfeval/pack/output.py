"""Writing an export so that the destination only ever holds a complete file.

Renderers write to a hidden file beside the destination; it replaces the destination only when the
renderer has finished. Cancelling or failing removes the hidden file and leaves any earlier
export at the destination untouched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from selfeval.errors import InputError

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class ExportCancelled(InputError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"export cancelled; {path.name} was not written")


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    if not path.parent.is_dir():
        raise InputError(f"{path.parent}: no such folder")
    partial = path.with_name(f".{path.name}.partial")
    try:
        yield partial
        os.replace(partial, path)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot be written ({err.strerror})") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
