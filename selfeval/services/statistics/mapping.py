"""The publications selfeval reads (selfeval/resources/statistics.yaml), validated once at load."""

from __future__ import annotations

from functools import lru_cache

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from selfeval.errors import InputError
from selfeval.locations import resource_path
from selfeval.services.improvement.indicators import indicator_library

GEOGRAPHY = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "region_code",
    "region_name",
    "new_la_code",
    "la_name",
)
"""The columns every EES file carries, before its filters and indicators."""


class ColumnMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    column: str = Field(min_length=1)
    indicator: str = Field(min_length=1)
    multiply: float = 1.0


class Publication(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    signature: tuple[str, ...] = Field(min_length=1)
    filters: dict[str, str] = {}
    totals: bool = False
    """Keep only the "Total" row of every breakdown column (age, type of school ...) found."""
    series_break: str = ""
    """The first period of a new series: figures before it are not comparable."""
    series_break_note: str = ""
    columns: tuple[ColumnMap, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_indicators(self) -> Publication:
        library = indicator_library()
        unknown = [c.indicator for c in self.columns if c.indicator not in library]
        if unknown:
            raise ValueError(f"{self.id}: unknown indicator(s) {', '.join(unknown)}")
        return self


class StatisticsMapping(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: int = Field(ge=1, le=1)
    publications: tuple[Publication, ...] = Field(min_length=1)


@lru_cache(maxsize=1)
def publications() -> tuple[Publication, ...]:
    path = resource_path("resources", "statistics.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return StatisticsMapping.model_validate(data).publications
    except (OSError, yaml.YAMLError, ValidationError) as err:
        raise InputError(f"{path}: the statistics mapping is not valid ({err})") from None


def recognise(columns: set[str]) -> Publication | None:
    """The publication whose signature columns the file has (the first that fits)."""
    return next((p for p in publications() if set(p.signature) <= columns), None)


def series_break(indicator_id: str) -> tuple[str, str] | None:
    """(first period of the new series, its note) for an indicator fed by a publication that
    changed how it counts; None otherwise."""
    for publication in publications():
        if publication.series_break and any(
            c.indicator == indicator_id for c in publication.columns
        ):
            return publication.series_break, publication.series_break_note
    return None
