"""The risk register: impact and likelihood (1-5) give the score and the rating."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.services.changed_meanwhile import refuse_if_changed
from selfeval.services.checked_input import checked_input
from selfeval.services.history import record_change
from selfeval.services.links import check_links, joined, priorities_held, priorities_of
from selfeval.services.workspace import Workspace
from selfeval.store.models import Person
from selfeval.store.models_plan import Risk

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
    status: Literal["open", "closed"] = "open"
    priorities: list[str] = []
    """The strategic priorities it threatens by name (ids)."""


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
    status: str = "open"
    owner_person_id: str | None = None
    priorities: tuple[str, ...] = ()

    def as_input(self) -> RiskInput:
        """The risk as it would be typed again (to undo an edit or a delete)."""
        return RiskInput(
            title=self.title,
            description=self.description,
            mitigation=self.mitigation,
            owner_person_id=self.owner_person_id,
            impact=self.impact,
            likelihood=self.likelihood,
            review_date=self.review_date,
            criteria=list(self.criteria),
            status="closed" if self.status == "closed" else "open",
            priorities=list(self.priorities),
        )

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
    return checked_input(RiskInput, fields)


def _check_criteria(workspace: Workspace, item: RiskInput) -> None:
    check_links(workspace, item.criteria, item.priorities)


def add_risk(workspace: Workspace, item: RiskInput, risk_id: str | None = None) -> str:
    """A new risk (`risk_id` given: a deleted one put back by Undo, with its own id)."""
    _check_criteria(workspace, item)
    with workspace.transaction() as session:
        row = Risk(assessment_id=workspace.assessment_id, **_values(item))
        if risk_id is not None:
            row.id = risk_id
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
        held = priorities_held(session)
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
                r.status,
                r.owner_person_id,
                priorities_of(r.priorities, held),
            )
            for r in rows
        ]
    return sorted(views, key=lambda v: (v.status == "closed", -v.score, v.title))


def _values(item: RiskInput) -> dict[str, object]:
    return {
        **item.model_dump(exclude={"criteria", "priorities"}),
        "criteria": ",".join(item.criteria),
        "priorities": joined(item.priorities),
    }


def update_risk(
    workspace: Workspace, risk_id: str, item: RiskInput, expect: RiskInput | None = None
) -> None:
    """Change a risk (its score, review date, status...); each changed field is in the history.
    `expect`: the risk as the person saw it; refused if it no longer is (changed_meanwhile)."""
    _check_criteria(workspace, item)
    values = _values(item)
    with workspace.transaction() as session:
        row = session.get(Risk, risk_id, with_for_update=True)
        if row is None:
            raise InputError(f"no risk with id '{risk_id}' (deleted meanwhile?)")
        current = {name: getattr(row, name) for name in values}
        # as the person saw them: a deleted priority's id is kept, unseen (services/links.py)
        current["priorities"] = joined(priorities_of(row.priorities, priorities_held(session)))
        expected = _values(expect) if expect is not None else None
        refuse_if_changed(f"risk '{row.title}'", current, expected)
        for name, value in values.items():
            old = getattr(row, name)
            if old != value:
                setattr(row, name, value)
                record_change(
                    session,
                    workspace.user,
                    "risk",
                    risk_id,
                    name,
                    None if old is None else str(old),
                    None if value is None else str(value),
                    assessment_id=workspace.assessment_id,
                )


def delete_risk(workspace: Workspace, risk_id: str) -> None:
    with workspace.transaction() as session:
        row = session.get(Risk, risk_id)
        if row is None:
            raise InputError(f"no risk with id '{risk_id}' (deleted meanwhile?)")
        record_change(
            session,
            workspace.user,
            "risk",
            risk_id,
            "deleted",
            row.title,
            None,
            assessment_id=workspace.assessment_id,
        )
        session.delete(row)


def heat_map(risks: list[RiskView]) -> dict[tuple[int, int], list[RiskView]]:
    """(impact, likelihood) -> the open risks in that cell of the 5x5 grid."""
    cells: dict[tuple[int, int], list[RiskView]] = {}
    for risk in risks:
        if risk.status == "closed":
            continue  # closed risks stay in the register, out of the map
        cells.setdefault((risk.impact, risk.likelihood), []).append(risk)
    return cells
