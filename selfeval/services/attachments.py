"""Files attached to evidence, kept inside the workspace and stored once per SHA-256."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.files.input_file import input_size, open_input
from selfeval.files.names import safe_filename
from selfeval.services.history import record_change
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace
from selfeval.store.blob_pieces import PIECE, BlobMismatch, read_blob, write_blob
from selfeval.store.models import Attachment, Blob, EvidenceItem

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def _check_size(filename: str, size: int) -> None:
    if size > MAX_ATTACHMENT_BYTES:
        raise InputError(
            f"{filename}: is {size:,} bytes; attachments are limited to "
            f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB"
        )


def store_attachment(
    session: Session, user: CurrentUser, evidence_id: str, filename: str, data: bytes
) -> str:
    """Attach bytes to an item inside the caller's transaction (so an item and its files are
    stored together or not at all); the bytes are kept once per SHA-256."""
    _check_size(filename, len(data))
    digest = hashlib.sha256(data).hexdigest()
    return _attach(session, user, evidence_id, filename, digest, len(data), lambda: iter([data]))


def _attach(
    session: Session,
    user: CurrentUser,
    evidence_id: str,
    filename: str,
    digest: str,
    size: int,
    pieces: Callable[[], Iterator[bytes]],
) -> str:
    name = safe_filename(filename)
    if session.get(EvidenceItem, evidence_id) is None:
        raise InputError(f"no evidence item with id '{evidence_id}'")
    if session.scalar(select(Blob.sha256).where(Blob.sha256 == digest)) is None:
        try:
            write_blob(session, digest, size, pieces())
        except BlobMismatch:
            raise InputError(f"{filename}: changed while it was being read; try again") from None
    row = Attachment(
        evidence_id=evidence_id, filename=name, sha256=digest, size=size, added_by=user.name
    )
    session.add(row)
    session.flush()
    record_change(session, user, "evidence", evidence_id, "attachment", None, name)
    return row.id


def add_attachment_bytes(workspace: Workspace, evidence_id: str, filename: str, data: bytes) -> str:
    _check_size(filename, len(data))
    with workspace.transaction() as session:
        return store_attachment(session, workspace.user, evidence_id, filename, data)


def add_attachment(workspace: Workspace, evidence_id: str, path: Path) -> str:
    """Copy a file into the workspace, a megabyte at a time (read once for its SHA-256, once to
    store it); the original may then be moved or deleted."""
    try:
        size = input_size(path, "the file to attach")
        if size > MAX_ATTACHMENT_BYTES:
            raise InputError(
                f"{path}: is {size:,} bytes; attachments are limited to "
                f"{MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB"
            )
        digest = hashlib.sha256()
        for piece in _file_pieces(path):
            digest.update(piece)
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    with workspace.transaction() as session:
        try:
            return _attach(
                session,
                workspace.user,
                evidence_id,
                path.name,
                digest.hexdigest(),
                size,
                lambda: _file_pieces(path),
            )
        except OSError as err:
            raise InputError(f"{path}: cannot be read ({err.strerror})") from None


def _file_pieces(path: Path) -> Iterator[bytes]:
    with open_input(path, "the file to attach") as handle:
        while piece := handle.read(PIECE):
            yield piece


def attachment_data(workspace: Workspace, attachment_id: str) -> tuple[str, bytes]:
    with workspace.transaction(read_only=True) as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise InputError(f"no attachment with id '{attachment_id}'")
        blob = session.get_one(Blob, row.sha256)
        return row.filename, blob.data


def save_attachment(workspace: Workspace, attachment_id: str, folder: Path) -> Path:
    """Write an attachment out (to open it), a megabyte at a time; never overwrites a different
    existing file (the same file already there is used as it is)."""
    with workspace.transaction(read_only=True) as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise InputError(f"no attachment with id '{attachment_id}'")
        folder.mkdir(parents=True, exist_ok=True)
        name = Path(safe_filename(row.filename))
        target = folder / name
        counter = 1
        while target.exists() and _sha256_of(target) != row.sha256:
            target = folder / f"{name.stem} ({counter}){name.suffix}"
            counter += 1
        if target.exists():
            return target
        partial = target.with_name(f".{target.name}.partial")
        try:
            with partial.open("wb") as handle:
                for piece in read_blob(session, row.sha256):
                    handle.write(piece)
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return target


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    for piece in _file_pieces(path):
        digest.update(piece)
    return digest.hexdigest()


def remove_attachment(workspace: Workspace, attachment_id: str) -> None:
    with workspace.transaction() as session:
        row = session.get(Attachment, attachment_id)
        if row is None:
            raise InputError(f"no attachment with id '{attachment_id}'")
        record_change(
            session, workspace.user, "evidence", row.evidence_id, "attachment", row.filename, None
        )
        sha = row.sha256
        session.delete(row)
        session.flush()
        still_used = session.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.sha256 == sha)
        )
        if not still_used:  # on a server, a file it cannot see is left for a lead's login
            session.execute(delete(Blob).where(Blob.sha256 == sha))
