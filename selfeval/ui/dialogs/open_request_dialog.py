"""Opening a request from the lead: who you are, the passphrase if it is sealed, and where your
copy goes, all checked before anything is saved.

A partner (often a parent carer forum volunteer) opens the lead's `.sefpack` from an e-mail:
their name and organisation are what the lead's merge review, history and pack will show, so
they are asked here rather than taken from the computer's account ("root" once reached a pack).
A wrong passphrase is said beside the box and asked again in place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.contributions.package_format import (
    package_is_sealed,
    passphrase_opens_package,
)
from selfeval.services.plain_names import plain_name
from selfeval.services.users import CurrentUser, load_saved_user
from selfeval.ui.dialogs.checked_dialog import CheckedDialog
from selfeval.ui.widgets.headings import plain_label

WORKSPACES = "selfeval workspaces (*.selfeval)"


def suggested_copy(package: Path) -> Path:
    """Beside the package, named after it, never over a file that is there."""
    target = package.with_suffix(".selfeval")
    number = 2
    while target.exists():
        target = package.with_name(f"{package.stem} ({number}).selfeval")
        number += 1
    return target


class OpenRequestDialog(CheckedDialog):
    def __init__(self, package: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.package = package
        self.setWindowTitle("Open a request from the lead")
        self.sealed = package_is_sealed(package)
        saved = load_saved_user()
        self.name = QLineEdit(saved.name if saved else "")
        self.name.setAccessibleName("Your name")
        self.organisation = QLineEdit(saved.organisation if saved else "")
        self.organisation.setAccessibleName("Your organisation")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("The passphrase the lead gave you")
        self.path = QLineEdit(str(suggested_copy(package)))
        self.path.setAccessibleName("Save your copy as")
        browse = QPushButton("&Browse...")
        browse.setAccessibleName("Choose where to save your copy")
        browse.clicked.connect(lambda: self._browse())
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout(self)
        intro = plain_label(
            f"{package.name}: the lead's request. Your name and organisation are shown to the "
            "lead beside what you write; your copy holds only the criteria you were asked about."
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow("Your &name:", self.name)
        form.addRow("Your &organisation:", self.organisation)
        if self.sealed:
            form.addRow("&Passphrase:", self.passphrase)
        label = QLabel("&Save your copy as:")
        label.setBuddy(self.path)  # a row holding a layout has no buddy of its own
        form.addRow(label, where)
        self.finish_form(form)
        self.user: CurrentUser | None = None
        self.target: Path | None = None
        self.sealed_with: str | None = None
        (
            self.name if not self.name.text() else self.passphrase if self.sealed else self.path
        ).setFocus()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save your copy as", self.path.text(), WORKSPACES
        )
        if name:
            self.path.setText(name)

    def check(self) -> None:
        name = plain_name(self.name.text(), "your name")
        organisation = plain_name(self.organisation.text(), "your organisation", required=False)
        target = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip():
            raise InputError("Save your copy as: choose where your copy goes")
        if target.suffix.lower() != ".selfeval":
            target = target.with_name(target.name + ".selfeval")
        if target.exists():
            raise InputError(
                f"Save your copy as: {target.name} is there already; choose another name"
            )
        if self.sealed:
            typed = self.passphrase.text()
            if not typed or not passphrase_opens_package(self.package, typed):
                self.passphrase.selectAll()
                self.passphrase.setFocus()
                raise InputError("Passphrase: it does not open this request; type it again")
            self.sealed_with = typed
        self.user, self.target = CurrentUser(name, organisation), target
