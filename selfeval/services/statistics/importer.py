"""Published statistics into the workspace: plan (read, check, say what will be written and
what is skipped and why), then apply, all or nothing.

The area is picked by its LA code (given once, then kept as the workspace's setting); England
and the region come from the same file; the neighbour figure is the mean of the statistical
neighbours that have a figure. Every area's published figure is kept too, so the neighbour
means can be worked out again when the neighbour list changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import cast

from sqlalchemy import Table, delete, insert, tuple_

from selfeval.errors import InputError
from selfeval.services.first_run import LA_CODE_SETTING, check_la_code, la_code
from selfeval.services.history import record_change
from selfeval.services.improvement.indicators import indicator_library
from selfeval.services.statistics.ees_file import EesTable, read_statistics_file
from selfeval.services.statistics.neighbours import neighbours
from selfeval.services.workspace import Workspace
from selfeval.store.chunks import chunked
from selfeval.store.models_plan import IndicatorValue, PublishedFigure
from selfeval.store.types import new_id
from selfeval.words import counted

AREAS_LISTED = 12


@dataclass(frozen=True)
class PlannedValue:
    indicator_id: str
    period: str
    area: float | None
    statistical_neighbours: float | None
    region: float | None
    england: float | None
    source: str
    area_status: str
    """The publication's symbol when the area has no figure ("z", "c" ...), else ""."""


@dataclass(frozen=True)
class StatisticsPlan:
    area_code: str
    area_name: str
    region_name: str
    neighbours_found: int
    values: tuple[PlannedValue, ...]
    figures: tuple[dict[str, object], ...]
    """Every area's published figure, as rows for the published_figure table."""
    skipped: tuple[str, ...]
    files: tuple[str, ...]
    save_area_code: bool

    def summary(self) -> str:
        indicators = len({v.indicator_id for v in self.values})
        periods = sorted({v.period for v in self.values})
        span = f"{periods[0]} to {periods[-1]}" if periods else "no period"
        return (
            f"{counted(len(self.values), 'value')} for {self.area_name} ({self.area_code}): "
            f"{indicators} indicators, {span}; region {self.region_name or '-'}, England, and "
            f"{self.neighbours_found} statistical neighbours found in the files"
        )


def _areas(tables: list[EesTable]) -> dict[str, str]:
    return {
        f.code: f.name for table in tables for f in table.figures if f.level == "local authority"
    }


def read_tables(paths: list[Path]) -> list[EesTable]:
    """Every file read and checked (the slow part: the app does it on a worker)."""
    if not paths:
        raise InputError("give at least one statistics file (.csv or the .zip EES downloads)")
    tables = [table for path in paths for table in read_statistics_file(path)]
    _refuse_the_same_table_twice(tables)
    return tables


def _refuse_the_same_table_twice(tables: list[EesTable]) -> None:
    """Two files (or two members of a zip) with figures for the same indicator, area and
    period: which is right cannot be told, so neither is used."""
    seen: dict[tuple[str, str, str, str], int] = {}
    for number, table in enumerate(tables):
        for figure in table.figures:
            for indicator, _value, _status in figure.values:
                key = (indicator, figure.period, figure.level, figure.code)
                first = seen.setdefault(key, number)
                if first != number:
                    raise InputError(
                        f"{tables[first].source_name} and {table.source_name} both give "
                        f"{indicator} for {figure.name} "
                        f"({figure.code}) in {figure.period}: the same table twice? Give each "
                        "table once; nothing was imported"
                    )


def areas_in(tables: list[EesTable]) -> dict[str, str]:
    """{LA code: name} of every area in the files, for choosing yours."""
    return dict(sorted(_areas(tables).items(), key=lambda item: item[1]))


def plan_statistics(
    workspace: Workspace, paths: list[Path], area_code: str | None = None
) -> StatisticsPlan:
    return plan_from_tables(workspace, read_tables(paths), area_code)


