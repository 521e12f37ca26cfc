"""Undoable edits: every change made on a criterion page is one of these on the window's stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from selfeval.errors import ConnectionLost, SelfevalError


class ServiceCommand(QUndoCommand):
    """A change done and undone by two service calls; `after` refreshes what the user sees.

    Undo and redo carry the value they expect to find (compare-and-set), so undoing never throws
    away a change someone else made meanwhile: the service refuses and says so.
    A service error inside redo/undo cannot propagate out of Qt's C++ caller, so it is handed to
    `on_error` (a dialog) and the command marks itself obsolete so the stack drops it; a fault
    nobody expected is handled the same way, its traceback written to selfeval's log. `failed`
    lets the widget the change came from keep what the user typed (a full disk or a workspace
    moved away must not cost the paragraph that was being written).
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[], None],
        on_error: Callable[[str], None],
        failed: Callable[[], None] | None = None,
        redo: Callable[[], object] | None = None,
        on_lost: Callable[[str], None] | None = None,
        shown: Callable[[object], None] | None = None,
    ) -> None:
        """`shown`: how the window shows what the service returned (what changed), instead of
        reading everything again with `after`; `after` still runs when a change is refused."""
        super().__init__(text)
        self._shown = shown
        self._on_lost = on_lost
        self._do, self._undo, self._after, self._on_error = do, undo, after, on_error
        self._failed = failed
        self._redo = redo or do
        self._done_once = False

    def _run(self, action: Callable[[], object]) -> None:
        try:
            result = action()
        except SelfevalError as err:
            self._refused(err, str(err))
            return
        except Exception as err:  # a fault nobody expected: logged, said, nothing to undo
            from selfeval.fault_log import log_fault
            from selfeval.store.passwords_hidden import hide_passwords

            path = log_fault(f"an edit failed: {self.text()}", err)
            said = hide_passwords(f"{type(err).__name__}: {err}")
            self._refused(err, f"Something went wrong ({said}); details in {path}")
            return
        if self._shown is not None and result is not None:
            self._shown(result)  # one write, and what it returned shown: nothing read again
            return
        self._refresh(report=True)

    def _refused(self, err: Exception, message: str) -> None:
        """The change did not happen: no Undo entry (obsolete: the stack drops it), what was
        typed kept on screen, and the person told."""
        self.setObsolete(True)
        if self._failed is not None:
            self._failed()
            message += f"\n\n{KEPT_NOTE}"
        if isinstance(err, ConnectionLost) and self._on_lost is not None:
            self._on_lost(str(err))  # the banner says it once; typing goes on
        else:
            self._on_error(message)
        self._refresh(report=False)

    def _refresh(self, report: bool) -> None:
        """Show the stored state again; after a failure, a second message would say nothing new."""
        try:
            self._after()
        except SelfevalError as err:
            if report:
                self._on_error(str(err))

    def redo(self) -> None:
        """The first time, the change itself; after an undo, `redo` (compare-and-set: it is
        refused if someone else changed the field in between)."""
        action = self._redo if self._done_once else self._do
        self._done_once = True
        self._run(action)

    def undo(self) -> None:
        self._run(self._undo)


KEPT_NOTE = (
    "What you typed is still on screen; it is saved as soon as the workspace can be written."
)
