"""A quiet line above the page on opening: what is due this week for you, linking to My work.
It can be switched off (Don't show again), and says nothing when nothing is due."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from selfeval.ui.widgets.headings import plain_label

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace

OFF_KEY = "banner/due_this_week_off"


class DueBanner(QFrame):
    def __init__(self, open_my_work: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Due this week")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.text = plain_label()
        self.text.setAccessibleName("Due this week")
        show = QPushButton("Open &My work")
        show.setAccessibleName("Open My work")
        show.clicked.connect(lambda: open_my_work())
        off = QPushButton("Don't show again")
        off.setAccessibleName("Do not show what is due on opening again")
        off.clicked.connect(self.switch_off)
        hide = QPushButton("Hide")
        hide.setAccessibleName("Hide this line")
        hide.clicked.connect(self.hide)
        row.addWidget(self.text, 1)
        for button in (show, hide, off):
            row.addWidget(button)
        self.hide()

    def show_for(self, workspace: Workspace) -> None:
        """What is due this week for whoever is working, if they are a person in the workspace."""
        from datetime import date

        from selfeval.errors import SelfevalError
        from selfeval.services.my_work import my_work

        try:
            work = my_work(workspace)
        except SelfevalError:  # the user is not a person here (yet): nothing to say
            return
        self.show_count(work.person, work.due_this_week(date.today()))

    def show_count(self, person: str, count: int) -> None:
        if count <= 0 or QSettings().value(OFF_KEY, False) in (True, "true"):
            self.hide()
            return
        things = "1 thing is" if count == 1 else f"{count} things are"
        self.text.setText(f"{person}: {things} due this week or overdue.")
        self.show()

    def switch_off(self) -> None:
        QSettings().setValue(OFF_KEY, True)
        self.hide()
