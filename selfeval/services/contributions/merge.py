"""Merging a partner's return: a three-way merge of base (the request), ours and theirs.

For every field of the criteria in the request: a change only the partner made applies cleanly;
a field both sides changed since the base, differently, is a conflict the lead resolves (ours,
theirs, or their own text); new evidence is accepted or rejected item by item; comments only
accumulate. Applying is one transaction, recorded in the history with the package as origin,
and a package already merged changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.framework.model import Framework
from selfeval.services.contributions.merge_plan import FieldChange, MergePlan, MergeResult
from selfeval.services.contributions.merge_writes import write_change
from selfeval.services.contributions.package_format import (
    Package,
    PackageError,
    ScopedState,
    shown,
    signed_by,
)
from selfeval.services.contributions.registry import IssuedRequest, find_request
from selfeval.services.contributions.return_checks import check_return_values, within_request
from selfeval.services.contributions.state import (
    add_attachment_row,
    add_evidence_items,
    extract_state,
)
from selfeval.services.record_fields import EVIDENCE, JUDGEMENT, MAX_TEXT, Path
from selfeval.services.workspace import Workspace
from selfeval.store.chunks import chunked
from selfeval.store.models import (
    Attachment,
    Blob,
    ChangeRecord,
    Comment,
    EvidenceItem,
    MergedPackage,
)
from selfeval.store.types import new_id, utc_now

JUDGEMENT_FIELDS = tuple(
    name for name in JUDGEMENT.carried(Path.RETURN) if name not in ("criterion_id", "bullet_id")
)
"""Every field of a judgement a return may change (the declaration's): the rating and every
text, the families' included (a partner's page offers them, so their return carries them)."""
EVIDENCE_FIELDS = EVIDENCE.carried(Path.RETURN)
JUDGEMENT_DEFAULTS = {"rating": "not-rated"}


def where_in(framework: Framework, criterion_id: str, bullet_id: str = "") -> str:
    """A criterion or bullet as the lead's pack names it: "3. Children and young people receive
    the right help..." or "3.2", never its id."""
    try:
        criterion = framework.criterion(criterion_id)
    except KeyError:
        return bullet_id or criterion_id
    number = framework.numbers[criterion.id]
    if not bullet_id:
        title = criterion.title if len(criterion.title) <= 120 else criterion.title[:117] + "..."
        return f"{number}. {title}"
    ids = [b.id for b in criterion.bullets]
    return f"{number}.{ids.index(bullet_id) + 1}" if bullet_id in ids else bullet_id


def _values(
    state: ScopedState, scope: set[str], framework: Framework
) -> dict[str, tuple[str, str, Any]]:
    """Every mergeable field as key -> (criterion, label, value)."""
    values: dict[str, tuple[str, str, Any]] = {}
    for j in state.judgements:
        if j.criterion_id not in scope:
            continue
        where = where_in(framework, j.criterion_id, j.bullet_id)
        for name in JUDGEMENT_FIELDS:
            values[f"judgement|{j.criterion_id}|{j.bullet_id}|{name}"] = (
                j.criterion_id,
                f"{where}: {name.replace('_', ' ')}",
                getattr(j, name),
            )
    for o in state.owners:
        if o.criterion_id in scope:
            name = next((p.name for p in state.people if p.id == o.person_id), o.person_id)
            values[f"owner|{o.criterion_id}|{o.person_id}"] = (
                o.criterion_id,
                f"owner {name}",
                o.role,
            )
    for e in state.evidence:
        first = next((c for c, _ in e.links if c in scope), "")
        for name in EVIDENCE_FIELDS:
            values[f"evidence|{e.id}|{name}"] = (
                first,
                f"evidence '{e.title}': {name}",
                getattr(e, name),
            )
        for criterion_id, bullet_id in e.links:
            if criterion_id in scope:
                to = where_in(framework, criterion_id, bullet_id)
                values[f"link|{e.id}|{criterion_id}|{bullet_id}"] = (
                    criterion_id,
                    f"evidence '{e.title}' linked to {to}",
                    "linked",
                )
    return values


