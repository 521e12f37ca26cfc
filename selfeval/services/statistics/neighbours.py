"""The area's statistical neighbours: the ten areas the DfE's benchmarking tool names as most
like it. They are not in the published files, so the partnership gives them once; the
neighbour figure is the mean of the neighbours that have a figure in that period."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from statistics import fmean

from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.files.faults import os_fault
from selfeval.files.input_file import open_input
from selfeval.services.first_run import check_la_code, la_code
from selfeval.services.history import record_change
from selfeval.services.settings import read_setting, write_setting
from selfeval.services.tracker_file import decode_csv
from selfeval.services.workspace import Workspace
from selfeval.store.models_plan import IndicatorValue, PublishedFigure

NEIGHBOURS = "statistical_neighbours"
MOST_NEIGHBOURS = 20
NEIGHBOUR_FILE_LIMIT = 1024 * 1024


def neighbours(workspace: Workspace) -> list[str]:
    return [code for code in (read_setting(workspace, NEIGHBOURS) or "").split(",") if code]


def set_neighbours(workspace: Workspace, codes: list[str]) -> list[str]:
    """Keep the list (checked, in the order given) and work the neighbour means out again."""
    checked: list[str] = []
    for code in codes:
        code = check_la_code(code)
        if code and code not in checked:
            checked.append(code)
    if len(checked) > MOST_NEIGHBOURS:
        raise InputError(f"{len(checked)} neighbours given; the DfE names ten (at most 20 here)")
    own = la_code(workspace)
    if own and own in checked:
        raise InputError(f"{own} is this area's own code, not a neighbour")
    write_setting(workspace, NEIGHBOURS, ",".join(checked) or None)
    recompute_neighbour_means(workspace)
    return checked


def neighbours_from_file(workspace: Workspace, path: Path, area_code: str) -> list[str]:
    """A two-column CSV (la_code, neighbour_code): the rows for this area."""
    try:
        with open_input(path, "the neighbour list (.csv)") as handle:
            data = handle.read(NEIGHBOUR_FILE_LIMIT + 1)
    except OSError as err:
        raise os_fault(path, err) from None
    if len(data) > NEIGHBOUR_FILE_LIMIT:
        raise InputError(f"{path}: is larger than 1 MB; a neighbour list is a few hundred rows")
    rows = list(csv.reader(io.StringIO(decode_csv(path, data), newline="")))
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if header[:2] != ["la_code", "neighbour_code"]:
        raise InputError(f"{path}: the first row should be 'la_code,neighbour_code'")
    codes = [r[1].strip() for r in rows[1:] if len(r) >= 2 and r[0].strip().upper() == area_code]
    if not codes:
        raise InputError(f"{path}: has no rows for {area_code}")
    return set_neighbours(workspace, codes)


def recompute_neighbour_means(workspace: Workspace) -> int:
    """Every imported indicator value's neighbour mean, from the stored published figures;
    returns how many values changed. Typed or plain-CSV values keep what was typed."""
    codes = set(neighbours(workspace))
    with workspace.transaction() as session:
        rows = session.scalars(select(IndicatorValue).where(IndicatorValue.source != "")).all()
        if not rows:
            return 0
        figures: dict[tuple[str, str], list[float]] = {}
        if codes:
            for figure in session.scalars(
                select(PublishedFigure).where(
                    PublishedFigure.level == "local authority",
                    PublishedFigure.code.in_(codes),
                    PublishedFigure.value.is_not(None),
                )
            ):
                assert figure.value is not None
                figures.setdefault((figure.indicator_id, figure.period), []).append(figure.value)
        changed = 0
        for row in rows:
            values = figures.get((row.indicator_id, row.period))
            mean = round(fmean(values), 6) if values else None
            if row.statistical_neighbours != mean:
                row.statistical_neighbours = mean
                changed += 1
        if changed:
            record_change(
                session,
                workspace.user,
                "indicator",
                "neighbours",
                "statistical_neighbours",
                None,
                f"{changed} neighbour means from {len(codes)} neighbours",
            )
        return changed


def areas_seen(workspace: Workspace) -> dict[str, str]:
    """{LA code: name} of every area in the statistics imported so far, by name."""
    with workspace.transaction(read_only=True) as session:
        rows = session.execute(
            select(PublishedFigure.code, PublishedFigure.name)
            .where(PublishedFigure.level == "local authority")
            .distinct()
        ).all()
    return dict(sorted(((code, name) for code, name in rows), key=lambda item: item[1]))
