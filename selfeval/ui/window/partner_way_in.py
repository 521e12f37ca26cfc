"""The partner's way in: a request from the lead opened into the partner's own copy, from the
start window, from `selfeval FILE.sefpack` (a double-click), or from File > Contributions.

One path for all three: the dialog asks who they are, the passphrase when the request is
sealed, and where their copy goes, all checked before anything is saved; the copy is made on a
task with progress and Cancel; then their window opens on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from selfeval.errors import SelfevalError
from selfeval.services.contributions.package_format import SUFFIX
from selfeval.ui.tasks import run_with_progress

REQUESTS = f"Requests from the lead (*{SUFFIX});;All files (*)"


def is_request_file(address: str | Path) -> bool:
    return str(address).lower().endswith(SUFFIX)


def open_request_file(parent: QWidget, package: Path, then: Callable[[str], object]) -> None:
    """Ask, make the partner's copy of `package`, then `then(copy's path)` opens it."""
    from selfeval.services.contributions import open_request
    from selfeval.services.users import save_user
    from selfeval.ui.dialogs.open_request_dialog import OpenRequestDialog

    try:
        dialog = OpenRequestDialog(package, parent)
    except (SelfevalError, OSError) as err:
        QMessageBox.warning(parent, "selfeval: cannot open the request", str(err))
        return
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None or not dialog.target:
        return
    user, target, passphrase = dialog.user, dialog.target, dialog.sealed_with
    save_user(user)  # the name the next workspace they open shows, too

    def opened(_none: object) -> None:
        then(str(target))

    def failed(message: str) -> None:
        QMessageBox.warning(parent, "selfeval: cannot open the request", message)

    run_with_progress(
        parent,
        "Opening the request",
        lambda progress, cancelled: open_request(
            package, target, user, passphrase, progress, cancelled
        ).close(),
        opened,
        failed,
    )
