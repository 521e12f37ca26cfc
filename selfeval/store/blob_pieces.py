"""An attachment's bytes read from and written to the store a megabyte at a time.

An attachment can be 50 MB, and a request can carry hundreds of them. In a workspace file the
bytes move through SQLite's incremental blob I/O: a row is written as a zero-filled blob of the
right size and filled in place, and read back a piece at a time, so no more than a piece is in
memory. A server's `bytea` has no such interface through the driver: there the value is read
and written whole (the server is where a county's library lives, not a laptop).
"""

from __future__ import annotations

import hashlib
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
        data = session.execute(
            text("SELECT data FROM blob WHERE sha256 = :sha"), {"sha": sha256}
        ).scalar()
        if data is None:
            raise KeyError(sha256)
        yield bytes(data)
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
        data = b"".join(pieces)
        digest.update(data)
        _check(digest, sha256, len(data), size)
        session.execute(
            text("INSERT INTO blob (sha256, size, data) VALUES (:sha, :size, :data)"),
            {"sha": sha256, "size": size, "data": data},
        )
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


def _check(digest: Any, sha256: str, written: int, size: int) -> None:
    if written != size or digest.hexdigest() != sha256:
        raise BlobMismatch(f"{sha256[:12]}...: the bytes are not the file its hash names")
