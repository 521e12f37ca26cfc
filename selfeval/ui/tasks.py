"""Background work that belongs to whoever started it.

A page (or dialog, or window) makes an ``OwnedTask`` and starts plain jobs from services/ on it:
``job(progress(done, total), cancelled())``. The task numbers each start (its generation); a
result, failure or progress report is acted on only if it belongs to the latest generation and
the task was not cancelled since. So a result already queued when the page closed, or one
overtaken by a newer start, is dropped when it arrives; nothing ever waits on the thread pool
from the GUI thread. Tests await every live run after each test (tests/ui/conftest.py).
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from selfeval.errors import SelfevalError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]


class _Hub(QObject):
    """The one object every run reports through. It lives as long as the program, so a worker
    never emits on an object the GUI thread has deleted (a window closed mid-read would crash
    the program); it hands each report to its task if that task still exists."""

    progress = Signal(int, int, int, int)  # task id, generation, done, total
    finished = Signal(int, int, object)  # task id, generation, result
    failed = Signal(int, int, str)  # task id, generation, message

    def __init__(self) -> None:
        super().__init__()
        self.tasks: dict[int, OwnedTask] = {}
        self.progress.connect(self._progress)
        self.finished.connect(self._finished)
        self.failed.connect(self._failed)

    def _progress(self, task_id: int, generation: int, done: int, total: int) -> None:
        task = self.tasks.get(task_id)
        if task is not None:
            task._progress(generation, done, total)

    def _finished(self, task_id: int, generation: int, result: object) -> None:
        task = self.tasks.get(task_id)
        if task is not None:
            task._finished(generation, result)

    def _failed(self, task_id: int, generation: int, message: str) -> None:
        task = self.tasks.get(task_id)
        if task is not None:
            task._failed(generation, message)


_HUB: _Hub | None = None


def _hub() -> _Hub:
    global _HUB
    if _HUB is None:
        _HUB = _Hub()
    return _HUB


class _Run(QRunnable):
    """One run of a job on the thread pool. It only reports; what happens next is the owner's."""

    def __init__(self, job: Job, task_id: int, generation: int, label: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (in _LIVE) until it has finished
        self.job, self.task_id, self.generation, self.label = job, task_id, generation, label
        self.hub = _hub()
        self.cancel_flag = threading.Event()
        self.done = threading.Event()

    def run(self) -> None:
        task_id, generation, hub = self.task_id, self.generation, self.hub

        def report(signal_name: str, *values: object) -> None:
            # RuntimeError: the program is ending and the hub is gone; there is nobody to tell
            with contextlib.suppress(RuntimeError):
                getattr(hub, signal_name).emit(task_id, generation, *values)

        try:
            result = self.job(
                lambda done, total: report("progress", done, total), self.cancel_flag.is_set
            )
        except SelfevalError as err:
            report("failed", str(err))
        except Exception as err:  # shown in plain words; the traceback goes to the log
            from selfeval.fault_log import log_fault
            from selfeval.store.passwords_hidden import hide_passwords

            path = log_fault(f"background work failed: {self.label}", err)
            said = hide_passwords(f"{type(err).__name__}: {err}")
            report("failed", f"Something went wrong: {said} (details in {path})")
        else:
            report("finished", result)
        finally:
            self.done.set()
            with _LOCK:
                _LIVE.discard(self)


_LOCK = threading.Lock()
_LIVE: set[_Run] = set()
_IDS = itertools.count(1)


def live_runs() -> list[str]:
    """What is running now, by label (for tests, and for a quiet exit)."""
    with _LOCK:
        return sorted(run.label for run in _LIVE)


def cancel_and_await_all(timeout: float = 10.0) -> list[str]:
    """Cancel every live run and wait for each to finish; the labels of those still running."""
    with _LOCK:
        runs = list(_LIVE)
    for run in runs:
        run.cancel_flag.set()
    return [run.label for run in runs if not run.done.wait(timeout)]


class OwnedTask(QObject):
    """Background work a page owns: start, cancel, and only the latest result acted on."""

    def __init__(
        self,
        owner: QObject,
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[int, int], None] | None = None,
        label: str = "task",
    ) -> None:
        super().__init__(owner)  # deleted with its owner; its results then go nowhere
        self._on_done, self._on_failed, self._on_progress = on_done, on_failed, on_progress
        self.label = label
        self.generation = 0
        self._run: _Run | None = None
        self._id = next(_IDS)
        hub = _hub()
        hub.tasks[self._id] = self
        self.destroyed.connect(lambda *_a, task_id=self._id: hub.tasks.pop(task_id, None))

    @property
    def running(self) -> bool:
        """Started, and neither finished, failed nor cancelled (as seen from the GUI thread)."""
        return self._run is not None

    def start(self, job: Job) -> int:
        """Run `job` on the thread pool; a run still going is cancelled and its result dropped."""
        self.cancel()
        self.generation += 1
        run = _Run(job, self._id, self.generation, self.label)
        with _LOCK:
            _LIVE.add(run)
        self._run = run
        QThreadPool.globalInstance().start(run)
        return self.generation

    def stop(self) -> None:
        """The user's Cancel: ask the job to stop at its next check and say how it ended (its
        own words, such as "cancelled; nothing was imported", are what the user should read)."""
        if self._run is not None:
            self._run.cancel_flag.set()

    def cancel(self) -> None:
        """The owner is going away or starting over: ask the job to stop, and drop whatever it
        reports from now on."""
        if self._run is not None:
            self._run.cancel_flag.set()
            self._run = None
        self.generation += 1

    def _current(self, generation: int) -> bool:
        return self._run is not None and generation == self.generation

    def _progress(self, generation: int, done: int, total: int) -> None:
        if self._current(generation) and self._on_progress is not None:
            self._on_progress(done, total)

    def _finished(self, generation: int, result: object) -> None:
        if self._current(generation):
            self._run = None
            self._on_done(result)

    def _failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self._run = None
            self._on_failed(message)


def run_with_progress(
    parent: QWidget,
    title: str,
    job: Job,
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> OwnedTask:
    """Start `job` owned by `parent`, with a modal progress dialog whose Cancel cancels it."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    # the window waits for the work (which may hold the write lock): no edit meanwhile
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    def finished(result: Any) -> None:
        dialog.close()
        on_done(result)

    def failed(message: str) -> None:
        dialog.close()
        on_failed(message)

    task = OwnedTask(parent, finished, failed, progress, label=title)
    dialog.canceled.connect(task.stop)
    task.start(job)
    return task


def wait_for_task(parent: QWidget | None, title: str, job: Job) -> object:
    """Run `job` on a task while the GUI thread keeps painting, and wait for it: a progress box
    (shown after 300 ms) with Cancel, and a local event loop until the task ends. For work a
    dialog or an open must have done before it goes on (connecting to a server, reading every
    file before a signature). The job's result; its failure message (str); None if cancelled
    (a job that must tidy up after a cancel asks its `cancelled`)."""
    from PySide6.QtCore import QEventLoop

    outcome: list[object] = []
    loop = QEventLoop()
    dialog = QProgressDialog(f"{title}...", "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    modality = Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
    dialog.setWindowModality(modality)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)  # starts the clock: the box shows if the work takes over 300 ms

    def ended(result: object) -> None:
        outcome.append(result)
        loop.quit()

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    task = OwnedTask(dialog, ended, ended, progress, label=title.lower())

    def cancel() -> None:
        task.stop()
        ended(None)

    dialog.canceled.connect(cancel)
    task.start(job)
    if not outcome:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    return outcome[0]
