"""An Office file (a Word document, an Excel workbook) checked as a zip before any reader opens it.

Both are zips of XML. The sizes and ratios the zip declares, its members' names and each XML
part's prolog are checked first, so a reader never inflates a bomb or resolves an entity; a
password-protected or old binary (.doc, .xls) file is an OLE compound file, not a zip, and is
named as such rather than called damaged.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.input_file import open_input
from selfeval.files.zip_limits import ZipLimits, checked_members

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: an encrypted Office file or a .doc/.xls."""


def check_office_zip(
    path: Path, what: str, limits: ZipLimits, largest: dict[str, int] | None = None
) -> None:
    """Refuse `path` in words unless it is a zip within `limits`, each part named in `largest`
    (by how its name ends) within its size, and no XML part declaring a DOCTYPE or an entity."""
    source = open_input(path, f"the {what}")
    try:
        start = source.read(len(OLE_MAGIC))
        source.seek(0)
        if start == OLE_MAGIC:
            raise InputError(
                f"{path}: is password-protected or in the old binary format; open it in Office, "
                f"remove the password or save it as a current {what}, and try again"
            )
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        source.close()
        raise InputError(f"{path}: is not a readable {what} ({err})") from None
    except BaseException:
        source.close()
        raise
    with source, archive:
        for info in checked_members(archive, str(path), limits, container=what):
            lowered = info.filename.lower()
            for ending, limit in (largest or {}).items():
                if lowered.endswith(ending) and info.file_size > limit:
                    raise InputError(
                        f"{path}: its part '{info.filename}' unpacks to {info.file_size:,} bytes; "
                        f"the limit is {limit:,}"
                    )
            if lowered.endswith((".xml", ".rels", ".vml")):
                _check_prolog(path, archive, info, what)


def _check_prolog(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> None:
    try:
        with archive.open(info) as handle:
            prolog = handle.read(8192)
    except Exception as err:  # zlib, CRC, truncation: whatever the zip says
        raise InputError(
            f"{path}: part '{info.filename}' is damaged ({err}); nothing was imported"
        ) from None
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise InputError(
            f"{path}: part '{info.filename}' declares XML entities, which no {what} needs; refused"
        )
