"""Reading a partnership's spreadsheet (CSV or XLSX) into numbered rows of text.

Councils keep evidence logs in Excel; "Save as CSV" on Windows gives cp1252, so that is accepted
when the file is not UTF-8. Every failure is an InputError naming the file and, where it can, the
row.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from selfeval.errors import InputError

MAX_TRACKER_BYTES = 20 * 1024 * 1024
MAX_TRACKER_ROWS = 100_000

Row = tuple[int, dict[str, str]]


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
    names = [c.strip().lower().replace(" ", "_") for c in cells]
    while names and not names[-1]:
        names.pop()
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


def read_rows(path: Path, allowed: tuple[str, ...], required: tuple[str, ...]) -> list[Row]:
    """(row number as the spreadsheet shows it, {column: text}) for each non-blank data row."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if size > MAX_TRACKER_BYTES:
        raise InputError(f"{path}: is {size:,} bytes; the limit is {MAX_TRACKER_BYTES:,}")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(path)
    else:
        raise InputError(f"{path}: is not a .csv or .xlsx file")
    rows: list[Row] = []
    header: list[str] | None = None
    try:
        for number, cells in raw:
            if header is None:
                header = _header(path, cells, allowed, required)
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_TRACKER_ROWS:
                raise InputError(f"{path}: has more than {MAX_TRACKER_ROWS:,} rows")
            extra = [c for c in cells[len(header) :] if c.strip()]
            if extra:
                raise InputError(
                    f"{path}: row {number}: has more cells than the header has columns"
                )
            rows.append(
                (
                    number,
                    {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header)},
                )
            )
    except csv.Error as err:
        raise InputError(f"{path}: is not valid CSV ({err})") from None
    if header is None:
        raise InputError(f"{path}: is empty (no header row)")
    return rows


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    data = path.read_bytes()
    if b"\x00" in data:
        raise InputError(f"{path}: is not a text file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    for cells in reader:
        yield reader.line_num, [c.strip() for c in cells]


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as err:
        raise InputError(f"{path}: is not a readable Excel workbook ({err})") from None
    try:
        sheet = (
            workbook["Evidence"] if "Evidence" in workbook.sheetnames else workbook.worksheets[0]
        )
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(v) for v in values]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise InputError(f"{path}: could not be read to the end ({err})") from None
    finally:
        workbook.close()
