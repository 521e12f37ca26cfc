"""Rating a criterion (or one of its bullets) and writing the narrative behind the rating."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED
from selfeval.services.changed_meanwhile import ChangedElsewhere
from selfeval.services.history import record_change
from selfeval.services.record_fields import JUDGEMENT, MAX_TEXT, Kind
from selfeval.services.record_fields import Path as RecordPath
from selfeval.services.workspace import Workspace
from selfeval.store.models import Judgement
from selfeval.store.types import new_id, utc_now
from selfeval.store.upsert import insert_missing

FAMILY_FIELDS = tuple(f.name for f in JUDGEMENT.fields if RecordPath.PARENTS in f.also)
"""What the partnership says to families about a criterion (the summary for parents and carers):
written for them, so it never borrows the professional narrative."""
NARRATIVE_FIELDS = tuple(f.name for f in JUDGEMENT.fields if f.kind is Kind.TEXT)
"""Every text of a judgement, from the one declaration of its fields."""


@dataclass(frozen=True)
class JudgementView:
    criterion_id: str
    bullet_id: str
    rating: str
    rationale: str
    strengths: str
    areas_for_development: str
    impact: str
    note: str
    updated_by: str
    updated_at: datetime | None
    previous_rating: str = ""
    """The rating in the cycle this one was started from ("" when there was none)."""
    family_statement: str = ""
    family_going_well: str = ""
    family_working_on: str = ""
    what_good_looks_like: str = ""
    """The partnership's own statement of what good looks like for the criterion."""


def _view(row: Judgement | None, criterion_id: str, bullet_id: str) -> JudgementView:
    if row is None:
        return JudgementView(criterion_id, bullet_id, NOT_RATED, "", "", "", "", "", "", None)
    return JudgementView(
        row.criterion_id,
        row.bullet_id,
        row.rating,
        row.rationale,
        row.strengths,
        row.areas_for_development,
        row.impact,
        row.note,
        row.updated_by,
        row.updated_at,
        row.previous_rating,
        row.family_statement,
        row.family_going_well,
        row.family_working_on,
        row.what_good_looks_like,
    )


def check_criterion(workspace: Workspace, criterion_id: str, bullet_id: str = "") -> None:
    """Raise a clear InputError when an id is not part of the workspace's framework."""
    try:
        criterion = workspace.framework.criterion(criterion_id)
    except KeyError:
        known = ", ".join(c.id for c in workspace.framework.criteria)
        raise InputError(f"'{criterion_id}' is not a criterion here (criteria: {known})") from None
    if bullet_id and bullet_id not in {b.id for b in criterion.bullets}:
        raise InputError(f"'{bullet_id}' is not a bullet of criterion '{criterion_id}'")


def _find(
    session: Session, assessment_id: str, criterion_id: str, bullet_id: str, lock: bool = False
) -> Judgement | None:
    query = select(Judgement).where(
        Judgement.assessment_id == assessment_id,
        Judgement.criterion_id == criterion_id,
        Judgement.bullet_id == bullet_id,
    )
    if lock:
        # On a server two writers run at once: the row is locked as it is read, so the value
        # the history records as replaced is the one the other writer just committed (a file
        # serialises writers already: its transactions begin IMMEDIATE, and SQLite ignores this).
        query = query.with_for_update().execution_options(populate_existing=True)
    return session.scalars(query).first()


def new_judgement_row(
    session: Session, assessment_id: str, criterion_id: str, bullet_id: str
) -> Judgement:
    """The judgement row, made empty ("not rated") if there is none yet: an upsert, so two
    writers making it at once both succeed (store/upsert.py)."""
    insert_missing(
        session,
        Judgement,
        {
            "id": new_id(),
            "assessment_id": assessment_id,
            "criterion_id": criterion_id,
            "bullet_id": bullet_id,
            "rating": NOT_RATED,
        },
        ("assessment_id", "criterion_id", "bullet_id"),
    )
    row = _find(session, assessment_id, criterion_id, bullet_id, lock=True)
    assert row is not None
    return row


def get_judgement(workspace: Workspace, criterion_id: str, bullet_id: str = "") -> JudgementView:
    check_criterion(workspace, criterion_id, bullet_id)
    with workspace.transaction(read_only=True) as session:
        row = _find(session, workspace.assessment_id, criterion_id, bullet_id)
        return _view(row, criterion_id, bullet_id)


