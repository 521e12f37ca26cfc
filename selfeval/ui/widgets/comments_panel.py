"""The review thread on a criterion: who said what, when; comments travel in packages."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.services.comments import add_comment, list_comments
from selfeval.ui.page_context import PageContext
from selfeval.ui.widgets.autosave_text import UndoKeysToWindow
from selfeval.ui.widgets.row_buttons import act_on_typed_text


class CommentsPanel(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.criterion_id = ""
        self.list = QListWidget()
        self.list.setAccessibleName("Comments")
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(140)
        self.text = QLineEdit()
        self.text.setAccessibleName("New comment")
        self.text.setPlaceholderText("Write a comment for the lead and partners")
        self.text.installEventFilter(UndoKeysToWindow(self))
        self.text.returnPressed.connect(self.add)
        self.add_button = QPushButton("Add &comment")
        self.add_button.setAccessibleName("Add the comment")
        self.add_button.clicked.connect(self.add)
        act_on_typed_text(self.text, self.add_button)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def load(self, criterion_id: str) -> None:
        self.criterion_id = criterion_id
        self.list.clear()
        for comment in list_comments(self.context.workspace, criterion_id):
            who = comment.author + (f" ({comment.organisation})" if comment.organisation else "")
            when = comment.created_at.astimezone().strftime("%d %b %Y %H:%M")
            self.list.addItem(QListWidgetItem(f"{who}, {when}: {comment.text}"))
        if not self.list.count():
            self.list.addItem(QListWidgetItem("No comments yet."))

    def add(self) -> None:
        if not self.text.text().strip():
            return
        try:
            add_comment(self.context.workspace, self.criterion_id, self.text.text())
        except SelfevalError as err:
            self.context.show_error(str(err))
            return
        self.text.clear()
        self.load(self.criterion_id)
