"""A workspace that holds what selfeval never writes is refused on opening, in one line.

The app checks every value before it stores it, and a server checks them again; but a
workspace file can be changed by any program that opens SQLite. A rating off the scale, an
evidence kind, an action status or a risk score that selfeval does not know would otherwise
meet a reader deep inside a document or the status line as an internal error. Each check is
one query that stops at the first bad row, so opening stays quick at any size; the lists are
the services' own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any, Protocol

from sqlalchemy import and_, not_, or_, select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.framework.model import Framework
from selfeval.services.vocabulary import (
    ACTION_PRIORITIES,
    ACTION_STATUSES,
    EVIDENCE_KINDS,
    ORGANISATION_KINDS,
    OWNER_ROLES,
    REQUEST_KINDS,
    RISK_STATUSES,
    SPEAKER_KINDS,
    WITHIN_NOTICE,
)
from selfeval.store.models import EvidenceItem, Judgement, Organisation, Ownership
from selfeval.store.models_plan import Action, DataRequestItem, Risk
from selfeval.store.models_voices import SurveyResult, Voice

RISK_SCORES = (1, 5)


class Opened(Protocol):
    """What of a workspace the check needs (services/workspace.py calls it as it opens one, so
    this module cannot import the Workspace class back)."""

    @property
    def name(self) -> str: ...

    @property
    def framework(self) -> Framework: ...

    @property
    def assessment_id(self) -> str: ...

    def transaction(self, *, read_only: bool = False) -> AbstractContextManager[Session]: ...


def _checks(workspace: Opened) -> Iterator[tuple[Any, Callable[[Any], str]]]:
    framework = workspace.framework
    scale = [level.id for level in framework.rating_scale.choices]
    on_scale = f"the {framework.rating_scale.label} scale ({', '.join(scale)})"
    mine = Judgement.assessment_id == workspace.assessment_id
    targets = framework.link_targets
    yield (
        select(Judgement.criterion_id, Judgement.rating).where(
            mine, Judgement.rating.not_in(scale)
        ),
        lambda r: f"the judgement of {r[0]} has the rating '{r[1]}', which is not on {on_scale}",
    )
    yield (
        select(Judgement.criterion_id, Judgement.previous_rating).where(
            mine, Judgement.previous_rating.not_in([*scale, ""])
        ),
        lambda r: f"the judgement of {r[0]} has the previous rating '{r[1]}', not on {on_scale}",
    )
    criteria = [c.id for c in framework.criteria]
    yield (
        select(Judgement.criterion_id, Judgement.bullet_id).where(
            mine,
            or_(
                Judgement.criterion_id.not_in(criteria),
                and_(Judgement.bullet_id != "", Judgement.bullet_id.not_in(list(targets))),
            ),
        ),
        lambda r: f"a judgement is stored for '{r[1] or r[0]}', which {framework.id} does not have",
    )
    yield _one_of(EvidenceItem.title, EvidenceItem.kind, EVIDENCE_KINDS, "evidence", "kind")
    yield _one_of(Action.title, Action.status, ACTION_STATUSES, "the action", "status")
    yield _one_of(Action.title, Action.priority, ACTION_PRIORITIES, "the action", "priority")
    yield _one_of(Risk.title, Risk.status, RISK_STATUSES, "the risk", "status")
    low, high = RISK_SCORES
    yield (
        select(Risk.title, Risk.impact, Risk.likelihood).where(
            not_(and_(Risk.impact.between(low, high), Risk.likelihood.between(low, high)))
        ),
        lambda r: f"the risk '{r[0]}' scores {r[1]} x {r[2]}; each is {low} to {high}",
    )
    yield _one_of(Ownership.criterion_id, Ownership.role, OWNER_ROLES, "an owner of", "role")
    yield _one_of(
        Organisation.name, Organisation.kind, ORGANISATION_KINDS, "the organisation", "kind"
    )
    yield _one_of(DataRequestItem.title, DataRequestItem.kind, REQUEST_KINDS, "the item", "kind")
    yield _one_of(
        DataRequestItem.title, DataRequestItem.within_notice, WITHIN_NOTICE, "the item", "answer"
    )
    yield _one_of(Voice.words, Voice.speaker_kind, SPEAKER_KINDS, "the voice", "speaker")
    yield (
        select(SurveyResult.question, SurveyResult.agree_percent).where(
            not_(SurveyResult.agree_percent.between(0, 100))
        ),
        lambda r: f"the survey question '{str(r[0])[:60]}' has {r[1]}% agreeing; it is 0 to 100",
    )


def _one_of(
    name: Any, column: Any, allowed: Any, what: str, field: str
) -> tuple[Any, Callable[[Any], str]]:
    known = list(allowed)
    return (
        select(name, column).where(column.not_in(known)),
        lambda r: (
            f"{what} '{str(r[0])[:60]}' has the {field} '{str(r[1])[:40]}', which selfeval "
            f"does not know ({', '.join(known)})"
        ),
    )


def refuse_bad_stored_values(workspace: Opened) -> None:
    """InputError naming the first value selfeval would not have stored, if there is one."""
    with workspace.transaction(read_only=True) as session:
        for query, said in _checks(workspace):
            row = session.execute(query.limit(1)).first()
            if row is not None:
                raise InputError(
                    f"{workspace.name}: {said(row)}; the workspace was changed outside selfeval: "
                    "restore a backup"
                )
