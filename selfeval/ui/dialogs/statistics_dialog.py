"""File > Import published statistics: choose the DfE's files, choose your area from the areas
found in them, see exactly what will be written and what is skipped and why, then import.

Reading the files and writing the figures run on a worker with a progress bar and Cancel; the
preview is worked out from what was read, so choosing another area is immediate.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.files.output import CancelCheck, Progress
from selfeval.services.first_run import la_code
from selfeval.services.improvement.indicators import indicator_library
from selfeval.services.statistics.ees_file import EesTable
from selfeval.services.statistics.importer import (
    StatisticsPlan,
    apply_statistics,
    areas_in,
    plan_from_tables,
    read_tables,
)
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.saved_notice import remember_folder, start_path
from selfeval.ui.tasks import OwnedTask, run_with_progress
from selfeval.ui.widgets.headings import plain_label

COLUMNS = ["Indicator", "Period", "Area", "Neighbours (mean)", "Region", "England"]


def shown(value: float | None, unit: str) -> str:
    if value is None:
        return "not published"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "%" else text


class StatisticsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tables: list[EesTable] = []
        self.plan: StatisticsPlan | None = None
        self.task: OwnedTask | None = None
        self.imported = 0
        self.setWindowTitle("Import published statistics")
        self.setAccessibleName(self.windowTitle())
        self.resize(980, 640)
        self.files = QListWidget()
        self.files.setAccessibleName("Files to import")
        self.files.setMaximumHeight(70)
        choose = QPushButton("&Choose files...")
        choose.setAccessibleName(
            "Choose statistics files (CSV or zip from Explore Education Statistics)"
        )
        choose.clicked.connect(self.choose_files)
        self.area = QComboBox()
        self.area.setAccessibleName("Your area")
        self.area.currentIndexChanged.connect(lambda _index: self.preview())
        self.change_area = QCheckBox("This is &our area: make it the workspace's LA code")
        self.change_area.setAccessibleName("This is our area: change the workspace's LA code")
        self.change_area.hide()
        self.change_area.toggled.connect(lambda _on: self._allow_import())
        self.summary = plain_label(
            "Choose the CSV or zip files you downloaded from Explore Education Statistics."
        )
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What will be imported")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Figures that will be written")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setAccessibleName("Preview columns")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.skipped = QPlainTextEdit()
        self.skipped.setReadOnly(True)
        self.skipped.setAccessibleName("Skipped, and why")
        self.skipped.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Import")
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addWidget(choose)
        form = QFormLayout()
        form.addRow("Files:", files_row)
        area_label = QLabel("Your &area:")
        area_label.setBuddy(self.area)
        form.addRow(area_label, self.area)
        form.addRow("", self.change_area)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(plain_label("Skipped, and why:"))
        layout.addWidget(self.skipped)
        layout.addWidget(self.buttons)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Choose statistics files",
            start_path("statistics", self.workspace.address),
            "Statistics files (*.csv *.zip);;All files (*)",
        )
        if names:
            remember_folder("statistics", Path(names[0]).parent)
            self.read([Path(n) for n in names])

    def read(self, paths: list[Path]) -> None:
        """Read and check the files on a worker; the preview follows."""
        self.files.clear()
        self.files.addItems([str(p) for p in paths])
        self.import_button.setEnabled(False)

        def job(progress: Progress, cancelled: CancelCheck) -> list[EesTable]:
            return read_tables(paths)

        self.task = run_with_progress(self, "Reading the files", job, self._read, self._refused)

    def _read(self, tables: list[EesTable]) -> None:
        self.tables = tables
        areas = areas_in(tables)
        kept = la_code(self.workspace)
        self.area.blockSignals(True)
        self.area.clear()
        if kept not in areas:  # never another council by default: the person chooses
            self.area.addItem("Choose your area...", None)
        for code, name in areas.items():
            self.area.addItem(f"{name} ({code})", code)
        self.area.setCurrentIndex(max(0, self.area.findData(kept)))
        self.area.blockSignals(False)
        self.preview()
        if kept not in areas:
            self.plan = None
            self.table.setRowCount(0)
            self.import_button.setEnabled(False)
            self.summary.setText(
                f"Your workspace's area ({kept}) is not in these files: choose yours from the "
                "list, or check that these are the files you meant."
                if kept
                else "Choose your area from the list: the figures are imported for it."
            )

    def _refused(self, message: str) -> None:
        self.tables, self.plan = [], None
        self.summary.setText(message)
        self.table.setRowCount(0)
        self.import_button.setEnabled(False)

    def _allow_import(self) -> None:
        """Import only with figures to write, and, for an area other than the workspace's, only
        once the person says it is theirs (the LA code is changed only when they say so)."""
        kept = la_code(self.workspace)
        other = bool(kept) and self.area.currentData() not in (None, kept)
        self.change_area.setVisible(other)
        if other:
            self.change_area.setText(
                f"This is &our area: change the workspace's LA code from {kept} to "
                f"{self.area.currentData()}"
            )
        ready = self.plan is not None and bool(self.plan.values)
        self.import_button.setEnabled(ready and (not other or self.change_area.isChecked()))

    def preview(self) -> None:
        code = self.area.currentData()
        self.change_area.setChecked(False)
        if not self.tables or not code:
            self.change_area.hide()
            return
        try:
            self.plan = plan_from_tables(self.workspace, self.tables, str(code))
        except SelfevalError as err:
            self._refused(str(err))
            return
        library = indicator_library()
        plan = self.plan
        self.summary.setText(f"Will import {plan.summary()}.")
        self.table.setRowCount(len(plan.values))
        for row, value in enumerate(plan.values):
            unit = library[value.indicator_id].unit
            cells = [
                library[value.indicator_id].name,
                value.period,
                shown(value.area, unit),
                shown(value.statistical_neighbours, unit)
                if plan.neighbours_found
                else "no neighbours set",
                shown(value.region, unit),
                shown(value.england, unit),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(value.source if column == 0 else text)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.skipped.setPlainText("\n".join(plan.skipped) or "Nothing.")
        self._allow_import()

    def start_import(self) -> None:
        plan, workspace = self.plan, self.workspace
        if plan is None or not self.import_button.isEnabled():
            return

        def job(progress: Progress, cancelled: CancelCheck) -> int:
            return apply_statistics(workspace, plan)

        self.import_button.setEnabled(False)
        self.task = run_with_progress(self, "Importing", job, self._imported, self._refused)

    def _imported(self, count: int) -> None:
        self.imported = count
        self.accept()
