"""Checking a zip's members before anything inflates them: packages and Excel workbooks alike.

An .xlsx is a zip of XML. A 600 KB workbook whose shared strings inflate to 600 MB costs a reader
1.3 GB of memory before it sees a single row (GUIDE.md §5), so the sizes and ratios the zip
declares are checked first, and a reader is never asked to inflate more than they allow.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass

from selfeval.errors import InputError
from selfeval.words import counted

MB = 1024 * 1024
MEMBER_FAULTS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    zlib.error,
    NotImplementedError,
    ValueError,  # a forged offset: "negative seek value"
    OverflowError,
    RuntimeError,  # an encrypted member
)
"""What reading a damaged or forged member can raise."""


@dataclass(frozen=True)
class ZipLimits:
    members: int
    member_bytes: int
    total_bytes: int
    ratio: int
    """A member that inflates more than this many times (and past 1 MB) is a zip bomb."""


def checked_members(
    archive: zipfile.ZipFile,
    name: str,
    limits: ZipLimits,
    error: type[InputError] = InputError,
    container: str = "package",
) -> list[zipfile.ZipInfo]:
    """The members, once their count, sizes, ratios and names are within `limits`."""
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise error(f"{name}: has {counted(len(infos), 'member')}; the limit is {limits.members:,}")
    total = 0
    for info in infos:
        member = info.filename
        if any(ord(c) < 32 or ord(c) == 127 for c in member):
            shown = member.encode("unicode_escape").decode("ascii")
            raise error(f"{name}: member '{shown}' has control characters in its name; refused")
        if (
            member.startswith(("/", "\\"))
            or "\\" in member
            or ".." in member.split("/")
            or (len(member) > 1 and member[1] == ":")
        ):
            raise error(f"{name}: member '{member}' points outside the {container}; refused")
        if info.file_size > limits.member_bytes:
            raise error(
                f"{name}: member '{member}' unpacks to {info.file_size:,} bytes; the limit is "
                f"{limits.member_bytes:,}"
            )
        if info.file_size > MB and (
            info.compress_size == 0 or info.file_size / info.compress_size > limits.ratio
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise error(f"{name}: member '{member}' expands {ratio:,}x: refused as a zip bomb")
        total += info.file_size
        if total > limits.total_bytes:
            raise error(f"{name}: unpacks to more than {limits.total_bytes // MB:,} MB; refused")
    return infos


def read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, error: type[InputError] = InputError
) -> bytes:
    """Read at most the declared size (+1 byte to catch a lying header)."""
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except MEMBER_FAULTS as err:
        raise error(f"{name}: member '{info.filename}' is damaged ({err})") from None
    if len(data) > info.file_size:
        raise error(f"{name}: member '{info.filename}' is larger than it says; refused")
    return data