def _default(key: str) -> Any:
    kind, *rest = key.split("|")
    if kind == "judgement":
        return JUDGEMENT_DEFAULTS.get(rest[-1], "")
    return None


def _request_for(workspace: Workspace, package: Package) -> IssuedRequest:
    """The lead's own record of the request this return answers, once the return proves it
    was made from that request (its HMAC under the request's secret)."""
    manifest = package.manifest
    request = find_request(workspace, manifest.request_id)
    if request is None:
        raise PackageError(
            "this return answers a request this workspace did not issue (or one made before "
            "selfeval kept a record of requests); it was not merged"
        )
    if request.assessment_id != workspace.assessment_id:
        raise PackageError(
            "this return answers a request made for another assessment in this workspace; "
            "switch to that assessment (File > Assessment, or --assessment) and merge it there"
        )
    if not signed_by(manifest, request.secret):
        raise PackageError(
            "this return is not signed with the key of the request it names: it was changed "
            "after the partner made it, or made by someone who never held the request; "
            "it was not merged"
        )
    return request


def _refuse_files_not_sent(name: str, named: set[str], sent: Any) -> None:
    """A return may name one of the lead's files by its SHA-256 (instead of sending it back)
    only when the request sent that file: otherwise a partner who learnt a hash could attach
    any file of the lead's (a child's case file, say) to an item of theirs, and it would go out
    again with the next request."""
    sent_files = {a.sha256 for item in sent.evidence for a in item.attachments}
    foreign = named - sent_files
    if foreign:
        raise PackageError(
            f"{name} names {len(foreign)} file{'s' if len(foreign) != 1 else ''} of this "
            "workspace by SHA-256 that its request did not send; a return may name only files "
            "the request sent; nothing was merged"
        )


def _return_for_here(workspace: Workspace, package: Package) -> IssuedRequest:
    """The request a return answers, refused in words unless it is a return to this
    workspace, made against its edition."""
    manifest = package.manifest
    if manifest.kind != "return" or package.content.current is None:
        raise PackageError("this package is a request, not a partner's return")
    if manifest.lead.partnership_id != workspace.partnership_id:
        raise PackageError(
            f"this return belongs to another workspace ({shown(manifest.lead.area_name, 80)}); "
            "it was not merged"
        )
    request = _request_for(workspace, package)
    if manifest.framework_hash != workspace.framework.content_hash:
        raise PackageError("this return was made against another edition of the framework")
    return request


def _refuse_files_not_held(
    session: Any, name: str, current: ScopedState, package: Package, base_state: ScopedState
) -> None:
    """A file the return names but does not carry must be one this workspace holds, at the
    size the return says; refused in words otherwise, before anything is planned."""
    named = {a.sha256 for e in current.evidence for a in e.attachments} - set(package.blobs)
    _refuse_files_not_sent(name, named, base_state)
    sizes = {
        sha: size
        for piece in chunked(sorted(named))
        for sha, size in session.execute(
            select(Blob.sha256, Blob.size).where(Blob.sha256.in_(piece))
        )
    }
    for item in current.evidence:
        for attachment in item.attachments:
            if sizes.get(attachment.sha256, attachment.size) != attachment.size:
                raise PackageError(
                    f"{name}: file '{shown(attachment.filename, 80)}' of evidence "
                    f"'{shown(item.title, 80)}': its size does not match the file this "
                    "workspace holds; nothing was merged"
                )
    missing = named - set(sizes)
    if missing:
        raise PackageError(
            f"{name} names {len(missing)} file{'s' if len(missing) != 1 else ''} by SHA-256 "
            "as held by this workspace, which does not hold "
            f"{'them' if len(missing) != 1 else 'it'} (deleted since the request was sent?); "
            "ask the partner for a new return; nothing was merged"
        )


