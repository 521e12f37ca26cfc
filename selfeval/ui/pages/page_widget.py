"""What every page the window shows shares."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class PageWidget(QWidget):
    """A page: it can re-read what it shows from the workspace (after any change)."""

    def refresh(self) -> None:
        raise NotImplementedError
