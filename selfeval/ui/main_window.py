"""The main window: the navigator (pages and the criteria tree) beside the selected page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.judgements import list_judgements
from selfeval.services.workspace import Workspace
from selfeval.ui.criteria_tree import ID_ROLE, KIND_ROLE, CriteriaTreeModel, CriteriaTreeView
from selfeval.ui.dashboard_page import DashboardPage
from selfeval.ui.page_context import PageContext
from selfeval.ui.recent_files import recent_workspaces, remember_workspace

if TYPE_CHECKING:
    from selfeval.ui.criterion_page import CriterionPage
    from selfeval.ui.evidence_library_page import EvidenceLibraryPage
    from selfeval.ui.people_page import PeoplePage


class MainWindow(QMainWindow):
    undo_action: QAction  # made by menus.build_menus
    redo_action: QAction

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(f"{workspace.path.name} - {workspace.area_name} - selfeval")
        self.setAccessibleName("selfeval main window")
        self.undo_stack = QUndoStack(self)
        self.context = PageContext(
            workspace, self.undo_stack, self.changed, self.show_error, self.navigate
        )

        self.tree_model = CriteriaTreeModel(workspace.framework, self._ratings())
        self.tree = CriteriaTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.expandToDepth(0)
        for row in range(self.tree_model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)  # groups and pages
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.progress = QLabel()
        self.progress.setAccessibleName("Rating progress")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.tree)

        self.dashboard = DashboardPage(self.context)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.dashboard)
        self._criterion_page: CriterionPage | None = None
        self._evidence_page: EvidenceLibraryPage | None = None
        self._people_page: PeoplePage | None = None

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 740])
        self.setCentralWidget(splitter)
        self.tree.selectionModel().currentChanged.connect(self._tree_moved)

        from selfeval.ui.menus import build_menus

        build_menus(self)
        self._update_progress()
        self.navigate("dashboard", "dashboard")
        self.resize(1280, 820)
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        remember_workspace(workspace.path)

    # --- pages are built when first shown: the first screen is the tree and the dashboard ---
    @property
    def criterion_page(self) -> CriterionPage:
        if self._criterion_page is None:
            from selfeval.ui.criterion_page import CriterionPage

            self._criterion_page = CriterionPage(self.context)
            self.pages.addWidget(self._criterion_page)
        return self._criterion_page

    @property
    def evidence_page(self) -> EvidenceLibraryPage:
        if self._evidence_page is None:
            from selfeval.ui.evidence_library_page import EvidenceLibraryPage

            self._evidence_page = EvidenceLibraryPage(self.context)
            self.pages.addWidget(self._evidence_page)
        return self._evidence_page

    @property
    def people_page(self) -> PeoplePage:
        if self._people_page is None:
            from selfeval.ui.people_page import PeoplePage

            self._people_page = PeoplePage(self.context)
            self.pages.addWidget(self._people_page)
        return self._people_page

    def _commit_pending(self) -> None:
        if self._criterion_page is not None:
            self._criterion_page.commit_pending()

    # --- what the pages call -------------------------------------------------------------
    def _ratings(self) -> dict[str, str]:
        return {c: j.rating for (c, b), j in list_judgements(self.workspace).items() if b == ""}

    def _update_progress(self) -> None:
        total = len(self.workspace.framework.criteria)
        self.progress.setText(f"{self.tree_model.rated_count()} of {total} criteria rated")

    def changed(self, criterion_id: str | None) -> None:
        """Refresh everything that shows stored data, after any change (including undo)."""
        self.tree_model.set_ratings(self._ratings())
        self._update_progress()
        self.dashboard.refresh()
        if self._evidence_page is not None and self._evidence_page.loaded:
            self._evidence_page.refresh()
        if self._people_page is not None and self.pages.currentWidget() is self._people_page:
            self._people_page.refresh()
        shown = self._criterion_page.criterion_id if self._criterion_page else ""
        if criterion_id and criterion_id != shown:
            self.navigate("criterion", criterion_id)
        elif shown:
            self.criterion_page.load(shown)

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "selfeval", message)

    def navigate(self, kind: str, item_id: str) -> None:
        """Show a page: kind is "dashboard", "evidence", "people" or "criterion" (or "page")."""
        if kind in ("dashboard", "evidence_page", "people"):
            kind, item_id = "page", kind.removesuffix("_page")
        if kind == "stale_evidence":  # the library, filtered to evidence older than 12 months
            self.navigate("page", "evidence")
            self.evidence_page.stale.setChecked(True)
            return
        if kind == "evidence":  # a single evidence item: the library, with it selected
            self.navigate("page", "evidence")
            self.evidence_page.select(item_id)
            return
        index = self.tree_model.index_of(kind, item_id)
        if index.isValid() and self.tree.currentIndex().siblingAtColumn(0) != index:
            self.tree.setCurrentIndex(index)  # _tree_moved shows the page
        else:
            self._show(kind, item_id)

    def _tree_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        index = current.siblingAtColumn(0)
        kind, item_id = index.data(KIND_ROLE), index.data(ID_ROLE)
        if kind == "bullet":
            kind, item_id = "criterion", index.parent().data(ID_ROLE)
        if kind == "group":
            kind, item_id = "page", "dashboard"
        if kind:
            self._show(kind, item_id)

    def _show(self, kind: str, item_id: str) -> None:
        self._commit_pending()
        if kind == "criterion":
            self.criterion_page.load(item_id)
            self.pages.setCurrentWidget(self.criterion_page)
        elif item_id == "evidence":
            if not self.evidence_page.loaded:
                self.evidence_page.refresh()
            self.pages.setCurrentWidget(self.evidence_page)
        elif item_id == "people":
            self.people_page.refresh()
            self.pages.setCurrentWidget(self.people_page)
        else:
            self.dashboard.refresh()
            self.pages.setCurrentWidget(self.dashboard)

    def step_criterion(self, step: int) -> None:
        ids = [c.id for c in self.workspace.framework.criteria]
        current = self._criterion_page.criterion_id if self._criterion_page else ""
        position = ids.index(current) + step if current in ids else 0
        self.navigate("criterion", ids[position % len(ids)])

    def label_undo_actions(self, _index: int = 0) -> None:
        """Edit menu says what Undo and Redo would do ("Undo rate Amber")."""
        undo_text, redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(f"&Undo {undo_text}" if undo_text else "&Undo")
        self.redo_action.setText(f"&Redo {redo_text}" if redo_text else "&Redo")
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setEnabled(self.undo_stack.canRedo())

    def undo(self) -> None:
        self._commit_pending()
        self.undo_stack.undo()

    def redo(self) -> None:
        self._commit_pending()
        self.undo_stack.redo()

    # --- files -----------------------------------------------------------------------------
    def open_workspace_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open a workspace", "", "selfeval workspaces (*.selfeval);;All files (*)"
        )
        if name:
            self.open_other(Path(name))

    def open_other(self, path: Path) -> None:
        """Open another workspace in a new window, checked and upgraded off the GUI thread."""
        from selfeval.services.workspace import open_workspace
        from selfeval.ui.worker import run_with_progress

        def opened(workspace: Workspace) -> None:
            window = MainWindow(workspace)
            window.show()
            self.close()

        def job(_progress: object, _cancelled: object) -> Workspace:
            workspace = open_workspace(path)
            workspace.engine.dispose()  # new connections are made on the GUI thread
            return workspace

        self._open_task = run_with_progress(
            self, f"Opening {path.name}", job, opened, self.show_error
        )

    def new_workspace_dialog(self) -> None:
        from selfeval.services.frameworks import framework_library
        from selfeval.services.workspace import create_workspace
        from selfeval.ui.new_workspace_dialog import NewWorkspaceDialog

        dialog = NewWorkspaceDialog(self)
        if dialog.exec() != NewWorkspaceDialog.DialogCode.Accepted:
            return
        try:
            framework = framework_library().get(str(dialog.framework.currentData()))
            workspace = create_workspace(
                Path(dialog.path.text()),
                dialog.area.text(),
                framework,
                self.workspace.user,
                local_authority=dialog.local_authority.text(),
                icb=dialog.icb.text(),
            )
        except Exception as err:  # shown, never raised into Qt
            self.show_error(str(err))
            return
        window = MainWindow(workspace)
        window.show()
        self.close()

    def recent_paths(self) -> list[Path]:
        return [p for p in recent_workspaces() if p.resolve() != self.workspace.path.resolve()]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._commit_pending()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.workspace.close()
        super().closeEvent(event)
