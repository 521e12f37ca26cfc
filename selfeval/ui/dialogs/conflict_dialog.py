"""Someone else changed the text you were writing: keep yours, take theirs, or write your own.

Shown when a box is saved and the stored text is no longer the text the page showed when the
writing began (another window, a partner's merged return, a colleague on the shared server).
Nothing is overwritten without the person choosing, and the history keeps every version.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ConflictDialog(QDialog):
    def __init__(
        self, what: str, who: str, theirs: str, yours: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Changed by someone else")
        self.setAccessibleName(self.windowTitle())
        self.resize(760, 560)
        self.chosen: str | None = None
        intro = QLabel(
            f"{who} changed \u201c{what}\u201d while you were writing. Choose what to keep; "
            "the history keeps every version."
        )
        intro.setWordWrap(True)
        self.theirs = QPlainTextEdit(theirs)
        self.theirs.setReadOnly(True)
        self.theirs.setAccessibleName(f"Their text, by {who}")
        self.yours = QPlainTextEdit(yours)
        self.yours.setAccessibleName("Your text (you can edit it into one version)")
        self.yours.setTabChangesFocus(True)
        keep = QPushButton("&Keep mine")
        keep.setAccessibleName("Keep my text")
        take = QPushButton("&Take theirs")
        take.setAccessibleName("Take their text and drop mine")
        buttons = QDialogButtonBox()
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(take, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        keep.clicked.connect(lambda: self._choose(self.yours.toPlainText()))
        take.clicked.connect(lambda: self._choose(theirs))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(f"Theirs ({who}):"))
        layout.addWidget(self.theirs)
        yours_label = QLabel("&Yours (edit it to combine the two, then Keep mine):")
        yours_label.setBuddy(self.yours)
        layout.addWidget(yours_label)
        layout.addWidget(self.yours)
        layout.addWidget(buttons)
        self.keep_button, self.take_button = keep, take

    def _choose(self, text: str) -> None:
        self.chosen = text
        self.accept()