def plan_merge(workspace: Workspace, package: Package, name: str = "this return") -> MergePlan:
    manifest = package.manifest
    request = _return_for_here(workspace, package)
    assert package.content.current is not None  # a return carries the partner's state
    check_return_values(name, package.content.current, workspace.framework, package.blobs)
    plan = MergePlan(
        manifest.package_id,
        shown(f"{manifest.created_by} ({manifest.organisation})", 200),
        request.id,
    )
    current = package.content.current
    base_state = request.base()
    # Only what this return and its request know of is read: planning costs the same however
    # much has been merged before (a county merges forty returns in a cycle).
    known = {e.id for e in current.evidence} | {e.id for e in base_state.evidence}
    with workspace.transaction(read_only=True) as session:
        if session.get(MergedPackage, manifest.package_id) is not None:
            plan.already_merged = True
            return plan
        existing: set[str] = set()
        for piece in chunked(sorted(known)):
            for evidence_id, personal in session.execute(
                select(EvidenceItem.id, EvidenceItem.personal_data).where(
                    EvidenceItem.id.in_(piece)
                )
            ):
                existing.add(evidence_id)
                if personal:
                    plan.personal_ids.add(evidence_id)
        have_comments = _held(session, Comment.id, {c.id for c in current.comments})
        have_files = _held(
            session, Attachment.id, {a.id for e in current.evidence for a in e.attachments}
        )
        _refuse_files_not_held(session, name, current, package, base_state)
    theirs_state, plan.outside = within_request(
        current, request, existing, have_comments, utc_now()
    )
    scope = set(request.criteria)
    ours_state, _ = extract_state(
        workspace,
        list(request.criteria),
        include_personal_data=True,
        with_files=False,
        only_evidence=known,
        with_comments=False,
    )
    framework = workspace.framework
    base = _values(base_state, scope, framework)
    theirs = _values(theirs_state, scope, framework)
    ours = _values(ours_state, scope, framework)
    ours_evidence = {e.id for e in ours_state.evidence}
    theirs_evidence = {e.id for e in theirs_state.evidence}
    base_evidence = {e.id for e in base_state.evidence}
    new_ids = theirs_evidence - base_evidence - existing
    plan.new_evidence = [e for e in theirs_state.evidence if e.id in new_ids]
    plan.personal_ids |= {e.id for e in package.content.current.evidence if e.personal_data}
    for key in sorted(set(base) | set(theirs)):
        kind, subject, *_ = key.split("|")
        if kind in ("evidence", "link") and subject in new_ids:
            continue  # comes with accepting the new item
        if kind == "evidence" and (subject not in ours_evidence or subject not in theirs_evidence):
            continue  # an item the partner no longer holds keeps its fields; links say the rest
        b = base[key][2] if key in base else _default(key)
        t = theirs[key][2] if key in theirs else _default(key)
        o = ours[key][2] if key in ours else _default(key)
        if t == b or o == t:
            continue
        criterion_id, label = (theirs.get(key) or base[key])[:2]
        change = FieldChange(key, criterion_id, label, b, o, t)
        # Clearing a personal-data flag lets an item into every output: the lead decides.
        clears_personal_data = key.endswith("|personal_data") and o is True and t is False
        (plan.clean if o == b and not clears_personal_data else plan.conflicts).append(change)
    plan.new_files = [
        (item.id, attachment)
        for item in theirs_state.evidence
        if item.id in existing
        for attachment in item.attachments
        if attachment.id not in have_files
    ]
    plan.new_comments = list(theirs_state.comments)
    return plan


def _held(session: Session, column: Any, wanted: set[str]) -> set[str]:
    """Which of these ids the lead's workspace holds already."""
    return {
        found
        for piece in chunked(sorted(wanted))
        for found in session.scalars(select(column).where(column.in_(piece)))
    }


