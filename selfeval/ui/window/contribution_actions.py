"""File > Contributions: ask a partner to contribute, open a request, return it, merge a return."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.files.names import safe_filename
from selfeval.services.contributions.package_format import SEALED_MAGIC, SUFFIX
from selfeval.ui.dialogs.saved_notice import remember_folder, show_saved, start_path
from selfeval.ui.widgets.criteria_checklist import CriteriaChecklist
from selfeval.words import counted

if TYPE_CHECKING:
    from selfeval.ui.page_context import PageContext
    from selfeval.ui.window.host import WindowHost

FILTER = f"Contribution packages (*{SUFFIX});;All files (*)"


class RequestDialog(QDialog):
    def __init__(self, host: WindowHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ask a partner to contribute")
        self.setAccessibleName(self.windowTitle())
        self.to = QLineEdit()
        self.to.setAccessibleName("Partner organisation or person")
        self.criteria = CriteriaChecklist(
            host.workspace.framework, [host.current_criterion()], "Criteria to contribute to"
        )
        self.message = QLineEdit()
        self.message.setAccessibleName("Message")
        self.due = QLineEdit()
        self.due.setAccessibleName("Wanted by")
        self.due.setPlaceholderText("e.g. 31/01/2027")
        self.personal = QCheckBox("Include evidence marked as &personal data")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase (optional)")
        self.passphrase.setPlaceholderText("optional: seal the package for email")
        form = QFormLayout(self)
        form.addRow("&To:", self.to)
        form.addRow("&Criteria:", self.criteria)
        form.addRow("&Message:", self.message)
        form.addRow("&Wanted by:", self.due)
        form.addRow("", self.personal)
        form.addRow("P&assphrase:", self.passphrase)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> list[str]:
        return self.criteria.ticked()


def _passphrase_for(parent: QWidget, path: Path) -> str | None:
    """Ask for the passphrase only when the package is sealed."""
    with path.open("rb") as handle:
        sealed = handle.read(len(SEALED_MAGIC)) == SEALED_MAGIC
    if not sealed:
        return None
    text, ok = QInputDialog.getText(
        parent, "Passphrase", f"{path.name} is sealed. Passphrase:", QLineEdit.EchoMode.Password
    )
    return text if ok else None


def request_contribution(host: WindowHost) -> None:
    from selfeval.services.contributions import create_request

    dialog = RequestDialog(host, host.widget())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    suggested = safe_filename(f"{dialog.to.text() or 'request'}{SUFFIX}")
    name, _ = QFileDialog.getSaveFileName(
        host.widget(),
        "Save the request as",
        start_path("packages", host.address, suggested),
        FILTER,
    )
    if not name:
        return
    from selfeval.services.evidence_import import parse_date

    try:
        due = parse_date(dialog.due.text())
    except ValueError as err:
        host.show_error(str(err))
        return
    try:
        create_request(
            host.workspace,
            dialog.to.text(),
            dialog.chosen(),
            Path(name),
            message=dialog.message.text(),
            due_date=due,
            include_personal_data=dialog.personal.isChecked(),
            passphrase=dialog.passphrase.text() or None,
        )
    except SelfevalError as err:
        host.show_error(str(err))
        return
    remember_folder("packages", Path(name).parent)
    show_saved(host.widget(), Path(name), f"The request (send {Path(name).name} to the partner)")


def open_request(host: WindowHost) -> None:
    from selfeval.services.contributions import open_request as open_package
    from selfeval.ui.window.file_actions import open_other

    name, _ = QFileDialog.getOpenFileName(
        host.widget(), "Open a contribution request", start_path("packages", host.address), FILTER
    )
    if not name:
        return
    target, _ = QFileDialog.getSaveFileName(
        host.widget(),
        "Save your partner workspace as",
        start_path("workspaces", host.address),
        "selfeval workspaces (*.selfeval)",
    )
    if not target:
        return
    try:
        passphrase = _passphrase_for(host.widget(), Path(name))
        open_package(Path(name), Path(target), host.workspace.user, passphrase).close()
    except (SelfevalError, OSError) as err:
        host.show_error(str(err))
        return
    open_other(host, target)


def return_contribution(host: WindowHost) -> None:
    from selfeval.services.contributions import create_return

    name, _ = QFileDialog.getSaveFileName(
        host.widget(),
        "Save your return as",
        start_path("packages", host.address, f"return{SUFFIX}"),
        FILTER,
    )
    if not name:
        return
    passphrase, _ok = QInputDialog.getText(
        host.widget(),
        "Passphrase",
        "Passphrase to seal the return (leave empty for none):",
        QLineEdit.EchoMode.Password,
    )
    try:
        written = create_return(host.workspace, Path(name), passphrase=passphrase or None)
    except SelfevalError as err:
        host.show_error(str(err))
        return
    note = ""
    if written.personal_data_left_out:
        items = counted(written.personal_data_left_out, "evidence item")
        note = f"\n\nLeft out: {items} marked as personal data."
    remember_folder("packages", Path(name).parent)
    show_saved(host.widget(), Path(name), f"Your return (send {Path(name).name} to the lead){note}")


def merge_return(host: WindowHost, path: Path | None = None) -> None:
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            host.widget(), "Merge a partner's return", start_path("packages", host.address), FILTER
        )
        if not name:
            return
        path = Path(name)
    merge_return_file(host.context, host.widget(), path)


def merge_return_file(context: PageContext, parent: QWidget, path: Path) -> None:
    """Read a return, review it, merge what the lead accepts (File > Contributions, and the
    Contributions page)."""
    from selfeval.services.contributions.merge import plan_merge
    from selfeval.services.contributions.package_format import read_package
    from selfeval.ui.dialogs.merge_review_dialog import MergeReviewDialog

    try:
        package = read_package(path, _passphrase_for(parent, path))
        plan = plan_merge(context.workspace, package, path.name)
    except (SelfevalError, OSError) as err:
        context.show_error(str(err))
        return
    if plan.already_merged:
        QMessageBox.information(parent, "Already merged", "This return was merged already.")
        return
    dialog = MergeReviewDialog(context.workspace, package, plan, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_ is not None:
        context.changed(None, True)
        result = dialog.result_
        QMessageBox.information(
            parent,
            "Merged",
            f"Applied {counted(len(result.applied), 'change')}, added "
            f"{counted(len(result.evidence_added), 'evidence item')} and "
            f"{counted(result.comments_added, 'comment')} from {plan.from_who}.",
        )
