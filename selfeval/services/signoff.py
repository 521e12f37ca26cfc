"""Sign-off: who agreed a version of the self-evaluation, and exactly what they agreed.

A partnership signs its self-evaluation off together (the council's Director of Children's
Services, the ICB's executive lead, the parent carer forum's chair). Each signature records the
SHA-256 of the self-evaluation's *content* at that moment: everything the signed documents
print: every judgement (rating, narrative, bullet notes, what families read), the evidence each
criterion cites (with its files' hashes, the files checked sound before anyone signs), owners,
actions, risks, indicator figures, "Our area" (context, foreword, logo), the priorities and
what children and families said (voices, survey results, case studies). Timestamps, history
and comments are not content: re-saving the same words changes nothing. A signature made before
risks, figures and "Our area" were covered still matches the parts it covered.
A pack made later compares today's content with the last signed version and says when it has
changed since. The first signature of a version also freezes a snapshot of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.services.evidence import EvidenceView, list_evidence
from selfeval.services.history import record_change
from selfeval.services.improvement.actions import list_actions
from selfeval.services.judgements import list_judgements
from selfeval.services.people import list_owners
from selfeval.services.record_fields import JUDGEMENT, Path
from selfeval.services.workspace import Workspace
from selfeval.store.models_plan import SignOff, Snapshot

TEXT_LIMIT = 200
SIGNED_JUDGEMENT = tuple(
    n for n in JUDGEMENT.carried(Path.SIGNOFF) if n not in ("criterion_id", "bullet_id")
)
"""A judgement's fields a signature covers: the declaration's (the key names the rest)."""
LABEL_LIMIT = 80


def signed_content(
    workspace: Workspace, evidence_read: Sequence[EvidenceView] | None = None
) -> dict[str, Any]:
    """What a signature covers, as plain JSON-ready data, read at one moment. `evidence_read`:
    the library as the caller read it in the same moment (a pack need not read it twice)."""
    with workspace.one_moment():
        judgements = {
            f"{c}|{b}": {name: getattr(j, name) for name in SIGNED_JUDGEMENT}
            for (c, b), j in sorted(list_judgements(workspace).items())
        }
        evidence = {
            e.id: {
                "title": e.title,
                "kind": e.kind,
                "organisation": e.organisation,
                "date": e.evidence_date.isoformat() if e.evidence_date else None,
                "description": e.description,
                "link": e.link,
                "personal_data": e.personal_data,
                "cited_by": sorted([c + "|" + b for c, b in e.links]),
                "files": sorted([a.sha256 for a in e.attachments]),
            }
            for e in (list_evidence(workspace) if evidence_read is None else evidence_read)
            if e.links
        }
        owners = sorted((o.criterion_id, o.person_id, o.role) for o in list_owners(workspace))
        actions = {
            a.id: {
                "title": a.title,
                "description": a.description,
                "criteria": sorted(a.criteria),
                "owner": a.owner,
                "due": a.due_date.isoformat() if a.due_date else None,
                "status": a.status,
                "priority": a.priority,
                # only when linked: a signature made before such links still holds
                **({"priorities": sorted(a.priorities)} if a.priorities else {}),
            }
            for a in list_actions(workspace)
        }
        printed = _printed_beside(workspace)
    return {
        "framework": workspace.framework.content_hash,
        "judgements": judgements,
        "evidence": evidence,
        "owners": owners,
        "actions": actions,
        **printed,
    }


def _printed_beside(workspace: Workspace) -> dict[str, Any]:
    """What the pack prints beside the judgements: risks, figures and "Our area"."""
    from selfeval.services.improvement.indicators import indicator_values
    from selfeval.services.improvement.priorities import list_priorities
    from selfeval.services.improvement.risks import list_risks
    from selfeval.services.our_area import our_area

    area = our_area(workspace)
    priorities = {p.id: _json_ready(asdict(p)) for p in list_priorities(workspace)}
    heard = _heard(workspace)
    return {
        # only when there are some: a signature made before priorities existed still holds
        **({"priorities": priorities} if priorities else {}),
        **({"heard": heard} if heard else {}),
        "our_area": {
            "context": area.context,
            "foreword": area.foreword,
            "logo": hashlib.sha256(area.logo).hexdigest() if area.logo else None,
            # only when written: a signature made before the summary existed still holds
            **({"summary": area.summary} if area.summary else {}),
        },
        # every field of each, as the pack prints them (a field added later is covered too)
        "risks": {r.id: _unlinked_dropped(asdict(r)) for r in list_risks(workspace)},
        "indicators": {
            f"{v.indicator_id}|{v.period}": _json_ready(asdict(v))
            for v in indicator_values(workspace)
        },
    }


def _heard(workspace: Workspace) -> dict[str, Any]:
    """The voices, survey results and case studies, each whole: what the pack quotes and which
    are printed (consent, personal data) are both signed. Empty when there are none."""
    from selfeval.services.voices.case_studies import list_case_studies
    from selfeval.services.voices.surveys import list_survey_results
    from selfeval.services.voices.voices import list_voices

    heard = {
        "voices": {v.id: _json_ready(asdict(v)) for v in list_voices(workspace)},
        "surveys": {s.id: _json_ready(asdict(s)) for s in list_survey_results(workspace)},
        "case_studies": {c.id: _json_ready(asdict(c)) for c in list_case_studies(workspace)},
    }
    return {kind: rows for kind, rows in heard.items() if rows}


def _unlinked_dropped(values: dict[str, Any]) -> Any:
    """A risk as signed, its priorities only when it has some: a signature made before risks
    were linked to priorities still holds."""
    if not values.get("priorities"):
        values.pop("priorities", None)
    return _json_ready(values)


def _json_ready(values: dict[str, Any]) -> Any:
    """Plain JSON data (dates as ISO text), as the frozen snapshot stores it."""
    return json.loads(json.dumps(values, default=str))


BEFORE_WIDER_COVER = ("framework", "judgements", "evidence", "owners", "actions")
"""What a signature covered before risks, figures and "Our area" were added to it."""


def _digest(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def content_hashes(
    workspace: Workspace, evidence_read: Sequence[EvidenceView] | None = None
) -> tuple[str, str]:
    """The content's hash, and its hash as signatures made before the wider cover took it."""
    content = signed_content(workspace, evidence_read)
    return _digest(content), _digest({k: content[k] for k in BEFORE_WIDER_COVER})