def _check_own_value(workspace: Workspace, conflict: FieldChange, value: Any) -> None:
    """The lead's own resolution obeys the same rules as an edit made on the criterion page."""
    if conflict.key.endswith("|rating"):
        try:
            workspace.framework.rating_scale.level(str(value))
        except KeyError as err:
            raise InputError(str(err.args[0])) from None
    elif isinstance(value, str) and len(value) > MAX_TEXT:
        raise InputError(f"{conflict.label}: {len(value):,} characters; the limit is {MAX_TEXT:,}")


def apply_merge(
    workspace: Workspace,
    package: Package,
    plan: MergePlan,
    *,
    resolutions: dict[str, Any] | None = None,
    accept_evidence: set[str] | None = None,
    skip: set[str] | None = None,
) -> MergeResult:
    """Apply the clean changes, the resolved conflicts and the accepted new evidence.

    `resolutions` maps a conflict's key to "ours", "theirs" or a value of the lead's own;
    unresolved conflicts keep ours. `accept_evidence` None accepts every new item. `skip` names
    clean changes the lead chose not to take.
    """
    if plan.already_merged:
        return MergeResult([], [], [], 0, already_merged=True)
    resolutions = resolutions or {}
    unknown = set(resolutions) - {c.key for c in plan.conflicts}
    if unknown:
        raise InputError(f"no conflict called '{sorted(unknown)[0]}' in this merge")
    theirs_state = package.content.current
    assert theirs_state is not None
    origin = f"package:{plan.package_id}"
    user = workspace.user
    to_apply: list[tuple[FieldChange, Any]] = [
        (c, c.theirs) for c in plan.clean if c.key not in (skip or set())
    ]
    left = []
    for conflict in plan.conflicts:
        choice = resolutions.get(conflict.key, "ours")
        if choice == "ours":
            left.append(conflict) if conflict.key not in resolutions else None
            continue
        if choice != "theirs":
            _check_own_value(workspace, conflict, choice)
        to_apply.append((conflict, conflict.theirs if choice == "theirs" else choice))
    accepted = [e for e in plan.new_evidence if accept_evidence is None or e.id in accept_evidence]
    with workspace.transaction() as session:
        if session.get(MergedPackage, plan.package_id) is not None:
            return MergeResult([], [], [], 0, already_merged=True)
        for change, value in to_apply:
            write_change(session, workspace, theirs_state, package, change, value, origin)
        scoped = accepted  # their links were limited to the request when planning
        add_evidence_items(
            session, theirs_state, scoped, workspace.assessment_id, package.blobs, plan.from_who
        )
        if scoped:
            now = utc_now()
            session.connection().execute(
                insert(ChangeRecord),
                [
                    {
                        "id": new_id(),
                        "changed_at": now,
                        "changed_by": user.name,
                        "organisation": user.organisation,
                        "origin": origin,
                        "entity": "evidence",
                        "entity_id": item.id,
                        "field": "created",
                        "old_value": None,
                        "new_value": item.title,
                        "assessment_id": workspace.assessment_id,
                        "criterion_id": item.links[0][0] if item.links else None,
                    }
                    for item in scoped
                ],
            )
        # new files on items that were sent, and comments, as the plan listed them
        for evidence_id, attachment in plan.new_files:
            add_attachment_row(session, evidence_id, attachment, package.blobs, plan.from_who)
        have = set(session.scalars(select(Comment.id)))
        comments = [c for c in plan.new_comments if c.id not in have]
        received = utc_now()
        for comment in comments:
            session.add(
                Comment(
                    assessment_id=workspace.assessment_id,
                    origin=origin,
                    received_at=received,
                    **comment.model_dump(),
                )
            )
        session.add(
            MergedPackage(
                package_id=plan.package_id,
                request_id=plan.request_id or None,
                merged_by=user.name,
                summary=json.dumps(
                    {"applied": len(to_apply), "evidence": len(accepted), "comments": len(comments)}
                ),
            )
        )
    return MergeResult([c for c, _ in to_apply], left, [e.id for e in accepted], len(comments))
