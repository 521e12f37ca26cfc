"""Indicators: how we compare in the latest period (better/worse by polarity, or above/below for
context indicators, in words and
colour), and a trend chart of the selected indicator with its comparators."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.services.improvement.indicator_figures import (
    figures_for,
    put_back,
    remove_figures,
    set_figures,
)
from selfeval.services.improvement.indicators import (
    COMPARATORS,
    ValueRow,
    compared_series,
    how_we_compare,
    import_indicator_values,
    indicator_library,
    indicator_values,
    latest_values,
    targets,
)
from selfeval.ui.dialogs.indicator_figures_dialog import IndicatorFiguresDialog
from selfeval.ui.dialogs.saved_notice import remember_folder, start_path
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.touches import Touches
from selfeval.ui.widgets.button_row import button_row
from selfeval.ui.widgets.confirm_delete import confirm_delete
from selfeval.ui.widgets.headings import heading
from selfeval.ui.widgets.indicator_chart import IndicatorChart

VERDICTS = {
    "better": ("we are better", "#2E7D32"),
    "worse": ("we are worse", "#B3261E"),
    "above": ("above", "#505050"),
    "below": ("below", "#505050"),
    "same": ("the same", "#505050"),
    "no figure": ("", "#505050"),
    "not compared": ("a count: context only", "#505050"),
}


def figure(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "%" else f"{text} {unit}"


class IndicatorsPage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Indicators")
        self.table = QTableWidget(0, 7)
        self.table.setAccessibleName("How we compare")
        self.table.horizontalHeader().setAccessibleName("How we compare columns")
        self.table.setHorizontalHeaderLabels(
            ["Indicator", "Period", "Area", *COMPARATORS.values(), "Target"]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda row, *_: self._chart(row))
        self.chart = IndicatorChart()
        import_button = QPushButton("&Import figures...")
        import_button.setAccessibleName("Import indicator figures from a CSV file")
        import_button.clicked.connect(lambda: self.import_file())
        self.note = QLabel(
            "Better or worse is judged by each indicator's polarity (whether higher or lower is "
            "better); prevalence and demand are context, said as above or below, not judged. "
            "Import published statistics (File > Import published statistics), figures as CSV "
            "(indicator, period, area, statistical_neighbours, region, england), or type them "
            "with Add figures."
        )
        self.note.setWordWrap(True)
        add_button = QPushButton("&Add figures...")
        add_button.setAccessibleName("Type figures for an indicator and period")
        add_button.clicked.connect(lambda: self.edit_figures(new=True))
        edit_button = QPushButton("Edi&t figures...")
        edit_button.setAccessibleName("Correct the selected indicator's figures")
        edit_button.clicked.connect(lambda: self.edit_figures(new=False))
        delete_button = QPushButton("&Delete figures...")
        delete_button.setAccessibleName("Delete the selected indicator's latest figures")
        delete_button.clicked.connect(self.delete_figures)
        self.table.doubleClicked.connect(lambda _index: self.edit_figures(new=False))
        row = button_row(add_button, edit_button, delete_button, import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Indicators and how we compare"))
        layout.addWidget(self.note)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.chart, 3)
        layout.addLayout(row)
        self.ids: list[str] = []
        self.rows: list[ValueRow] = []

    def refresh(self) -> None:
        library = indicator_library()
        goals = targets(self.context.workspace)
        rows = self.rows = latest_values(self.context.workspace)
        self.ids = [r.indicator_id for r in rows]
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            indicator = library[row.indicator_id]
            published = bool(row.source)
            area = figure(row.area, indicator.unit)
            cells = [
                f"{indicator.name}\n({indicator.better})",
                row.period,
                "not published" if published and row.area is None else area,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                # the indicator's source, for anyone asking where a figure came from
                item.setToolTip(f"Source: {row.source}" if published else text)
                self.table.setItem(index, column, item)
            for column, comparison in enumerate(how_we_compare(row), start=3):
                word, colour = VERDICTS[comparison.verdict]
                text = figure(comparison.value, indicator.unit) + (f"\n{word}" if word else "")
                item = QTableWidgetItem(text)
                item.setForeground(QBrush(QColor(colour)))
                self.table.setItem(index, column, item)
            self.table.setItem(
                index, 6, QTableWidgetItem(figure(goals.get(row.indicator_id), indicator.unit))
            )
        self.table.resizeRowsToContents()
        if rows:
            self.table.selectRow(min(max(self.table.currentRow(), 0), len(rows) - 1))
            self._chart(self.table.currentRow())
        else:
            self.chart.set_data("No indicator figures yet", [], [])

    def _chart(self, row: int) -> None:
        if not 0 <= row < len(self.ids):
            return
        indicator = indicator_library()[self.ids[row]]
        values = indicator_values(self.context.workspace, indicator.id)
        periods = [v.period for v in values]
        series = [("Area", [v.area for v in values])]
        drawn = compared_series(indicator)
        series += [(label, [getattr(v, key) for v in values]) for key, label in drawn.items()]
        from selfeval.services.statistics.mapping import series_break

        first_new = (series_break(indicator.id) or ("", ""))[0]
        self.chart.set_data(f"{indicator.name} ({indicator.better})", periods, series, first_new)

    def import_file(self, path: Path | None = None) -> None:
        if path is None:
            where = start_path("figures", self.context.workspace.address)
            name, _ = QFileDialog.getOpenFileName(
                self, "Import indicator figures", where, "CSV files (*.csv)"
            )
            if not name:
                return
            path = Path(name)
            remember_folder("figures", path.parent)
        try:
            import_indicator_values(self.context.workspace, path)
        except SelfevalError as err:
            self.context.show_error(str(err))
            return
        self.refresh()

    def _selected(self) -> ValueRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def edit_figures(self, new: bool) -> None:
        """Add a period or correct one; Undo puts back what was there (or nothing)."""
        workspace = self.context.workspace
        start = None if new else self._selected()
        dialog = IndicatorFiguresDialog(
            lambda indicator, period: figures_for(workspace, indicator, period), start, self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_figures is None:
            return
        figures = dialog.result_figures
        before: list[ValueRow | None] = [None]

        def do() -> None:
            before[0] = set_figures(workspace, figures)

        self.context.push(
            f"figures for {figures.indicator_id} {figures.period}",
            do,
            lambda: put_back(workspace, figures.indicator_id, figures.period, before[0]),
            touches=Touches.RECORDS,
        )

    def delete_figures(self) -> None:
        row = self._selected()
        if row is None:
            return
        name = indicator_library()[row.indicator_id].name
        if not confirm_delete(self, "Delete figures", f"the figures for {name} in {row.period}"):
            return
        workspace = self.context.workspace
        self.context.push(
            f"delete figures for {row.indicator_id} {row.period}",
            lambda: remove_figures(workspace, row.indicator_id, row.period),
            lambda: set_figures(workspace, row),
            touches=Touches.RECORDS,
        )