def content_hash(workspace: Workspace, evidence_read: Sequence[EvidenceView] | None = None) -> str:
    return content_hashes(workspace, evidence_read)[0]


@dataclass(frozen=True)
class Signature:
    version_label: str
    name: str
    role: str
    organisation: str
    signed_on: date
    content_hash: str
    recorded_at: datetime
    recorded_by: str

    def as_dict(self) -> dict[str, object]:
        return {
            "version_label": self.version_label,
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "signed_on": self.signed_on.isoformat(),
            "content_hash": self.content_hash,
            "recorded_at": self.recorded_at.isoformat(),
            "recorded_by": self.recorded_by,
        }


@dataclass(frozen=True)
class SignOffState:
    """The latest signed version and whether the content has changed since."""

    version_label: str
    content_hash: str
    signatures: tuple[Signature, ...]
    changed_since: bool

    @property
    def signed_on(self) -> date:
        """The date of the last signature of the version."""
        return max(s.signed_on for s in self.signatures)


def list_signatures(workspace: Workspace) -> list[Signature]:
    """Every signature of this self-evaluation, oldest first."""
    with workspace.transaction(read_only=True) as session:
        rows = session.scalars(
            select(SignOff)
            .where(SignOff.assessment_id == workspace.assessment_id)
            .order_by(SignOff.recorded_at)
        )
        return [
            Signature(
                r.version_label,
                r.name,
                r.role,
                r.organisation,
                r.signed_on,
                r.content_hash,
                r.recorded_at,
                r.recorded_by,
            )
            for r in rows
        ]


def signoff_state(
    workspace: Workspace, current: tuple[str, str] | None = None
) -> SignOffState | None:
    """The last version signed (None before anyone signs), compared with the content now
    (`current`: its content_hashes, when the caller has them)."""
    signatures = list_signatures(workspace)
    if not signatures:
        return None
    latest = signatures[-1].version_label
    of_version = tuple(s for s in signatures if s.version_label == latest)
    signed_hash = of_version[0].content_hash
    now = current if current is not None else content_hashes(workspace)
    return SignOffState(latest, signed_hash, of_version, changed_since=signed_hash not in now)


def unrated_warning(workspace: Workspace) -> str:
    """Said before anyone signs: the criteria not rated yet, by number ("" when all are)."""
    from selfeval.framework.model import NOT_RATED
    from selfeval.words import counted

    ratings = {c: j.rating for (c, b), j in list_judgements(workspace).items() if not b}
    numbers = workspace.framework.numbers
    unrated = [
        str(numbers[c.id])
        for c in workspace.framework.criteria
        if ratings.get(c.id, NOT_RATED) == NOT_RATED
    ]
    if not unrated:
        return ""
    return (
        f"Not rated yet: {counted(len(unrated), 'criterion', 'criteria')} "
        f"({', '.join(unrated)}). A signature agrees the self-evaluation as it is now."
    )


def usual_status(workspace: Workspace) -> tuple[str, str]:
    """How a pack is exported unless someone says otherwise: once a version is signed off, as
    Final under its label (a board's signed pack carries no DRAFT watermark); before, a draft.
    The pack itself says when the content has changed since the signature."""
    signatures = list_signatures(workspace)
    if not signatures:
        return "draft", "1.0"
    return "final", signatures[-1].version_label


