"""File > Contributions: ask a partner to contribute, open a request, return it, merge a return."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from selfeval.errors import SelfevalError
from selfeval.files.faults import describe_os_error
from selfeval.files.names import safe_filename
from selfeval.services.contributions.package_format import SUFFIX, package_is_sealed
from selfeval.ui.dialogs.saved_notice import remember_folder, show_saved, start_path
from selfeval.ui.tasks import run_with_progress
from selfeval.ui.touches import ALL_BUT_EVIDENCE, EVERYTHING
from selfeval.words import counted

if TYPE_CHECKING:
    from selfeval.services.contributions.merge_plan import MergePlan
    from selfeval.services.contributions.package_format import Package
    from selfeval.services.contributions.requests import ReturnWritten
    from selfeval.services.contributions.tracking import ContributionStatus
    from selfeval.services.workspace import Workspace
    from selfeval.ui.page_context import PageContext
    from selfeval.ui.window.host import WindowHost

FILTER = f"Contribution packages (*{SUFFIX});;All files (*)"


def recipients(workspace: Workspace) -> list[str]:
    """Who a request can go to: each organisation, then each person with their organisation."""
    from selfeval.services.people import list_organisations, list_people

    people = [
        f"{p.name} ({p.organisation})" if p.organisation else p.name for p in list_people(workspace)
    ]
    return [o.name for o in list_organisations(workspace)] + people


def _passphrase_for(parent: QWidget, path: Path) -> str | None:
    """Ask for the passphrase only when the package is sealed."""
    if not package_is_sealed(path):
        return None
    text, ok = QInputDialog.getText(
        parent, "Passphrase", f"{path.name} is sealed. Passphrase:", QLineEdit.EchoMode.Password
    )
    return text if ok else None


def request_contribution(host: WindowHost) -> None:
    from selfeval.services.contributions import create_request
    from selfeval.ui.dialogs.request_dialog import RequestDialog

    dialog = RequestDialog(
        host.workspace.framework,
        host.current_criterion(),
        recipients(host.workspace),
        host.widget(),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    to = dialog.to.currentText().strip()
    name = _save_package_as(host.widget(), host.address, to)
    if name is None:
        return
    workspace, criteria = host.workspace, dialog.chosen()
    message, due, personal = (
        dialog.message.toPlainText(),
        dialog.due_date,
        dialog.personal.isChecked(),
    )
    passphrase = dialog.sealed_with

    def written(_package: object) -> None:
        remember_folder("packages", name.parent)
        show_saved(host.widget(), name, f"The request (send {name.name} to the partner)")

    # a request for many criteria can carry gigabytes of files: on a task, with Cancel
    run_with_progress(
        host.widget(),
        "Writing the request",
        lambda progress, cancelled: create_request(
            workspace,
            to,
            criteria,
            name,
            message=message,
            due_date=due,
            include_personal_data=personal,
            passphrase=passphrase,
            progress=progress,
            cancelled=cancelled,
        ),
        written,
        host.show_error,
    )


def _save_package_as(parent: QWidget, address: str, to: str) -> Path | None:
    suggested = safe_filename(f"{to or 'request'}{SUFFIX}")
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save the request as", start_path("packages", address, suggested), FILTER
    )
    return Path(name) if name else None


def reissue_contribution(context: PageContext, parent: QWidget, status: ContributionStatus) -> bool:
    """Send a request again (Contributions page); True when a new package was written."""
    from selfeval.services.contributions.reissue import reissue_request
    from selfeval.ui.dialogs.request_dialog import ReissueDialog

    dialog = ReissueDialog(status.recipient, status.due_date, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    name = _save_package_as(parent, context.workspace.address, status.recipient)
    if name is None:
        return False
    try:
        reissue_request(
            context.workspace,
            status.request_id,
            name,
            due_date=dialog.due_date,
            passphrase=dialog.sealed_with,
        )
    except SelfevalError as err:
        context.show_error(str(err))
        return False
    remember_folder("packages", name.parent)
    context.changed(None, ALL_BUT_EVIDENCE)
    show_saved(parent, name, f"The request again (send {name.name} to {status.recipient})")
    return True


def open_request(host: WindowHost) -> None:
    from selfeval.ui.window.file_actions import open_other
    from selfeval.ui.window.partner_way_in import REQUESTS, open_request_file

    name, _ = QFileDialog.getOpenFileName(
        host.widget(),
        "Open a request from the lead",
        start_path("packages", host.address),
        REQUESTS,
    )
    if name:
        open_request_file(host.widget(), Path(name), lambda target: open_other(host, target))


def return_contribution(host: WindowHost) -> None:
    from selfeval.services.contributions import create_return
    from selfeval.services.contributions.requests import (
        request_was_sealed,
        suggested_return_name,
    )

    name, _ = QFileDialog.getSaveFileName(
        host.widget(),
        "Save your return as",
        start_path("packages", host.address, suggested_return_name(host.workspace)),
        FILTER,
    )
    if not name:
        return
    from selfeval.ui.dialogs.request_dialog import ReturnPassphraseDialog

    sealing = ReturnPassphraseDialog(host.widget(), required=request_was_sealed(host.workspace))
    if sealing.exec() != QDialog.DialogCode.Accepted:
        return
    workspace, passphrase = host.workspace, sealing.sealed_with

    def done(written: ReturnWritten) -> None:
        note = ""
        if written.personal_data_left_out:
            items = counted(written.personal_data_left_out, "evidence item")
            note = f"\n\nLeft out: {items} marked as personal data."
        remember_folder("packages", Path(name).parent)
        show_saved(
            host.widget(), Path(name), f"Your return (send {Path(name).name} to the lead){note}"
        )

    run_with_progress(
        host.widget(),
        "Writing your return",
        lambda progress, cancelled: create_return(
            workspace, Path(name), passphrase=passphrase, progress=progress, cancelled=cancelled
        ),
        done,
        host.show_error,
    )


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
    Contributions page). Reading checks every file it carries against its SHA-256: on a task."""
    from selfeval.services.contributions.merge import plan_merge
    from selfeval.services.contributions.package_format import read_package

    try:
        passphrase = _passphrase_for(parent, path)
    except OSError as err:
        context.show_error(f"{path}: {describe_os_error(err)}")
        return
    workspace = context.workspace

    def read(_progress: object, _cancelled: object) -> tuple[Package, MergePlan]:
        package = read_package(path, passphrase)
        try:
            return package, plan_merge(workspace, package, path.name)
        except BaseException:
            package.close()
            raise

    def review(read_back: tuple[Package, MergePlan]) -> None:
        package, plan = read_back
        with package:
            _review(context, parent, package, plan)

    run_with_progress(parent, "Reading the return", read, review, context.show_error)


def _review(context: PageContext, parent: QWidget, package: Package, plan: MergePlan) -> None:
    from selfeval.ui.dialogs.merge_review_dialog import MergeReviewDialog

    if plan.already_merged:
        QMessageBox.information(parent, "Already merged", "This return was merged already.")
        return
    dialog = MergeReviewDialog(context.workspace, package, plan, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_ is not None:
        context.changed(None, EVERYTHING)
        result = dialog.result_
        QMessageBox.information(
            parent,
            "Merged",
            f"Applied {counted(len(result.applied), 'change')}, added "
            f"{counted(len(result.evidence_added), 'evidence item')} and "
            f"{counted(result.comments_added, 'comment')} from {plan.from_who}.",
        )
