"""The main window's menus and shortcuts (F1 lists them from these actions: help_dialog.py).

Every item calls the window's controller (ui/window/controller.py); nothing here knows the window.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QWidget

if TYPE_CHECKING:
    from selfeval.ui.routes import RouteKind
    from selfeval.ui.window.controller import WindowController


def _action(
    owner: QWidget, menu: QMenu, text: str, slot: Callable[[], object], *keys: str
) -> QAction:
    action = QAction(text, owner)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


class MenuActions:
    """The actions the window keeps a hand on: Undo/Redo (their text follows the stack) and the
    ones the toolbar shows as well."""

    def __init__(self) -> None:
        self.undo: QAction
        self.redo: QAction
        self.toolbar: list[QAction] = []
        self.lead_only: list[QAction] = []
        """The lead's work (asking partners, merging, signing off, the statistics, new cycles):
        not offered in a partner's window, whose return would never carry it."""


def build_menus(
    owner: QWidget, bar: QMenuBar, do: WindowController, partner: bool = False
) -> MenuActions:
    """Fill the menu bar; every toolbar action is one of these menu actions, same shortcut.
    `partner`: a partner's copy, whose window offers their job only."""
    kept = MenuActions()
    lead = kept.lead_only.append
    file_menu = bar.addMenu("&File")
    _action(owner, file_menu, "&New workspace...", do.new_workspace, "Ctrl+N")
    _action(owner, file_menu, "&Open...", do.open_workspace, "Ctrl+O")
    _action(owner, file_menu, "Open s&hared workspace...", do.open_shared)
    recent = file_menu.addMenu("Open &recent")
    recent.aboutToShow.connect(lambda: do.fill_recent(recent))
    file_menu.addSeparator()
    _action(owner, file_menu, "&Import evidence tracker...", do.import_tracker, "Ctrl+I")
    lead(_action(owner, file_menu, "Import a &Word self-evaluation...", do.import_sef))
    lead(_action(owner, file_menu, "Import p&ublished statistics...", do.import_statistics))
    lead(_action(owner, file_menu, "Statistical nei&ghbours...", do.statistical_neighbours))
    export = _action(owner, file_menu, "&Export pack...", do.export_pack, "Ctrl+E")
    snapshot = _action(owner, file_menu, "Take a &snapshot...", do.snapshot, "Ctrl+Shift+S")
    lead(snapshot)
    lead(_action(owner, file_menu, "Start a new &cycle...", do.new_cycle))
    assessments = file_menu.addMenu("Assess&ment")
    assessments.aboutToShow.connect(lambda: do.fill_assessments(assessments))
    lead(assessments.menuAction())
    lead(_action(owner, file_menu, "Progress &report since a snapshot...", do.progress_report))
    lead(_action(owner, file_menu, "Sign o&ff this version...", do.sign_off))
    lead(_action(owner, file_menu, "Our &area: foreword, context, logo, summary...", do.our_area))
    lead(_action(owner, file_menu, "Our hea&dings for a criterion's fields...", do.field_headings))

    contributions = file_menu.addMenu("Con&tributions")
    ask = _action(
        owner, contributions, "&Ask a partner to contribute...", do.ask_partner, "Ctrl+Shift+A"
    )
    lead(ask)
    _action(owner, contributions, "&Open a request...", do.open_request)
    give_back = _action(owner, contributions, "&Return my contribution...", do.return_contribution)
    merge = _action(owner, contributions, "&Merge a return...", do.merge_return, "Ctrl+Shift+M")
    lead(merge)
    file_menu.addSeparator()
    _action(owner, file_menu, "&Close workspace", do.close, "Ctrl+W")

    edit_menu = bar.addMenu("&Edit")
    kept.undo = _action(owner, edit_menu, "&Undo", do.undo, "Ctrl+Z")
    kept.redo = _action(owner, edit_menu, "&Redo", do.redo, "Ctrl+Shift+Z", "Ctrl+Y")

    go_menu = bar.addMenu("&Go")
    # in the navigator's order, so Ctrl+N is the Nth place in the list on the left
    places: tuple[tuple[str, RouteKind], ...] = (
        ("Readiness &dashboard", "dashboard"),
        ("&Evidence library", "evidence_page"),
        ("&Action plan", "actions"),
        ("&Indicators", "indicators"),
        ("&Risk register", "risks"),
        ("&Contributions", "contributions"),
        ("&People and organisations", "people"),
        ("&My work", "mywork"),
        ("Ready for the data &request", "datarequest"),
        ("To confirm after a new editi&on", "edition"),
    )
    for number, (text, place) in enumerate(places, start=1):
        _action(owner, go_menu, text, partial(do.go, place), f"Ctrl+{number % 10}")
    lead(_action(owner, go_menu, "O&ur priorities", partial(do.go, "priorities")))
    heard = partial(do.go, "heard")
    lead(_action(owner, go_menu, "Voices, surve&ys and case studies", heard))
    go_menu.addSeparator()
    _action(owner, go_menu, "&Next criterion", lambda: do.step_criterion(1), "Ctrl+PgDown")
    _action(owner, go_menu, "Pre&vious criterion", lambda: do.step_criterion(-1), "Ctrl+PgUp")
    _action(owner, go_menu, "Criteria &tree", do.focus_tree, "Ctrl+L")
    search = _action(owner, go_menu, "&Search evidence", do.search_evidence, "Ctrl+F")

    help_menu = bar.addMenu("&Help")
    _action(owner, help_menu, "&Keyboard shortcuts", do.shortcuts, "F1")
    _action(owner, help_menu, "&About selfeval", do.about)
    kept.toolbar = (
        [give_back, export, search] if partner else [export, snapshot, ask, merge, search]
    )
    for action in kept.lead_only:
        action.setVisible(not partner)
    for action in kept.toolbar:  # the toolbar says the shortcut too
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        said = action.text().replace("&", "").rstrip(".")
        action.setToolTip(f"{said} ({keys})" if keys else said)
    return kept


def build_toolbar(window: QMainWindow, actions: list[QAction]) -> None:
    """The most used actions, as words (the menus' own actions, so shortcuts stay one)."""
    toolbar = window.addToolBar("Main tools")
    toolbar.setObjectName("main_tools")
    toolbar.setAccessibleName("Main tools")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in actions:
        toolbar.addAction(action)
