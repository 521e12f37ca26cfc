"""Ready for the data request: on notification a partnership has days to produce the data and
documents inspectors ask for. Each item says who holds it, where, when it was last refreshed,
whether it can be produced within the notice period, and the evidence behind it.

An item is *ready* when it has an owner, a place where it is held, a refresh within the last
12 months and a "yes" for the notice period; otherwise the reasons say what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.locations import resource_path
from selfeval.services.history import record_change
from selfeval.services.workspace import Workspace
from selfeval.store.models import EvidenceItem, Person
from selfeval.store.models_plan import DataRequestItem
from selfeval.store.types import new_id

STALE_AFTER = timedelta(days=365)
TITLE_LIMIT = 500
HELD_LIMIT = 2_000


class _StarterItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=1, max_length=TITLE_LIMIT)
    kind: Literal["data", "document"]


class _StarterList(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal[1]
    ours: bool
    items: list[_StarterItem]


@lru_cache(maxsize=1)
def starter_list() -> tuple[tuple[str, str], ...]:
    """(title, kind) of the bundled starter list (resources/data_request.yaml), checked once."""
    path = resource_path("resources", "data_request.yaml")
    try:
        data = _StarterList.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as err:
        raise InputError(f"{path}: the starter list is not valid ({err})") from None
    return tuple((item.title, item.kind) for item in data.items)


class DataRequestInput(BaseModel):
    """What a person types for one item; checked before anything is stored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
    title: str = Field(min_length=1, max_length=TITLE_LIMIT)
    kind: Literal["data", "document"] = "data"
    owner_person_id: str | None = None
    held_where: str = Field(default="", max_length=HELD_LIMIT)
    refreshed_on: date | None = None
    within_notice: Literal["yes", "no", "unknown"] = "unknown"
    evidence_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class DataRequestView:
    id: str
    position: int
    title: str
    kind: str
    owner_person_id: str | None
    owner: str
    held_where: str
    refreshed_on: date | None
    within_notice: str
    evidence_ids: tuple[str, ...]
    ours: bool
    not_ready: tuple[str, ...]
    """Why the item is not ready yet; empty when it is."""

    @property
    def ready(self) -> bool:
        return not self.not_ready

    def as_input(self) -> DataRequestInput:
        return DataRequestInput(
            title=self.title,
            kind=self.kind,
            owner_person_id=self.owner_person_id,
            held_where=self.held_where,
            refreshed_on=self.refreshed_on,
            within_notice=self.within_notice,
            evidence_ids=self.evidence_ids,
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind,
            "owner": self.owner or None,
            "held_where": self.held_where,
            "refreshed_on": self.refreshed_on.isoformat() if self.refreshed_on else None,
            "within_notice": self.within_notice,
            "evidence_ids": list(self.evidence_ids),
            "ours": self.ours,
            "ready": self.ready,
            "not_ready": list(self.not_ready),
        }


def why_not_ready(
    owner: str, held_where: str, refreshed_on: date | None, within_notice: str, today: date
) -> tuple[str, ...]:
    reasons = []
    if not owner:
        reasons.append("no owner")
    if not held_where.strip():
        reasons.append("where it is held is not recorded")
    if refreshed_on is None:
        reasons.append("never refreshed")
    elif refreshed_on < today - STALE_AFTER:
        reasons.append(f"last refreshed {refreshed_on:%d %b %Y}, over 12 months ago")
    if within_notice != "yes":
        reasons.append(
            "cannot be produced within the notice period"
            if within_notice == "no"
            else "not known whether it can be produced within the notice period"
        )
    return tuple(reasons)


def list_items(workspace: Workspace, today: date | None = None) -> list[DataRequestView]:
    today = today or date.today()
    with workspace.transaction(read_only=True) as session:
        names = dict(session.execute(select(Person.id, Person.name)).all())
        rows = session.scalars(
            select(DataRequestItem)
            .where(DataRequestItem.assessment_id == workspace.assessment_id)
            .order_by(DataRequestItem.position, DataRequestItem.title)
        ).all()
        return [
            DataRequestView(
                r.id,
                r.position,
                r.title,
                r.kind,
                r.owner_person_id,
                names.get(r.owner_person_id or "", ""),
                r.held_where,
                r.refreshed_on,
                r.within_notice,
                tuple(e for e in r.evidence_ids.split(",") if e),
                r.ours,
                why_not_ready(
                    names.get(r.owner_person_id or "", ""),
                    r.held_where,
                    r.refreshed_on,
                    r.within_notice,
                    today,
                ),
            )
            for r in rows
        ]


