"""What every page the window shows shares."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QScrollBar, QVBoxLayout, QWidget


class PageWidget(QWidget):
    """A page: it can re-read what it shows from the workspace (after any change)."""

    def refresh(self) -> None:
        raise NotImplementedError


class ScrollingPage(PageWidget):
    """A page taller than the window (the dashboard, a criterion): its body scrolls, as the
    page's own business, inside a page like every other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller)

    def set_body(self, body: QWidget) -> None:
        self.scroller.setWidget(body)

    def verticalScrollBar(self) -> QScrollBar:  # noqa: N802 (the scroll area's name)
        return self.scroller.verticalScrollBar()
