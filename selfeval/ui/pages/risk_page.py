"""The risk register: a 5x5 heat map (impact by likelihood; each cell's rating word in its tooltip
and the legend) and the register itself, highest score first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.evidence_import import parse_date
from selfeval.services.improvement.risks import (
    BANDS,
    RiskInput,
    RiskView,
    add_risk,
    delete_risk,
    heat_map,
    list_risks,
    parse_risk,
    rating_for,
    update_risk,
)
from selfeval.services.people import list_people
from selfeval.ui.dialogs.discard_guard import GuardedDialog
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.touches import Touches
from selfeval.ui.undoable_records import push_added, push_deleted
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.priority_checklist import priority_checklist
from selfeval.ui.widgets.row_buttons import act_on_chosen_row
from selfeval.ui.widgets.text_box import text_box


class HeatMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Risk heat map")
        self.setMinimumSize(360, 320)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.cells: dict[tuple[int, int], list[RiskView]] = {}

    def set_risks(self, risks: list[RiskView]) -> None:
        self.cells = heat_map(risks)
        described = "; ".join(
            f"impact {impact}, likelihood {chance}: {len(v)} ({rating_for(impact * chance)[0]})"
            for (impact, chance), v in sorted(self.cells.items(), reverse=True)
        )
        self.setAccessibleDescription(described or "No risks recorded")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        text = self.palette().windowText().color()
        line = painter.fontMetrics().height()
        size = min((self.width() - 80) / 5, (self.height() - 3 * line - 10) / 5)
        left, top = 70.0, float(line)
        for impact in range(1, 6):
            for likelihood in range(1, 6):
                x = left + (likelihood - 1) * size
                y = top + (5 - impact) * size
                label, colour = rating_for(impact * likelihood)
                painter.fillRect(QRectF(x + 1, y + 1, size - 2, size - 2), QColor(colour))
                count = len(self.cells.get((impact, likelihood), []))
                if count:
                    painter.setPen(QColor("white"))
                    font = painter.font()
                    font.setBold(True)
                    painter.setFont(font)
                    painter.drawText(
                        QRectF(x, y, size, size), Qt.AlignmentFlag.AlignCenter, str(count)
                    )
                    font.setBold(False)
                    painter.setFont(font)
            painter.setPen(text)
            painter.drawText(
                QRectF(left - 24, top + (5 - impact) * size, 20, size),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                str(impact),
            )
        for likelihood in range(1, 6):
            painter.drawText(
                QRectF(left + (likelihood - 1) * size, top + 5 * size + 2, size, line),
                Qt.AlignmentFlag.AlignHCenter,
                str(likelihood),
            )
        painter.drawText(
            QRectF(left, top + 5 * size + line + 2, 5 * size, line),
            Qt.AlignmentFlag.AlignHCenter,
            "Likelihood",
        )
        painter.save()
        painter.translate(12, top + 2.5 * size + 20)
        painter.rotate(-90)
        painter.drawText(0, 0, "Impact")
        painter.restore()
        painter.end()


class RiskDialog(GuardedDialog):
    """Add a risk, or correct one (`existing`): every field, and whether it is still open. The
    dialog only checks; the page makes the change, so it can be undone."""

    def __init__(
        self, context: PageContext, parent: QWidget | None = None, existing: RiskView | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit the risk" if existing else "Add a risk")
        self.setAccessibleName(self.windowTitle())
        self.context = context
        self.result_item: RiskInput | None = None
        self.title = QLineEdit()
        self.title.setAccessibleName("Risk")
        self.description = text_box("Description")
        self.mitigation = text_box("Mitigation")
        self.owner = QComboBox()
        self.owner.setAccessibleName("Owner")
        self.owner.addItem("(no owner yet)", None)
        for person in list_people(context.workspace):
            self.owner.addItem(person.name, person.id)
        self.impact = QSpinBox()
        self.impact.setRange(1, 5)
        self.impact.setAccessibleName("Impact, 1 to 5")
        self.likelihood = QSpinBox()
        self.likelihood.setRange(1, 5)
        self.likelihood.setAccessibleName("Likelihood, 1 to 5")
        self.review = QLineEdit()
        self.review.setAccessibleName("Review date")
        self.review.setPlaceholderText("e.g. 31/03/2027")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        self.status.addItem("Open", "open")
        self.status.addItem("Closed (kept in the register, off the heat map)", "closed")
        self.priorities = priority_checklist(
            context.workspace, existing.priorities if existing else (), "Our priorities at risk"
        )
        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        for label, widget in (
            ("&Risk:", self.title),
            ("&Description:", self.description),
            ("&Mitigation:", self.mitigation),
            ("&Owner:", self.owner),
            ("&Impact (1-5):", self.impact),
            ("&Likelihood (1-5):", self.likelihood),
            ("Re&view date:", self.review),
            ("&Status:", self.status),
        ):
            form.addRow(label, widget)
        if self.priorities is not None:
            form.addRow("Our &priorities:", self.priorities)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        for field in (self.title, self.review):
            field.textChanged.connect(self.error.hide)  # a fixed field drops its old error
        if existing is not None:
            self.title.setText(existing.title)
            self.description.setPlainText(existing.description)
            self.mitigation.setPlainText(existing.mitigation)
            self.owner.setCurrentIndex(max(0, self.owner.findData(existing.owner_person_id)))
            self.impact.setValue(existing.impact)
            self.likelihood.setValue(existing.likelihood)
            if existing.review_date:
                self.review.setText(f"{existing.review_date:%d/%m/%Y}")
            self.status.setCurrentIndex(max(0, self.status.findData(existing.status)))
            self.criteria = list(existing.criteria)
        else:
            self.criteria = []

    def _accept(self) -> None:
        try:
            self.result_item = parse_risk(
                title=self.title.text(),
                description=self.description.toPlainText(),
                mitigation=self.mitigation.toPlainText(),
                owner_person_id=self.owner.currentData(),
                impact=self.impact.value(),
                likelihood=self.likelihood.value(),
                review_date=parse_date(self.review.text()),
                criteria=self.criteria,
                status=self.status.currentData(),
                priorities=self.priorities.ticked() if self.priorities is not None else [],
            )
        except (ValueError, InputError) as err:
            self.error.setText(str(err))
            self.error.show()
            return
        self.accept()


class RiskPage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Risk register")
        self.map = HeatMap()
        legend = QLabel(
            "   ".join(
                f'<span style="color:{colour}">\u25a0</span> {label} ({lowest}+)'
                for lowest, label, colour in reversed(BANDS)
            )
        )
        legend.setAccessibleName("Heat map legend")
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName("Risks")
        self.table.horizontalHeader().setAccessibleName("Risk columns")
        self.table.setHorizontalHeaderLabels(
            ["Risk", "Owner", "Impact", "Likelihood", "Score", "Rating"]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        add = QPushButton("Add &risk...")
        add.setAccessibleName("Add a risk")
        add.clicked.connect(self.add)
        edit = QPushButton("Edi&t...")
        edit.setAccessibleName("Edit the selected risk")
        edit.clicked.connect(self.edit_selected)
        self.close_button = QPushButton("&Close or reopen")
        self.close_button.setAccessibleName("Close the selected risk, or reopen it")
        self.close_button.clicked.connect(self.toggle_selected)
        delete = QPushButton("&Delete")
        delete.setAccessibleName("Delete the selected risk")
        delete.clicked.connect(self.delete_selected)
        act_on_chosen_row(self.table, edit, self.close_button, delete)
        self.table.cellActivated.connect(lambda _r, _c: self.edit_selected())
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit_selected())
        self.risks: list[RiskView] = []
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.map)
        left.addWidget(legend)
        left.addStretch(1)
        top.addLayout(left)
        top.addWidget(self.table, 1)
        row = QHBoxLayout()
        for button in (add, edit, self.close_button, delete):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Risk register"))
        layout.addLayout(top, 1)
        layout.addLayout(row)

    def refresh(self) -> None:
        risks = self.risks = list_risks(self.context.workspace)
        self.map.set_risks(risks)
        self.table.setRowCount(len(risks))
        for row, risk in enumerate(risks):
            closed = risk.status == "closed"
            values = [
                risk.title + (" (closed)" if closed else ""),
                risk.owner,
                str(risk.impact),
                str(risk.likelihood),
                str(risk.score),
                "Closed" if closed else risk.rating,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 5 and not closed:
                    item.setBackground(QColor(risk.colour))
                    item.setForeground(QColor("white"))
                self.table.setItem(row, column, item)

    def selected(self) -> RiskView | None:
        row = self.table.currentRow()
        return self.risks[row] if 0 <= row < len(self.risks) else None

    def _push(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        """One undoable change; the window refreshes this page (and the dashboard) after it."""
        self.context.push(text, do, undo, None, touches=Touches.RECORDS)

    def add(self) -> None:
        dialog = RiskDialog(self.context, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_item is None:
            return
        item, workspace = dialog.result_item, self.context.workspace
        push_added(
            self.context,
            f"add risk '{item.title}'",
            lambda known: add_risk(workspace, item, known),
            lambda made: delete_risk(workspace, made),
        )

    def edit_selected(self) -> None:
        risk = self.selected()
        if risk is None:
            return
        dialog = RiskDialog(self.context, self, existing=risk)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_item is None:
            return
        new, old, workspace = dialog.result_item, risk.as_input(), self.context.workspace
        self._push(
            f"edit risk '{new.title}'",
            lambda: update_risk(workspace, risk.id, new, expect=old),
            lambda: update_risk(workspace, risk.id, old, expect=new),
        )

    def toggle_selected(self) -> None:
        risk = self.selected()
        if risk is None:
            return
        old = risk.as_input()
        new = old.model_copy(update={"status": "open" if risk.status == "closed" else "closed"})
        workspace = self.context.workspace
        verb = "reopen" if risk.status == "closed" else "close"
        self._push(
            f"{verb} risk '{risk.title}'",
            lambda: update_risk(workspace, risk.id, new, expect=old),
            lambda: update_risk(workspace, risk.id, old, expect=new),
        )

    def delete_selected(self) -> None:
        risk = self.selected()
        if risk is None:
            return
        old, workspace = risk.as_input(), self.context.workspace
        push_deleted(
            self,
            self.context,
            "risk",
            risk.title,
            lambda: delete_risk(workspace, risk.id),
            lambda: add_risk(workspace, old, risk.id),
        )
