"""The main window: the navigator (pages and the criteria tree) beside the selected page.

Windows are made by ``ui/window/opening.py``, the one way a workspace is opened into a window;
it gives each window that same opener for the windows it opens in turn (File > Open, recent
files, switching assessments), so this module does not import it back.

It opens in two steps. The tree with every criterion's rating is painted at once from a quick
read-only look at the file; the full open (integrity check, any upgrade, SQLAlchemy) runs on a
worker thread meanwhile, and ``attach()`` then builds the pages. Nothing here imports the
services at module level, so the first screen does not wait for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from selfeval.store.addresses import short_name
from selfeval.ui.pages.lazy_pages import LAZY_PAGES
from selfeval.ui.routes import PAGE_ROUTES
from selfeval.ui.touches import EVERYTHING, Touches
from selfeval.ui.widgets.criteria_tree import (
    ID_ROLE,
    KIND_ROLE,
    CriteriaTreeModel,
    CriteriaTreeView,
)
from selfeval.ui.widgets.due_banner import DueBanner
from selfeval.ui.widgets.loading_page import fitting_size, loading_page
from selfeval.ui.widgets.save_state_bar import SaveStateBar
from selfeval.ui.window.host import Opener, no_opener
from selfeval.words import counted

if TYPE_CHECKING:
    from selfeval.services.overview import Overview
    from selfeval.services.workspace import Workspace
    from selfeval.ui.page_context import PageContext
    from selfeval.ui.pages.action_widgets import ActionPlanPage
    from selfeval.ui.pages.criterion_page import CriterionPage
    from selfeval.ui.pages.dashboard_page import DashboardPage
    from selfeval.ui.pages.evidence_library_page import EvidenceLibraryPage
    from selfeval.ui.pages.page_widget import PageWidget
    from selfeval.ui.pages.people_page import PeoplePage
    from selfeval.ui.routes import RouteKind
    from selfeval.ui.tasks import OwnedTask


class MainWindow(QMainWindow):
    workspace: Workspace  # set by attach()
    context: PageContext
    dashboard: DashboardPage
    undo_action: QAction  # made by menus.build_menus
    redo_action: QAction

    def __init__(self, address: str, overview: Overview) -> None:
        super().__init__()
        self.address = address
        self.display_name = short_name(address)
        self.attached = False
        self.open_task: OwnedTask | None = None
        self.opener: Opener = no_opener
        self.show_start: Callable[[], object] = lambda: None
        self.setAccessibleName("selfeval main window")
        self.undo_stack = QUndoStack(self)

        self.tree = CriteriaTreeView()
        self._paint(overview)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.progress = QLabel()
        self.progress.setAccessibleName("Rating progress")
        left = QWidget()
        left.setMinimumWidth(300)  # the pages never squeeze the navigator unreadable
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 6, 6)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.tree)

        self.pages = QStackedWidget()
        self.loading = loading_page(self.display_name, self.close)
        self.pages.addWidget(self.loading)
        self._criterion_page: CriterionPage | None = None
        self._evidence_page: EvidenceLibraryPage | None = None
        self._people_page: PeoplePage | None = None
        self._extra: dict[str, PageWidget] = {}
        self._wanted: tuple[RouteKind, str] = ("page", "dashboard")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        right = QWidget()
        self._banners = right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.banner = DueBanner(lambda: self.navigate("mywork"))
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.pages, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 860])
        splitter.setCollapsible(0, False)
        self.setCentralWidget(splitter)
        self.status = SaveStateBar(self.statusBar(), address)
        self.tree.selectionModel().currentChanged.connect(self._tree_moved)
        self._update_progress()
        self.resize(*fitting_size())
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _paint(self, overview: Overview) -> None:
        """The title and the criteria tree (with every rating) for what is being opened."""
        self.overview = overview
        self.setWindowTitle(
            f"{self.display_name} - {overview.area_name} - {overview.assessment_title} - selfeval"
        )
        self.tree_model = CriteriaTreeModel(overview.outline, overview.ratings)
        self.tree.setModel(self.tree_model)
        self.tree.expandToDepth(0)
        for row in range(self.tree_model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)  # groups and pages

    def _offer_only_what_returns(self, workspace: Workspace) -> None:
        """A partner's copy hides the pages whose work their return would never carry."""
        from selfeval.services.contributions import request_of
        from selfeval.ui.widgets.criteria_tree import PAGES

        if request_of(workspace) is None:
            return
        kept = self.tree_model.pages_a_partner_keeps()
        for _title, page_id, _table in PAGES:
            row = self.tree_model.index_of("page", page_id).row()
            self.tree.setRowHidden(row, QModelIndex(), page_id not in kept)

    def attach(self, workspace: Workspace) -> None:
        """The workspace is open: build the pages and menus, and show what was asked for."""
        from selfeval.services.judgements import list_judgements
        from selfeval.services.overview import overview_of
        from selfeval.ui.page_context import PageContext
        from selfeval.ui.pages.dashboard_page import DashboardPage
        from selfeval.ui.window.controller import WindowController
        from selfeval.ui.window.integrity_check import check_in_background
        from selfeval.ui.window.live_changes import watch_for_changes
        from selfeval.ui.window.menus import build_menus, build_toolbar
        from selfeval.ui.window.recent_files import remember_workspace

        self._list_judgements = list_judgements
        self.workspace = workspace
        opened = overview_of(workspace)
        if (opened.outline, opened.assessment_title) != (
            self.overview.outline,
            self.overview.assessment_title,
        ):  # the first paint guessed wrong: show what is really open before anyone acts
            self._wanted = ("page", "dashboard")
            self._paint(opened)
            self.tree.selectionModel().currentChanged.connect(self._tree_moved)
        self.context = PageContext(
            workspace,
            self.undo_stack,
            self.changed,
            self.show_error,
            self.navigate,
            judgement_saved=self.judgement_saved,
            save_failed=self.save_failed,
        )
        self.dashboard = DashboardPage(self.context)
        self.pages.addWidget(self.dashboard)
        self._offer_only_what_returns(workspace)
        self.controller = WindowController(self)
        from selfeval.services.contributions import request_of

        partner = request_of(workspace) is not None
        kept = build_menus(self, self.menuBar(), self.controller, partner)
        self.undo_action, self.redo_action = kept.undo, kept.redo
        build_toolbar(self, kept.toolbar)
        self.status.saved("Opened")
        self.undo_stack.indexChanged.connect(self.label_undo_actions)
        self.label_undo_actions()
        self.attached = True
        self.tree_model.set_ratings(self._ratings())
        self._update_progress()
        self.pages.removeWidget(self.loading)
        self.loading.deleteLater()
        remember_workspace(workspace.address)
        self.banner.show_for(workspace)
        self.watch = watch_for_changes(self)  # a shared workspace: other people's changes live
        self.full_check = check_in_background(self, workspace, self.status.integrity)
        self.navigate(*self._wanted)

    # --- pages are built when first shown --------------------------------------------------
    @property
    def criterion_page(self) -> CriterionPage:
        if self._criterion_page is None:
            from selfeval.ui.pages.criterion_page import CriterionPage

            self._criterion_page = CriterionPage(self.context)
            self.pages.addWidget(self._criterion_page)
        return self._criterion_page

    @property
    def evidence_page(self) -> EvidenceLibraryPage:
        if self._evidence_page is None:
            from selfeval.ui.pages.evidence_library_page import EvidenceLibraryPage

            self._evidence_page = EvidenceLibraryPage(self.context)
            self.pages.addWidget(self._evidence_page)
        return self._evidence_page

    @property
    def people_page(self) -> PeoplePage:
        if self._people_page is None:
            from selfeval.ui.pages.people_page import PeoplePage

            self._people_page = PeoplePage(self.context)
            self.pages.addWidget(self._people_page)
        return self._people_page

    def extra_page(self, page_id: str) -> PageWidget:
        """The action plan, indicators and risk pages, built when first shown."""
        if page_id not in self._extra:
            import importlib

            module, name = LAZY_PAGES[page_id]
            page = getattr(importlib.import_module(module), name)(self.context)
            self.pages.addWidget(page)
            self._extra[page_id] = page
        return self._extra[page_id]

    @property
    def action_plan(self) -> ActionPlanPage:
        from selfeval.ui.pages.action_widgets import ActionPlanPage

        page = self.extra_page("actions")
        assert isinstance(page, ActionPlanPage)
        return page

    def add_banner(self, banner: QWidget) -> None:
        self._banners.insertWidget(0, banner)

    def set_connection_lost(self, report: Callable[[str], None]) -> None:
        self.context.connection_lost = report

    def commit_pending(self) -> None:
        """Save text still waiting for its pause (before Undo, navigation, reading or leaving)."""
        if self._criterion_page is not None:
            self._criterion_page.commit_pending()

    # --- what the pages call -------------------------------------------------------------
    def _ratings(self) -> dict[str, str]:
        judgements = self._list_judgements(self.workspace)
        return {c: j.rating for (c, b), j in judgements.items() if b == ""}

    def _update_progress(self) -> None:
        total = len(self.tree_model.outline.criteria)
        self.progress.setText(
            f"{self.tree_model.rated_count()} of {counted(total, 'criterion', 'criteria')} rated"
        )

    def changed(self, criterion_id: str | None, touches: Touches = EVERYTHING) -> None:
        """After a change (or its undo): read again what shows what it `touches`, and only
        that. The tree's ratings only after a rating or narrative; the evidence library only
        after evidence changed, and only when in view (otherwise when next shown: on 5,000
        items that read is ~50 ms); the criterion page only its touched parts."""
        if touches & Touches.RATINGS:
            self.tree_model.set_ratings(self._ratings())
            self._update_progress()
        self.status.saved()
        evidence = bool(touches & Touches.EVIDENCE)
        if self.pages.currentWidget() is self.dashboard:  # else refreshed when next shown
            self.dashboard.refresh(evidence)
        library = self._evidence_page
        if evidence and library is not None:
            library.evidence_changed(in_view=self.pages.currentWidget() is library)
        if self._people_page is not None and self.pages.currentWidget() is self._people_page:
            self._people_page.refresh()
        for page in self._extra.values():
            if self.pages.currentWidget() is page:
                page.refresh()
        shown = self._criterion_page.criterion_id if self._criterion_page else ""
        if criterion_id and criterion_id != shown:
            self.navigate("criterion", criterion_id)
        elif shown:
            self.criterion_page.reload(touches)

    def judgement_saved(self, saved: object) -> None:
        """A criterion's judgement as its write returned it (a rating click, its undo or redo):
        the one tree row, the progress line and the page showing it, with nothing read again;
        anything else is refreshed the usual way."""
        from selfeval.services.judgements import JudgementView

        if not isinstance(saved, JudgementView):
            self.changed(getattr(saved, "criterion_id", None), Touches.RATINGS)
            return
        shown = self._criterion_page.criterion_id if self._criterion_page else ""
        if self.pages.currentWidget() is not self.criterion_page or shown != saved.criterion_id:
            self.changed(saved.criterion_id, Touches.RATINGS)  # undone elsewhere: go to it
            return
        self.status.saved()
        if saved.bullet_id:  # a bullet's rating or note: the criterion's own rating is as it was
            self.criterion_page.bullets.show_saved(saved)
            return
        self.tree_model.set_rating(saved.criterion_id, saved.rating)
        self._update_progress()
        self.criterion_page.show_saved(saved)

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "selfeval", message)

    def save_failed(self, message: str) -> None:
        """A change that could not be saved: the status bar says so until the next save."""
        if self.attached:
            self.status.not_saved()
        self.show_error(message)

    def widget(self) -> QWidget:
        return self

    def focus_tree(self) -> None:
        self.tree.setFocus()

    def close_to_start(self) -> None:
        """Ctrl+W: close this workspace and show the start window (the app stays open)."""
        self.commit_pending()
        if self.close():
            self.show_start()

    def open_window(self, address: str, assessment: str | None = None) -> bool:
        """Open a workspace (or this one on another assessment) in a new window."""
        return self.opener(address, assessment, self)

    def import_tracker(self) -> None:
        self.navigate("evidence_page")
        self.evidence_page.import_tracker()

    def search_evidence(self) -> None:
        self.navigate("evidence_page")
        self.evidence_page.search.setFocus()
        self.evidence_page.search.selectAll()

    def navigate(self, kind: RouteKind, item_id: str = "") -> None:
        """Show a page: "dashboard", "evidence_page", "people", "criterion" (with its id),
        "evidence" (one item, in the library) or "stale_evidence"."""
        if kind in PAGE_ROUTES:
            kind, item_id = "page", kind.removesuffix("_page")
        if kind == "overdue_actions":
            self.navigate("page", "actions")
            self.action_plan.show_view("overdue")
            return
        if kind == "stale_evidence":
            self.navigate("page", "evidence")
            self.evidence_page.stale.setChecked(True)
            return
        if kind == "evidence":
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

    def _show(self, kind: RouteKind, item_id: str) -> None:
        if not self.attached:  # still opening: show it once the workspace is ready
            self._wanted = (kind, item_id)
            return
        self.commit_pending()
        if kind == "criterion":
            self.criterion_page.load(item_id)
            self.pages.setCurrentWidget(self.criterion_page)
        elif item_id == "evidence":
            if not self.evidence_page.loaded:
                self.evidence_page.load()
            self.pages.setCurrentWidget(self.evidence_page)
        elif item_id == "people":
            self.people_page.refresh()
            self.pages.setCurrentWidget(self.people_page)
        elif item_id in LAZY_PAGES:
            page = self.extra_page(item_id)
            page.refresh()
            self.pages.setCurrentWidget(page)
        else:
            self.dashboard.refresh()
            self.pages.setCurrentWidget(self.dashboard)

    def step_criterion(self, step: int) -> None:
        ids = [c.id for c in self.tree_model.outline.criteria]
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

    def current_criterion(self) -> str:
        return self._criterion_page.criterion_id if self._criterion_page else ""

    def export_pack(self) -> None:
        self.controller.export_pack()

    def undo(self) -> None:
        self.commit_pending()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.commit_pending()
        self.undo_stack.redo()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.open_task is not None:
            self.open_task.cancel()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        if self.attached:
            self.watch.stop()
            self.commit_pending()
            if self._evidence_page is not None:
                self._evidence_page.stop_reading()
            self.workspace.close()
        super().closeEvent(event)
