"""Undoable edits: every change made on a criterion page is one of these on the window's stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from selfeval.errors import SelfevalError


class ServiceCommand(QUndoCommand):
    """A change done and undone by two service calls; `after` refreshes what the user sees.

    A service error inside redo/undo cannot propagate out of Qt's C++ caller, so it is handed to
    `on_error` (a dialog) and the command marks itself obsolete so the stack drops it.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], object],
        undo: Callable[[], object],
        after: Callable[[], None],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._do, self._undo, self._after, self._on_error = do, undo, after, on_error

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except SelfevalError as err:
            self.setObsolete(True)
            self._on_error(str(err))
        self._after()

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)
