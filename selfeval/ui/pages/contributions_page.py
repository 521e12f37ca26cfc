"""Contributions in flight: every request sent (to whom, criteria, sent, due, status), returns
waiting in the folder where they arrive, and the merge review opened from a row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.services.contributions.tracking import (
    ContributionStatus,
    contributions_in_flight,
    returns_in,
)
from selfeval.ui.page_context import PageContext
from selfeval.ui.pages.page_widget import PageWidget
from selfeval.ui.widgets.button_row import button_row
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.widgets.row_buttons import act_on_chosen_row
from selfeval.words import counted

FOLDER_KEY = "contributions/returns_folder"
STATUS_WORDS = {
    "awaiting": "Awaiting",
    "returned": "Returned: ready to merge",
    "merged": "Merged",
    "overdue": "Overdue",
    "reissued": "Re-issued",
}
COLUMNS = ["To", "Criteria", "Sent", "Due", "Status"]


class ContributionsPage(PageWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Contributions")
        self.rows: list[ContributionStatus] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Contributions"))
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Contributions summary")
        layout.addWidget(self.summary)

        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(QSettings().value(FOLDER_KEY, "") or ""))
        self.folder.setAccessibleName("Folder where returns arrive")
        self.folder.setPlaceholderText("A folder where partners' returns arrive (optional)")
        self.folder.editingFinished.connect(self._folder_changed)
        browse = QPushButton("&Choose folder...")
        browse.setAccessibleName("Choose the folder where returns arrive")
        browse.clicked.connect(self._browse)
        folder_row.addWidget(plain_label("Returns folder:"))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        layout.addLayout(folder_row)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Requests sent, with their status")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeader().setAccessibleName("Request columns")
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellActivated.connect(lambda row, _c: self.merge_row(row))
        self.table.cellDoubleClicked.connect(lambda row, _c: self.merge_row(row))
        layout.addWidget(self.table, 1)

        self.merge_button = QPushButton("&Merge the return...")
        self.merge_button.setAccessibleName("Merge the selected request's return")
        self.merge_button.clicked.connect(lambda: self.merge_row(self.table.currentRow()))
        self.reissue_button = QPushButton("&Re-issue...")
        self.reissue_button.setAccessibleName("Send the selected request again")
        self.reissue_button.clicked.connect(lambda: self.reissue_row(self.table.currentRow()))
        refresh = QPushButton("Look &again")
        refresh.setAccessibleName("Look for returns again")
        refresh.clicked.connect(self.refresh)
        buttons = button_row(self.merge_button, self.reissue_button, refresh)
        act_on_chosen_row(self.table, self.merge_button, self.reissue_button)
        layout.addLayout(buttons)

    def _folder(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text).expanduser() if text else None

    def _folder_changed(self) -> None:
        QSettings().setValue(FOLDER_KEY, self.folder.text().strip())
        self.refresh()

    def _browse(self) -> None:
        start = self.folder.text() or str(Path(self.context.workspace.address).parent)
        chosen = QFileDialog.getExistingDirectory(self, "Folder where returns arrive", start)
        if chosen:
            self.folder.setText(chosen)
            self._folder_changed()

    def refresh(self) -> None:
        folder = self._folder()
        if folder is not None and not folder.is_dir():
            folder = None
        try:
            self.rows = contributions_in_flight(self.context.workspace, folder=folder)
            skipped = returns_in(folder)[1] if folder is not None else []
        except SelfevalError as err:
            self.context.show_error(str(err))
            return
        table = self.table
        table.setRowCount(len(self.rows))
        for row, status in enumerate(self.rows):
            numbers = self.context.workspace.framework.numbers
            criteria = ", ".join(str(numbers.get(c, c)) for c in status.criteria)
            word = STATUS_WORDS[status.status]
            if status.merged_at:
                word += f" {status.merged_at.astimezone():%d %b %Y}"
            cells = [
                status.recipient,
                f"{criteria}",
                f"{status.sent_at.astimezone():%d %b %Y}",
                f"{status.due_date:%d %b %Y}" if status.due_date else "-",
                word,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, status.request_id)
                table.setItem(row, column, item)
        counts = {key: sum(1 for r in self.rows if r.status == key) for key in STATUS_WORDS}
        summary = ", ".join(f"{counts[k]} {STATUS_WORDS[k].split(':')[0].lower()}" for k in counts)
        text = (
            f"{counted(len(self.rows), 'request')} sent: {summary}."
            if self.rows
            else ("No requests sent yet: File > Contributions > Ask a partner to contribute.")
        )
        if skipped:
            text += " Not read: " + "; ".join(skipped)
        self.summary.setText(text)

    def merge_row(self, row: int) -> None:
        """Open the merge review for the return waiting for this request, if there is one."""
        if not 0 <= row < len(self.rows):
            return
        status = self.rows[row]
        folder = self._folder()
        if not status.returns_waiting or folder is None:
            self.context.show_error(
                f"No return from {status.recipient} is waiting in the returns folder. Choose the "
                "folder where returns arrive, or use File > Contributions > Merge a return."
            )
            return
        from selfeval.ui.window.contribution_actions import merge_return_file

        merge_return_file(self.context, self, folder / status.returns_waiting[0])
        self.refresh()

    def reissue_row(self, row: int) -> None:
        """Send the request again (a lost package, a forgotten passphrase, a new date)."""
        if not 0 <= row < len(self.rows):
            return
        status = self.rows[row]
        if status.status == "merged":
            self.context.show_error(
                f"The request to {status.recipient} was answered and merged; ask again with "
                "File > Contributions > Ask a partner to contribute."
            )
            return
        from selfeval.ui.window.contribution_actions import reissue_contribution

        if reissue_contribution(self.context, self, status):
            self.refresh()
