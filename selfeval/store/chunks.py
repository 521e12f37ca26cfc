"""Long id lists in pieces: SQLite refuses a statement with more than 32,766 parameters, and a
county's library is larger than that; every `IN (...)` over ids we do not bound goes through
here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
CHUNK = 5000


def chunked(items: Iterable[T], size: int | None = None) -> Iterator[list[T]]:
    size = size or CHUNK
    piece: list[T] = []
    for item in items:
        piece.append(item)
        if len(piece) == size:
            yield piece
            piece = []
    if piece:
        yield piece
