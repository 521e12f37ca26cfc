"""The main window's menus and shortcuts (listed for users in help_dialog.SHORTCUTS)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from selfeval import __version__
from selfeval.store.workspace_store import store_for
from selfeval.ui import file_actions

if TYPE_CHECKING:
    from selfeval.ui.main_window import MainWindow


def _action(
    window: MainWindow, menu: QMenu, text: str, slot: Callable[[], object], *keys: str
) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    addresses = file_actions.recent_addresses(window)
    for number, address in enumerate(addresses, start=1):
        action = menu.addAction(f"&{number} {store_for(address).name}")
        action.setToolTip(address)
        action.triggered.connect(lambda _c=False, a=address: file_actions.open_other(window, a))
    if not addresses:
        menu.addAction("(no other recent workspaces)").setEnabled(False)


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    _action(
        window,
        file_menu,
        "&New workspace...",
        lambda: file_actions.new_workspace_dialog(window),
        "Ctrl+N",
    )
    _action(
        window, file_menu, "&Open...", lambda: file_actions.open_workspace_dialog(window), "Ctrl+O"
    )
    recent = file_menu.addMenu("Open &recent")
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    file_menu.addSeparator()
    _action(
        window,
        file_menu,
        "&Import evidence tracker...",
        lambda: window.evidence_page.import_tracker(),
        "Ctrl+I",
    )
    _action(window, file_menu, "&Export pack...", window.export_pack, "Ctrl+E")
    from selfeval.ui import contribution_actions as contrib
    from selfeval.ui import progress_actions

    _action(window, file_menu, "Take a &snapshot...", lambda: progress_actions.snapshot(window))
    _action(window, file_menu, "Start a new &cycle...", lambda: progress_actions.new_cycle(window))
    assessments = file_menu.addMenu("Assess&ment")
    assessments.aboutToShow.connect(lambda: progress_actions.fill_assessments(window, assessments))
    _action(
        window,
        file_menu,
        "Progress &report since a snapshot...",
        lambda: progress_actions.progress_report(window),
    )

    contributions = file_menu.addMenu("Con&tributions")
    _action(
        window,
        contributions,
        "&Ask a partner to contribute...",
        lambda: contrib.request_contribution(window),
    )
    _action(window, contributions, "&Open a request...", lambda: contrib.open_request(window))
    _action(
        window,
        contributions,
        "&Return my contribution...",
        lambda: contrib.return_contribution(window),
    )
    _action(window, contributions, "&Merge a return...", lambda: contrib.merge_return(window))
    file_menu.addSeparator()
    _action(window, file_menu, "&Close", window.close, "Ctrl+W")

    edit_menu = bar.addMenu("&Edit")
    window.undo_action = _action(window, edit_menu, "&Undo", window.undo, "Ctrl+Z")
    window.redo_action = _action(window, edit_menu, "&Redo", window.redo, "Ctrl+Shift+Z", "Ctrl+Y")
    window.undo_stack.indexChanged.connect(window.label_undo_actions)
    window.label_undo_actions()

    go_menu = bar.addMenu("&Go")
    _action(
        window, go_menu, "Readiness &dashboard", lambda: window.navigate("dashboard", ""), "Ctrl+1"
    )
    _action(
        window, go_menu, "&Evidence library", lambda: window.navigate("evidence_page", ""), "Ctrl+2"
    )
    _action(
        window,
        go_menu,
        "&People and organisations",
        lambda: window.navigate("people", ""),
        "Ctrl+3",
    )
    _action(window, go_menu, "&Action plan", lambda: window.navigate("actions", ""), "Ctrl+4")
    _action(window, go_menu, "&Indicators", lambda: window.navigate("indicators", ""), "Ctrl+5")
    _action(window, go_menu, "&Risk register", lambda: window.navigate("risks", ""), "Ctrl+6")
    go_menu.addSeparator()
    _action(window, go_menu, "&Next criterion", lambda: window.step_criterion(1), "Ctrl+PgDown")
    _action(window, go_menu, "Pre&vious criterion", lambda: window.step_criterion(-1), "Ctrl+PgUp")
    _action(window, go_menu, "Criteria &tree", window.tree.setFocus, "Ctrl+L")

    def search() -> None:
        window.navigate("evidence_page", "")
        window.evidence_page.search.setFocus()
        window.evidence_page.search.selectAll()

    _action(window, go_menu, "&Search evidence", search, "Ctrl+F")

    help_menu = bar.addMenu("&Help")

    def shortcuts() -> None:
        from selfeval.ui.help_dialog import ShortcutsDialog

        ShortcutsDialog(window).exec()

    _action(window, help_menu, "&Keyboard shortcuts", shortcuts, "F1")
    _action(
        window,
        help_menu,
        "&About selfeval",
        lambda: QMessageBox.about(
            window,
            "About selfeval",
            f"selfeval {__version__}\nArea SEND self-evaluation for local area partnerships.",
        ),
    )
