"""The whole workspace as stable JSON (format in docs/formats.md).

Stable means: the same content always gives the same text, whatever order rows were written in,
so two dumps can be compared with a plain diff. Attachment bytes are left out; their names, sizes
and hashes are in.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from selfeval.services.workspace import Workspace
from selfeval.store.models import (
    Action,
    ActionCriterion,
    ActionNote,
    Assessment,
    Attachment,
    Base,
    ChangeRecord,
    Comment,
    ContributionRequest,
    EvidenceItem,
    EvidenceLink,
    FrameworkEdition,
    IndicatorTarget,
    IndicatorValue,
    Judgement,
    MergedPackage,
    Organisation,
    Ownership,
    Partnership,
    Person,
    PublishedFigure,
    Risk,
    Snapshot,
    WorkspaceSetting,
)

DUMP_FORMAT = 1

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
    "snapshots": (Snapshot, ("assessment_id", "taken_at", "id")),
    "workspace_settings": (WorkspaceSetting, ("key",)),
    "comments": (Comment, ("created_at", "id")),
    "contribution_requests": (ContributionRequest, ("created_at", "id")),
    "merged_packages": (MergedPackage, ("package_id",)),
    "changes": (ChangeRecord, ("changed_at", "id")),
}
_LEFT_OUT = {
    ("framework_editions", "definition"),
    ("contribution_requests", "secret"),  # whoever holds it could sign a return
    ("contribution_requests", "base"),
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def dump(workspace: Workspace) -> dict[str, Any]:
    """Every table, read in one transaction: the dump is one moment of the workspace."""
    content: dict[str, Any] = {"format": DUMP_FORMAT}
    with workspace.one_moment(), workspace.transaction(read_only=True) as session:
        for section, (model, order) in _SECTIONS.items():
            columns = [c.name for c in model.__table__.columns]
            query = select(model).order_by(*(getattr(model, name) for name in order))
            content[section] = [
                {
                    name: _plain(getattr(row, name))
                    for name in columns
                    if (section, name) not in _LEFT_OUT
                }
                for row in session.scalars(query)
            ]
    return content


def dump_json(workspace: Workspace) -> str:
    return json.dumps(dump(workspace), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
