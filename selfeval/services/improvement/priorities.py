"""The partnership's strategic priorities: the golden thread inspectors look for, from a
criterion to what is being done about it and how it is measured.

A priority (numbered as the partnership numbers them: Dudley's six, Plymouth's nine) names the
criteria it serves and the indicators that measure it. Its actions and risks are those of the
current assessment linked to it by name (action.priorities, risk.priorities, carried to each
new cycle with them) or on its criteria, so the thread follows the plan as it changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.services.checked_input import checked_input
from selfeval.services.history import record_change
from selfeval.services.improvement.indicators import indicator_library
from selfeval.services.links import check_links
from selfeval.services.plain_names import unsafe_character
from selfeval.services.workspace import Workspace
from selfeval.store.models import Person
from selfeval.store.models_plan import Priority


class PriorityInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    number: int = Field(ge=1, le=99)
    title: str = Field(min_length=1, max_length=500)
    description: str = Field(default="", max_length=100_000)
    owner_person_id: str | None = None
    board: str = Field(default="", max_length=200)
    criteria: list[str] = []
    indicators: list[str] = []

    @field_validator("title", "board")
    @classmethod
    def _printable(cls, value: str) -> str:
        fault = unsafe_character(value)
        if fault is not None:
            raise ValueError(f"cannot be printed: {fault}")
        return value


@dataclass(frozen=True)
class ActionThread:
    title: str
    status: str
    due: date | None


@dataclass(frozen=True)
class PriorityView:
    id: str
    number: int
    title: str
    description: str
    owner: str
    board: str
    criteria: tuple[str, ...]
    indicators: tuple[str, ...]
    owner_person_id: str | None = None

    def as_input(self) -> PriorityInput:
        return PriorityInput(
            number=self.number,
            title=self.title,
            description=self.description,
            owner_person_id=self.owner_person_id,
            board=self.board,
            criteria=list(self.criteria),
            indicators=list(self.indicators),
        )


def parse_priority(**fields: object) -> PriorityInput:
    return checked_input(PriorityInput, fields)


def _check(workspace: Workspace, item: PriorityInput) -> None:
    check_links(workspace, item.criteria)
    library = indicator_library()
    unknown = [i for i in item.indicators if i not in library]
    if unknown:
        raise InputError(f"'{unknown[0]}' is not an indicator selfeval knows")


def _values(item: PriorityInput) -> dict[str, object]:
    return {
        **item.model_dump(exclude={"criteria", "indicators"}),
        "criteria": ",".join(dict.fromkeys(item.criteria)),
        "indicators": ",".join(dict.fromkeys(item.indicators)),
    }


def add_priority(workspace: Workspace, item: PriorityInput, priority_id: str | None = None) -> str:
    """A new priority (`priority_id` given: a deleted one put back by Undo, with its own id)."""
    _check(workspace, item)
    with workspace.transaction() as session:
        taken = session.scalars(select(Priority.id).where(Priority.number == item.number))
        if taken.first() is not None:
            raise InputError(f"there is already a priority {item.number}")
        row = Priority(**_values(item))
        if priority_id is not None:
            row.id = priority_id
        session.add(row)
        session.flush()
        record_change(session, workspace.user, "priority", row.id, "created", None, item.title)
        return row.id


def update_priority(workspace: Workspace, priority_id: str, item: PriorityInput) -> None:
    """Change a priority; each changed field in the history."""
    _check(workspace, item)
    with workspace.transaction() as session:
        row = session.get(Priority, priority_id, with_for_update=True)
        if row is None:
            raise InputError(f"no priority with id '{priority_id}' (deleted meanwhile?)")
        clash = session.scalars(
            select(Priority.id).where(Priority.number == item.number, Priority.id != priority_id)
        ).first()
        if clash is not None:
            raise InputError(f"there is already a priority {item.number}")
        for name, value in _values(item).items():
            old = getattr(row, name)
            if old != value:
                setattr(row, name, value)
                record_change(session, workspace.user, "priority", priority_id, name, old, value)


def delete_priority(workspace: Workspace, priority_id: str) -> None:
    with workspace.transaction() as session:
        row = session.get(Priority, priority_id)
        if row is None:
            raise InputError(f"no priority with id '{priority_id}' (deleted meanwhile?)")
        record_change(session, workspace.user, "priority", priority_id, "deleted", row.title, None)
        session.delete(row)


def list_priorities(workspace: Workspace) -> list[PriorityView]:
    with workspace.transaction(read_only=True) as session:
        people = dict(session.execute(select(Person.id, Person.name)).all())
        rows = session.scalars(select(Priority).order_by(Priority.number)).all()
        return [
            PriorityView(
                r.id,
                r.number,
                r.title,
                r.description,
                people.get(r.owner_person_id or "", ""),
                r.board,
                tuple(c for c in r.criteria.split(",") if c),
                tuple(i for i in r.indicators.split(",") if i),
                r.owner_person_id,
            )
            for r in rows
        ]


def priority_numbered(workspace: Workspace, number: int) -> PriorityView:
    found = next((p for p in list_priorities(workspace) if p.number == number), None)
    if found is None:
        raise InputError(f"there is no priority {number}")
    return found


def actions_of(workspace: Workspace, priority: PriorityView) -> list[ActionThread]:
    """The current assessment's actions that serve the priority: those linked to it by name
    and those on its criteria."""
    from selfeval.services.improvement.actions import list_actions

    wanted = set(priority.criteria)
    return [
        ActionThread(a.title, a.status, a.due_date)
        for a in list_actions(workspace)
        if priority.id in a.priorities or wanted & set(a.criteria)
    ]


@dataclass(frozen=True)
class RiskThread:
    title: str
    rating: str
    """The risk's rating in words ("High"), from its score."""
    status: str


