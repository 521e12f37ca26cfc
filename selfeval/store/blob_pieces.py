"""An attachment's bytes read from and written to the store a megabyte at a time.

An attachment can be 50 MB, and a request can carry hundreds of them. In a workspace file the
bytes move through SQLite's incremental blob I/O: a row is written as a zero-filled blob of the
right size and filled in place, and read back a piece at a time. On a server a file is read in
slices (`substring`, which fetches only the stored chunks it needs) and written as numbered
pieces into the staging table `selfeval_blob_piece` (each login sees only its own pieces; no
login may create a temporary table) that the server's `selfeval_store_blob` joins, checks
against the SHA-256 and size it is stored under, and keeps: in both, no more than a piece is in
the program's memory.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

PIECE = 1024 * 1024


class BlobMismatch(ValueError):
    """The pieces were not the bytes their SHA-256 or size promised (nothing is kept)."""


def _sqlite(session: Session) -> Any | None:
    """The driver's connection when this is a workspace file (sqlite3), else None."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    return connection.connection.dbapi_connection


def read_blob(session: Session, sha256: str) -> Iterator[bytes]:
    """The stored bytes of `sha256`, a piece at a time (KeyError when there are none)."""
    raw = _sqlite(session)
    if raw is None:
        yield from _server_read(session, sha256)
        return
    row = session.execute(
        text("SELECT rowid FROM blob WHERE sha256 = :sha"), {"sha": sha256}
    ).first()
    if row is None:
        raise KeyError(sha256)
    with raw.blobopen("blob", "data", row[0], readonly=True) as blob:
        while piece := blob.read(PIECE):
            yield piece


def write_blob(session: Session, sha256: str, size: int, pieces: Iterable[bytes]) -> None:
    """Store `size` bytes under `sha256` from `pieces`, checked against both as they come;
    BlobMismatch (and nothing kept, once the caller's transaction rolls back) when they differ."""
    raw = _sqlite(session)
    digest = hashlib.sha256()
    if raw is None:
        _server_write(session, sha256, size, pieces, digest)
        return
    inserted: Any = session.execute(
        text("INSERT INTO blob (sha256, size, data) VALUES (:sha, :size, zeroblob(:size))"),
        {"sha": sha256, "size": size},
    )
    rowid = inserted.lastrowid
    written = 0
    with raw.blobopen("blob", "data", rowid) as blob:
        for piece in pieces:
            if written + len(piece) > size:
                raise BlobMismatch(f"{sha256[:12]}...: more bytes than its size")
            blob.write(piece)
            digest.update(piece)
            written += len(piece)
    _check(digest, sha256, written, size)


def _server_read(session: Session, sha256: str) -> Iterator[bytes]:
    size = session.execute(
        text("SELECT size FROM blob WHERE sha256 = :sha"), {"sha": sha256}
    ).scalar()
    if size is None:
        raise KeyError(sha256)
    for offset in range(0, size, PIECE):
        piece = session.execute(
            text("SELECT substring(data from :start for :count) FROM blob WHERE sha256 = :sha"),
            {"start": offset + 1, "count": PIECE, "sha": sha256},
        ).scalar()
        yield bytes(piece or b"")


def _server_write(
    session: Session, sha256: str, size: int, pieces: Iterable[bytes], digest: Any
) -> None:
    upload = secrets.token_hex(16)
    written = 0
    for number, piece in enumerate(pieces):
        if written + len(piece) > size:
            raise BlobMismatch(f"{sha256[:12]}...: more bytes than its size")
        digest.update(piece)
        written += len(piece)
        session.execute(
            text("INSERT INTO selfeval_blob_piece (upload, n, data) VALUES (:u, :n, :data)"),
            {"u": upload, "n": number, "data": piece},
        )
    _check(digest, sha256, written, size)  # else the caller's rollback takes the pieces too
    # The server joins the pieces, checks them against the hash and size, keeps them once (the
    # same bytes may be there already, under an attachment this login cannot see) and notes
    # that this login holds the file (so it may attach it).
    session.execute(
        text("SELECT selfeval_store_blob(:u, :sha, :size)"),
        {"u": upload, "sha": sha256, "size": size},
    )


def _check(digest: Any, sha256: str, written: int, size: int) -> None:
    if written != size or digest.hexdigest() != sha256:
        raise BlobMismatch(f"{sha256[:12]}...: the bytes are not the file its hash names")
