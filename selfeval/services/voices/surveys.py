"""Survey results: one question of a survey, how many answered and the share who agreed, linked
to the criteria it speaks to; printed as a small table in those criteria's sections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from selfeval.services.checked_input import checked_input, input_of
from selfeval.services.evidence import SaneDate
from selfeval.services.links import check_links, joined, split
from selfeval.services.plain_names import NoControls
from selfeval.services.voices.rows import add_row, delete_row, update_row
from selfeval.services.workspace import Workspace
from selfeval.store.models_voices import SurveyResult


class SurveyInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    survey: NoControls = Field(min_length=1, max_length=300)
    question: NoControls = Field(min_length=1, max_length=1000)
    responses: int = Field(ge=1, le=10_000_000)
    agree_percent: float = Field(ge=0, le=100, allow_inf_nan=False)
    surveyed_on: SaneDate = None
    criteria: list[str] = []


@dataclass(frozen=True)
class SurveyView:
    id: str
    survey: str
    question: str
    responses: int
    agree_percent: float
    surveyed_on: date | None
    criteria: tuple[str, ...]

    def as_input(self) -> SurveyInput:
        return input_of(self, SurveyInput)


def parse_survey(**fields: object) -> SurveyInput:
    return checked_input(SurveyInput, fields)


def _values(item: SurveyInput) -> dict[str, object]:
    return {**item.model_dump(exclude={"criteria"}), "criteria": joined(item.criteria)}


def add_survey_result(workspace: Workspace, item: SurveyInput, result_id: str | None = None) -> str:
    check_links(workspace, item.criteria)
    return add_row(workspace, SurveyResult, _values(item), item.question[:200], result_id)


def update_survey_result(workspace: Workspace, result_id: str, item: SurveyInput) -> None:
    check_links(workspace, item.criteria)
    update_row(workspace, SurveyResult, result_id, _values(item))


def delete_survey_result(workspace: Workspace, result_id: str) -> None:
    with workspace.transaction(read_only=True) as session:
        row = session.get(SurveyResult, result_id)
        label = row.question[:200] if row is not None else ""
    delete_row(workspace, SurveyResult, result_id, label)


def list_survey_results(workspace: Workspace) -> list[SurveyView]:
    """Grouped by survey, in the order asked."""
    with workspace.transaction(read_only=True) as session:
        rows = session.scalars(select(SurveyResult).order_by(SurveyResult.survey)).all()
        return [
            SurveyView(
                r.id,
                r.survey,
                r.question,
                r.responses,
                r.agree_percent,
                r.surveyed_on,
                split(r.criteria),
            )
            for r in rows
        ]
