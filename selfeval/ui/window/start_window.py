"""What a user sees when no workspace is open: create your area's workspace, open one, open a
request from the lead (a partner's way in), or explore the demo (clearly fictional), with the
recent workspaces below."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.store.addresses import store_for
from selfeval.ui.dialogs.saved_notice import start_path
from selfeval.ui.widgets.headings import heading, plain_label
from selfeval.ui.window.recent_files import recent_workspaces

Opener = Callable[[str, QWidget], "QWidget | None"]
"""opener(address, parent): a window on that workspace, shown (None after saying why not)."""


class StartWindow(QWidget):
    def __init__(self, opener: Opener) -> None:
        super().__init__()
        self.opener = opener
        self.setWindowTitle("selfeval")
        self.setAccessibleName("selfeval start")
        self.opened: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Area SEND self-evaluation", 8))
        intro = plain_label(
            "Prepare your local area partnership's self-evaluation for an Ofsted/CQC Area SEND "
            "inspection: ratings and evidence for each criterion, partners' contributions, the "
            "action plan, and the pack for the board and inspectors."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.create_button = QPushButton("&Create your area's workspace...")
        self.create_button.setAccessibleName("Create your area's workspace")
        self.create_button.clicked.connect(self.create_workspace)
        self.open_button = QPushButton("&Open a workspace...")
        self.open_button.setAccessibleName("Open a workspace")
        self.open_button.clicked.connect(self.open_dialog)
        self.request_button = QPushButton("Open a &request from the lead...")
        self.request_button.setAccessibleName("Open a request from the lead (a .sefpack file)")
        self.request_button.clicked.connect(lambda: self.open_request())
        self.demo_button = QPushButton("Explore the &demo (Anyshire, a fictional area)")
        self.demo_button.setAccessibleName("Explore the demo workspace of a fictional area")
        self.demo_button.clicked.connect(self.open_demo)
        for button in (self.create_button, self.open_button, self.request_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(plain_label("Recent workspaces (Enter or double-click to open):"))
        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent workspaces")
        for address in recent_workspaces():
            item = QListWidgetItem(f"{store_for(address).name}    {address}")
            item.setData(Qt.ItemDataRole.UserRole, address)
            item.setToolTip(address)
            self.recent.addItem(item)
        if not self.recent.count():
            self.recent.addItem("(none yet)")
        self.recent.itemActivated.connect(self._open_item)
        layout.addWidget(self.recent, 1)
        self.resize(820, 460)
        self.create_button.setFocus()

    def _open_item(self, item: QListWidgetItem) -> None:
        address = item.data(Qt.ItemDataRole.UserRole)
        if address:
            self.open_address(str(address))

    def open_address(self, address: str | Path) -> bool:
        window = self.opener(str(address), self)
        if window is None:
            return False
        self.opened = window
        self.close()
        return True

    def create_workspace(self) -> None:
        from selfeval.ui.dialogs.new_workspace_dialog import create_workspace_interactively

        path = create_workspace_interactively(self)
        if path is not None:
            self.open_address(path)

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Open a workspace",
            str(Path.home())
            if not recent_workspaces()
            else start_path("workspaces", recent_workspaces()[0]),
            "selfeval workspaces (*.selfeval);;All files (*)",
        )
        if name:
            self.open_address(name)

    def open_request(self, package: Path | None = None) -> None:
        """A partner's way in: the lead's request opened into their own copy, then shown."""
        from selfeval.ui.window.partner_way_in import REQUESTS, open_request_file

        if package is None:
            name, _ = QFileDialog.getOpenFileName(
                self, "Open a request from the lead", str(Path.home()), REQUESTS
            )
            if not name:
                return
            package = Path(name)
        open_request_file(self, package, self.open_address)

    def open_demo(self) -> None:
        from selfeval.locations import default_workspace
        from selfeval.services.demo import create_demo_workspace

        path = default_workspace()
        try:
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                create_demo_workspace(path).close()
        except (SelfevalError, OSError) as err:
            QMessageBox.critical(self, "selfeval: cannot create the demo", str(err))
            return
        self.open_address(path)
