"""Checks that a window's forms fit their content: a list in a dialog shows its rows."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QWidget

ROWS_SEEN = 4
"""A list shows this many rows (or all it has) without scrolling, so a reader sees a list."""


def _rows(view: QAbstractItemView) -> int:
    model = view.model()
    return model.rowCount() if model is not None else 0


def lists_too_short(window: QWidget) -> list[str]:
    """Each visible list, table or tree that shows fewer than ROWS_SEEN rows of its own (or of a
    typical row's height when it has fewer), by accessible name."""
    QApplication.processEvents()
    short = []
    for view in window.findChildren(QAbstractItemView):
        if not view.isVisibleTo(window) or isinstance(view, QHeaderView):
            continue  # a header is part of its table; a closed combo box's list is not shown
        rows = max(_rows(view), 1)
        row_height = view.sizeHintForRow(0) if _rows(view) else view.fontMetrics().height() + 6
        wanted = min(rows, ROWS_SEEN) * max(row_height, 1)
        if view.viewport().height() < wanted:
            short.append(
                f"{view.accessibleName() or type(view).__name__}: {view.viewport().height()} px "
                f"for {min(rows, ROWS_SEEN)} rows of {row_height} px"
            )
    return short
