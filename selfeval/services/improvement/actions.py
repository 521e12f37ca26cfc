"""The action plan: what the partnership will do, who owns it, by when, and how it is going.

"Overdue" is computed from the due date and the status against a given day, never typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import delete, select

from selfeval.errors import InputError
from selfeval.services.changed_meanwhile import refuse_if_changed
from selfeval.services.checked_input import checked_input
from selfeval.services.history import record_change
from selfeval.services.links import check_links, joined, priorities_held, priorities_of
from selfeval.services.vocabulary import ACTION_PRIORITIES as PRIORITIES
from selfeval.services.vocabulary import ACTION_STATUSES as STATUSES
from selfeval.services.workspace import Workspace
from selfeval.store.models import Organisation, Person
from selfeval.store.models_plan import Action, ActionCriterion, ActionNote
from selfeval.store.types import utc_now


class ActionInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=500)
    description: str = Field(default="", max_length=100_000)
    criteria: list[str] = []
    owner_person_id: str | None = None
    owner_organisation_id: str | None = None
    due_date: date | None = None
    status: str = "not-started"
    priority: str = "improvement"
    priorities: list[str] = []
    """The strategic priorities it serves by name (ids), beyond those of its criteria."""

    @field_validator("status")
    @classmethod
    def _status(cls, value: str) -> str:
        if value not in STATUSES:
            raise ValueError(f"unknown status '{value}' ({', '.join(STATUSES)})")
        return value

    @field_validator("priority")
    @classmethod
    def _priority(cls, value: str) -> str:
        if value not in PRIORITIES:
            raise ValueError(f"unknown priority '{value}' ({', '.join(PRIORITIES)})")
        return value


@dataclass(frozen=True)
class ActionNoteView:
    noted_on: date
    text: str
    author: str


@dataclass(frozen=True)
class ActionView:
    id: str
    title: str
    description: str
    criteria: tuple[str, ...]
    owner: str
    owner_person_id: str | None
    owner_organisation_id: str | None
    due_date: date | None
    status: str
    priority: str
    overdue: bool
    notes: tuple[ActionNoteView, ...]
    priorities: tuple[str, ...] = ()

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    def as_input(self) -> ActionInput:
        """The action as it would be typed again (to undo an edit, or to check it is unchanged)."""
        return parse_action(
            title=self.title,
            description=self.description,
            criteria=list(self.criteria),
            owner_person_id=self.owner_person_id,
            owner_organisation_id=self.owner_organisation_id,
            due_date=self.due_date,
            status=self.status,
            priority=self.priority,
            priorities=list(self.priorities),
        )


def is_overdue(due_date: date | None, status: str, today: date) -> bool:
    return due_date is not None and due_date < today and status != "complete"


def _check(workspace: Workspace, item: ActionInput) -> None:
    check_links(workspace, item.criteria, item.priorities)


def _columns(item: ActionInput) -> dict[str, object]:
    """The action's own columns (its criteria are rows of their own)."""
    return {
        **item.model_dump(exclude={"criteria", "priorities"}),
        "priorities": joined(item.priorities),
    }


def parse_action(**fields: object) -> ActionInput:
    return checked_input(ActionInput, fields)


def add_action(
    workspace: Workspace,
    item: ActionInput,
    action_id: str | None = None,
    notes: tuple[ActionNoteView, ...] = (),
) -> str:
    """A new action; with `action_id` and `notes`, a deleted one put back by Undo as it was."""
    _check(workspace, item)
    with workspace.transaction() as session:
        row = Action(
            assessment_id=workspace.assessment_id,
            **_columns(item),
        )
        if action_id is not None:
            row.id = action_id
        session.add(row)
        session.flush()
        for note in notes:
            session.add(
                ActionNote(
                    action_id=row.id, noted_on=note.noted_on, text=note.text, author=note.author
                )
            )
        for criterion_id in dict.fromkeys(item.criteria):
            session.add(ActionCriterion(action_id=row.id, criterion_id=criterion_id))
        record_change(
            session,
            workspace.user,
            "action",
            row.id,
            "created",
            None,
            item.title,
            assessment_id=workspace.assessment_id,
            criterion_id=item.criteria[0] if item.criteria else None,
        )
        return row.id