def list_judgements(workspace: Workspace) -> dict[tuple[str, str], JudgementView]:
    """Every recorded judgement of the current assessment, keyed by (criterion, bullet)."""
    with workspace.transaction(read_only=True) as session:
        rows = session.scalars(
            select(Judgement).where(Judgement.assessment_id == workspace.assessment_id)
        )
        return {(r.criterion_id, r.bullet_id): _view(r, r.criterion_id, r.bullet_id) for r in rows}


def set_judgement(
    workspace: Workspace,
    criterion_id: str,
    bullet_id: str = "",
    *,
    rating: str | None = None,
    origin: str = "local",
    expect: dict[str, str] | None = None,
    **narrative: str | None,
) -> JudgementView:
    """Change the given fields only; fields passed as None stay as they are.

    Without `expect` this is a blind write: it always applies (the last writer wins) and the
    history keeps the value it replaced. With `expect` (field -> the value the caller last saw)
    it is compare-and-set: if any of those fields now holds something else, ChangedElsewhere
    says who changed it and nothing is written. Undo and redo use it."""
    check_criterion(workspace, criterion_id, bullet_id)
    unknown = set(narrative) - set(NARRATIVE_FIELDS)
    if unknown:
        raise InputError(f"unknown judgement field(s): {', '.join(sorted(unknown))}")
    if rating is not None:
        try:
            workspace.framework.rating_scale.level(rating)
        except KeyError as err:
            raise InputError(str(err.args[0])) from None
    changes: dict[str, str] = {"rating": rating} if rating is not None else {}
    for field, value in narrative.items():
        if value is None:
            continue
        if len(value) > MAX_TEXT:
            raise InputError(f"{field} is {len(value):,} characters; the limit is {MAX_TEXT:,}")
        changes[field] = value
    with workspace.transaction() as session:
        row = write_judgement(session, workspace, criterion_id, bullet_id, changes, origin, expect)
        return _view(row, criterion_id, bullet_id)


def write_judgement(
    session: Session,
    workspace: Workspace,
    criterion_id: str,
    bullet_id: str,
    changes: dict[str, str],
    origin: str,
    expect: dict[str, str] | None = None,
) -> Judgement:
    """Inside the caller's transaction: the fields changed (values already checked), each
    change in the history; compare-and-set on `expect`. Many judgements in one transaction
    (an import) call this once each."""
    row = new_judgement_row(session, workspace.assessment_id, criterion_id, bullet_id)
    for field, expected in (expect or {}).items():
        now = getattr(row, field)
        if now != expected:
            raise ChangedElsewhere(_changed_elsewhere(row, criterion_id, bullet_id, field))
    changed = False
    for field, value in changes.items():
        old = getattr(row, field)
        if old == value:
            continue
        setattr(row, field, value)
        changed = True
        record_change(
            session,
            workspace.user,
            "judgement",
            row.id,
            field,
            old,
            value,
            assessment_id=workspace.assessment_id,
            criterion_id=criterion_id,
            origin=origin,
        )
    if changed:
        row.updated_by = workspace.user.name
        row.updated_at = utc_now()
    return row


def set_judgement_field(
    workspace: Workspace,
    criterion_id: str,
    bullet_id: str,
    field: str,
    value: str,
    expect: str | None = None,
) -> JudgementView:
    """One field (the rating or a narrative field) by name; `expect` makes it compare-and-set:
    the field must still hold that value (see set_judgement)."""
    expected = {field: expect} if expect is not None else None
    if field == "rating":
        return set_judgement(workspace, criterion_id, bullet_id, rating=value, expect=expected)
    if field not in NARRATIVE_FIELDS:
        raise InputError(f"unknown judgement field: {field}")
    return set_judgement(workspace, criterion_id, bullet_id, expect=expected, **{field: value})


def _changed_elsewhere(row: Judgement, criterion_id: str, bullet_id: str, field: str) -> str:
    where = f"{criterion_id} bullet {bullet_id}" if bullet_id else criterion_id
    when = f" at {row.updated_at:%H:%M on %d %b}" if row.updated_at else ""
    who = row.updated_by or "someone else"
    return (
        f"{where}: {field.replace('_', ' ')} was changed by {who}{when} since you last saw "
        "it, so your change (or undo, or redo) was not saved; their value is kept. Look at it "
        "and change it again if you need to."
    )
