"""Contributions in flight: every request this workspace sent, and where each one stands.

A request is *merged* once a return answering it has been merged here, *returned* when a return
answering it lies in the folder the lead keeps them in (a shared drive, a Teams library) but is
not merged yet, *re-issued* when a newer request replaced it (and neither happened), *overdue*
when its due date has passed with none of these, and *awaiting* otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from selfeval.errors import SelfevalError
from selfeval.services.contributions.package_format import (
    SUFFIX,
    package_is_sealed,
    read_package,
)
from selfeval.services.contributions.registry import list_requests
from selfeval.services.workspace import Workspace
from selfeval.store.models import MergedPackage

STATUSES = ("awaiting", "returned", "merged", "overdue", "reissued")


@dataclass(frozen=True)
class ContributionStatus:
    request_id: str
    recipient: str
    criteria: tuple[str, ...]
    sent_at: datetime
    sent_by: str
    due_date: date | None
    includes_personal_data: bool
    status: str
    merged_at: datetime | None
    returns_waiting: tuple[str, ...]
    """Files in the folder that answer this request and are not merged yet."""
    replaced_by: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "request_id": self.request_id,
            "to": self.recipient,
            "criteria": list(self.criteria),
            "sent_at": self.sent_at.isoformat(),
            "sent_by": self.sent_by,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "includes_personal_data": self.includes_personal_data,
            "status": self.status,
            "merged_at": self.merged_at.isoformat() if self.merged_at else None,
            "returns_waiting": list(self.returns_waiting),
            "replaced_by": self.replaced_by,
        }


@dataclass(frozen=True)
class FoundReturn:
    path: Path
    request_id: str
    package_id: str
    from_who: str


def returns_in(folder: Path) -> tuple[list[FoundReturn], list[str]]:
    """Returns lying in `folder` (not its subfolders), and a line for each file that could not
    be read as one (sealed files cannot be matched without their passphrase)."""
    found: list[FoundReturn] = []
    skipped: list[str] = []
    try:
        candidates = sorted(p for p in folder.iterdir() if p.suffix.lower() == SUFFIX)
    except OSError as err:
        raise SelfevalError(f"{folder}: cannot be read ({err.strerror})") from None
    for path in candidates:
        if not path.is_file():
            continue
        try:
            if package_is_sealed(path):
                skipped.append(f"{path.name}: sealed with a passphrase; merge it by hand")
                continue
            with read_package(path) as package:
                manifest = package.manifest
        except (SelfevalError, OSError) as err:
            skipped.append(str(err) if path.name in str(err) else f"{path.name}: {err}")
            continue
        if manifest.kind == "return" and manifest.request_id:
            found.append(
                FoundReturn(
                    path,
                    manifest.request_id,
                    manifest.package_id,
                    f"{manifest.created_by} ({manifest.organisation})",
                )
            )
    return found, skipped


def contributions_in_flight(
    workspace: Workspace, today: date | None = None, folder: Path | None = None
) -> list[ContributionStatus]:
    """Every request of the assessment being worked on, oldest first, with its status."""
    today = today or date.today()
    with workspace.transaction(read_only=True) as session:
        merged = {
            row.request_id: row
            for row in session.scalars(select(MergedPackage))
            if row.request_id is not None
        }
        merged_packages = set(session.scalars(select(MergedPackage.package_id)))
    waiting: dict[str, list[str]] = {}
    if folder is not None:
        for found in returns_in(folder)[0]:
            if found.package_id not in merged_packages:
                waiting.setdefault(found.request_id, []).append(found.path.name)
    statuses = []
    for request in list_requests(workspace):
        done = merged.get(request.id)
        files = tuple(waiting.get(request.id, []))
        if done is not None:
            status = "merged"
        elif files:
            status = "returned"
        elif request.replaced_by is not None:
            status = "reissued"
        elif request.due_date is not None and request.due_date < today:
            status = "overdue"
        else:
            status = "awaiting"
        statuses.append(
            ContributionStatus(
                request.id,
                request.recipient,
                request.criteria,
                request.created_at,
                request.created_by,
                request.due_date,
                request.includes_personal_data,
                status,
                done.merged_at if done is not None else None,
                files,
                request.replaced_by,
            )
        )
    return statuses
