"""All the partnership's evidence: instant search, filters, add, edit, delete, import a tracker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.evidence import EvidenceView, evidence_count, evidence_item, list_evidence
from selfeval.services.evidence_import import (
    ImportResult,
    TrackerPlan,
    apply_tracker,
    review_tracker,
)
from selfeval.services.people import list_organisations
from selfeval.services.tracker_columns import ColumnUses
from selfeval.services.vocabulary import EVIDENCE_KINDS
from selfeval.ui.dialogs.evidence_dialog import EvidenceDialog
from selfeval.ui.dialogs.saved_notice import remember_folder, start_path
from selfeval.ui.dialogs.tracker_import_dialog import TrackerImportDialog
from selfeval.ui.evidence_actions import (
    add_evidence_undoable,
    delete_evidence_undoable,
    edit_evidence_undoable,
    open_attachment,
)
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.tasks import OwnedTask, run_with_progress, wait_for_task
from selfeval.ui.touches import Touches
from selfeval.ui.widgets.confirm_delete import confirm_delete
from selfeval.ui.widgets.evidence_model import ID_ROLE, EvidenceFilter, EvidenceTableModel
from selfeval.ui.widgets.headings import heading
from selfeval.ui.widgets.row_buttons import act_on_chosen_row
from selfeval.words import counted


class EvidenceLibraryPage(PageWidget):
    READ_IN_BACKGROUND_FROM = 1000  # items; below this the read takes under ~20 ms

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Evidence library")
        framework = context.workspace.framework
        numbers = framework.numbers
        self.model = EvidenceTableModel(numbers)
        self.proxy = EvidenceFilter()
        self.proxy.setSourceModel(self.model)
        self.loaded = False
        self._reader = OwnedTask(
            self, self._rows_read, self._read_failed, label="reading the evidence library"
        )
        self._read_again = False
        self._pending_select: str | None = None

        self.search = QLineEdit()
        self.search.setAccessibleName("Search evidence")
        self.search.setPlaceholderText("Search titles, descriptions, organisations (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.apply_filter(text=text))
        self.kind = QComboBox()
        self.kind.setAccessibleName("Filter by kind")
        self.kind.addItem("All kinds", "")
        for key, label in EVIDENCE_KINDS.items():
            self.kind.addItem(label, key)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.apply_filter(kind=self.kind.currentData())
        )
        self.organisation = QComboBox()
        self.organisation.setAccessibleName("Filter by organisation")
        self.organisation.setMaximumWidth(320)
        self.organisation.currentIndexChanged.connect(
            lambda _i: self.apply_filter(organisation=self.organisation.currentData() or "")
        )
        self.criterion = QComboBox()
        self.criterion.setAccessibleName("Filter by criterion")
        self.criterion.addItem("All criteria", "")
        self.criterion.setMaximumWidth(320)
        for combo in (self.kind, self.organisation, self.criterion):
            # size to a short text, not the longest entry, so the page never squeezes the tree
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        for criterion in framework.criteria:
            number = framework.numbers[criterion.id]
            short = criterion.title if len(criterion.title) < 50 else criterion.title[:47] + "..."
            self.criterion.addItem(f"{number}. {short}", criterion.id)
        self.criterion.currentIndexChanged.connect(
            lambda _i: self.apply_filter(criterion=self.criterion.currentData())
        )
        self.stale = QCheckBox("Older than &12 months")
        self.stale.setAccessibleName("Only evidence older than 12 months")
        self.stale.toggled.connect(lambda on: self.apply_filter(stale_only=on))
        self.personal = QCheckBox("&Personal data only")
        self.personal.setAccessibleName("Only evidence marked as personal data")
        self.personal.toggled.connect(lambda on: self.apply_filter(personal_only=on))

        self.table = QTableView()
        self.table.setAccessibleName("Evidence items")
        self.table.horizontalHeader().setAccessibleName("Evidence columns")
        self.table.verticalHeader().setVisible(False)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        for column, width in ((1, 105), (2, 160), (3, 90), (4, 70), (5, 100), (6, 45)):
            self.table.setColumnWidth(column, width)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size hints
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.count = QLabel()
        self.count.setAccessibleName("Number of evidence items shown")
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)

        buttons = QHBoxLayout()
        specs = [
            ("&Add...", "Add evidence", self.add),
            ("Edi&t...", "Edit the selected evidence", self.edit_selected),
            ("&Delete", "Delete the selected evidence", self.delete_selected),
            ("&Open attachment", "Open the selected item's attachment", self.open_selected),
            ("&Import tracker...", "Import an evidence tracker", self.import_tracker),
        ]
        made = []
        for text, name, slot in specs:
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _checked=False, do=slot: do())
            buttons.addWidget(button)
            made.append(button)
        buttons.addStretch(1)
        act_on_chosen_row(self.table, *made[1:4])  # Edit, Delete, Open attachment
        buttons.addWidget(self.count)

        filters = QHBoxLayout()
        for widget in (self.kind, self.organisation, self.criterion):
            filters.addWidget(widget, 1)
        filters.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Evidence library"))
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)
        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.stale)
        search_row.addWidget(self.personal)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def load(self) -> None:
        """Fill the library when it is first shown (or shown again after changes elsewhere).
        A big library is read on a worker thread (5,000 items: 150-220 ms), so the window
        never freezes; a small one is read at once."""
        if self._reader.running:
            return
        if evidence_count(self.context.workspace) < self.READ_IN_BACKGROUND_FROM:
            self.refresh()
            return
        self.count.setText("Reading the evidence library...")
        workspace = self.context.workspace
        self._reader.start(lambda _progress, _cancelled: list_evidence(workspace))

    def evidence_changed(self, in_view: bool) -> None:
        """Evidence was added, edited, linked or removed somewhere: re-read now if the library
        is in view, otherwise when it is next shown."""
        if self._reader.running:
            self._read_again = True
        elif self.loaded:
            if in_view:
                self.refresh()
            else:
                self.loaded = False

    def stop_reading(self) -> None:
        """Before the workspace closes: a read nobody waits for is dropped, even one whose
        result is already on its way (no waiting on the thread pool here)."""
        self._reader.cancel()

    def _rows_read(self, rows: list[EvidenceView]) -> None:
        if self._read_again:
            self._read_again = False
            self.load()
            return
        self._show_rows(rows)

    def _read_failed(self, message: str) -> None:
        self.count.setText("The evidence library could not be read")
        self.context.show_error(message)

    def refresh(self) -> None:
        self._show_rows(list_evidence(self.context.workspace))

    def _show_rows(self, rows: list[EvidenceView]) -> None:
        selected = self._pending_select or self.selected_id()
        self._pending_select = None
        self.model.set_rows(rows)
        current = self.organisation.currentData()
        self.organisation.blockSignals(True)
        self.organisation.clear()
        self.organisation.addItem("All organisations", "")
        for organisation in sorted({r.organisation for r in self.model.rows if r.organisation}):
            self.organisation.addItem(organisation, organisation)
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(current)))
        self.organisation.blockSignals(False)
        self.loaded = True
        if selected:
            self.select(selected)
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        self.count.setText(f"{self.proxy.rowCount()} of {counted(self.model.rowCount(), 'item')}")

    def apply_filter(self, **values: object) -> None:
        """Narrow the table and keep the selected item selected if it is still shown."""
        selected = self.selected_id()
        self.proxy.set_filters(**values)
        if selected:
            self.select(selected)

    def select(self, evidence_id: str) -> None:
        if self._reader.running:  # selected once the rows are read
            self._pending_select = evidence_id
            return
        index = self.proxy.proxy_index_of(evidence_id)
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def selected_id(self) -> str | None:
        index: QModelIndex = self.table.currentIndex()
        return str(index.siblingAtColumn(0).data(ID_ROLE)) if index.isValid() else None

    def _organisations(self) -> list[str]:
        return [o.name for o in list_organisations(self.context.workspace)]

    def add(self) -> None:
        dialog = EvidenceDialog(
            self.context.workspace.framework, self._organisations(), parent=self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_form:
            add_evidence_undoable(self.context, dialog.result_form)

    def edit_selected(self) -> None:
        evidence_id = self.selected_id()
        if not evidence_id:
            return
        before = evidence_item(self.context.workspace, evidence_id)
        dialog = EvidenceDialog(
            self.context.workspace.framework, self._organisations(), existing=before, parent=self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_form:
            edit_evidence_undoable(self.context, before, dialog.result_form)

    def delete_selected(self) -> None:
        evidence_id = self.selected_id()
        if not evidence_id:
            return
        title = evidence_item(self.context.workspace, evidence_id).title
        if confirm_delete(self, "Delete evidence", f"'{title}'"):
            delete_evidence_undoable(self.context, evidence_id)

    def open_selected(self) -> None:
        evidence_id = self.selected_id()
        if evidence_id:
            view = evidence_item(self.context.workspace, evidence_id)
            if view.attachments:
                open_attachment(
                    self.context.workspace, view.attachments[0].id, self.context.show_error
                )

    def import_tracker(self, path: Path | None = None) -> None:
        if path is None:
            where = start_path("trackers", self.context.workspace.address)
            name, _ = QFileDialog.getOpenFileName(
                self, "Import an evidence tracker", where, "Trackers (*.csv *.xlsx)"
            )
            if not name:
                return
            path = Path(name)
            remember_folder("trackers", path.parent)
        workspace = self.context.workspace

        def reviewed(plan: TrackerPlan) -> None:
            def replan(uses: ColumnUses) -> TrackerPlan | None:
                found = wait_for_task(
                    dialog,
                    "Checking the tracker",
                    lambda _p, _c: review_tracker(workspace, plan.path, uses, plan.table),
                )
                if isinstance(found, str):
                    self.context.show_error(found)
                return found if isinstance(found, TrackerPlan) else None

            dialog = TrackerImportDialog(plan, replan, self)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self._import_reviewed(dialog.plan, dialog.answers())

        self.import_task = run_with_progress(
            self,
            "Reading the evidence tracker",
            lambda _progress, _cancelled: review_tracker(workspace, path),
            reviewed,
            self.context.show_error,
        )

    def _import_reviewed(self, plan: TrackerPlan, answers: dict[str, str]) -> None:
        """Write what the user reviewed, all or nothing, with progress and Cancel."""
        workspace = self.context.workspace

        def done(result: ImportResult) -> None:
            self.context.changed(None, Touches.EVIDENCE | Touches.RECORDS)
            QMessageBox.information(
                self,
                "Import finished",
                f"Imported {counted(result.imported, 'evidence item')} with "
                f"{counted(result.links, 'link')} to criteria.",
            )

        self.import_task = run_with_progress(
            self,
            "Importing evidence tracker",
            lambda progress, cancelled: apply_tracker(
                workspace, plan, answers, progress, cancelled
            ),
            done,
            self.context.show_error,
        )
