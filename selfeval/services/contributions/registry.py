"""The requests this workspace has issued: what each one asked for, and the key its return signs.

A partner's return is trusted for nothing it says about itself. Which criteria, bullets and
evidence items it may change, whether personal data was sent, and the base of the three-way merge
all come from the row written here when the request was made (docs/formats.md).
"""

from __future__ import annotations

import json
import secrets
import zlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.framework.model import Framework
from selfeval.services.contributions.package_format import Manifest, ScopedState
from selfeval.services.workspace import Workspace
from selfeval.store.models import ContributionRequest


def new_secret() -> str:
    """256 random bits, as hex: the HMAC key one request and its return share."""
    return secrets.token_hex(32)


@dataclass(frozen=True)
class IssuedRequest:
    id: str
    assessment_id: str
    recipient: str
    criteria: tuple[str, ...]
    bullets: frozenset[str]
    evidence_ids: frozenset[str]
    includes_personal_data: bool
    due_date: date | None
    message: str
    secret: str
    created_at: datetime
    created_by: str
    packed_base: bytes
    replaced_by: str | None = None

    def base(self) -> ScopedState:
        """The state that was sent, as it was sent."""
        return ScopedState.model_validate_json(zlib.decompress(self.packed_base))


def record_request(
    session: Session,
    assessment_id: str,
    framework: Framework,
    manifest: Manifest,
    base: ScopedState,
) -> None:
    """Write the registry row for a request about to be sent (inside the caller's transaction,
    so a request whose package could not be written leaves no row)."""
    assert manifest.request_secret is not None
    bullets = [b.id for c in manifest.criteria for b in framework.criterion(c).bullets]
    session.add(
        ContributionRequest(
            id=manifest.package_id,
            assessment_id=assessment_id,
            recipient=manifest.to,
            criteria=json.dumps(list(manifest.criteria)),
            bullets=json.dumps(bullets),
            evidence_ids=json.dumps(sorted(e.id for e in base.evidence)),
            includes_personal_data=manifest.includes_personal_data,
            due_date=manifest.due_date,
            message=manifest.message,
            secret=manifest.request_secret,
            base=zlib.compress(base.model_dump_json().encode("utf-8"), 6),
            created_at=manifest.created_at,
            created_by=manifest.created_by,
        )
    )
    session.flush()


def _issued(row: ContributionRequest) -> IssuedRequest:
    return IssuedRequest(
        id=row.id,
        assessment_id=row.assessment_id,
        recipient=row.recipient,
        criteria=tuple(json.loads(row.criteria)),
        bullets=frozenset(json.loads(row.bullets)),
        evidence_ids=frozenset(json.loads(row.evidence_ids)),
        includes_personal_data=row.includes_personal_data,
        due_date=row.due_date,
        message=row.message,
        secret=row.secret,
        created_at=row.created_at,
        created_by=row.created_by,
        packed_base=row.base,
        replaced_by=row.replaced_by,
    )


def find_request(workspace: Workspace, request_id: str | None) -> IssuedRequest | None:
    if not request_id:
        return None
    with workspace.transaction(read_only=True) as session:
        row = session.get(ContributionRequest, request_id)
        return _issued(row) if row is not None else None


def list_requests(workspace: Workspace) -> list[IssuedRequest]:
    """Every request issued for the assessment being worked on, oldest first."""
    with workspace.transaction(read_only=True) as session:
        rows = session.scalars(
            select(ContributionRequest)
            .where(ContributionRequest.assessment_id == workspace.assessment_id)
            .order_by(ContributionRequest.created_at)
        )
        return [_issued(row) for row in rows]
