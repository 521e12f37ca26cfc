"""Re-issue a request: the same partner, criteria, message and personal-data choice, a new due
date, and today's state as its base.

Leads re-issue when a package was lost, a passphrase forgotten, or a deadline moved. The old
request stays valid (a partner may already be working on it, and its return still merges), but
it is shown as re-issued rather than overdue, and it names the request that replaced it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from selfeval.errors import InputError
from selfeval.services.contributions.package_format import Package
from selfeval.services.contributions.registry import find_request
from selfeval.services.contributions.requests import create_request
from selfeval.services.workspace import Workspace


def reissue_request(
    workspace: Workspace,
    request_id: str,
    path: Path,
    *,
    due_date: date | None = None,
    passphrase: str | None = None,
) -> Package:
    """`due_date` None keeps the old one unless it has passed (a new request due yesterday
    would be overdue on arrival)."""
    old = find_request(workspace, request_id)
    if old is None or old.assessment_id != workspace.assessment_id:
        raise InputError(f"no request '{request_id}' in this self-evaluation")
    if old.replaced_by is not None:
        raise InputError(
            f"the request to {old.recipient} was re-issued already; re-issue the newer one"
        )
    if due_date is None and old.due_date is not None and old.due_date >= date.today():
        due_date = old.due_date
    return create_request(
        workspace,
        old.recipient,
        list(old.criteria),
        path,
        due_date=due_date,
        message=old.message,
        include_personal_data=old.includes_personal_data,
        passphrase=passphrase,
        replaces=old.id,
    )
