"""Checks that a window's forms fit their content: a list in a dialog shows its rows."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QLayout, QWidget

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


def overlapping(window: QWidget) -> list[str]:
    """Pairs of visible items of one layout drawn over each other: a form given less room than
    its fields need (a list over the rows below it)."""
    QApplication.processEvents()
    found = []
    for layout in window.findChildren(QLayout):
        items = [layout.itemAt(i) for i in range(layout.count())]
        shown = []
        for item in items:
            widget = item.widget()
            if widget is not None and not widget.isVisibleTo(window):
                continue
            box = item.geometry()
            if box.width() > 0 and box.height() > 0 and not item.isEmpty():
                shown.append((item, box))
        owner = layout.parentWidget()
        inside = owner.rect() if owner is not None else None
        for item, box in shown:  # an item beyond its widget's edge is drawn over its neighbours
            if inside is not None and not inside.contains(box):
                found.append(f"{_name(item)} outside {_name_of(owner)}")
        for index, (item, box) in enumerate(shown):
            for other, other_box in shown[index + 1 :]:
                if box.intersects(other_box):
                    found.append(f"{_name(item)} over {_name(other)}")
    return found


def _name(item: object) -> str:
    widget = item.widget()  # type: ignore[attr-defined]
    return type(item).__name__ if widget is None else _name_of(widget)


def _name_of(widget: QWidget) -> str:
    return widget.accessibleName() or widget.objectName() or type(widget).__name__
