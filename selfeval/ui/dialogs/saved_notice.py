"""After an export: "Saved to ..." with Open file and Open folder, and where the next one goes.

The notice neither blocks nor takes the focus, so a shortcut pressed right after an export works at
once (twice Ctrl+E was ignored and typing went into a text box before) and a test never waits.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def show_saved(parent: QWidget | None, path: Path, what: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information, "Saved", f"{what} was saved to:\n{path}", parent=parent
    )
    box.setAccessibleName("Saved")
    open_file = box.addButton("Open &file", QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton("Open f&older", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)

    def clicked(button: object) -> None:
        if button is open_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif button is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    box.buttonClicked.connect(clicked)
    # Shown beside the window without taking the focus: the next shortcut or keystroke goes where
    # the user was (Tab or a click reaches the buttons).
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def remembered_folder(kind: str, fallback: Path) -> Path:
    """The folder the last file of this kind went to, if it is still there; else `fallback`
    (the workspace's own folder), never the program's folder."""
    value = QSettings().value(f"folders/{kind}", "")
    folder = Path(str(value)) if value else None
    if folder is not None and folder.is_dir():
        return folder
    return fallback if fallback.is_dir() else Path.home()


def remember_folder(kind: str, folder: Path) -> None:
    QSettings().setValue(f"folders/{kind}", str(folder))


def start_path(kind: str, workspace_address: str, name: str = "") -> str:
    """Where a file dialog of this kind starts: the last folder used for it, else the
    workspace's folder; with `name`, that file in it."""
    folder = remembered_folder(kind, Path(workspace_address).parent)
    return str(folder / name) if name else str(folder)
