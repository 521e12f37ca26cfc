"""A box for a name that may be one we know or a new one (an organisation, a partner).

Qt's editable combo box completes inline: typing "Anyshire C" silently becomes "Anyshire
College" and Tab accepts it, so a new service is saved under another one's name. Here known
names are offered in a list under the box, matched anywhere in the name, and nothing typed is
ever extended or replaced unless the user picks from that list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget


def name_box(names: list[str], accessible_name: str, parent: QWidget | None = None) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)
    box.setAccessibleName(accessible_name)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItem("")
    box.addItems(names)
    completer = QCompleter(names, box)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    line = box.lineEdit()
    if line is not None:
        line.setAccessibleName(accessible_name)
    return box
