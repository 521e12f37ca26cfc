"""My work: what one person has to do, in one place (the compliance tools' users ask for a
"my assignments" view first).

For a person: the criteria they lead or contribute to and what each still lacks, their open
actions (overdue, due within 14 days, later), the contribution requests addressed to them or sent
by them, and comments others added to their criteria in the last 14 days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED
from selfeval.services.comments import list_comments
from selfeval.services.contributions.tracking import contributions_in_flight
from selfeval.services.improvement.actions import list_actions
from selfeval.services.people import PersonView, list_owners, list_people
from selfeval.services.readiness import readiness
from selfeval.services.workspace import Workspace

SOON = timedelta(days=14)


@dataclass(frozen=True)
class CriterionWork:
    criterion_id: str
    title: str
    role: str
    rating: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class ActionWork:
    action_id: str
    title: str
    due_date: date | None
    status: str


@dataclass(frozen=True)
class RequestWork:
    request_id: str
    direction: str  # "to me" or "from me"
    counterpart: str
    criteria: tuple[str, ...]
    due_date: date | None
    status: str


@dataclass(frozen=True)
class CommentWork:
    criterion_id: str
    author: str
    created_at: datetime
    text: str


@dataclass
class MyWork:
    person: str
    organisation: str
    criteria: list[CriterionWork] = field(default_factory=list)
    overdue: list[ActionWork] = field(default_factory=list)
    due_soon: list[ActionWork] = field(default_factory=list)
    later: list[ActionWork] = field(default_factory=list)
    requests: list[RequestWork] = field(default_factory=list)
    new_comments: list[CommentWork] = field(default_factory=list)

    def due_this_week(self, today: date) -> int:
        """Overdue actions and those due in the next seven days: the opening banner's count."""
        week = today + timedelta(days=7)
        return len(self.overdue) + sum(
            1 for a in self.due_soon if a.due_date is not None and a.due_date <= week
        )

    def as_dict(self) -> dict[str, object]:
        def action(a: ActionWork) -> dict[str, object]:
            due = a.due_date.isoformat() if a.due_date else None
            return {"id": a.action_id, "title": a.title, "due_date": due, "status": a.status}

        return {
            "person": self.person,
            "organisation": self.organisation,
            "criteria": [
                {
                    "criterion": c.criterion_id,
                    "title": c.title,
                    "role": c.role,
                    "rating": c.rating,
                    "missing": list(c.missing),
                }
                for c in self.criteria
            ],
            "actions": {
                "overdue": [action(a) for a in self.overdue],
                "due_within_14_days": [action(a) for a in self.due_soon],
                "later": [action(a) for a in self.later],
            },
            "requests": [
                {
                    "id": r.request_id,
                    "direction": r.direction,
                    "with": r.counterpart,
                    "criteria": list(r.criteria),
                    "due_date": r.due_date.isoformat() if r.due_date else None,
                    "status": r.status,
                }
                for r in self.requests
            ],
            "new_comments": [
                {
                    "criterion": c.criterion_id,
                    "author": c.author,
                    "created_at": c.created_at.isoformat(),
                    "text": c.text,
                }
                for c in self.new_comments
            ],
        }


def my_work(
    workspace: Workspace, person_name: str | None = None, today: date | None = None
) -> MyWork:
    """`person_name` defaults to who is working (the current user); it must name a person."""
    today = today or date.today()
    wanted = (person_name or workspace.user.name).strip()
    people = [p for p in list_people(workspace) if p.name.lower() == wanted.lower()]
    if not people:
        known = ", ".join(p.name for p in list_people(workspace)) or "none yet"
        raise InputError(f"no person called '{wanted}' in this workspace (people: {known})")
    person = people[0]
    work = MyWork(person.name, person.organisation)
    framework = workspace.framework
    with workspace.one_moment():
        _my_criteria(workspace, person.id, today, work)
        _my_actions(workspace, person.id, today, work)
        _my_requests(workspace, person, today, work)
        _new_comments(workspace, person.name, today, work)
    work.criteria.sort(key=lambda c: framework.numbers[c.criterion_id])
    work.overdue.sort(key=lambda a: a.due_date or today)
    work.due_soon.sort(key=lambda a: a.due_date or today)
    return work


def _my_criteria(workspace: Workspace, person_id: str, today: date, work: MyWork) -> None:
    """The criteria the person owns, each with what it still lacks."""
    summary = readiness(workspace, today)
    for owner in list_owners(workspace):
        if owner.person_id != person_id:
            continue
        missing = []
        if summary.ratings.get(owner.criterion_id, NOT_RATED) == NOT_RATED:
            missing.append("not rated")
        if owner.criterion_id in summary.without_evidence:
            missing.append("no evidence")
        work.criteria.append(
            CriterionWork(
                owner.criterion_id,
                workspace.framework.criterion(owner.criterion_id).title,
                owner.role,
                summary.ratings.get(owner.criterion_id, NOT_RATED),
                tuple(missing),
            )
        )


def _my_actions(workspace: Workspace, person_id: str, today: date, work: MyWork) -> None:
    """The person's open actions: overdue, due soon, or later."""
    for action in list_actions(workspace, owner_person_id=person_id, today=today):
        if action.status == "complete":
            continue
        item = ActionWork(action.id, action.title, action.due_date, action.status)
        if action.overdue:
            work.overdue.append(item)
        elif action.due_date is not None and action.due_date <= today + SOON:
            work.due_soon.append(item)
        else:
            work.later.append(item)


def _my_requests(workspace: Workspace, person: PersonView, today: date, work: MyWork) -> None:
    """Contribution requests in flight to the person (or their organisation) or from them."""
    names = {person.name.lower(), person.organisation.lower()} - {""}
    for status in contributions_in_flight(workspace, today=today):
        if status.recipient.lower() in names:
            direction, counterpart = "to me", status.sent_by
        elif status.sent_by.lower() == person.name.lower():
            direction, counterpart = "from me", status.recipient
        else:
            continue
        work.requests.append(
            RequestWork(
                status.request_id,
                direction,
                counterpart,
                status.criteria,
                status.due_date,
                status.status,
            )
        )


def _new_comments(workspace: Workspace, name: str, today: date, work: MyWork) -> None:
    """Others' comments of the last weeks on the person's criteria."""
    since = datetime.combine(today - SOON, time(), tzinfo=UTC)
    for criterion_id in sorted({c.criterion_id for c in work.criteria}):
        for comment in list_comments(workspace, criterion_id):
            if comment.created_at >= since and comment.author.lower() != name.lower():
                work.new_comments.append(
                    CommentWork(criterion_id, comment.author, comment.created_at, comment.text)
                )
