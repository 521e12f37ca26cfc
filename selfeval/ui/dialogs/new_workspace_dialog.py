"""Create your area's workspace: the area, its code, the partner organisations, who you are, and
where to save. Every field is checked before the dialog closes and nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.files.names import safe_filename
from selfeval.locations import WORKSPACE_SUFFIX
from selfeval.services.first_run import FirstRun, check_la_code, usual_partners
from selfeval.services.frameworks import DEFAULT_FRAMEWORK, framework_library
from selfeval.services.vocabulary import ORGANISATION_KINDS
from selfeval.ui.dialogs.discard_guard import GuardedDialog
from selfeval.ui.widgets.headings import plain_label


class NewWorkspaceDialog(GuardedDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Create your area's workspace")
        self.setAccessibleName(self.windowTitle())
        self._partners_edited = False

        self.area = QLineEdit()
        self.area.setAccessibleName("Local area name")
        self.area.setPlaceholderText("e.g. Anyshire")
        self.la_code = QLineEdit()
        self.la_code.setAccessibleName("Local authority code")
        self.la_code.setPlaceholderText("e.g. E10000008 (used to read published statistics)")
        self.local_authority = QLineEdit()
        self.local_authority.setAccessibleName("Local authority")
        self.local_authority.setPlaceholderText("e.g. Anyshire County Council")
        self.icb = QLineEdit()
        self.icb.setAccessibleName("Integrated care board")
        self.framework = QComboBox()
        self.framework.setAccessibleName("Framework")
        for entry in framework_library().entries.values():
            self.framework.addItem(
                f"{entry.framework.title} ({entry.framework.edition})", entry.framework.id
            )
        self.framework.setCurrentIndex(max(0, self.framework.findData(DEFAULT_FRAMEWORK)))
        area_box = QGroupBox("Your area")
        area_form = QFormLayout(area_box)
        area_form.addRow("Local &area:", self.area)
        area_form.addRow("Local authority &code:", self.la_code)
        area_form.addRow("Local a&uthority:", self.local_authority)
        area_form.addRow("&ICB:", self.icb)
        area_form.addRow("&Framework:", self.framework)

        self.partners = QTableWidget(0, 2)
        self.partners.setAccessibleName("Partner organisations")
        self.partners.setHorizontalHeaderLabels(["Organisation", "Type"])
        self.partners.horizontalHeader().setAccessibleName("Partner organisation columns")
        self.partners.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.partners.setColumnWidth(1, 260)
        self.partners.verticalHeader().setVisible(False)
        self.partners.setMinimumHeight(150)
        self.partners.setMaximumHeight(190)
        self.partners.itemChanged.connect(lambda _item: self._mark_partners_edited())
        add_partner = QPushButton("Add an &organisation")
        add_partner.setAccessibleName("Add a partner organisation")
        add_partner.clicked.connect(lambda: self._add_partner("", "school", edited=True))
        partner_box = QGroupBox("Partner organisations (created in the workspace)")
        partner_layout = QVBoxLayout(partner_box)
        partner_layout.addWidget(self.partners)
        partner_layout.addWidget(add_partner)
        for field in (self.area, self.local_authority, self.icb):
            field.textChanged.connect(self._suggest_partners)

        self.your_name = QLineEdit()
        self.your_name.setAccessibleName("Your name")
        self.your_organisation = QLineEdit()
        self.your_organisation.setAccessibleName("Your organisation")
        self.your_role = QLineEdit()
        self.your_role.setAccessibleName("Your role")
        self.your_role.setPlaceholderText("e.g. Head of SEND")
        you_box = QGroupBox("Who you are (recorded against your changes and printed on packs)")
        you_form = QFormLayout(you_box)
        you_form.addRow("Your &name:", self.your_name)
        you_form.addRow("Your o&rganisation:", self.your_organisation)
        you_form.addRow("Your ro&le:", self.your_role)

        self.path = QLineEdit()
        self.path.setAccessibleName("Workspace file")
        browse = QPushButton("&Browse...")
        browse.setAccessibleName("Choose where to save the workspace file")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        save_form = QFormLayout()
        file_label = QLabel("Sa&ve as:")
        file_label.setBuddy(self.path)  # a row holding a layout gets no buddy by itself
        save_form.addRow(file_label, path_row)

        self.error = plain_label()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problem")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Crea&te")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(area_box, 1)
        top.addWidget(you_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(partner_box)
        layout.addLayout(save_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for field in (self.area, self.la_code, self.your_name, self.path):
            field.textChanged.connect(self.error.hide)  # a fixed field drops its old error
        self.resize(980, 0)

    # --- partner organisations -------------------------------------------------------------
    def _mark_partners_edited(self) -> None:
        if not self.partners.signalsBlocked():
            self._partners_edited = True

    def _add_partner(self, name: str, kind: str, edited: bool = False) -> None:
        row = self.partners.rowCount()
        self.partners.insertRow(row)
        self.partners.setItem(row, 0, QTableWidgetItem(name))
        kinds = QComboBox()
        kinds.setAccessibleName(f"Type of organisation {row + 1}")
        for key, label in ORGANISATION_KINDS.items():
            kinds.addItem(label, key)
        kinds.setCurrentIndex(max(0, kinds.findData(kind)))
        self.partners.setCellWidget(row, 1, kinds)
        if edited:
            self._partners_edited = True
            item = self.partners.item(row, 0)
            if item is not None:
                self.partners.setCurrentItem(item)
                self.partners.editItem(item)

    def _suggest_partners(self) -> None:
        """Pre-fill the usual partners from what is typed, until the user edits the list."""
        if self._partners_edited or not self.area.text().strip():
            return
        self.partners.blockSignals(True)
        self.partners.setRowCount(0)
        for name, kind in usual_partners(
            self.area.text(), self.local_authority.text(), self.icb.text()
        ):
            self._add_partner(name, kind)
        self.partners.blockSignals(False)
        if not self.path.text() or self.path.property("suggested"):
            self.path.setText(str(self._suggested_path()))
            self.path.setProperty("suggested", True)

    def chosen_partners(self) -> list[tuple[str, str]]:
        partners = []
        for row in range(self.partners.rowCount()):
            item = self.partners.item(row, 0)
            kinds = self.partners.cellWidget(row, 1)
            if item is not None and item.text().strip() and isinstance(kinds, QComboBox):
                partners.append((item.text().strip(), str(kinds.currentData())))
        return partners

    # --- where to save ---------------------------------------------------------------------
    def _suggested_path(self) -> Path:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        name = safe_filename(f"{self.area.text().strip() or 'My area'} SEND self-evaluation")
        return folder / f"{name}{WORKSPACE_SUFFIX}"

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Save the new workspace as",
            self.path.text() or str(self._suggested_path()),
            f"selfeval workspaces (*{WORKSPACE_SUFFIX})",
        )
        if name:
            self.path.setProperty("suggested", False)
            self.path.setText(name if name.endswith(WORKSPACE_SUFFIX) else name + WORKSPACE_SUFFIX)

    # --- checks ----------------------------------------------------------------------------
    def answers(self) -> FirstRun:
        framework = framework_library().get(str(self.framework.currentData()))
        return FirstRun(
            address=Path(self.path.text().strip()).expanduser(),
            area_name=self.area.text().strip(),
            framework=framework,
            la_code=self.la_code.text(),
            local_authority=self.local_authority.text(),
            icb=self.icb.text(),
            partners=self.chosen_partners(),
            your_name=self.your_name.text(),
            your_organisation=self.your_organisation.text(),
            your_role=self.your_role.text(),
        )

    def _problem(self) -> tuple[str, QWidget] | None:
        if not self.area.text().strip():
            return "Enter the local area's name.", self.area
        try:
            check_la_code(self.la_code.text())
        except SelfevalError as err:
            return str(err), self.la_code
        if not self.your_name.text().strip():
            return "Enter your name: it is recorded against every change you make.", self.your_name
        path = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            return "Choose where to save the workspace file.", self.path
        if path.exists():
            return "That file already exists: choose another name.", self.path
        if not path.parent.is_dir():
            return f"{path.parent}: no such folder. Choose a folder that exists.", self.path
        return None

    def _accept(self) -> None:
        problem = self._problem()
        if problem is not None:
            message, focus = problem
            self.error.setText(message)
            self.error.show()
            focus.setFocus()
            return
        self.accept()


def create_workspace_interactively(parent: QWidget | None) -> Path | None:
    """Ask, create, and say what went wrong without losing a word of what was typed (the same
    dialog comes back with the message). Returns the new workspace's path, or None."""
    from selfeval.services.first_run import set_up_workspace

    dialog = NewWorkspaceDialog(parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        answers = dialog.answers()
        try:
            set_up_workspace(answers).close()
        except SelfevalError as err:
            dialog.error.setText(str(err))
            dialog.error.show()
            continue
        return Path(answers.address)
    return None
