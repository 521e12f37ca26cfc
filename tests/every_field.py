"""Every field of every record filled with a value found nowhere else, and where to look for it.

The values come from the declaration (services/record_fields.py), so a field added there is
filled, and looked for on every path it says it takes, without a line changed here.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PIL import Image
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from selfeval.services.improvement.indicators import indicator_library
from selfeval.services.record_fields import (
    RECORDS,
    SETTINGS,
    Field,
    Kind,
    Record,
)
from selfeval.services.vocabulary import (
    ACTION_PRIORITIES,
    ACTION_STATUSES,
    EVIDENCE_KINDS,
    ORGANISATION_KINDS,
    REQUEST_KINDS,
    SPEAKER_KINDS,
    WITHIN_NOTICE,
)
from selfeval.services.workspace import Workspace
from selfeval.store.model_base import Base
from selfeval.store.models import Blob

CRITERION, BULLET, OTHER_CRITERION = "right-help", "right-help.2", "needs-identified"
"""Criteria the next test edition keeps the same, so a move to it keeps their ids."""
NOT_FILLED = {"contribution_request": "only a partner's copy has it: the request it answers"}
CHOSEN = {
    ("risk", "status"): "open",  # a closed risk stays with its cycle, like a complete action
    ("action", "status"): "blocked",
    ("ownership", "role"): "lead",
}
SHAPED: dict[tuple[str, str], Any] = {
    ("person", "email"): lambda token: f"{token}@example.org",
    ("snapshot", "content"): lambda token: json.dumps({"name": token}),
}
"""Text that must have a shape to be stored at all."""
LABELS: dict[str, dict[str, str]] = {
    "evidence_item.kind": EVIDENCE_KINDS,
    "organisation.kind": ORGANISATION_KINDS,
    "action.status": ACTION_STATUSES,
    "action.priority": ACTION_PRIORITIES,
    "data_request_item.kind": REQUEST_KINDS,
    "data_request_item.within_notice": WITHIN_NOTICE,
    "ownership.role": {"lead": "Lead", "contributor": "Contributor"},
    "voice.speaker_kind": SPEAKER_KINDS,
}


def _token(number: int, tag: str) -> str:
    """Four letters no id, hash, date or word of the criteria holds."""
    letters = "bcdfghjkmnpqrstvwxz"
    first, second = divmod(number % len(letters) ** 2, len(letters))
    return f"{tag}{letters[first]}{letters[second]}"


def _png(shade: int) -> str:
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), (shade, 40, 90)).save(picture, "PNG")
    return base64.b64encode(picture.getvalue()).decode("ascii")


@dataclass
class Filled:
    """What was written: (table, field) -> value, and the rows' ids."""

    values: dict[tuple[str, str], Any]
    ids: dict[str, str]
    files: dict[str, bytes]

    def printed(self, table: str, field: Field, names: dict[str, str]) -> list[str]:
        """How a value can read in a document: any of these (one is enough)."""
        value = self.values[(table, field.name)]
        if field.kind in (Kind.PERSON, Kind.ORGANISATION):
            return [names[value]]
        if isinstance(value, date):
            serial = (value - date(1899, 12, 30)).days  # how a workbook stores a date
            return [value.isoformat(), f"{value.day} {value:%B %Y}", f"{value.day} {value:%b %Y}",
                    f"{value:%d/%m/%Y}", f"<v>{serial}</v>"]  # fmt: skip
        if isinstance(value, float):
            return [f"{value:g}", f"{value:.1f}", f"{value:,.0f}"]
        if field.kind is Kind.RATING:
            return [value.title()]
        if field.name == "indicator_id":
            return [indicator_library()[value].name]
        labels = LABELS.get(f"{table}.{field.name}", {})
        return [str(value), labels.get(str(value), str(value))]


def example(number: int, tag: str, record: Record, field: Field, ids: dict[str, str]) -> Any:
    """A value for this field found nowhere else in the workspace (as far as its kind allows)."""
    chosen = CHOSEN.get((record.table, field.name))
    by_kind: dict[Kind, Any] = {
        Kind.TEXT: _token(number, tag),
        Kind.DATE: date(2031, 1, 1) + timedelta(days=number * 3 + (tag == "Pz")),
        Kind.WHOLE: 4 if field.limit else 40 + number,
        Kind.FIGURE: (60.5 + number) % (field.limit or 1_000_000) + (0.25 if tag == "Pz" else 0),
        Kind.FLAG: tag == "Qz",
        Kind.RATING: "amber" if tag == "Qz" else "green",
        Kind.PERSON: ids.get("person"),
        Kind.ORGANISATION: ids.get("organisation"),
        Kind.CRITERION: CRITERION,
        Kind.CRITERIA: CRITERION,
        Kind.PRIORITIES: ids.get("priority", ""),
        Kind.BULLET: BULLET,
        Kind.EVIDENCE: ids.get("evidence_item", ""),
        Kind.FILE: ids.get("blob", ""),
    }
    if chosen:
        return chosen
    if (record.table, field.name) in SHAPED:
        return SHAPED[(record.table, field.name)](_token(number, tag))
    if field.kind is Kind.CHOICE:
        if field.name == "indicator_id":
            return next(iter(indicator_library()))
        return field.choices[1] if tag == "Qz" else field.choices[2 % len(field.choices)]
    if record.table == "judgement" and field.name == "previous_rating":
        return "red"
    return by_kind[field.kind]


