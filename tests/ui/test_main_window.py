"""The first window: the criteria tree with every criterion's rating as badge and word."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from selfeval.app import build_main_window
from selfeval.ui.criteria_tree import ID_ROLE


def test_tree_shows_every_criterion_with_its_rating_word(qtbot: QtBot, demo_path: Path) -> None:
    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    window.show()
    model = window.tree_model
    assert model.rowCount() == 2
    rows = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for c in range(model.rowCount(group)):
            title = model.index(c, 0, group).data()
            rating = model.index(c, 1, group)
            rows.append((title, rating.data(), rating.data(ID_ROLE)))
    assert len(rows) == 11
    assert rows[0][0].startswith("1. Children and young people's needs are identified")
    assert {r[1] for r in rows} == {"Red", "Amber", "Green"}
    assert all(r[1] == {"red": "Red", "amber": "Amber", "green": "Green"}[r[2]] for r in rows)
    assert window.progress.text() == "11 of 11 criteria rated"
    assert "Anyshire" in window.windowTitle()


def test_selecting_a_criterion_shows_its_bullets(qtbot: QtBot, demo_path: Path) -> None:
    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    group = window.tree_model.index(0, 0)
    window.tree.setCurrentIndex(window.tree_model.index(1, 0, group))
    text = window.page.toPlainText()
    assert "participate in decision-making" in text
    assert "impartial information, advice and support" in text
    assert "Rating: Green" in text


def test_every_interactive_widget_has_an_accessible_name(qtbot: QtBot, demo_path: Path) -> None:
    window = build_main_window(demo_path)
    qtbot.addWidget(window)
    interactive = (QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit)
    unnamed = [
        w.metaObject().className()
        for w in window.findChildren(QWidget)
        if isinstance(w, interactive) and w.isVisibleTo(window) and not w.accessibleName()
    ]
    assert unnamed == []
