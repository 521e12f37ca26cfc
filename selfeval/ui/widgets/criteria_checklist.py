"""A list of the framework's criteria with a tick box each: used wherever the user picks criteria
(evidence, actions, exports, contribution requests)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from selfeval.framework.model import Framework

SHOWN_ROWS = 5


class CriteriaChecklist(QListWidget):
    def __init__(
        self,
        framework: Framework,
        ticked: Iterable[str],
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setWordWrap(True)
        chosen = set(ticked)
        for criterion in framework.criteria:
            number = framework.numbers[criterion.id]
            item = QListWidgetItem(f"{number}. {criterion.title}")
            item.setData(Qt.ItemDataRole.UserRole, criterion.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if criterion.id in chosen else Qt.CheckState.Unchecked
            )
            self.addItem(item)
        # a list squeezed by its form to a row or two reads as a box, not as a list to choose
        # from: it keeps room for a handful of rows, and scrolls for the rest
        self.setMinimumHeight(
            SHOWN_ROWS * (self.fontMetrics().height() + 6) + 2 * self.frameWidth()
        )

    def ticked(self) -> list[str]:
        """The ticked criteria's ids, in framework order."""
        return [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]
