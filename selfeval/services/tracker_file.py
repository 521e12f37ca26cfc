"""Reading a partnership's spreadsheet (CSV or XLSX) into numbered rows of text, exactly.

Councils keep evidence logs in Excel. What comes in is read as it is or refused with the row and
column, never guessed at: a CSV is UTF-8 (with or without a BOM) or, only when no part of it is
UTF-8, Windows-1252 ("Save as CSV" on older Windows), and a byte that is neither is named, not
replaced. A workbook's zip is checked for size and expansion before any XML is parsed, and a
workbook that declares XML entities is refused (an .xlsx never needs them). The limits are in
docs/formats.md.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.faults import os_fault
from selfeval.files.input_file import read_input
from selfeval.files.office_zip import check_office_zip
from selfeval.files.zip_limits import MB, ZipLimits

MAX_TRACKER_BYTES = 20 * MB
MAX_TRACKER_ROWS = 100_000
MAX_FIELD_CHARS = 1_048_576
"""A cell may hold up to 1 MB of text (a pasted report); the csv module's own limit is 128 KB."""
XLSX_LIMITS = ZipLimits(members=5_000, member_bytes=128 * MB, total_bytes=256 * MB, ratio=200)
SHARED_STRINGS_BYTES = 64 * MB
"""Every shared string is held in memory while a sheet is read: this bounds that memory."""

csv.field_size_limit(MAX_FIELD_CHARS)

Row = tuple[int, dict[str, str]]

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(
    path: Path, cells: list[str], allowed: tuple[str, ...], required: tuple[str, ...]
) -> list[str]:
    names = [column_key(c) for c in cells]
    unknown = [n for n in names if n not in allowed]
    if unknown:
        raise InputError(
            f"{path}: row 1: unknown column '{unknown[0]}' (columns are: {', '.join(allowed)})"
        )
    missing = [n for n in required if n not in names]
    if missing:
        raise InputError(f"{path}: row 1: missing column '{missing[0]}'")
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise InputError(f"{path}: row 1: column '{duplicated[0]}' appears twice")
    return names


@dataclass(frozen=True)
class RawTable:
    """A spreadsheet's header as written and its non-blank rows as text, each padded to the
    header's width; nothing about what the columns mean is decided yet."""

    header: list[str]
    rows: list[tuple[int, list[str]]]


def read_table(path: Path) -> RawTable:
    """The header row as written and (row number as the spreadsheet shows it, cells) for each
    non-blank row after it; every size and shape limit checked."""
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not a spreadsheet")
        if not path.is_file() and path.exists():  # a device or a pipe would never end
            raise InputError(f"{path}: is not a file")
        size = path.stat().st_size
    except OSError as err:
        raise os_fault(path, err) from None
    if size > MAX_TRACKER_BYTES:
        raise InputError(f"{path}: is {size:,} bytes; the limit is {MAX_TRACKER_BYTES:,}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(path)
    else:
        raise InputError(f"{path}: is not a .csv or .xlsx file")
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    for number, cells in raw:
        if header is None:
            header = [c.strip() for c in cells]
            while header and not header[-1]:
                header.pop()
            continue
        if not any(c.strip() for c in cells):
            continue
        if len(rows) >= MAX_TRACKER_ROWS:
            raise InputError(f"{path}: has more than {MAX_TRACKER_ROWS:,} rows")
        extra = [c for c in cells[len(header) :] if c.strip()]
        if extra:
            raise InputError(f"{path}: row {number}: has more cells than the header has columns")
        if len(cells) < len(header):
            cells = [*cells, *[""] * (len(header) - len(cells))]
        rows.append((number, cells[: len(header)]))
    if header is None:
        raise InputError(f"{path}: is empty (no header row)")
    return RawTable(header, rows)


def column_key(name: str) -> str:
    """A column's name as matched: "Personal data" and "personal_data" are one column."""
    return name.strip().lower().replace(" ", "_")


def read_rows(path: Path, allowed: tuple[str, ...], required: tuple[str, ...]) -> list[Row]:
    """(row number as the spreadsheet shows it, {column: text}) for each non-blank data row of a
    file whose columns are all `allowed` (an unknown column is refused)."""
    table = read_table(path)
    header = _header(path, table.header, allowed, required)
    return [(number, dict(zip(header, cells, strict=False))) for number, cells in table.rows]


# --- CSV ----------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    return read_input(path, "the tracker (.csv or .xlsx)")


def _position(data: bytes, offset: int) -> str:
    """'row R, column C (name)' of a byte offset, as a spreadsheet would number them."""
    row = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    prefix = data[line_start:offset].decode("latin-1")
    column = len(next(csv.reader([prefix + "x"]), [""]))
    first_line = data[: data.find(b"\n")] if b"\n" in data else data
    names = next(csv.reader([first_line.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")]), [])
    name = f" ({names[column - 1].strip()})" if row > 1 and column <= len(names) else ""
    return f"row {row}, column {column}{name}"


def decode_csv(path: Path, data: bytes) -> str:
    """The text of a CSV file: UTF-8, or Windows-1252 when no part of it is UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            f"{path}: is UTF-16 text (Excel's 'Unicode text'); save it as 'CSV UTF-8' instead"
        )
    if b"\x00" in data:
        raise InputError(f"{path}: is not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = err.start
    if _UTF8_MULTIBYTE.search(data):
        raise InputError(
            f"{path}: {_position(data, bad)}: byte 0x{data[bad]:02X} is not UTF-8, but the rest "
            "of the file is; nothing was imported. Correct that character, or save the file "
            "again as 'CSV UTF-8'"
        )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: {_position(data, err.start)}: byte 0x{data[err.start]:02X} is not a "
            "character in UTF-8 or in Windows-1252; nothing was imported. Save the file again "
            "as 'CSV UTF-8'"
        ) from None


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    text = decode_csv(path, _read_bytes(path))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for cells in reader:
            yield reader.line_num, [c.strip() for c in cells]
    except csv.Error as err:
        if "field larger than field limit" in str(err):
            raise InputError(
                f"{path}: row {max(reader.line_num, 1)}: a cell holds more than "
                f"{MAX_FIELD_CHARS:,} characters (1 MB), the limit"
            ) from None
        raise InputError(
            f"{path}: row {max(reader.line_num, 1)}: is not valid CSV ({err})"
        ) from None


# --- XLSX ---------------------------------------------------------------------------------------


def _check_workbook_zip(path: Path) -> None:
    """Sizes, ratios, names and XML prologs of every member, before openpyxl inflates any."""
    check_office_zip(
        path,
        "Excel workbook",
        XLSX_LIMITS,
        largest={"sharedstrings.xml": SHARED_STRINGS_BYTES},
    )


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    _check_workbook_zip(path)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises anything on a malformed part: say so, plainly
        raise InputError(
            f"{path}: is not a readable Excel workbook ({type(err).__name__}: {err})"
        ) from None
    sheet_name = "?"
    number = 0
    try:
        sheet = (
            workbook["Evidence"] if "Evidence" in workbook.sheetnames else workbook.worksheets[0]
        )
        sheet_name = sheet.title
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(v) for v in values]
    except InputError:
        raise
    except Exception as err:  # a shared string out of range, a bad cell, a broken part
        raise InputError(
            f"{path}: sheet '{sheet_name}', row {number + 1}: could not be read "
            f"({type(err).__name__}: {err}); nothing was imported"
        ) from None
    finally:
        workbook.close()