def _text(value: str, what: str, limit: int = TEXT_LIMIT) -> str:
    value = " ".join(value.split())
    if not value:
        raise InputError(f"{what}: must be given")
    if len(value) > limit:
        raise InputError(f"{what}: is limited to {limit} characters")
    return value


def _next_label(previous: str) -> str:
    """After "1.0" comes "2.0"; after "March 2027" comes "March 2027 (revised)"."""
    head = previous.split(".")[0]
    if head.isdigit():
        return f"{int(head) + 1}.0"
    return f"{previous} (revised)"[:LABEL_LIMIT]


def suggested_version_label(workspace: Workspace) -> str:
    """The version the next signature most likely belongs to: the last signed one while the
    content is unchanged (co-signatories join it), else the next one."""
    state = signoff_state(workspace)
    if state is None:
        return "1.0"
    return state.version_label if not state.changed_since else _next_label(state.version_label)


def refuse_if_damaged(workspace: Workspace, problems: list[str]) -> None:
    """A signature certifies the evidence's files by their hashes: their bytes must be them.
    `problems`: what the full check found (slow on gigabytes of files: the app runs it on a
    task before it signs, and says so with `files_checked`)."""
    if problems:
        raise InputError(
            f"{workspace.name}: is damaged ({'; '.join(problems)}); a signature cannot certify "
            "it: run 'selfeval check', restore a backup, then sign off"
        )


def sign_off(
    workspace: Workspace,
    name: str,
    role: str,
    organisation: str,
    signed_on: date | None = None,
    version_label: str | None = None,
    *,
    files_checked: bool = False,
) -> Signature:
    """Record one signatory's agreement to the content as it is now (every file checked first,
    unless the caller has just done so: `files_checked`)."""
    name = _text(name, "name")
    role = _text(role, "role")
    organisation = _text(organisation, "organisation")
    today = date.today()
    signed_on = signed_on or today
    if signed_on > today:
        raise InputError(
            f"date: {signed_on:%d %B %Y} is in the future; sign-off is on or before today"
        )
    if signed_on.year < 2000:
        raise InputError(f"date: {signed_on:%d %B %Y} is before any Area SEND framework")
    label = _text(version_label, "version label", LABEL_LIMIT) if version_label else None
    label = label or suggested_version_label(workspace)
    if not files_checked:
        from selfeval.services.integrity import full_check

        refuse_if_damaged(workspace, full_check(workspace))
    content = signed_content(workspace)
    digest = _digest(content)
    with workspace.transaction() as session:
        same_version = session.scalars(
            select(SignOff).where(
                SignOff.assessment_id == workspace.assessment_id, SignOff.version_label == label
            )
        ).all()
        if same_version and same_version[0].content_hash != digest:
            first = same_version[0]
            raise InputError(
                f"version {label} was signed off on {first.signed_on:%d %B %Y} with other "
                "content; the self-evaluation has changed since, so give this version a new "
                f"label (for example {_next_label(label)})"
            )
        for row in same_version:
            if (row.name.casefold(), row.organisation.casefold()) == (
                name.casefold(),
                organisation.casefold(),
            ):
                raise InputError(f"{name} ({organisation}) has already signed off version {label}")
        snapshot_id = same_version[0].snapshot_id if same_version else None
        if snapshot_id is None:
            snapshot_id = _freeze(session, workspace, label, content)
        row = SignOff(
            assessment_id=workspace.assessment_id,
            snapshot_id=snapshot_id,
            version_label=label,
            name=name,
            role=role,
            organisation=organisation,
            signed_on=signed_on,
            content_hash=digest,
            recorded_by=workspace.user.name[:TEXT_LIMIT],
        )
        session.add(row)
        session.flush()
        record_change(
            session,
            workspace.user,
            "signoff",
            row.id,
            "signed",
            None,
            f"version {label}: {name}, {role}, {organisation}",
            assessment_id=workspace.assessment_id,
        )
        return Signature(
            label, name, role, organisation, signed_on, digest, row.recorded_at, row.recorded_by
        )


def _freeze(session: Session, workspace: Workspace, label: str, content: dict[str, Any]) -> str:
    """The snapshot of a signed version: what the progress report compares, plus the content
    that was signed, so a later question ("what did we agree?") has its answer."""
    from selfeval.services.improvement.snapshots import capture

    name = f"Signed off: version {label}"[:200]
    taken = 1
    while session.scalars(
        select(Snapshot).where(
            Snapshot.assessment_id == workspace.assessment_id, Snapshot.name == name
        )
    ).first():
        taken += 1
        name = f"Signed off: version {label} ({taken})"[:200]
    state = capture(workspace)
    state["signed_content"] = content
    row = Snapshot(
        assessment_id=workspace.assessment_id, name=name, content=json.dumps(state, sort_keys=True)
    )
    session.add(row)
    session.flush()
    return str(row.id)
