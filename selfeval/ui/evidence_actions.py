"""Evidence changes made from any page, each one undoable, and opening an attachment."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from selfeval.errors import InputError
from selfeval.services.attachments import (
    add_attachment_bytes,
    attachment_data,
    remove_attachment,
    save_attachment,
)
from selfeval.services.evidence import (
    EvidenceView,
    add_evidence,
    delete_evidence,
    edit_evidence,
    evidence_item,
)
from selfeval.services.evidence_links import replace_evidence_links
from selfeval.services.workspace import Workspace
from selfeval.ui.dialogs.evidence_dialog import EvidenceForm
from selfeval.ui.page_context import PageContext
from selfeval.ui.temporary_copies import new_folder
from selfeval.ui.touches import Touches


def _read_files(paths: list[Path]) -> list[tuple[str, bytes]]:
    files = []
    for path in paths:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as err:
            raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    return files


def add_evidence_undoable(
    context: PageContext, form: EvidenceForm, criterion_id: str | None = None
) -> None:
    """Add an item with its links and files; Undo deletes it again, Redo re-adds it."""
    try:
        files = _read_files(form.new_files)
    except InputError as err:
        context.show_error(str(err))
        return
    workspace = context.workspace
    made: list[str] = []

    def do() -> None:
        made[:] = [add_evidence(workspace, form.item, form.criteria, files)]

    def undo() -> None:
        if made:
            delete_evidence(workspace, made[0])

    context.push(
        f"add evidence '{form.item.title}'", do, undo, criterion_id, touches=Touches.EVIDENCE
    )


def edit_evidence_undoable(context: PageContext, before: EvidenceView, form: EvidenceForm) -> None:
    """Apply the dialog's fields and criteria; links to bullets of still-chosen criteria stay."""
    try:
        files = _read_files(form.new_files)
    except InputError as err:
        context.show_error(str(err))
        return
    workspace = context.workspace
    chosen = set(form.criteria)
    links_after = [link for link in before.links if link[0] in chosen]
    links_after += [(c, "") for c in form.criteria if c not in {link[0] for link in links_after}]
    added_files: list[str] = []
    removed = {a.id: a for a in before.attachments if a.id in form.removed_files}
    removed_data = {a_id: attachment_data(workspace, a_id) for a_id in removed}
    current_removed = dict.fromkeys(removed)  # original id -> the id it has now (after an undo)

    def do() -> None:
        edit_evidence(workspace, before.id, form.item, expect=before.as_input())
        replace_evidence_links(workspace, before.id, links_after)
        if not added_files:
            for name, data in files:
                added_files.append(add_attachment_bytes(workspace, before.id, name, data))
        for original, now in current_removed.items():
            remove_attachment(workspace, now or original)

    def undo() -> None:
        edit_evidence(workspace, before.id, before.as_input(), expect=form.item)
        replace_evidence_links(workspace, before.id, before.links)
        for original in current_removed:
            name, data = removed_data[original]
            current_removed[original] = add_attachment_bytes(workspace, before.id, name, data)

    context.push(f"edit evidence '{form.item.title}'", do, undo, None, touches=Touches.EVIDENCE)


def delete_evidence_undoable(context: PageContext, evidence_id: str) -> None:
    """Undo re-creates the item (a new id) with its links and its files, kept in memory."""
    workspace = context.workspace
    view = evidence_item(workspace, evidence_id)
    files = [attachment_data(workspace, a.id) for a in view.attachments]
    current = [evidence_id]

    def do() -> None:
        delete_evidence(workspace, current[0])

    def undo() -> None:
        current[0] = add_evidence(workspace, view.as_input())
        replace_evidence_links(workspace, current[0], view.links)
        for name, data in files:
            add_attachment_bytes(workspace, current[0], name, data)

    context.push(f"delete evidence '{view.title}'", do, undo, None, touches=Touches.EVIDENCE)


def link_undoable(context: PageContext, evidence_ids: list[str], criterion_id: str) -> None:
    workspace = context.workspace
    before = {e: evidence_item(workspace, e).links for e in evidence_ids}

    def do() -> None:
        for evidence_id, links in before.items():
            if all(c != criterion_id for c, _ in links):
                replace_evidence_links(workspace, evidence_id, [*links, (criterion_id, "")])

    def undo() -> None:
        for evidence_id, links in before.items():
            replace_evidence_links(workspace, evidence_id, links)

    context.push("link evidence", do, undo, criterion_id, touches=Touches.EVIDENCE)


def unlink_undoable(context: PageContext, evidence_id: str, criterion_id: str) -> None:
    workspace = context.workspace
    before = evidence_item(workspace, evidence_id).links
    after = [link for link in before if link[0] != criterion_id]
    context.push(
        "unlink evidence",
        lambda: replace_evidence_links(workspace, evidence_id, after),
        lambda: replace_evidence_links(workspace, evidence_id, before),
        criterion_id,
        touches=Touches.EVIDENCE,
    )


def open_attachment(
    workspace: Workspace, attachment_id: str, show_error: Callable[[str], None] | None = None
) -> Path | None:
    """Write the file to a private temporary folder (removed when the app closes) and ask the
    desktop to open it; if nothing on this computer can open it, say so and where the copy is."""
    folder = new_folder()
    try:
        path = save_attachment(workspace, attachment_id, folder)
    except (InputError, OSError) as err:
        if show_error is not None:
            show_error(str(err))
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))) and show_error is not None:
        show_error(
            f"{path.name}: no program on this computer opens this kind of file. A copy is at "
            f"{path} until selfeval closes."
        )
    return path
