"""The risk register: a 5x5 heat map (impact by likelihood; each cell's rating word in its tooltip
and the legend) and the register itself, highest score first."""

from __future__ import annotations

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
    RiskView,
    add_risk,
    heat_map,
    list_risks,
    parse_risk,
    rating_for,
)
from selfeval.services.people import list_people
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.widgets.headings import heading, plain_label


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


class RiskDialog(QDialog):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a risk")
        self.setAccessibleName(self.windowTitle())
        self.context = context
        self.title = QLineEdit()
        self.title.setAccessibleName("Risk")
        self.description = QLineEdit()
        self.description.setAccessibleName("Description")
        self.mitigation = QLineEdit()
        self.mitigation.setAccessibleName("Mitigation")
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
        ):
            form.addRow(label, widget)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        try:
            item = parse_risk(
                title=self.title.text(),
                description=self.description.text(),
                mitigation=self.mitigation.text(),
                owner_person_id=self.owner.currentData(),
                impact=self.impact.value(),
                likelihood=self.likelihood.value(),
                review_date=parse_date(self.review.text()),
            )
            add_risk(self.context.workspace, item)
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
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.map)
        left.addWidget(legend)
        left.addStretch(1)
        top.addLayout(left)
        top.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Risk register"))
        layout.addLayout(top, 1)
        layout.addLayout(row)

    def refresh(self) -> None:
        risks = list_risks(self.context.workspace)
        self.map.set_risks(risks)
        self.table.setRowCount(len(risks))
        for row, risk in enumerate(risks):
            values = [
                risk.title,
                risk.owner,
                str(risk.impact),
                str(risk.likelihood),
                str(risk.score),
                risk.rating,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 5:
                    item.setBackground(QColor(risk.colour))
                    item.setForeground(QColor("white"))
                self.table.setItem(row, column, item)

    def add(self) -> None:
        if RiskDialog(self.context, self).exec() == QDialog.DialogCode.Accepted:
            self.context.changed(None, False)
            self.refresh()
