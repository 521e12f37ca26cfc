"""Run long work off the GUI thread: a QRunnable, a separate signals object, a cancel flag.

The work itself is a plain function from services/ that takes ``progress(done, total)`` and
``cancelled()`` callables; this adapter only carries those across threads as signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from selfeval.errors import SelfevalError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]


class TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """One job on the global thread pool; ``cancel()`` asks the job to stop at its next check."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.job(self.signals.progress.emit, self._cancel.is_set)
        except SelfevalError as err:
            self.signals.failed.emit(str(err))
        except Exception as err:  # shown in plain words; never a traceback dialog
            self.signals.failed.emit(f"Something went wrong: {type(err).__name__}: {err}")
        else:
            self.signals.finished.emit(result)


def run_with_progress(
    parent: QWidget,
    title: str,
    job: Job,
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> Task:
    """Start `job` with a modal progress dialog whose Cancel button sets the task's cancel flag."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    task = Task(job)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(message: str) -> None:
        dialog.close()
        on_failed(message)

    task.signals.progress.connect(progress)
    task.signals.finished.connect(finished)
    task.signals.failed.connect(failed)
    dialog.canceled.connect(task.cancel)
    QThreadPool.globalInstance().start(task)
    _running.add(task)
    task.signals.finished.connect(lambda _r: _running.discard(task))
    task.signals.failed.connect(lambda _m: _running.discard(task))
    return task


# Tasks are kept alive here until they report back (autoDelete is off so Python owns them).
_running: set[Task] = set()
