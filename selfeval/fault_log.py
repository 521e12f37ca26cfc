"""The one log of faults nobody expected, in selfeval's own folder (`selfeval.log`).

A windowed build has no console: a fault that only printed a traceback would vanish, and the
person would see nothing, or a window that stopped answering. Every face writes the traceback
here (passwords taken out of any server address in it) and tells the person, in words, where
it is: the command line's last line of defence, the app's hook for faults on the GUI thread,
and background work that fails unexpectedly.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from types import TracebackType

from selfeval.locations import home
from selfeval.store.passwords_hidden import hide_passwords

LOG_NAME = "selfeval.log"


class PasswordsHidden(logging.Formatter):
    """A log line (and its traceback) with every server address's password taken out."""

    def format(self, record: logging.LogRecord) -> str:
        return hide_passwords(super().format(record))


def log_path() -> Path:
    return home() / LOG_NAME


def log_fault(
    what: str,
    error: BaseException,
    trace: TracebackType | None = None,
) -> Path:
    """Append `what` and the traceback of `error` to the log; the log's path."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = traceback.format_exception(type(error), error, trace or error.__traceback__)
        record = logging.LogRecord("selfeval", logging.ERROR, "", 0, what, None, None)
        text = PasswordsHidden("%(asctime)s %(message)s").format(record)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{text}\n{hide_passwords(''.join(lines))}\n")
    except OSError:
        pass  # no disk to write on: the person is still told, in words
    return path
