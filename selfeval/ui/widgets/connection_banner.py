"""A line above the page while a shared workspace's server cannot be reached: what happened,
that typing is kept and saved when the server is back, and a button to try at once.

Said in words and in bold, not by colour alone; it takes no focus, so typing goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from selfeval.ui.widgets.headings import plain_label


class ConnectionBanner(QFrame):
    def __init__(
        self, where: str, try_now: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.where = where
        self.setAccessibleName("Connection to the server")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ConnectionBanner { background: palette(alternate-base); }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.text = plain_label()
        self.text.setAccessibleName("Connection to the server")
        self.text.setStyleSheet("QLabel { font-weight: bold; }")
        self.text.setWordWrap(True)
        again = QPushButton("&Try now")
        again.setAccessibleName("Try to reconnect now")
        again.clicked.connect(lambda: try_now())
        row.addWidget(self.text, 1)
        row.addWidget(again)
        self.hide()

    def lost(self, reason: str) -> None:
        self.text.setText(
            f"Not connected to {self.where} since {datetime.now():%H:%M}. What you type stays "
            "on screen and is saved when the server answers again; reconnecting..."
        )
        self.text.setToolTip(f"The reason given: {reason}")
        self.text.setAccessibleDescription(f"The reason given: {reason}")
        self.show()

    def back(self) -> None:
        self.hide()
