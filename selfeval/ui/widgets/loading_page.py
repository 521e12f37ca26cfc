"""What a window shows while its workspace is checked on a worker, and its first size."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget


def loading_page(name: str, cancel_opening: Callable[[], object]) -> QWidget:
    """ "Opening <name>: checking the workspace...", a busy bar, and Cancel."""
    page = QWidget()
    page.setAccessibleName("Opening the workspace")
    layout = QVBoxLayout(page)
    label = QLabel(f"Opening {name}: checking the workspace...")
    label.setWordWrap(True)
    bar = QProgressBar()
    bar.setRange(0, 0)  # busy: the check has no steps to count
    bar.setAccessibleName("Opening progress")
    cancel = QPushButton("Cancel")
    cancel.setAccessibleName("Cancel opening and close the window")
    cancel.clicked.connect(lambda: cancel_opening())
    layout.addStretch(1)
    layout.addWidget(label)
    layout.addWidget(bar)
    layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addStretch(2)
    return page


def fitting_size(wanted: tuple[int, int] = (1280, 820)) -> tuple[int, int]:
    """The window's first size: as wanted, but never larger than the screen's free area (a
    1366x768 council laptop has about 1366x728 once the taskbar is there)."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    free = screen.availableGeometry()
    return min(wanted[0], free.width() - 16), min(wanted[1], free.height() - 48)
