"""Help > Keyboard shortcuts (F1): every shortcut the app has, in one list.

The list is made from the window's own actions (their words and keys), so a shortcut added to a
menu is listed without a line here (Ctrl+0 was once missing); only the keys that are not menu
actions (Tab, the arrow keys, Enter, Alt+letter) are written out below.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QVBoxLayout, QWidget

NOT_ACTIONS = [
    ("Tab / Shift+Tab", "Move between fields; text boxes save when you leave them"),
    ("Arrow keys", "Choose a rating once the rating buttons have focus"),
    ("Enter", "Open the highlighted item in a list"),
    ("Alt + underlined letter", "Menus, buttons and field labels"),
]


def shortcuts_of(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action with a shortcut, submenus included, in menu order."""
    found: list[tuple[str, str]] = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            found += shortcuts_of(menu.actions())
            continue
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys:
            found.append((" or ".join(keys), action.text().replace("&", "").rstrip(".")))
    return found


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, actions: Iterable[QAction] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.shortcuts = shortcuts_of(actions) + NOT_ACTIONS
        rows = "".join(
            f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in self.shortcuts
        )
        label = QLabel(f"<table>{rows}</table>")
        label.setAccessibleName("Shortcut list")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
