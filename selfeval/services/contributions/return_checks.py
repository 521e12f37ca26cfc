"""What a partner's return may change, decided before anything is written.

Two checks, in order. ``check_return_values``: every value must be one this workspace could hold
(a rating on the scale, ids of the framework, a known evidence kind, a date in range, a
well-formed person); one bad value refuses the whole return, since it was damaged or edited by
hand. ``within_request``: of the well-formed changes, only those inside the lead's record of the
request go forward; the rest are listed as "outside the request" and never applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from selfeval.framework.model import Framework
from selfeval.services.contributions.package_files import FileSet
from selfeval.services.contributions.package_format import (
    PackageError,
    PComment,
    PEvidence,
    ScopedState,
    shown,
)
from selfeval.services.contributions.registry import IssuedRequest
from selfeval.services.evidence import check_evidence_date
from selfeval.services.vocabulary import EVIDENCE_KINDS, ORGANISATION_KINDS

CLOCK_SKEW = timedelta(days=1)
"""How far ahead of this computer's clock a partner's comment may be dated (time zones, clocks)."""


@dataclass(frozen=True)
class OutsideChange:
    """A change a return carried that its request did not allow: listed, never applied."""

    what: str
    why: str
    evidence_id: str = ""
    """The evidence item concerned, if any: a report leaves personal data's titles out."""

    def line(self) -> str:
        return f"{self.what}: {self.why}"


def _where(criterion_id: str, bullet_id: str) -> str:
    return f"{criterion_id} bullet {bullet_id}" if bullet_id else criterion_id


def check_return_values(
    name: str, state: ScopedState, framework: Framework, blobs: FileSet
) -> None:
    """Refuse the return (PackageError naming the value) if any value is not one we could hold."""
    checks = _ReturnValues(name, framework, blobs)
    checks.judgements(state)
    checks.organisations(state)
    people = checks.people(state)
    checks.owners(state, people)
    checks.evidence(state)
    checks.comments(state)


class _ReturnValues:
    """Each kind of record a return carries, checked by its own method; the first bad value
    raises."""

    def __init__(self, name: str, framework: Framework, blobs: FileSet) -> None:
        self.name, self.framework, self.blobs = name, framework, blobs

    def refuse(self, where: str, problem: str) -> PackageError:
        return PackageError(
            f"{self.name}: {shown(where, 200)}: {shown(problem, 300)}; the return was not merged"
        )

    def target(self, where: str, criterion_id: str, bullet_id: str) -> None:
        try:
            criterion = self.framework.criterion(criterion_id)
        except KeyError:
            raise self.refuse(
                where, f"'{criterion_id}' is not a criterion of {self.framework.id}"
            ) from None
        if bullet_id and bullet_id not in {b.id for b in criterion.bullets}:
            raise self.refuse(where, f"'{bullet_id}' is not a bullet of {criterion_id}")

    def once(self, seen: set[object], key: object, where: str) -> None:
        if key in seen:
            raise self.refuse(where, "appears twice")
        seen.add(key)

    def judgements(self, state: ScopedState) -> None:
        scale = self.framework.rating_scale
        ratings = [level.id for level in scale.choices]
        seen: set[object] = set()
        for judgement in state.judgements:
            where = f"judgement of {_where(judgement.criterion_id, judgement.bullet_id)}"
            self.target(where, judgement.criterion_id, judgement.bullet_id)
            self.once(seen, (judgement.criterion_id, judgement.bullet_id), where)
            if judgement.rating not in ratings:
                known = ", ".join(ratings)
                raise self.refuse(
                    where,
                    f"rating '{judgement.rating}' is not on the {scale.label} scale ({known})",
                )

    def organisations(self, state: ScopedState) -> None:
        seen: set[object] = set()
        for organisation in state.organisations:
            where = f"organisation '{organisation.name}'"
            self.once(seen, organisation.id, where)
            if organisation.kind not in ORGANISATION_KINDS:
                raise self.refuse(where, f"'{organisation.kind}' is not a type of organisation")

    def people(self, state: ScopedState) -> set[object]:
        """Checked; the ids of the people the return includes."""
        people: set[object] = set()
        for person in state.people:
            where = f"person '{person.name}'"
            self.once(people, person.id, where)
            email = person.email
            if email and ("@" not in email or any(c.isspace() for c in email)):
                raise self.refuse(where, f"'{email}' is not an email address")
        return people

    def owners(self, state: ScopedState, people: set[object]) -> None:
        for owner in state.owners:
            where = f"owner of {owner.criterion_id}"
            self.target(where, owner.criterion_id, "")
            if owner.person_id not in people:
                raise self.refuse(where, "names a person the return does not include")

    def evidence(self, state: ScopedState) -> None:
        seen: set[object] = set()
        for item in state.evidence:
            where = f"evidence '{item.title}'"
            self.once(seen, item.id, where)
            if item.kind not in EVIDENCE_KINDS:
                raise self.refuse(where, f"'{item.kind}' is not a kind of evidence")
            if item.evidence_date is not None:
                try:
                    check_evidence_date(item.evidence_date)
                except ValueError as err:
                    raise self.refuse(where, f"date {err}") from None
            self.evidence_links_and_files(where, item)

    def evidence_links_and_files(self, where: str, item: PEvidence) -> None:
        targets = self.framework.link_targets.values()
        for criterion_id, bullet_id in item.links:
            if (criterion_id, bullet_id) not in targets:
                linked = f"{where} linked to {_where(criterion_id, bullet_id)}"
                self.target(linked, criterion_id, bullet_id)
        for attachment in item.attachments:
            held = attachment.sha256 in self.blobs
            if held and self.blobs.size_of(attachment.sha256) != attachment.size:
                raise self.refuse(
                    f"{where}: file '{attachment.filename}'", "its size does not match"
                )

    def comments(self, state: ScopedState) -> None:
        seen: set[object] = set()
        for comment in state.comments:
            where = f"comment by {comment.author}"
            self.once(seen, comment.id, where)
            self.target(where, comment.criterion_id, "")
            if comment.created_at.tzinfo is None:
                raise self.refuse(where, "its date has no time zone")


