"""After a new edition of the criteria: every item still to confirm, with the old and the new
words side by side and the changed words marked (struck through and underlined, not by colour
alone). Confirming a rating (or rating it afresh on the criterion page) takes an item off the
list; a removed item comes off once acknowledged, having seen where its evidence went."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.framework.model import RatingScale
from selfeval.services.improvement.edition_review import (
    EditionItemView,
    acknowledge_removed,
    items_to_confirm,
)
from selfeval.services.judgements import get_judgement, set_judgement_field
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.touches import Touches
from selfeval.ui.widgets.button_row import button_row
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.word_marks import marked_html

COLUMNS = ["Item", "What changed", "Previous {rating}, to confirm", "Evidence"]
CHANGE_WORDS = {
    "reworded": "Reworded",
    "split": "Split",
    "merged": "Merged",
    "new": "New",
    "removed": "Removed",
}


class EditionReviewPage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("To confirm after the new edition")
        self.items: list[EditionItemView] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading("To confirm after the new edition"))
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What is left to confirm")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Items to confirm after the new edition")
        word = context.workspace.framework.terms.rating  # the edition's own word
        self.table.setHorizontalHeaderLabels([c.replace("{rating}", word) for c in COLUMNS])
        self.table.horizontalHeader().setAccessibleName("Columns")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.cellActivated.connect(lambda _r, _c: self.open_criterion())
        layout.addWidget(self.table, 2)
        sides = QHBoxLayout()
        self.before = QTextBrowser()
        self.before.setAccessibleName("The old words, removed words struck through")
        self.after = QTextBrowser()
        self.after.setAccessibleName("The new words, added words underlined")
        for browser in (self.before, self.after):
            browser.setOpenLinks(False)
            sides.addWidget(browser)
        layout.addLayout(sides, 1)
        self.confirm_button = QPushButton("&Confirm the previous rating")
        self.confirm_button.setAccessibleName("Confirm the previous rating for the new wording")
        self.confirm_button.clicked.connect(self.confirm)
        self.open_button = QPushButton("&Open the criterion to rate it")
        self.open_button.setAccessibleName("Open the criterion to rate it afresh")
        self.open_button.clicked.connect(self.open_criterion)
        self.ack_button = QPushButton("Ac&knowledge the removal")
        self.ack_button.setAccessibleName("Acknowledge that this item is gone from the edition")
        self.ack_button.clicked.connect(self.acknowledge)
        layout.addLayout(button_row(self.confirm_button, self.open_button, self.ack_button))

    def refresh(self) -> None:
        chosen = self.selected()
        self.items = items_to_confirm(self.context.workspace)
        framework = self.context.workspace.framework
        scale = framework.rating_scale
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            where = (
                f"{item.label} ({item.old_edition})"
                if item.relationship == "removed"
                else (item.label)
            )
            text = item.new_text or (item.old_texts[0][2] if item.old_texts else item.item_id)
            labels = {source: label for source, label, _text in item.old_texts}
            previous = ", ".join(
                f"{_rating_label(scale, rating)} (as {labels.get(source, source)})"
                for source, rating in item.previous_ratings
            )
            cells = [
                f"{where}  {text}",
                CHANGE_WORDS.get(item.relationship, item.relationship),
                previous or "-",
                f"{len(item.evidence_ids)} item(s)" if item.relationship == "removed" else "-",
            ]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.item_id)
                self.table.setItem(row, column, cell)
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.relationship] = counts.get(item.relationship, 0) + 1
        if self.items:
            detail = ", ".join(f"{n} {CHANGE_WORDS[k].lower()}" for k, n in counts.items())
            self.summary.setText(
                f"{len(self.items)} item{'s' if len(self.items) != 1 else ''} to confirm on "
                f"{framework.label} ({detail}). Rate each one (or confirm its previous rating); "
                "acknowledge each removed one once you have seen its evidence."
            )
        else:
            self.summary.setText("Nothing to confirm after the new edition.")
        ids = [i.item_id for i in self.items]
        self.table.selectRow(ids.index(chosen.item_id) if chosen and chosen.item_id in ids else 0)
        self._show_selected()

    def selected(self) -> EditionItemView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _show_selected(self) -> None:
        item = self.selected()
        self.confirm_button.setEnabled(
            item is not None
            and item.relationship != "removed"
            and len({r for _s, r in item.previous_ratings}) == 1
        )
        self.open_button.setEnabled(item is not None and item.relationship != "removed")
        self.ack_button.setEnabled(item is not None and item.relationship == "removed")
        if item is None:
            self.before.clear()
            self.after.clear()
            return
        old = "\n\n".join(text for _i, _label, text in item.old_texts)
        heads = "; ".join(label for _i, label, _t in item.old_texts)
        self.before.setHtml(
            f"<p><b>Before ({html.escape(item.old_edition)}): {html.escape(heads or '-')}</b></p>"
            f"<p>{marked_html(old, item.new_text, 'old') if old else '(not in the old edition)'}"
            "</p>"
        )
        self.after.setHtml(
            f"<p><b>Now ({html.escape(item.new_edition)}): {html.escape(item.label)}</b></p>"
            + (
                f"<p>{marked_html(old, item.new_text, 'new')}</p>"
                if item.new_text
                else "<p>(removed from the new edition"
                + (
                    f"; its {len(item.evidence_ids)} evidence item(s) stay on its criterion "
                    "where it still exists, and on the old assessment"
                    if item.evidence_ids
                    else ""
                )
                + ")</p>"
            )
        )

    def confirm(self) -> None:
        item = self.selected()
        if item is None or not item.previous_ratings:
            return
        workspace = self.context.workspace
        criterion_id, bullet_id = workspace.framework.link_targets[item.item_id]
        rating = item.previous_ratings[0][1]
        before = get_judgement(workspace, criterion_id, bullet_id).rating
        self.context.push(
            f"confirm the rating of {item.label}",
            lambda: set_judgement_field(
                workspace, criterion_id, bullet_id, "rating", rating, before
            ),
            lambda: set_judgement_field(
                workspace, criterion_id, bullet_id, "rating", before, rating
            ),
            None,  # the review stays in view (a criterion here would open its page)
            touches=Touches.RATINGS,
        )

    def acknowledge(self) -> None:
        item = self.selected()
        if item is None or item.relationship != "removed":
            return
        try:
            acknowledge_removed(self.context.workspace, item.item_id)
        except SelfevalError as err:
            self.context.show_error(str(err))
            return
        self.context.changed(None, Touches.RECORDS)

    def open_criterion(self) -> None:
        item = self.selected()
        if item is not None and item.relationship != "removed":
            self.context.navigate("criterion", item.criterion_id)


def _rating_label(scale: RatingScale, rating: str) -> str:
    try:
        return scale.level(rating).label
    except KeyError:  # a rating of the old scale the new one does not have
        return rating