def not_ready_count(workspace: Workspace, today: date | None = None) -> int:
    return sum(1 for item in list_items(workspace, today) if not item.ready)


def _check_references(session: Session, item: DataRequestInput) -> None:
    if item.owner_person_id and session.get(Person, item.owner_person_id) is None:
        raise InputError(f"no person with id '{item.owner_person_id}'")
    if item.refreshed_on is not None and not (
        date(1970, 1, 1) <= item.refreshed_on <= date.today()
    ):
        raise InputError(f"last refreshed: {item.refreshed_on:%d/%m/%Y} is not a past date")
    for evidence_id in item.evidence_ids:
        if session.get(EvidenceItem, evidence_id) is None:
            raise InputError(f"no evidence item with id '{evidence_id}'")


def add_item(
    workspace: Workspace, item: DataRequestInput, item_id: str | None = None, ours: bool = False
) -> str:
    """Add an item at the end (or put a deleted one back, with its own id)."""
    with workspace.transaction() as session:
        _check_references(session, item)
        last = session.scalar(
            select(func.max(DataRequestItem.position)).where(
                DataRequestItem.assessment_id == workspace.assessment_id
            )
        )
        row = DataRequestItem(
            id=item_id or new_id(),
            assessment_id=workspace.assessment_id,
            position=(last or 0) + 1,
            title=item.title,
            kind=item.kind,
            owner_person_id=item.owner_person_id,
            held_where=item.held_where,
            refreshed_on=item.refreshed_on,
            within_notice=item.within_notice,
            evidence_ids=",".join(item.evidence_ids),
            ours=ours,
        )
        session.add(row)
        session.flush()
        record_change(
            session,
            workspace.user,
            "data_request",
            row.id,
            "created",
            None,
            item.title,
            assessment_id=workspace.assessment_id,
        )
        return row.id


def update_item(workspace: Workspace, item_id: str, item: DataRequestInput) -> None:
    with workspace.transaction() as session:
        row = session.get(DataRequestItem, item_id)
        if row is None or row.assessment_id != workspace.assessment_id:
            raise InputError(f"no data request item with id '{item_id}'")
        _check_references(session, item)
        values = {
            "title": item.title,
            "kind": item.kind,
            "owner_person_id": item.owner_person_id,
            "held_where": item.held_where,
            "refreshed_on": item.refreshed_on,
            "within_notice": item.within_notice,
            "evidence_ids": ",".join(item.evidence_ids),
        }
        for field, value in values.items():
            old = getattr(row, field)
            if old != value:
                record_change(
                    session,
                    workspace.user,
                    "data_request",
                    item_id,
                    field,
                    None if old is None else str(old),
                    None if value is None else str(value),
                    assessment_id=workspace.assessment_id,
                )
                setattr(row, field, value)


def delete_item(workspace: Workspace, item_id: str) -> None:
    with workspace.transaction() as session:
        row = session.get(DataRequestItem, item_id)
        if row is None or row.assessment_id != workspace.assessment_id:
            raise InputError(f"no data request item with id '{item_id}'")
        record_change(
            session,
            workspace.user,
            "data_request",
            item_id,
            "deleted",
            row.title,
            None,
            assessment_id=workspace.assessment_id,
        )
        session.delete(row)


def add_starter_list(workspace: Workspace) -> int:
    """Add the starter items this self-evaluation does not hold yet (by title); returns how
    many were added. Running it twice adds nothing the second time."""
    held = {item.title.casefold() for item in list_items(workspace)}
    added = 0
    for title, kind in starter_list():
        if title.casefold() not in held:
            add_item(workspace, DataRequestInput(title=title, kind=kind), ours=True)
            added += 1
    return added
