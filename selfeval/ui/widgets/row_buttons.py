"""Buttons that act on the chosen row (Edit, Delete, Make lead...) are enabled only while a row
is chosen: an enabled button that silently does nothing reads as broken, and a screen reader
says "dimmed" where a sighted user sees grey. The every-control walk (tests/ui) clicks them all.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit


class _RowButtons(QObject):
    """Lives as the view's child, so its connections end when the view does."""

    def __init__(
        self,
        view: QAbstractItemView,
        buttons: tuple[QAbstractButton, ...],
        when: Callable[[], bool] | None,
    ) -> None:
        super().__init__(view)
        self.view, self.buttons, self.when = view, buttons, when

    @Slot()
    def update(self) -> None:
        if not shiboken6.isValid(self.view) or self.view.signalsBlocked():
            return  # the view is being torn down: its rows leave as it goes
        chosen = self.view.currentIndex().isValid() and (self.when is None or self.when())
        for button in self.buttons:
            button.setEnabled(chosen)


def act_on_chosen_row(
    view: QAbstractItemView, *buttons: QAbstractButton, when: Callable[[], bool] | None = None
) -> Callable[[], None]:
    """Enable `buttons` only while `view` has a current row (and `when()` holds for it: an
    action not yet complete, an item with a file). Call after the view's model is set; the
    returned function updates them again (after the page re-reads its rows)."""
    keeper = _RowButtons(view, buttons, when)
    view.selectionModel().currentChanged.connect(keeper.update)
    model = view.model()
    for signal in (model.modelReset, model.rowsRemoved, model.rowsInserted, model.layoutChanged):
        signal.connect(keeper.update)
    keeper.update()
    return keeper.update


def act_on_typed_text(box: QLineEdit, button: QAbstractButton) -> None:
    """Enable `button` only once something is typed in `box` (Add comment)."""

    def update(text: str) -> None:
        button.setEnabled(bool(text.strip()))

    box.textChanged.connect(update)
    update(box.text())
