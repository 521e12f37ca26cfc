"""The framework tree (groups, criteria, bullets) with each criterion's rating as badge and word."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView, QWidget

from selfeval.framework.outline import NOT_RATED_ID, FrameworkOutline
from selfeval.services.record_fields import returns

PAGES: tuple[tuple[str, str, str | None], ...] = (
    # (title, page id, the table its work is kept in: None for the lead's own pages)
    ("Evidence library", "evidence", "evidence_item"),
    ("Action plan", "actions", "action"),
    ("Indicators", "indicators", "indicator_value"),
    ("Risk register", "risks", "risk"),
    ("Contributions", "contributions", None),
    ("People and organisations", "people", "person"),
    ("My work", "mywork", "judgement"),
    ("Ready for the data request", "datarequest", "data_request_item"),
    ("To confirm after a new edition", "edition", None),
    ("Our priorities", "priorities", "priority"),
    ("Voices, surveys and case studies", "heard", "voice"),
)
"""The pages after the criteria. A partner's copy shows only those whose work comes back in
their return (services/record_fields.py decides what does)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class CriteriaTreeModel(QStandardItemModel):
    def __init__(self, outline: FrameworkOutline, ratings: dict[str, str]) -> None:
        super().__init__()
        self.outline = outline
        self.setHorizontalHeaderLabels(["Criterion", outline.rating_word.capitalize()])
        self._rating_items: dict[str, QStandardItem] = {}
        self._add_page("Readiness dashboard", "dashboard")
        numbers = outline.numbers
        for group in outline.groups:
            group_item = self._item(group.title, group.id, "group")
            rating_spacer = QStandardItem("")
            rating_spacer.setEditable(False)
            for criterion in group.criteria:
                number = numbers[criterion.id]
                criterion_item = self._item(
                    f"{number}. {criterion.title}", criterion.id, "criterion"
                )
                for bullet in criterion.bullets:
                    bullet_item = self._item(bullet.text, bullet.id, "bullet")
                    spacer = QStandardItem("")
                    spacer.setEditable(False)
                    criterion_item.appendRow([bullet_item, spacer])
                rating_item = QStandardItem()
                rating_item.setEditable(False)
                self._rating_items[criterion.id] = rating_item
                group_item.appendRow([criterion_item, rating_item])
            self.appendRow([group_item, rating_spacer])
        for title, page_id, _table in PAGES:
            self._add_page(title, page_id)
        self.set_ratings(ratings)

    def pages_a_partner_keeps(self) -> list[str]:
        """Page ids whose work a partner's return carries back."""
        return [page_id for _title, page_id, table in PAGES if table and returns(table)]

    def _add_page(self, title: str, page_id: str) -> None:
        spacer = QStandardItem("")
        spacer.setEditable(False)
        self.appendRow([self._item(title, page_id, "page"), spacer])

    def index_of(self, kind: str, item_id: str) -> QModelIndex:
        """The tree row of a page, group, criterion or bullet (invalid if there is none)."""
        matches = self.match(
            self.index(0, 0),
            ID_ROLE,
            item_id,
            -1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        for index in matches:
            if index.data(KIND_ROLE) == kind:
                return index
        return QModelIndex()

    @staticmethod
    def _item(text: str, item_id: str, kind: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        item.setData(item_id, ID_ROLE)
        item.setData(kind, KIND_ROLE)
        return item

    def set_ratings(self, ratings: dict[str, str]) -> None:
        for criterion_id in self._rating_items:
            self.set_rating(criterion_id, ratings.get(criterion_id, NOT_RATED_ID))

    def set_rating(self, criterion_id: str, level_id: str) -> None:
        """One criterion's rating, as badge and word (after a rating click: nothing re-read)."""
        from selfeval.ui.widgets.rating_badge import badge_icon

        item = self._rating_items[criterion_id]
        level = self.outline.level(level_id)
        item.setText(level.label)
        item.setIcon(badge_icon(level.colour))
        item.setData(level.id, ID_ROLE)
        item.setAccessibleText(f"Rating: {level.label}")

    def rated_count(self) -> int:
        return sum(1 for item in self._rating_items.values() if item.data(ID_ROLE) != NOT_RATED_ID)


class CriteriaTreeView(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Evaluation criteria")
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setHeaderHidden(False)
        self.header().setAccessibleName("Criteria table columns")
