"""Reading an Explore Education Statistics CSV file (or the zip EES downloads) into figures.

Every EES file has the same geography columns, then filters and indicator columns. The file is
recognised by its columns (statistics.yaml); rows are kept when they match the publication's
filters (the "Total" rows of the census file); National rows give England, Regional rows a
region, Local authority rows each area. The DfE's symbols for no figure (x, z, c, low, u, and
blanks) are "no figure", never an error and never zero; anything else that is not a number is
refused, naming the file, row and column.
"""

from __future__ import annotations

import csv
import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from selfeval.errors import InputError
from selfeval.files.input_file import input_size, open_input
from selfeval.files.zip_limits import MB, MEMBER_FAULTS, ZipLimits, checked_members
from selfeval.services.statistics.csv_source import CsvSource, encoding_of, member_opener
from selfeval.services.statistics.mapping import (
    GEOGRAPHY,
    ColumnMap,
    Publication,
    publications,
    recognise,
)

MAX_FILE_BYTES = 200 * MB
MAX_ROWS = 2_000_000
ZIP_LIMITS = ZipLimits(members=200, member_bytes=MAX_FILE_BYTES, total_bytes=400 * MB, ratio=200)
NO_FIGURE = {"x", "z", "c", "low", "u", ":", ""}
"""The DfE's symbols for no figure (and a blank). Never a period: "." or ".." in a figure's
place is a damaged cell, refused, not read as "no figure"."""
NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
"""A published figure: ASCII digits, thousands commas, a decimal point; nothing else (no
other script's digits, no underscores, no exponent, no 'nan' or 'inf')."""
LEVELS = {"national": "national", "regional": "regional", "local authority": "local authority"}


@dataclass(frozen=True)
class Figure:
    """One row's figures: where and when, and per indicator (value, the symbol when none)."""

    period: str
    time_period: str
    level: str
    code: str
    name: str
    region_code: str
    values: tuple[tuple[str, float | None, str], ...]


@dataclass(frozen=True)
class EesTable:
    source_name: str
    """The file's name (for a zip: "download.zip: data/sen2_mi.csv")."""
    publication: Publication
    figures: tuple[Figure, ...]
    skipped_rows: int
    """Rows at levels selfeval does not use (local authority district, parliamentary
    constituency) or outside the publication's filters."""


def period_label(time_period: str) -> str:
    """'2022' stays; an academic or financial year '202223' becomes '2022/23'."""
    text = time_period.strip()
    if len(text) == 6 and text.isdigit():
        return f"{text[:4]}/{text[4:]}"
    return text[:40]


