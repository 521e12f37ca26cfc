"""The window's controller: every menu command, holding the window's context (through the narrow
ControlledWindow interface) so that no action reaches into MainWindow itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QMessageBox

from selfeval import __version__
from selfeval.store.addresses import store_for
from selfeval.ui.window import contribution_actions, file_actions, progress_actions

if TYPE_CHECKING:
    from selfeval.ui.routes import RouteKind
    from selfeval.ui.window.host import ControlledWindow


class WindowController:
    def __init__(self, window: ControlledWindow) -> None:
        self.window = window

    # File
    def new_workspace(self) -> None:
        file_actions.new_workspace_dialog(self.window)

    def open_workspace(self) -> None:
        file_actions.open_workspace_dialog(self.window)

    def open_shared(self) -> None:
        file_actions.open_shared_dialog(self.window)

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        addresses = file_actions.recent_addresses(self.window)
        for number, address in enumerate(addresses, start=1):
            action = menu.addAction(f"&{number} {store_for(address).name}")
            action.setToolTip(address)
            action.triggered.connect(
                lambda _c=False, a=address: file_actions.open_other(self.window, a)
            )
        if not addresses:
            menu.addAction("(no other recent workspaces)").setEnabled(False)

    def import_tracker(self) -> None:
        self.window.import_tracker()

    def export_pack(self) -> None:
        """The export dialog; afterwards the focus is back where it was, so the next shortcut or
        keystroke goes where the user expects (not into "How we know")."""
        from PySide6.QtWidgets import QApplication

        from selfeval.ui.dialogs.export_dialog import ExportDialog

        self.window.commit_pending()
        focused = QApplication.focusWidget()
        ExportDialog(self.window.context, self.window.widget()).exec()
        self.window.widget().activateWindow()
        if focused is not None:
            focused.setFocus()

    def snapshot(self) -> None:
        progress_actions.snapshot(self.window)

    def new_cycle(self) -> None:
        progress_actions.new_cycle(self.window)

    def fill_assessments(self, menu: QMenu) -> None:
        progress_actions.fill_assessments(self.window, menu)

    def progress_report(self) -> None:
        self.window.commit_pending()
        progress_actions.progress_report(self.window)

    def import_sef(self) -> None:
        from selfeval.ui.window.sef_actions import import_word_sef

        import_word_sef(self.window)

    def import_statistics(self) -> None:
        progress_actions.import_statistics(self.window)

    def statistical_neighbours(self) -> None:
        progress_actions.statistical_neighbours(self.window)

    def our_area(self) -> None:
        progress_actions.edit_our_area(self.window)

    def field_headings(self) -> None:
        self.window.commit_pending()
        progress_actions.edit_headings(self.window)

    def sign_off(self) -> None:
        self.window.commit_pending()
        progress_actions.sign_off_version(self.window)

    def ask_partner(self) -> None:
        self.window.commit_pending()
        contribution_actions.request_contribution(self.window)

    def open_request(self) -> None:
        contribution_actions.open_request(self.window)

    def return_contribution(self) -> None:
        self.window.commit_pending()
        contribution_actions.return_contribution(self.window)

    def merge_return(self) -> None:
        self.window.commit_pending()
        contribution_actions.merge_return(self.window)

    def close(self) -> None:
        """Ctrl+W: close this workspace and go back to the start window (not quit the app)."""
        self.window.close_to_start()

    # Edit
    def undo(self) -> None:
        self.window.undo()

    def redo(self) -> None:
        self.window.redo()

    # Go
    def go(self, kind: RouteKind) -> None:
        self.window.navigate(kind)

    def step_criterion(self, step: int) -> None:
        self.window.step_criterion(step)

    def focus_tree(self) -> None:
        self.window.focus_tree()

    def search_evidence(self) -> None:
        self.window.search_evidence()

    # Help
    def shortcuts(self) -> None:
        from PySide6.QtWidgets import QMenuBar

        from selfeval.ui.dialogs.help_dialog import ShortcutsDialog

        window = self.window.widget()
        bar = window.findChild(QMenuBar)
        ShortcutsDialog(window, bar.actions() if bar is not None else ()).exec()

    def about(self) -> None:
        QMessageBox.about(
            self.window.widget(),
            "About selfeval",
            f"selfeval {__version__}\\nArea SEND self-evaluation for local area partnerships.",
        )
