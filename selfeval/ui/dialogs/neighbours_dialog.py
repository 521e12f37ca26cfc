"""File > Statistical neighbours: the areas the DfE's benchmarking tool names as most like yours,
ticked from the areas seen in imported statistics (searchable) or typed as LA codes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from selfeval.services.statistics.neighbours import set_neighbours
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.checked_dialog import CheckedDialog


class NeighboursDialog(CheckedDialog):
    def __init__(
        self,
        workspace: Workspace,
        areas: dict[str, str],
        current: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Statistical neighbours")
        self.setAccessibleName(self.windowTitle())
        self.resize(560, 560)
        note = QLabel(
            "Tick the ten areas the DfE's children's services statistical neighbour "
            "benchmarking tool names for your area. The neighbour figure is the mean of those "
            "with a figure; it is worked out again for every imported year when you change them."
        )
        note.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setAccessibleName("Search areas by name or code")
        self.search.setPlaceholderText("Type to search the areas seen in imported statistics")
        self.list = QListWidget()
        self.list.setAccessibleName("Areas seen in imported statistics")
        for code, name in areas.items():
            item = QListWidgetItem(f"{name} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if code in current else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.others = QLineEdit(" ".join(c for c in current if c not in areas))
        self.others.setAccessibleName("Other neighbours' LA codes")
        self.others.setPlaceholderText("LA codes not in the list, e.g. E10000016 E06000035")
        self.search.textChanged.connect(self._filter)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow("&Search:", self.search)
        form.addRow(self.list)
        form.addRow("&Other codes:", self.others)
        self.finish_form(form)
        self.others.textChanged.connect(lambda _text: self.error.hide())
        self.kept: list[str] = []

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(needle not in item.text().casefold())

    def chosen(self) -> list[str]:
        ticked = [
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]
        return ticked + self.others.text().replace(",", " ").split()

    def check(self) -> None:
        self.kept = set_neighbours(self.workspace, self.chosen())
