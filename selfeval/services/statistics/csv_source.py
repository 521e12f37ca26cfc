"""A published CSV read as a stream, never held whole: a file on disk or a member of a zip, read
again for each pass (its encoding, its breakdown columns, its rows) a piece at a time.

A statistics file may be 200 MB, and a zip holds several: read whole, decoded and wrapped for
the csv module, one took about ten times its size in memory. Here each pass holds a megabyte of
bytes and one row at a time; a zip member is read no further than the size it declares.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from typing import IO

from selfeval.errors import InputError

PIECE = 1024 * 1024
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_NOT_CP1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_LINE_LIMIT = 1024 * 1024
"""The bytes of one line kept to name a column in a message (the rest is not needed)."""


class CsvSource:
    """How to read one table's bytes, from the start, as often as needed."""

    def __init__(self, label: str, opener: Callable[[], IO[bytes]], limit: int) -> None:
        self.label = label
        self._opener = opener
        self._limit = limit

    def pieces(self) -> Iterator[bytes]:
        read = 0
        with self._opener() as handle:
            while piece := handle.read(PIECE):
                read += len(piece)
                if read > self._limit:
                    raise InputError(f"{self.label}: is larger than it says; refused")
                yield piece

    def text(self, encoding: str) -> io.TextIOWrapper:
        """The decoded text, for the csv module (newline="" as it asks)."""
        return io.TextIOWrapper(io.BufferedReader(_Bounded(self)), encoding=encoding, newline="")


class _Bounded(io.RawIOBase):
    """The source's pieces as a file object (so the size limit holds on every pass)."""

    def __init__(self, source: CsvSource) -> None:
        self._pieces = source.pieces()
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if not self._left:
            self._left = next(self._pieces, b"")
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


def member_opener(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[], IO[bytes]]:
    return lambda: archive.open(info)


def encoding_of(source: CsvSource) -> str:
    """'utf-8-sig', or 'cp1252' when no part of the file is UTF-8; else a refusal in words
    naming the row and column (the same words as a tracker's)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, bad, multibyte, first = 0, None, False, True
    for piece in source.pieces():
        if first and piece.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(
                f"{source.label}: is UTF-16 text (Excel's 'Unicode text'); save it as "
                "'CSV UTF-8' instead"
            )
        first = False
        if b"\x00" in piece:
            raise InputError(f"{source.label}: is not a text file (it contains NUL bytes)")
        multibyte = multibyte or _UTF8_MULTIBYTE.search(piece) is not None
        if bad is None:
            try:
                decoder.decode(piece)
            except UnicodeDecodeError as err:
                bad = max(offset + err.start - len(err.object) + len(piece), 0)
        offset += len(piece)
    if bad is None:
        try:
            decoder.decode(b"", final=True)
            return "utf-8-sig"
        except UnicodeDecodeError:
            bad = max(offset - 1, 0)
    if multibyte:
        raise InputError(
            f"{source.label}: {position_of(source, bad)}: is not UTF-8, but the rest of the file "
            "is; nothing was imported. Correct that character, or save the file again as "
            "'CSV UTF-8'"
        )
    offset = 0
    for piece in source.pieces():
        found = _NOT_CP1252.search(piece)
        if found:
            raise InputError(
                f"{source.label}: {position_of(source, offset + found.start())}: byte "
                f"0x{found.group()[0]:02X} is not a character in UTF-8 or in Windows-1252; "
                "nothing was imported. Save the file again as 'CSV UTF-8'"
            )
        offset += len(piece)
    return "cp1252"


def position_of(source: CsvSource, offset: int) -> str:
    """'row R, column C (name)' of a byte offset, read again up to it."""
    row, line, header, seen = 1, b"", None, 0
    for piece in source.pieces():
        chunk = piece[: max(offset - seen, 0)]
        for part in chunk.split(b"\n")[:-1]:
            header = (line + part)[:_LINE_LIMIT] if header is None else header
            row += 1
            line = b""
        line = (line + chunk.rsplit(b"\n", 1)[-1])[-_LINE_LIMIT:]
        seen += len(piece)
        if seen >= offset:
            break
    prefix = line.decode("latin-1")
    column = len(next(csv.reader([prefix + "x"]), [""]))
    names = next(csv.reader([(header or b"").decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")]), [])
    name = f" ({names[column - 1].strip()})" if row > 1 and column <= len(names) else ""
    return f"row {row}, column {column}{name}"
