"""The risk register: impact and likelihood (1-5) give the score and the rating."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.services.evidence import describe_validation_error
from selfeval.services.history import record_change
from selfeval.services.workspace import Workspace
from selfeval.store.models import Person, Risk

# (lowest score, label, colour) from the highest band down
BANDS = (
    (15, "Very high", "#7B1010"),
    (10, "High", "#C62828"),
    (5, "Medium", "#EF8F00"),
    (1, "Low", "#2E7D32"),
)


def rating_for(score: int) -> tuple[str, str]:
    """The rating word and colour of a score (impact x likelihood, 1 to 25)."""
    for lowest, label, colour in BANDS:
        if score >= lowest:
            return label, colour
    raise ValueError(f"score {score} is outside 1-25")


class RiskInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=500)
    description: str = ""
    mitigation: str = ""
    owner_person_id: str | None = None
    impact: int = Field(ge=1, le=5)
    likelihood: int = Field(ge=1, le=5)
    review_date: date | None = None
    criteria: list[str] = []


@dataclass(frozen=True)
class RiskView:
    id: str
    title: str
    description: str
    mitigation: str
    owner: str
    impact: int
    likelihood: int
    review_date: date | None
    criteria: tuple[str, ...]

    @property
    def score(self) -> int:
        return self.impact * self.likelihood

    @property
    def rating(self) -> str:
        return rating_for(self.score)[0]

    @property
    def colour(self) -> str:
        return rating_for(self.score)[1]


def parse_risk(**fields: object) -> RiskInput:
    try:
        return RiskInput.model_validate(fields)
    except ValidationError as err:
        raise InputError(describe_validation_error(err)) from None


def add_risk(workspace: Workspace, item: RiskInput) -> str:
    known = {c.id for c in workspace.framework.criteria}
    bad = [c for c in item.criteria if c not in known]
    if bad:
        raise InputError(f"'{bad[0]}' is not a criterion of {workspace.framework.id}")
    with workspace.transaction() as session:
        row = Risk(
            assessment_id=workspace.assessment_id,
            criteria=",".join(item.criteria),
            **item.model_dump(exclude={"criteria"}),
        )
        session.add(row)
        session.flush()
        record_change(
            session,
            workspace.user,
            "risk",
            row.id,
            "created",
            None,
            item.title,
            assessment_id=workspace.assessment_id,
        )
        return row.id


def list_risks(workspace: Workspace) -> list[RiskView]:
    with workspace.transaction(read_only=True) as session:
        people = dict(session.execute(select(Person.id, Person.name)).all())
        rows = session.scalars(
            select(Risk).where(Risk.assessment_id == workspace.assessment_id).order_by(Risk.title)
        ).all()
        views = [
            RiskView(
                r.id,
                r.title,
                r.description,
                r.mitigation,
                people.get(r.owner_person_id or "", ""),
                r.impact,
                r.likelihood,
                r.review_date,
                tuple(c for c in r.criteria.split(",") if c),
            )
            for r in rows
        ]
    return sorted(views, key=lambda v: (-v.score, v.title))


def heat_map(risks: list[RiskView]) -> dict[tuple[int, int], list[RiskView]]:
    """(impact, likelihood) -> the risks in that cell of the 5x5 grid."""
    cells: dict[tuple[int, int], list[RiskView]] = {}
    for risk in risks:
        cells.setdefault((risk.impact, risk.likelihood), []).append(risk)
    return cells
