"""The whole workspace as stable JSON (format in docs/formats.md).

Stable means: the same content always gives the same text, whatever order rows were written in,
so two dumps can be compared with a plain diff. Attachment bytes are left out; their names, sizes
and hashes are in.
"""

from __future__ import annotations

import io
import json
import textwrap
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.services.workspace import Workspace
from selfeval.store.model_base import Base
from selfeval.store.models import (
    Assessment,
    Attachment,
    ChangeRecord,
    Comment,
    ContributionRequest,
    EvidenceItem,
    EvidenceLink,
    FrameworkEdition,
    Judgement,
    MergedPackage,
    Organisation,
    Ownership,
    Partnership,
    Person,
    WorkspaceSetting,
)
from selfeval.store.models_plan import (
    Action,
    ActionCriterion,
    ActionNote,
    DataRequestItem,
    EditionItem,
    IndicatorTarget,
    IndicatorValue,
    Priority,
    PublishedFigure,
    Risk,
    SignOff,
    Snapshot,
)
from selfeval.store.models_voices import CaseStudy, SurveyResult, Voice

DUMP_FORMAT = 1
ROWS_AT_ONCE = 1000

# table name in the dump -> (model, columns to sort by)
_SECTIONS: dict[str, tuple[type[Base], tuple[str, ...]]] = {
    "partnerships": (Partnership, ("id",)),
    "framework_editions": (FrameworkEdition, ("framework_id", "content_hash")),
    "assessments": (Assessment, ("created_at", "id")),
    "organisations": (Organisation, ("name",)),
    "people": (Person, ("name", "id")),
    "judgements": (Judgement, ("assessment_id", "criterion_id", "bullet_id")),
    "ownerships": (Ownership, ("assessment_id", "criterion_id", "person_id")),
    "evidence": (EvidenceItem, ("id",)),
    "evidence_links": (EvidenceLink, ("evidence_id", "assessment_id", "criterion_id", "bullet_id")),
    "attachments": (Attachment, ("evidence_id", "filename", "id")),
    "actions": (Action, ("id",)),
    "action_criteria": (ActionCriterion, ("action_id", "criterion_id")),
    "action_notes": (ActionNote, ("action_id", "noted_on", "id")),
    "indicator_values": (IndicatorValue, ("indicator_id", "period")),
    "indicator_targets": (IndicatorTarget, ("indicator_id",)),
    "published_figures": (PublishedFigure, ("indicator_id", "period", "level", "code")),
    "risks": (Risk, ("id",)),
    "priorities": (Priority, ("number", "id")),
    "voices": (Voice, ("said_on", "id")),
    "survey_results": (SurveyResult, ("survey", "id")),
    "case_studies": (CaseStudy, ("title", "id")),
    "snapshots": (Snapshot, ("assessment_id", "taken_at", "id")),
    "workspace_settings": (WorkspaceSetting, ("key",)),
    "comments": (Comment, ("created_at", "id")),
    "contribution_requests": (ContributionRequest, ("created_at", "id")),
    "merged_packages": (MergedPackage, ("package_id",)),
    "changes": (ChangeRecord, ("changed_at", "id")),
    "edition_items": (EditionItem, ("assessment_id", "item_id")),
    "signoffs": (SignOff, ("assessment_id", "recorded_at", "id")),
    "data_request_items": (DataRequestItem, ("assessment_id", "position", "id")),
}
NOT_DUMPED = {"blob"}
"""File bytes: each attachment's name, size and SHA-256 are in the dump, its bytes are not."""
_LEFT_OUT = {
    ("framework_editions", "definition"),
    ("contribution_requests", "secret"),  # whoever holds it could sign a return
    ("contribution_requests", "base"),
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _rows(session: Session, section: str) -> Iterator[dict[str, Any]]:
    model, order = _SECTIONS[section]
    columns = [c.name for c in model.__table__.columns if (section, c.name) not in _LEFT_OUT]
    query = select(*(getattr(model, name) for name in columns)).order_by(
        *(getattr(model, name) for name in order)
    )
    for row in session.execute(query).yield_per(ROWS_AT_ONCE):
        yield {name: _plain(value) for name, value in zip(columns, row, strict=True)}


def dump(workspace: Workspace) -> dict[str, Any]:
    """Every table, read in one transaction: the dump is one moment of the workspace."""
    content: dict[str, Any] = {"format": DUMP_FORMAT}
    with workspace.one_moment(), workspace.transaction(read_only=True) as session:
        for section in _SECTIONS:
            content[section] = list(_rows(session, section))
    return content


def write_dump(workspace: Workspace, out: TextIO) -> None:
    """The same text as `dump_json`, written as it is read: memory stays flat however large the
    workspace (a county's 50,000 items are a few hundred megabytes of JSON)."""
    keys = sorted(["format", *_SECTIONS])
    out.write("{\n")
    with workspace.one_moment(), workspace.transaction(read_only=True) as session:
        for number, key in enumerate(keys):
            out.write(f"  {json.dumps(key)}: ")
            if key == "format":
                out.write(json.dumps(DUMP_FORMAT))
            else:
                first = True
                for row in _rows(session, key):
                    text = json.dumps(row, indent=2, sort_keys=True, ensure_ascii=False)
                    out.write(("[\n" if first else ",\n") + textwrap.indent(text, "    "))
                    first = False
                out.write("[]" if first else "\n  ]")
            out.write(",\n" if number < len(keys) - 1 else "\n")
    out.write("}\n")


def dump_json(workspace: Workspace) -> str:
    text = io.StringIO()
    write_dump(workspace, text)
    return text.getvalue()