def update_action(
    workspace: Workspace, action_id: str, item: ActionInput, expect: ActionInput | None = None
) -> None:
    """`expect`: the action as the person saw it; refused if it no longer is (someone else
    changed it meanwhile: services/changed_meanwhile.py)."""
    _check(workspace, item)
    with workspace.transaction() as session:
        row = session.get(Action, action_id, with_for_update=True)
        if row is None:
            raise InputError(f"no action with id '{action_id}'")
        fields = _columns(item)
        current = {name: getattr(row, name) for name in fields}
        # as the person saw them: a deleted priority's id is kept, unseen (services/links.py)
        current["priorities"] = joined(priorities_of(row.priorities, priorities_held(session)))
        expected = _columns(expect) if expect is not None else None
        refuse_if_changed(f"action '{row.title}'", current, expected)
        for name, value in fields.items():
            old = getattr(row, name)
            if old != value:
                setattr(row, name, value)
                record_change(
                    session,
                    workspace.user,
                    "action",
                    action_id,
                    name,
                    old,
                    value,
                    assessment_id=workspace.assessment_id,
                    criterion_id=item.criteria[0] if item.criteria else None,
                )
        session.execute(delete(ActionCriterion).where(ActionCriterion.action_id == action_id))
        for criterion_id in dict.fromkeys(item.criteria):
            session.add(ActionCriterion(action_id=action_id, criterion_id=criterion_id))
        row.updated_at = utc_now()


def set_status(workspace: Workspace, action_id: str, status: str) -> None:
    current = action_by_id(workspace, action_id).as_input()
    update_action(workspace, action_id, parse_action(**{**current.model_dump(), "status": status}))


def add_progress_note(
    workspace: Workspace, action_id: str, text: str, on: date | None = None
) -> None:
    if not text.strip():
        raise InputError("the progress note is empty")
    with workspace.transaction() as session:
        if session.get(Action, action_id) is None:
            raise InputError(f"no action with id '{action_id}'")
        session.add(
            ActionNote(
                action_id=action_id,
                noted_on=on or date.today(),
                text=text.strip(),
                author=workspace.user.name,
            )
        )
        record_change(
            session,
            workspace.user,
            "action",
            action_id,
            "progress note",
            None,
            text.strip(),
            assessment_id=workspace.assessment_id,
        )


def list_actions(
    workspace: Workspace,
    *,
    criterion_id: str | None = None,
    owner_person_id: str | None = None,
    overdue_only: bool = False,
    today: date | None = None,
) -> list[ActionView]:
    today = today or date.today()
    with workspace.transaction(read_only=True) as session:
        people = dict(session.execute(select(Person.id, Person.name)).all())
        organisations = dict(session.execute(select(Organisation.id, Organisation.name)).all())
        held = priorities_held(session)
        links: dict[str, list[str]] = {}
        for action_id, linked in session.execute(
            select(ActionCriterion.action_id, ActionCriterion.criterion_id)
        ):
            links.setdefault(action_id, []).append(linked)
        notes: dict[str, list[ActionNoteView]] = {}
        for note in session.scalars(select(ActionNote).order_by(ActionNote.noted_on)):
            notes.setdefault(note.action_id, []).append(
                ActionNoteView(note.noted_on, note.text, note.author)
            )
        rows = session.scalars(
            select(Action)
            .where(Action.assessment_id == workspace.assessment_id)
            .order_by(Action.due_date.is_(None), Action.due_date, Action.title)
        ).all()
        views = []
        for row in rows:
            owner = people.get(row.owner_person_id or "") or organisations.get(
                row.owner_organisation_id or "", ""
            )
            views.append(
                ActionView(
                    row.id,
                    row.title,
                    row.description,
                    tuple(sorted(links.get(row.id, []))),
                    owner,
                    row.owner_person_id,
                    row.owner_organisation_id,
                    row.due_date,
                    row.status,
                    row.priority,
                    is_overdue(row.due_date, row.status, today),
                    tuple(notes.get(row.id, [])),
                    priorities_of(row.priorities, held),
                )
            )
    if criterion_id is not None:
        views = [v for v in views if criterion_id in v.criteria]
    if owner_person_id is not None:
        views = [v for v in views if v.owner_person_id == owner_person_id]
    if overdue_only:
        views = [v for v in views if v.overdue]
    return views


def action_by_id(workspace: Workspace, action_id: str) -> ActionView:
    for view in list_actions(workspace):
        if view.id == action_id:
            return view
    raise InputError(f"no action with id '{action_id}'")


def delete_action(workspace: Workspace, action_id: str) -> None:
    with workspace.transaction() as session:
        row = session.get(Action, action_id)
        if row is None:
            raise InputError(f"no action with id '{action_id}'")
        record_change(
            session,
            workspace.user,
            "action",
            action_id,
            "deleted",
            row.title,
            None,
            assessment_id=workspace.assessment_id,
        )
        session.delete(row)