def read_statistics_file(path: Path) -> list[EesTable]:
    """The tables in a CSV file, or in every CSV of a zip (metadata files are passed over),
    each read as a stream (csv_source.py): memory holds a piece and the figures, not the file."""
    what = "the published statistics (.csv or .zip)"
    size = input_size(path, what)
    if size > MAX_FILE_BYTES:
        raise InputError(f"{path}: is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    with open_input(path, what) as handle:
        zipped = handle.read(2) == b"PK"
    if zipped:
        return _zip_tables(path)
    return [_table(CsvSource(path.name, lambda: open_input(path, what), MAX_FILE_BYTES))]


def _zip_tables(path: Path) -> list[EesTable]:
    handle = open_input(path, "the published statistics (.csv or .zip)")
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile as err:
        handle.close()
        raise InputError(f"{path}: is not a readable zip file ({err})") from None
    tables = []
    with handle, archive:
        for info in checked_members(archive, str(path), ZIP_LIMITS, container="zip"):
            name = info.filename
            lowered = name.lower()
            if info.is_dir() or not lowered.endswith(".csv") or lowered.endswith(".meta.csv"):
                continue
            if "data-guidance" in lowered or "/supporting-files/" in lowered:
                continue
            source = CsvSource(f"{path.name}: {name}", member_opener(archive, info), info.file_size)
            try:
                tables.append(_table(source))
            except MEMBER_FAULTS as err:
                raise InputError(f"{path}: member '{name}' is damaged ({err})") from None
    if not tables:
        raise InputError(f"{path}: holds no CSV data file")
    return tables


def _table(source: CsvSource) -> EesTable:
    source_name = source.label
    encoding = encoding_of(source)
    with source.text(encoding) as text:
        reader = csv.reader(text, strict=True)
        try:
            header = [cell.strip().lower().lstrip("\ufeff") for cell in next(reader, [])]
        except csv.Error as err:
            raise InputError(f"{source_name}: row 1: is not valid CSV ({err})") from None
        return _rows(source, encoding, reader, header)


def _rows(source: CsvSource, encoding: str, reader: Any, header: list[str]) -> EesTable:
    source_name = source.label
    missing = [column for column in GEOGRAPHY if column not in header]
    if missing:
        raise InputError(
            f"{source_name}: column '{missing[0]}' is missing: this is not an Explore Education "
            "Statistics data file (every one has time_period, geographic_level, new_la_code ...)"
        )
    publication = recognise(set(header))
    if publication is None:
        known = "; ".join(f"{p.title} ({', '.join(p.signature)})" for p in publications())
        raise InputError(f"{source_name}: is not a publication selfeval reads; it reads: {known}")
    index = {name: position for position, name in enumerate(header)}
    filters = [
        (index[column], value.casefold())
        for column, value in publication.filters.items()
        if column in index
    ]
    if publication.totals:
        filters += _total_columns(source, encoding, header, publication, index)
    wanted = [(index[c.column], c) for c in publication.columns if c.column in index]
    if not wanted:
        raise InputError(f"{source_name}: has none of the columns {publication.title} maps")
    columns = {name: index[name] for name in GEOGRAPHY}
    columns["country_name"] = index.get("country_name", -1)
    figures: list[Figure] = []
    seen: dict[tuple[str, str, str], int] = {}
    skipped = 0
    try:
        for number, cells in enumerate(reader, start=2):
            if number > MAX_ROWS:
                raise InputError(f"{source_name}: has more than {MAX_ROWS:,} rows")
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise InputError(
                    f"{source_name}: row {number}: has {len(cells)} cells; the header has "
                    f"{len(header)}"
                )
            level = LEVELS.get(cells[columns["geographic_level"]].strip().casefold())
            if level is None or any(cells[at].strip().casefold() != v for at, v in filters):
                skipped += 1
                continue
            figure = _figure(source_name, number, cells, columns, level, wanted)
            key = (figure.period, figure.level, figure.code)
            if key in seen:
                raise InputError(
                    f"{source_name}: rows {seen[key]} and {number} are both {figure.name} "
                    f"({figure.code}) in {figure.period}; selfeval cannot tell which to use"
                )
            seen[key] = number
            figures.append(figure)
    except csv.Error as err:
        raise InputError(
            f"{source_name}: row {reader.line_num}: is not valid CSV ({err})"
        ) from None
    return EesTable(source_name, publication, tuple(figures), skipped)


def _total_columns(
    source: CsvSource,
    encoding: str,
    header: list[str],
    publication: Publication,
    index: dict[str, int],
) -> list[tuple[int, str]]:
    """The breakdown columns (age, type of school ...): every column, other than the geography,
    the declared filters and the figures, in which some row says "Total". The headline is the
    row that is Total in each of them; a file with no breakdown keeps every row."""
    skip = set(GEOGRAPHY) | {"country_name", "old_la_code"} | set(publication.filters)
    skip |= {c.column for c in publication.columns}
    candidates = {at for name, at in index.items() if name not in skip}
    totals: set[int] = set()
    with source.text(encoding) as text:
        reader = csv.reader(text)
        next(reader, None)
        try:
            for cells in reader:
                for at in candidates - totals:
                    if at < len(cells) and cells[at].strip().casefold() == "total":
                        totals.add(at)
        except csv.Error:
            return []  # the main pass reports where the file is broken
    return [(at, "total") for at in sorted(totals)]


def _figure(
    source_name: str,
    number: int,
    cells: list[str],
    columns: dict[str, int],
    level: str,
    wanted: list[tuple[int, ColumnMap]],
) -> Figure:
    def cell(name: str) -> str:
        at = columns[name]
        return cells[at].strip() if at >= 0 else ""

    if level == "national":
        code, name = cell("country_code"), cell("country_name") or "England"
    elif level == "regional":
        code, name = cell("region_code"), cell("region_name")
    else:
        code, name = cell("new_la_code"), cell("la_name")
    if not code or len(code) > 20:
        raise InputError(f"{source_name}: row {number}: has no area code for its {level} row")
    time_period = cell("time_period")
    if not time_period:
        raise InputError(f"{source_name}: row {number}, column time_period: is empty")
    values: list[tuple[str, float | None, str]] = []
    for at, mapped in wanted:
        text = cells[at].strip()
        if text.casefold() in NO_FIGURE:
            values.append((mapped.indicator, None, text.casefold() or "blank"))
            continue
        if not NUMBER.fullmatch(text) or len(text) > 40:
            raise InputError(
                f"{source_name}: row {number}, column {mapped.column}: '{text[:40]}' is not a "
                "number nor one of the DfE's symbols for no figure (x, z, c, low, u)"
            )
        value = float(text.replace(",", ""))
        if not math.isfinite(value) or abs(value) > 1e12:
            raise InputError(
                f"{source_name}: row {number}, column {mapped.column}: '{text[:40]}' is not a "
                "usable number"
            )
        values.append((mapped.indicator, value * mapped.multiply, ""))
    return Figure(
        period_label(time_period),
        time_period,
        level,
        code,
        name[:200],
        cell("region_code"),
        tuple(values),
    )