ORDER = ("organisation", "person", "priority", "blob", "evidence_item", "action", "snapshot")
"""Rows others point at are written first."""


def fill(workspace: Workspace, tag: str = "Qz") -> Filled:
    """One row of every record (two judgements: a criterion's and a bullet's), every field."""
    filled = Filled({}, {"assessment": workspace.assessment_id}, {})
    number = 0
    records = sorted(RECORDS, key=lambda r: ORDER.index(r.table) if r.table in ORDER else 99)
    with workspace.transaction() as session:
        for record in records:
            if record.table == "workspace_setting":
                continue
            if record.table == "evidence_item":
                _blob(session, filled, b"evidence file " + tag.encode())
            row: dict[str, Any] = {}
            for field in record.fields:
                value = example(number, tag, record, field, filled.ids)
                number += 1
                filled.values[(record.table, field.name)] = value
                row[field.name] = value
            filled.ids[record.table] = _write(session, record, row, filled.ids)
        for setting in SETTINGS:
            if setting.key in NOT_FILLED:
                continue
            value = _setting_value(setting.key, number, tag, filled)
            number += 1
            filled.values[("workspace_setting", setting.key)] = value
            _put_setting(session, setting.key, value)
    return filled


def _setting_value(key: str, number: int, tag: str, filled: Filled) -> str:
    if key == "current_assessment":
        return filled.ids["assessment"]
    if key == "our_area_logo":
        return _png(120 if tag == "Qz" else 200)
    special = {
        "la_code": "E06000099",
        "statistical_neighbours": "E06000001,E06000002",
        "inspection_expected_from": "2031-03-04",
    }
    return special.get(key, _token(number, tag))


def _put_setting(session: Session, key: str, value: str) -> None:
    from selfeval.store.models import WorkspaceSetting

    row = session.get(WorkspaceSetting, key)
    if row is None:
        session.add(WorkspaceSetting(key=key, value=value))
    else:
        row.value = value


def _blob(session: Session, filled: Filled, data: bytes) -> None:
    sha = hashlib.sha256(data).hexdigest()
    if session.get(Blob, sha) is None:
        session.add(Blob(sha256=sha, size=len(data), data=data))
        session.flush()
    filled.ids["blob"] = sha
    filled.files[sha] = data


def _write(session: Session, record: Record, row: dict[str, Any], ids: dict[str, str]) -> str:
    """The row written with its keys; its id (or the key that names it)."""
    from selfeval.store.types import new_id

    table = Base.metadata.tables[record.table]
    keys = {
        "id": new_id(),
        "assessment_id": ids["assessment"],
        "evidence_id": ids.get("evidence_item"),
        "action_id": ids.get("action"),
        "recorded_by": "Test Lead",
    }
    for column in table.columns:
        if column.name in row or column.name not in record.kept:
            continue
        if column.name in keys and keys[column.name] is not None:
            row[column.name] = keys[column.name]
    if record.table == "attachment":
        row["size"] = session.get_one(Blob, row["sha256"]).size
    row.pop("id", None) if record.table in ("partnership", "assessment") else None
    if record.table == "partnership":
        existing = session.execute(select(table.c.id)).scalar_one()
        session.execute(update(table).where(table.c.id == existing).values(**row))
        return str(existing)
    if record.table == "assessment":
        session.execute(update(table).where(table.c.id == ids["assessment"]).values(**row))
        return ids["assessment"]
    if record.table == "judgement":
        for bullet in ("", BULLET):
            session.execute(insert(table).values(**{**row, "id": new_id(), "bullet_id": bullet}))
        return CRITERION
    session.execute(insert(table).values(**row))
    session.flush()
    return str(row.get("id") or row.get("criterion_id") or row.get("indicator_id"))


def rows_of(session: Session, table_name: str, assessment_id: str | None) -> list[dict[str, Any]]:
    """The rows of a table that belong to one cycle (all rows of what the workspace shares)."""
    table = Base.metadata.tables[table_name]
    query = select(table)
    if assessment_id is not None and "assessment_id" in table.c:
        query = query.where(table.c.assessment_id == assessment_id)
    elif assessment_id is not None and "action_id" in table.c:
        actions = Base.metadata.tables["action"]
        query = query.where(
            table.c.action_id.in_(
                select(actions.c.id).where(actions.c.assessment_id == assessment_id)
            )
        )
    return [dict(r._mapping) for r in session.execute(query)]


def missing_from_text(text: str, wanted: dict[str, list[str]]) -> list[str]:
    """Which fields' values no form of appears in a document's text."""
    flat = re.sub(r"\s+", " ", text)
    return [name for name, forms in wanted.items() if not any(f in flat for f in forms)]
