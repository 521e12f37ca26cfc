"""Indicators (KPIs): the bundled library, values per period for the area and its comparators,
targets, and "how we compare" judged by each indicator's polarity."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import delete, func, select

from selfeval.errors import InputError
from selfeval.locations import resource_path
from selfeval.services.history import record_change
from selfeval.services.improvement.periods import period_key
from selfeval.services.tracker_file import read_rows
from selfeval.services.workspace import Workspace
from selfeval.store.models_plan import IndicatorTarget, IndicatorValue
from selfeval.words import counted

COMPARATORS = {
    "statistical_neighbours": "Statistical neighbours",
    "region": "Region",
    "england": "England",
}
CSV_COLUMNS = ("indicator", "period", "area", "statistical_neighbours", "region", "england")


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    unit: str
    polarity: Literal["higher", "lower", "context"]
    """"context": prevalence or demand, compared (above, below) but never judged."""
    source: str
    criteria: tuple[str, ...] = ()
    measure: Literal["rate", "count"] = "rate"
    """"count": a number of requests or plans, which grows with the area's size: never set
    against England's, the region's or the neighbours' figures (only against its own past)."""

    @property
    def better(self) -> str:
        if self.measure == "count":
            return "a count: compared with its own past, not with other areas"
        if self.polarity == "context":
            return "context: compared, not judged"
        return "higher is better" if self.polarity == "higher" else "lower is better"


class IndicatorLibrary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal[1]
    indicators: list[Indicator]


@lru_cache(maxsize=1)
def indicator_library() -> dict[str, Indicator]:
    """The bundled library (selfeval/resources/indicators.yaml), validated once."""
    path = resource_path("resources", "indicators.yaml")
    try:
        library = IndicatorLibrary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as err:
        raise InputError(f"{path}: the indicator library is not valid ({err})") from None
    return {i.id: i for i in library.indicators}


@dataclass(frozen=True)
class ValueRow:
    indicator_id: str
    period: str
    area: float | None
    statistical_neighbours: float | None
    region: float | None
    england: float | None
    source: str = ""
    """The publication the figures came from, when imported from published statistics."""


@dataclass(frozen=True)
class Comparison:
    """The area against one comparator in one period, judged by the indicator's polarity."""

    comparator: str
    value: float | None
    verdict: str  # "better", "worse", "above", "below", "same", "no figure" or "not compared"


def compare(indicator: Indicator, area: float | None, other: float | None) -> str:
    if area is None or other is None:
        return "no figure"
    if math.isclose(area, other, rel_tol=1e-9, abs_tol=1e-9):
        return "same"
    higher = area > other
    if indicator.polarity == "context":
        return "above" if higher else "below"
    return "better" if higher == (indicator.polarity == "higher") else "worse"


NOT_COMPARED = "not compared"
"""The verdict for a count beside another area's figure: like is compared only with like."""


def how_we_compare(row: ValueRow) -> list[Comparison]:
    """The area against each comparator; a count is never set against others' totals."""
    indicator = indicator_library()[row.indicator_id]
    if indicator.measure == "count":  # their figure shown as context, with no verdict
        return [
            Comparison(label, getattr(row, key), NOT_COMPARED) for key, label in COMPARATORS.items()
        ]
    return [
        Comparison(label, getattr(row, key), compare(indicator, row.area, getattr(row, key)))
        for key, label in COMPARATORS.items()
    ]


def compared_series(indicator: Indicator) -> dict[str, str]:
    """The comparators a chart draws beside the area: none for a count."""
    return {} if indicator.measure == "count" else dict(COMPARATORS)


LARGEST = 1e12
"""No SEND indicator comes near this; a larger number is a slip of the keyboard."""


def read_figure(text: str, label: str) -> float | None:
    """A figure as typed or imported ("12.5", "12.5%", "1,204"); blank is "no figure", never
    zero."""
    cleaned = text.strip().rstrip("%").replace(",", "").strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise InputError(f"{label}: '{text.strip()}' is not a number") from None
    if not math.isfinite(value) or abs(value) > LARGEST:
        raise InputError(f"{label}: '{text.strip()}' is not a usable number")
    return value


def import_indicator_values(workspace: Workspace, path: Path) -> int:
    """All rows or none; a period already present for an indicator is replaced."""
    library = indicator_library()
    rows = read_rows(path, CSV_COLUMNS, required=("indicator", "period", "area"))
    values: dict[tuple[str, str], dict[str, float | None]] = {}
    problems = []
    for number, row in rows:
        indicator_id, period = row.get("indicator", "").strip(), row.get("period", "").strip()
        if indicator_id not in library:
            problems.append(f"row {number}: indicator: unknown indicator '{indicator_id}'")
            continue
        if not period or len(period) > 40:
            problems.append(f"row {number}: period: must be given (up to 40 characters)")
            continue
        try:
            figures = {key: read_figure(row.get(key, ""), key) for key in CSV_COLUMNS[2:]}
        except InputError as err:
            problems.append(f"row {number}: {err}")
            continue
        if (indicator_id, period) in values:
            problems.append(f"row {number}: {indicator_id} {period} is given twice")
            continue
        values[(indicator_id, period)] = figures
    if problems:
        from selfeval.services.evidence_import import ImportProblems

        raise ImportProblems(path, problems)
    with workspace.transaction() as session:
        for (indicator_id, period), figures in values.items():
            session.execute(
                delete(IndicatorValue).where(
                    IndicatorValue.indicator_id == indicator_id, IndicatorValue.period == period
                )
            )
            session.add(IndicatorValue(indicator_id=indicator_id, period=period, **figures))
        record_change(
            session,
            workspace.user,
            "indicator",
            "import",
            "imported",
            None,
            f"{counted(len(values), 'value')} from {path.name}",
            origin=f"import:{path.name}"[:80],
        )
    return len(values)


def indicator_values(workspace: Workspace, indicator_id: str | None = None) -> list[ValueRow]:
    """In period order within each indicator (`period_key`: "Q4 2024" before "Q1 2025")."""
    query = select(IndicatorValue)
    if indicator_id is not None:
        query = query.where(IndicatorValue.indicator_id == indicator_id)
    with workspace.transaction(read_only=True) as session:
        rows = [
            ValueRow(
                v.indicator_id,
                v.period,
                v.area,
                v.statistical_neighbours,
                v.region,
                v.england,
                v.source,
            )
            for v in session.scalars(query)
        ]
    return sorted(rows, key=lambda r: (r.indicator_id, period_key(r.period)))


def latest_values(workspace: Workspace) -> list[ValueRow]:
    """Each indicator's most recent period."""
    latest: dict[str, ValueRow] = {}
    for row in indicator_values(workspace):
        latest[row.indicator_id] = row
    return list(latest.values())


def set_target(workspace: Workspace, indicator_id: str, target: float | None) -> None:
    if indicator_id not in indicator_library():
        raise InputError(f"unknown indicator '{indicator_id}'")
    with workspace.transaction() as session:
        row = session.get(IndicatorTarget, indicator_id)
        if target is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(IndicatorTarget(indicator_id=indicator_id, target=target))
        else:
            row.target = target


def targets(workspace: Workspace) -> dict[str, float]:
    with workspace.transaction(read_only=True) as session:
        return dict(
            session.execute(select(IndicatorTarget.indicator_id, IndicatorTarget.target)).all()
        )


def values_count(workspace: Workspace) -> int:
    with workspace.transaction(read_only=True) as session:
        return session.scalar(select(func.count()).select_from(IndicatorValue)) or 0