def risks_of(workspace: Workspace, priority: PriorityView) -> list[RiskThread]:
    """The current assessment's risks to the priority: linked to it by name or on its
    criteria."""
    from selfeval.services.improvement.risks import list_risks

    wanted = set(priority.criteria)
    return [
        RiskThread(r.title, r.rating, r.status)
        for r in list_risks(workspace)
        if priority.id in r.priorities or wanted & set(r.criteria)
    ]


@dataclass(frozen=True)
class PriorityProgress:
    number: int
    title: str
    complete: int
    actions: int


def priority_progress(workspace: Workspace) -> list[PriorityProgress]:
    """Each priority with how many of the actions on its criteria are complete: the dashboard's
    line per priority."""
    progress = []
    for priority in list_priorities(workspace):
        actions = actions_of(workspace, priority)
        done = sum(1 for a in actions if a.status == "complete")
        progress.append(PriorityProgress(priority.number, priority.title, done, len(actions)))
    return progress


def _found(kind: str, wanted: str, rows: list[tuple[str, str]]) -> str:
    """The id of the row named by id, or by title (any case) when only one has it."""
    if any(row_id == wanted for row_id, _ in rows):
        return wanted
    titled = [row_id for row_id, title in rows if title.strip().lower() == wanted.strip().lower()]
    if len(titled) == 1:
        return titled[0]
    if titled:
        raise InputError(f"{len(titled)} {kind}s are called '{wanted}': give its id")
    raise InputError(f"no {kind} of this cycle has the id or title '{wanted}'")


def link_plan(
    workspace: Workspace,
    priority_id: str,
    actions: list[str],
    risks: list[str],
    linking: bool = True,
) -> list[str]:
    """Link (or unlink) actions and risks of this cycle, named by id or title, to a priority by
    name; what was done, in words. Every name is found before anything is written."""
    from selfeval.services.improvement.actions import list_actions, update_action
    from selfeval.services.improvement.risks import list_risks, update_risk

    held_actions = {a.id: a for a in list_actions(workspace)}
    held_risks = {r.id: r for r in list_risks(workspace)}
    action_ids = [
        _found("action", a, [(i, v.title) for i, v in held_actions.items()]) for a in actions
    ]
    risk_ids = [_found("risk", r, [(i, v.title) for i, v in held_risks.items()]) for r in risks]

    def changed(current: list[str]) -> list[str]:
        kept = [p for p in current if p != priority_id]
        return [*kept, priority_id] if linking else kept

    for action_id in dict.fromkeys(action_ids):
        action = held_actions[action_id].as_input()
        action.priorities = changed(action.priorities)
        update_action(workspace, action_id, action)
    for risk_id in dict.fromkeys(risk_ids):
        risk = held_risks[risk_id].as_input()
        risk.priorities = changed(risk.priorities)
        update_risk(workspace, risk_id, risk)
    return [f"action '{held_actions[i].title}'" for i in dict.fromkeys(action_ids)] + [
        f"risk '{held_risks[i].title}'" for i in dict.fromkeys(risk_ids)
    ]
