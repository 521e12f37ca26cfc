"""The evidence library as a table model, and the filters over it (testable without a window)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from selfeval.services.evidence import EVIDENCE_KINDS, EvidenceView
from selfeval.services.readiness import STALE_AFTER

COLUMNS = ("Title", "Kind", "Organisation", "Date", "Criteria", "Personal data", "Files")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class EvidenceTableModel(QAbstractTableModel):
    def __init__(self, numbers: dict[str, int]) -> None:
        super().__init__()
        self.rows: list[EvidenceView] = []
        self.search_text: list[str] = []
        self.numbers = numbers  # criterion id -> its number in the framework
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: list[EvidenceView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self.sort_column >= 0:
            self._sort_rows()
        self._index_text()
        self.endResetModel()

    def _index_text(self) -> None:
        self.search_text = [
            " ".join(
                (r.title, r.description, r.organisation, EVIDENCE_KINDS.get(r.kind, ""))
            ).casefold()
            for r in self.rows
        ]

    def sort_key(self, row: EvidenceView, column: int) -> Any:
        if column == 3:
            return row.evidence_date.isoformat() if row.evidence_date else ""
        if column == 4:
            return min((self.numbers.get(c, 99) for c in row.criteria), default=99)
        if column == 5:
            return row.personal_data
        if column == 6:
            return len(row.attachments)
        text = (row.title, EVIDENCE_KINDS.get(row.kind, row.kind), row.organisation)[column]
        return text.casefold()

    def _sort_rows(self) -> None:
        reverse = self.sort_order == Qt.SortOrder.DescendingOrder
        self.rows.sort(key=lambda r: self.sort_key(r, self.sort_column), reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here with Python's sort and one key per row: letting the proxy sort calls
        data() from C++ for every comparison, hundreds of milliseconds on 5,000 rows."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        old_ids = [r.id for r in self.rows]
        persistent = self.persistentIndexList()
        self._sort_rows()
        self._index_text()
        new_row = {r.id: i for i, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            persistent,
            [self.index(new_row[old_ids[i.row()]], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.title
            if column == 1:
                return EVIDENCE_KINDS.get(row.kind, row.kind)
            if column == 2:
                return row.organisation
            if column == 3:
                return row.evidence_date.strftime("%d/%m/%Y") if row.evidence_date else ""
            if column == 4:
                return ", ".join(str(self.numbers.get(c, c)) for c in row.criteria)
            if column == 5:
                return "Yes" if row.personal_data else "No"
            return str(len(row.attachments)) if row.attachments else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.description or row.title
        return None


class EvidenceFilter(QSortFilterProxyModel):
    """Search text and filters (kind, organisation, criterion, stale, personal data) together."""

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.text = ""
        self.kind = ""
        self.organisation = ""
        self.criterion = ""
        self.stale_only = False
        self.personal_only = False
        self.today = today or date.today()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts; this proxy keeps its order and only filters."""
        source = self.sourceModel()
        if isinstance(source, EvidenceTableModel):
            source.sort(column, order)

    def set_filters(self, **values: Any) -> None:
        self.beginFilterChange()
        for name, value in values.items():
            if not hasattr(self, name):
                raise AttributeError(name)
            setattr(self, name, value.casefold() if name == "text" else value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, EvidenceTableModel)
        row = model.rows[source_row]
        if self.text and self.text not in model.search_text[source_row]:
            return False
        if self.kind and row.kind != self.kind:
            return False
        if self.organisation and row.organisation != self.organisation:
            return False
        if self.criterion and self.criterion not in row.criteria:
            return False
        if self.personal_only and not row.personal_data:
            return False
        if self.stale_only:
            cutoff: date = self.today - STALE_AFTER
            if row.evidence_date is None or row.evidence_date >= cutoff:
                return False
        return True