def plan_from_tables(
    workspace: Workspace, tables: list[EesTable], area_code: str | None = None
) -> StatisticsPlan:
    areas = _areas(tables)
    given = check_la_code(area_code) if area_code else ""
    code = given or la_code(workspace)
    if not code:
        listed = ", ".join(f"{name} {c}" for c, name in sorted(areas.items())[:AREAS_LISTED])
        raise InputError(
            "which area is yours? Give its LA code once with --area-code (in the app: choose it "
            f"from the list); the files hold: {listed or 'no local authority rows'}"
        )
    if code not in areas:
        listed = ", ".join(f"{name} {c}" for c, name in sorted(areas.items())[:AREAS_LISTED])
        raise InputError(
            f"{code} is not in {', '.join(t.source_name for t in tables)}; the files hold: "
            f"{listed or 'no local authority rows'}"
        )
    library = indicator_library()
    wanted_neighbours = set(neighbours(workspace))
    own_region = ""
    figures: list[dict[str, object]] = []
    # (indicator, period) -> level/code -> value
    by_key: dict[tuple[str, str], dict[tuple[str, str], tuple[float | None, str]]] = {}
    sources: dict[tuple[str, str], str] = {}
    for table in tables:
        publication = table.publication
        for figure in table.figures:
            if figure.level == "local authority" and figure.code == code:
                own_region = figure.region_code
            # the publication as its publisher names it: never the local file's name or a
            # raw column, which mean nothing to a reader of the pack
            source = f"{publication.publisher}, {publication.title}"
            for indicator_id, value, status in figure.values:
                key = (indicator_id, figure.period)
                by_key.setdefault(key, {})[(figure.level, figure.code)] = (value, status)
                sources.setdefault(key, source)
                figures.append(
                    {
                        "id": new_id(),
                        "indicator_id": indicator_id,
                        "period": figure.period,
                        "level": figure.level,
                        "code": figure.code,
                        "name": figure.name,
                        "region_code": figure.region_code,
                        "value": value,
                        "status": status,
                        "source": source,
                    }
                )
    values, skipped = [], []
    region_name = ""
    for (indicator_id, period), found in sorted(by_key.items()):
        area, area_status = found.get(("local authority", code), (None, "absent"))
        region = found.get(("regional", own_region), (None, ""))[0]
        england = next((v for (level, _c), (v, _s) in found.items() if level == "national"), None)
        near = [
            v
            for (level, c), (v, _s) in found.items()
            if level == "local authority" and c in wanted_neighbours and v is not None
        ]
        name = library[indicator_id].name
        if area is None and region is None and england is None:
            skipped.append(f"{name}, {period}: no figure for the area, the region or England")
            continue
        if area is None:
            why = "not in the file" if area_status == "absent" else f"'{area_status}'"
            skipped.append(
                f"{name}, {period}: {areas[code]} not published ({why}); comparators kept"
            )
        values.append(
            PlannedValue(
                indicator_id,
                period,
                area,
                round(fmean(near), 6) if near else None,
                region,
                england,
                sources[(indicator_id, period)],
                "" if area is not None else area_status,
            )
        )
    for table in tables:
        for figure in table.figures:
            if figure.level == "regional" and figure.code == own_region:
                region_name = figure.name
                break
        if table.skipped_rows:
            skipped.append(
                f"{table.source_name}: {counted(table.skipped_rows, 'row')} at other levels or "
                "outside "
                f"the {table.publication.title} totals"
            )
    found_neighbours = len(wanted_neighbours & set(areas))
    return StatisticsPlan(
        area_code=code,
        area_name=areas[code],
        region_name=region_name,
        neighbours_found=found_neighbours,
        values=tuple(values),
        figures=tuple(figures),
        skipped=tuple(skipped),
        files=tuple(t.source_name for t in tables),
        save_area_code=bool(given) and given != la_code(workspace),
    )


def apply_statistics(workspace: Workspace, plan: StatisticsPlan) -> int:
    """Write the plan in one transaction: values (replacing the same indicator and period) and
    every published figure (replacing the same indicator, period, level and area)."""
    with workspace.transaction() as session:
        keys = {(v.indicator_id, v.period) for v in plan.values}
        for chunk in chunked(sorted(keys), 400):
            session.execute(
                delete(IndicatorValue).where(
                    tuple_(IndicatorValue.indicator_id, IndicatorValue.period).in_(chunk)
                )
            )
        # Core inserts on the session's connection: the ORM's bulk path costs more than the
        # database itself for thousands of plain rows (bench/statistics_bench.py).
        connection = session.connection()
        if plan.values:
            connection.execute(
                insert(cast(Table, IndicatorValue.__table__)),
                [
                    {
                        "id": new_id(),
                        "indicator_id": v.indicator_id,
                        "period": v.period,
                        "area": v.area,
                        "statistical_neighbours": v.statistical_neighbours,
                        "region": v.region,
                        "england": v.england,
                        "source": v.source[:2000],
                    }
                    for v in plan.values
                ],
            )
        figure_keys = sorted({(str(f["indicator_id"]), str(f["period"])) for f in plan.figures})
        for chunk in chunked(figure_keys, 400):
            session.execute(
                delete(PublishedFigure).where(
                    tuple_(PublishedFigure.indicator_id, PublishedFigure.period).in_(chunk)
                )
            )
        if plan.figures:
            connection.execute(insert(cast(Table, PublishedFigure.__table__)), list(plan.figures))
        if plan.save_area_code:
            from selfeval.store.models import WorkspaceSetting

            row = session.get(WorkspaceSetting, LA_CODE_SETTING)
            if row is None:
                session.add(WorkspaceSetting(key=LA_CODE_SETTING, value=plan.area_code))
            else:
                row.value = plan.area_code
        record_change(
            session,
            workspace.user,
            "indicator",
            "statistics",
            "imported",
            None,
            f"{counted(len(plan.values), 'value')} for {plan.area_code} from "
            f"{', '.join(plan.files)}"[:2000],
            origin="import:statistics",
        )
    return len(plan.values)
