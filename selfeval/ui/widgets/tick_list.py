"""A list with a tick box per row, each row carrying an id: wherever the user picks several of
something (criteria, indicators, the partnership's priorities). It keeps room for a handful of
rows (a list squeezed by its form to a row or two reads as a box, not a list to choose from)
and scrolls for the rest."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

SHOWN_ROWS = 5


class TickList(QListWidget):
    def __init__(
        self,
        rows: Iterable[tuple[str, str]],
        ticked: Iterable[str],
        accessible_name: str,
        parent: QWidget | None = None,
        shown_rows: int = SHOWN_ROWS,
    ) -> None:
        """`rows`: (label, id) in the order shown; `ticked`: the ids ticked at first."""
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setWordWrap(True)
        chosen = set(ticked)
        for label, row_id in rows:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, row_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row_id in chosen else Qt.CheckState.Unchecked
            )
            self.addItem(item)
        self.setMinimumHeight(
            shown_rows * (self.fontMetrics().height() + 6) + 2 * self.frameWidth()
        )

    def ticked(self) -> list[str]:
        """The ticked rows' ids, in the order shown."""
        return [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def tick(self, row_id: str, ticked: bool = True) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == row_id:
                state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                self.item(i).setCheckState(state)