def _in_request(request: IssuedRequest, criterion_id: str, bullet_id: str = "") -> bool:
    return criterion_id in request.criteria and (not bullet_id or bullet_id in request.bullets)


def within_request(
    state: ScopedState,
    request: IssuedRequest,
    lead_evidence: set[str],
    lead_comments: set[str],
    now: datetime,
) -> tuple[ScopedState, list[OutsideChange]]:
    """The part of the partner's state the request allows, and what it carried besides."""
    outside: list[OutsideChange] = []
    not_asked = "not part of the request"

    judgements = []
    for judgement in state.judgements:
        if _in_request(request, judgement.criterion_id, judgement.bullet_id):
            judgements.append(judgement)
        else:
            where = _where(judgement.criterion_id, judgement.bullet_id)
            outside.append(OutsideChange(f"judgement of {where}", not_asked))
    owners = []
    for owner in state.owners:
        if _in_request(request, owner.criterion_id):
            owners.append(owner)
        else:
            outside.append(OutsideChange(f"owner of {owner.criterion_id}", not_asked))

    def scoped_links(item: PEvidence) -> PEvidence:
        kept = []
        for criterion_id, bullet_id in item.links:
            if _in_request(request, criterion_id, bullet_id):
                kept.append((criterion_id, bullet_id))
            else:
                where = _where(criterion_id, bullet_id)
                outside.append(
                    OutsideChange(f"link of evidence '{item.title}' to {where}", not_asked)
                )
        return item if len(kept) == len(item.links) else item.model_copy(update={"links": kept})

    evidence = []
    for item in state.evidence:
        if item.id in request.evidence_ids:
            evidence.append(scoped_links(item))
        elif item.id in lead_evidence:
            outside.append(
                OutsideChange(
                    f"evidence '{item.title}'",
                    "was not sent with the request; nothing of it was applied",
                    item.id,
                )
            )
        elif item.personal_data and not request.includes_personal_data:
            outside.append(
                OutsideChange(
                    f"new evidence '{item.title}'",
                    "is marked as personal data, which this request did not include",
                    item.id,
                )
            )
        else:
            evidence.append(scoped_links(item))

    comments = _comments_within(state, request, lead_comments, now, outside)
    scoped = ScopedState(
        judgements=judgements,
        organisations=state.organisations,
        people=state.people,
        owners=owners,
        evidence=evidence,
        comments=comments,
    )
    return scoped, outside


def _comments_within(
    state: ScopedState,
    request: IssuedRequest,
    lead_comments: set[str],
    now: datetime,
    outside: list[OutsideChange],
) -> list[PComment]:
    """The partner's new comments the request allows: on its criteria, dated between the
    request and now (a clock a day fast allowed); the rest listed in `outside`."""
    comments = []
    for comment in state.comments:
        if comment.id in lead_comments:
            continue  # comments only accumulate: one we hold already is not news
        what = f"comment by {comment.author} on {comment.criterion_id}"
        if not _in_request(request, comment.criterion_id):
            outside.append(OutsideChange(what, "not part of the request"))
        elif comment.created_at < request.created_at:
            outside.append(
                OutsideChange(
                    what,
                    f"dated {comment.created_at.astimezone():%d/%m/%Y %H:%M}, before the request "
                    f"was sent ({request.created_at.astimezone():%d/%m/%Y %H:%M}); refused",
                )
            )
        elif comment.created_at > now + CLOCK_SKEW:
            outside.append(
                OutsideChange(what, f"dated {comment.created_at:%d/%m/%Y}, in the future; refused")
            )
        else:
            comments.append(comment)
    return comments
