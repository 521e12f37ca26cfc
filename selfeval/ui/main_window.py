"""The main window: the criteria tree on the left, the selected item's page on the right."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from selfeval.services.judgements import list_judgements
from selfeval.services.workspace import Workspace
from selfeval.ui.criteria_tree import ID_ROLE, KIND_ROLE, CriteriaTreeModel, CriteriaTreeView


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.setWindowTitle(f"{workspace.path.name} - {workspace.area_name} - selfeval")
        self.setAccessibleName("selfeval main window")
        judgements = list_judgements(workspace)
        ratings = {c: j.rating for (c, b), j in judgements.items() if b == ""}
        self.judgements = judgements

        self.tree_model = CriteriaTreeModel(workspace.framework, ratings)
        self.tree = CriteriaTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.expandToDepth(0)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        total = len(workspace.framework.criteria)
        self.progress = QLabel(f"{self.tree_model.rated_count()} of {total} criteria rated")
        self.progress.setAccessibleName("Rating progress")

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree)

        self.page = QTextBrowser()
        self.page.setAccessibleName("Selected criterion")
        self.page.setOpenExternalLinks(False)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        self.tree.selectionModel().currentChanged.connect(self._show)
        self._build_menus()
        self._show_overview()
        self.resize(1200, 760)
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def _show_overview(self) -> None:
        framework = self.workspace.framework
        parts = [f"<h2>{escape(self.workspace.assessment_title)}</h2>"]
        parts.append(f"<p>{escape(framework.title)} ({escape(framework.edition)})</p>")
        parts.append("<p>Choose a criterion on the left to read it.</p>")
        self.page.setHtml("".join(parts))

    def _show(self, current: QModelIndex, _previous: QModelIndex) -> None:
        index = current.siblingAtColumn(0)
        kind = index.data(KIND_ROLE)
        item_id = index.data(ID_ROLE)
        framework = self.workspace.framework
        if kind == "criterion":
            criterion = framework.criterion(item_id)
            judgement = self.judgements.get((criterion.id, ""))
            level = framework.rating_scale.level(judgement.rating if judgement else "not-rated")
            html = [f"<h2>{escape(criterion.title)}</h2>"]
            if criterion.lead_in:
                html.append(f"<p>{escape(criterion.lead_in)}</p>")
            html.append(
                "<ul>" + "".join(f"<li>{escape(b.text)}</li>" for b in criterion.bullets) + "</ul>"
            )
            html.append(f"<p><b>Rating:</b> {escape(level.label)}</p>")
            if judgement and judgement.rationale:
                html.append(f"<p><b>How we know:</b> {escape(judgement.rationale)}</p>")
            self.page.setHtml("".join(html))
        elif kind == "bullet":
            criterion_id = index.parent().data(ID_ROLE)
            bullet = next(b for b in framework.criterion(criterion_id).bullets if b.id == item_id)
            self.page.setHtml(f"<p>{escape(bullet.text)}</p>")
        else:
            self._show_overview()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        self.workspace.close()
        super().closeEvent(event)
