"""Help > Keyboard shortcuts: every shortcut the app has, in one list."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

SHORTCUTS = [
    ("Ctrl+N", "New workspace"),
    ("Ctrl+O", "Open a workspace"),
    ("Ctrl+W", "Close the workspace"),
    ("Ctrl+I", "Import an evidence tracker"),
    ("Ctrl+E", "Export the pack (PDF, Word, Excel)"),
    ("Ctrl+Shift+S", "Take a snapshot (before a board)"),
    ("Ctrl+Shift+A", "Ask a partner to contribute"),
    ("Ctrl+Shift+M", "Merge a partner's return"),
    ("Ctrl+Z", "Undo the last change"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("Ctrl+1", "Readiness dashboard"),
    ("Ctrl+2", "Evidence library"),
    ("Ctrl+3 / Ctrl+4 / Ctrl+5", "Action plan / Indicators / Risk register"),
    ("Ctrl+6", "Contributions: requests sent and returns waiting"),
    ("Ctrl+7", "People and organisations"),
    ("Ctrl+8", "My work: your criteria, actions, requests and new comments"),
    ("Ctrl+9", "Ready for the data request: what inspectors will ask for on notification"),
    ("Ctrl+L", "Go to the criteria tree"),
    ("Ctrl+F", "Search the evidence library"),
    ("Ctrl+Page Down / Ctrl+Page Up", "Next / previous criterion"),
    ("Tab / Shift+Tab", "Move between fields; text boxes save when you leave them"),
    ("Arrow keys", "Choose a rating once the rating buttons have focus"),
    ("Enter", "Open the highlighted item in a list"),
    ("Alt + underlined letter", "Menus, buttons and field labels"),
    ("F1", "This list"),
]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        rows = "".join(
            f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in SHORTCUTS
        )
        label = QLabel(f"<table>{rows}</table>")
        label.setAccessibleName("Shortcut list")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
