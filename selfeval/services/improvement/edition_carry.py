"""Carrying a self-evaluation to a new edition of the criteria, through the edition's crosswalk.

The new assessment is made beside the old one (which stays exactly as it was). Narrative, family
statements, evidence links, owners, open actions and comments follow their criterion or bullet
wherever the crosswalk sends it; a rating is carried as it was only over `same`. Over reworded,
split and merged it becomes "previous, to confirm" (merged narratives are joined under headings
naming their source), new items start unrated, and removed items are listed with their evidence:
nothing is dropped silently. Every carried value is in the history with its origin
(`edition:<old>-><new>`). Rows are written in bulk: a 5,000-item library moves in well under the
two seconds the issue allows (bench/edition_bench.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.files.output import CancelCheck, Progress
from selfeval.framework.crosswalk import EditionMap, edition_map, problems_against
from selfeval.framework.model import CONFIRMED_OVER, NOT_RATED, Framework
from selfeval.services.improvement.assessments import edition_row_id, list_assessments
from selfeval.services.improvement.carried_plan import carry_plan
from selfeval.services.judgements import NARRATIVE_FIELDS
from selfeval.services.record_fields import Path
from selfeval.services.workspace import CURRENT_ASSESSMENT, Workspace
from selfeval.store.models import (
    Assessment,
    ChangeRecord,
    Comment,
    EvidenceLink,
    Judgement,
    Ownership,
    WorkspaceSetting,
)
from selfeval.store.models_plan import EditionItem
from selfeval.store.types import new_id, utc_now

TO_CONFIRM = ("reworded", "split", "merged", "new")
PARTS = 4


@dataclass
class CarryResult:
    assessment_id: str
    title: str
    carried: dict[str, int] = field(default_factory=dict)
    """How many of each relationship (by item: criteria and bullets)."""
    to_confirm: int = 0
    removed: list[str] = field(default_factory=list)
    """Old ids over `removed`, each listed on the review page with its evidence."""


def carry_to_edition(
    workspace: Workspace,
    new: Framework,
    title: str = "",
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> CarryResult:
    """`progress(done, total)` after each part; `cancelled()` is asked between parts, and a
    cancel rolls everything back (one transaction): nothing is carried."""
    old = workspace.framework
    if new.id == old.id:
        raise InputError(f"the assessment is already on {new.id}")
    if new.supersedes != old.id:
        said = f"supersedes {new.supersedes}" if new.supersedes else "supersedes nothing"
        raise InputError(
            f"{new.id} cannot take this assessment: it {said}, and the assessment is on "
            f"{old.id} (a new edition names the one it replaces and maps it in its crosswalk)"
        )
    problems = problems_against(new, old, {}, new.id)
    if problems:
        raise InputError(
            f"{new.id}'s crosswalk does not fit the edition this assessment is on:\n"
            + "\n".join(problems[:10])
        )
    title = title.strip() or f"{workspace.assessment_title} ({new.edition})"
    if any(a.title == title for a in list_assessments(workspace)):
        raise InputError(f"there is already an assessment called '{title}'")
    mapping = edition_map(old, new)
    with workspace.transaction() as session:
        result = _Carry(session, workspace, mapping, title).run(progress, cancelled)
    workspace.use_assessment(result.assessment_id)
    return result


class _Carry:
    def __init__(self, session: Session, workspace: Workspace, mapping: EditionMap, title: str):
        self.session, self.workspace, self.map, self.title = session, workspace, mapping, title
        self.old_id = workspace.assessment_id
        self.now = utc_now()
        self.history: list[dict[str, Any]] = []
        self.new_targets = mapping.new.link_targets
        self.old_targets = mapping.old.link_targets

    def run(self, progress: Progress | None, cancelled: CancelCheck | None) -> CarryResult:
        def step(done: int) -> None:
            if cancelled is not None and cancelled():
                raise InputError("cancelled; nothing was carried to the new edition")
            if progress is not None:
                progress(done, PARTS)

        step(0)
        previous = self.session.get_one(Assessment, self.old_id)
        self.new_id = new_id()
        self.session.execute(
            insert(Assessment),
            [
                {
                    "id": self.new_id,
                    "partnership_id": previous.partnership_id,
                    "framework_edition_id": edition_row_id(self.session, self.map.new),
                    "title": self.title,
                    "created_at": self.now,
                    "carried_from_id": self.old_id,
                }
            ],
        )
        self._note("assessment", self.new_id, "created", previous.title, self.title)
        result = CarryResult(self.new_id, self.title)
        evidence_by_old = self._links()
        step(1)
        self._judgements(result, evidence_by_old)
        step(2)
        self._owners()
        self._comments()
        self._actions()
        step(3)
        self.session.execute(insert(ChangeRecord), self.history)
        step(PARTS)
        setting = self.session.get(WorkspaceSetting, CURRENT_ASSESSMENT)
        if setting is None:
            self.session.add(WorkspaceSetting(key=CURRENT_ASSESSMENT, value=self.new_id))
        else:
            setting.value = self.new_id
        return result

    # --- where things go ----------------------------------------------------------------
    def _targets(self, old_id: str) -> tuple[str, ...]:
        return self.map.targets.get(old_id, ())

    def _criterion_targets(self, old_criterion: str) -> tuple[str, ...]:
        return tuple(self.new_targets[t][0] for t in self._targets(old_criterion))

    def _note(
        self,
        entity: str,
        entity_id: str,
        field_name: str,
        old: str | None,
        new: str | None,
        criterion_id: str | None = None,
    ) -> None:
        user = self.workspace.user
        self.history.append(
            {
                "id": new_id(),
                "changed_at": self.now,
                "changed_by": user.name,
                "organisation": user.organisation,
                "origin": self.map.origin,
                "entity": entity,
                "entity_id": entity_id,
                "field": field_name,
                "old_value": old,
                "new_value": new,
                "assessment_id": self.new_id,
                "criterion_id": criterion_id,
            }
        )

    # --- what is carried ------------------------------------------------------------------
    def _links(self) -> dict[str, list[str]]:
        """Evidence follows its criterion or bullet; evidence on a removed bullet goes to the
        bullet's criterion (and is listed); on a removed criterion it stays with the old
        assessment (and is listed). Returns the evidence of each old id, for the review."""
        by_old: dict[str, list[str]] = defaultdict(list)
        rows: dict[tuple[str, str, str], None] = {}
        links = self.session.execute(
            select(
                EvidenceLink.evidence_id, EvidenceLink.criterion_id, EvidenceLink.bullet_id
            ).where(EvidenceLink.assessment_id == self.old_id)
        ).all()
        for evidence_id, criterion_id, bullet_id in links:
            old_key = bullet_id or criterion_id
            by_old[old_key].append(evidence_id)
            targets = [self.new_targets[t] for t in self._targets(old_key)]
            if not targets and bullet_id:  # a removed bullet: its criterion keeps the evidence
                targets = [(c, "") for c in self._criterion_targets(criterion_id)]
            for criterion, bullet in targets:
                rows[(evidence_id, criterion, bullet)] = None
        if rows:
            self.session.execute(
                insert(EvidenceLink),
                [
                    {
                        "evidence_id": e,
                        "assessment_id": self.new_id,
                        "criterion_id": c,
                        "bullet_id": b,
                    }
                    for e, c, b in rows
                ],
            )
        for evidence_id, criterion, bullet in rows:
            self._note("evidence_link", evidence_id, "linked", None, bullet or criterion, criterion)
        return by_old

    def _judgements(self, result: CarryResult, evidence_by_old: dict[str, list[str]]) -> None:
        old_rows = {
            (j.bullet_id or j.criterion_id): j
            for j in self.session.scalars(
                select(Judgement).where(Judgement.assessment_id == self.old_id)
            ).all()
        }
        scale = self.map.new.rating_scale
        order = {level.id: n for n, level in enumerate(scale.choices)}
        judgements: list[dict[str, Any]] = []
        items: list[dict[str, Any]] = []
        for new_key, (criterion_id, bullet_id) in self.new_targets.items():
            kind = self.map.arrival.get(new_key, "new")
            result.carried[kind] = result.carried.get(kind, 0) + 1
            sources = [s for s in self.map.sources.get(new_key, ()) if s in old_rows]
            rated = [(s, old_rows[s].rating) for s in sources if old_rows[s].rating != NOT_RATED]
            if kind in TO_CONFIRM:
                items.append(
                    {
                        "id": new_id(),
                        "assessment_id": self.new_id,
                        "from_assessment_id": self.old_id,
                        "item_id": new_key,
                        "criterion_id": criterion_id,
                        "relationship": kind,
                        "sources": ",".join(self.map.sources.get(new_key, ())),
                        "previous_ratings": ",".join(f"{s}={r}" for s, r in rated),
                        "evidence_ids": "",
                        "acknowledged": False,
                    }
                )
            if not sources:
                continue
            row: dict[str, Any] = {
                "id": new_id(),
                "assessment_id": self.new_id,
                "criterion_id": criterion_id,
                "bullet_id": bullet_id,
                "updated_by": self.workspace.user.name,
                "updated_at": self.now,
            }
            if kind in CONFIRMED_OVER:
                source = old_rows[sources[0]]
                row["rating"], row["previous_rating"] = source.rating, source.previous_rating
            else:
                row["rating"] = NOT_RATED
                weakest = min((r for _s, r in rated), key=lambda r: order.get(r, 0), default="")
                row["previous_rating"] = weakest
            for name in NARRATIVE_FIELDS:
                texts = [(s, getattr(old_rows[s], name)) for s in sources]
                texts = [(s, t) for s, t in texts if t.strip()]
                if len(sources) > 1 and texts:
                    row[name] = "\n\n".join(f"From {self._name(s)}:\n{t}" for s, t in texts)
                else:
                    row[name] = texts[0][1] if texts else ""
                if row[name]:
                    self._note("judgement", new_key, name, None, row[name], criterion_id)
            if row["rating"] != NOT_RATED:
                self._note("judgement", new_key, "rating", None, row["rating"], criterion_id)
            judgements.append(row)
        for old_key, kind in self.map.relationship.items():
            if kind == "removed":
                result.removed.append(old_key)
                criterion = self.old_targets.get(old_key, (old_key, ""))[0]
                items.append(
                    {
                        "id": new_id(),
                        "assessment_id": self.new_id,
                        "from_assessment_id": self.old_id,
                        "item_id": old_key,
                        "criterion_id": criterion,
                        "relationship": "removed",
                        "sources": old_key,
                        "previous_ratings": (
                            f"{old_key}={old_rows[old_key].rating}"
                            if old_key in old_rows and old_rows[old_key].rating != NOT_RATED
                            else ""
                        ),
                        "evidence_ids": ",".join(dict.fromkeys(evidence_by_old.get(old_key, []))),
                        "acknowledged": False,
                    }
                )
                self._note("edition", old_key, "removed", old_key, None, criterion)
        if judgements:
            self.session.execute(insert(Judgement), judgements)
        if items:
            self.session.execute(insert(EditionItem), items)
        result.to_confirm = len(items)

    def _name(self, old_key: str) -> str:
        """How a merged narrative names where each part came from: "3. Title" or "3.2"."""
        old = self.map.old
        criterion_id, bullet_id = self.old_targets[old_key]
        number = old.numbers[criterion_id]
        criterion = old.criterion(criterion_id)
        if not bullet_id:
            return f"{number}. {criterion.title} ({old.edition})"
        position = [b.id for b in criterion.bullets].index(bullet_id) + 1
        return f"{number}.{position} ({old.edition})"

    def _owners(self) -> None:
        rows: dict[tuple[str, str], str] = {}
        for criterion_id, person_id, role in self.session.execute(
            select(Ownership.criterion_id, Ownership.person_id, Ownership.role).where(
                Ownership.assessment_id == self.old_id
            )
        ).all():
            for target in self._criterion_targets(criterion_id):
                if rows.get((target, person_id)) != "lead":
                    rows[(target, person_id)] = role
        if rows:
            self.session.execute(
                insert(Ownership),
                [
                    {
                        "id": new_id(),
                        "assessment_id": self.new_id,
                        "criterion_id": c,
                        "person_id": p,
                        "role": r,
                    }
                    for (c, p), r in rows.items()
                ],
            )
        for (criterion, person), role in rows.items():
            self._note("ownership", person, role, None, criterion, criterion)

    def _comments(self) -> None:
        rows = []
        for comment in self.session.scalars(
            select(Comment).where(Comment.assessment_id == self.old_id)
        ).all():
            for target in dict.fromkeys(self._criterion_targets(comment.criterion_id)):
                rows.append(
                    {
                        "id": new_id(),
                        "assessment_id": self.new_id,
                        "criterion_id": target,
                        "author": comment.author,
                        "organisation": comment.organisation,
                        "created_at": comment.created_at,
                        "text": comment.text,
                        "origin": comment.origin,
                        "received_at": comment.received_at,
                    }
                )
                self._note("comment", comment.id, "carried", None, target, target)
        if rows:
            self.session.execute(insert(Comment), rows)

    def _actions(self) -> None:
        """The plan (open actions, their notes, open risks, the data request) handed on, each
        criterion passed through the crosswalk."""
        carried = carry_plan(
            self.session, self.old_id, self.new_id, Path.EDITION, self._criterion_targets
        )
        for action in carried:
            self._note(  # the old id: a progress report follows the action across editions
                "action",
                action.new_id,
                "carried",
                action.old_id,
                action.title,
                action.criteria.split(",")[0] or None,
            )
