"""A Word self-evaluation planned, decided and written: all or nothing, each change in the
history as `import:<file name>`, and undone as one step.

Every piece the plan could not place needs a decision before anything is written: a criterion
and a field (or a note on the criterion), or left out on purpose. The partnership's own headings
that were mapped are remembered in the workspace, so the next import of a newer version of the
same document asks nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED
from selfeval.services.evidence import EvidenceInput, write_evidence
from selfeval.services.field_headings import field_headings
from selfeval.services.history import record_change
from selfeval.services.judgements import NARRATIVE_FIELDS, write_judgement
from selfeval.services.record_fields import MAX_TEXT
from selfeval.services.sef_import.docx_pieces import SefDocument, read_docx
from selfeval.services.sef_import.field_words import NOTE, TARGETS, heading_key
from selfeval.services.sef_import.references import Reference, references
from selfeval.services.sef_import.sef_plan import NONE, Piece, Planner, SefPlan, joined
from selfeval.services.settings import read_setting
from selfeval.services.workspace import Workspace
from selfeval.store.models import Comment, EvidenceItem, Judgement, WorkspaceSetting

HEADINGS_SETTING = "sef_headings"
"""The partnership's own headings and the field each was taken as (JSON)."""
MAX_COMMENT = 10_000
LEAVE_OUT = "leave-out"
EVIDENCE = "evidence"


def remembered_headings(workspace: Workspace) -> dict[str, str]:
    """Headings mapped in earlier imports; a damaged setting remembers nothing."""
    try:
        stored = json.loads(read_setting(workspace, HEADINGS_SETTING) or "{}")
    except ValueError:
        return {}
    if not isinstance(stored, dict):
        return {}
    return {str(k): str(v) for k, v in stored.items() if v in TARGETS}


def check_answers(workspace: Workspace, maps: dict[str, str], criteria: dict[str, str]) -> None:
    wrong = [f"'{h}={t}'" for h, t in maps.items() if t not in TARGETS]
    if wrong:
        raise InputError(
            f"--map {', '.join(wrong)}: the field must be one of: {', '.join(TARGETS)}"
        )
    known = {c.id for c in workspace.framework.criteria} | {NONE}
    unknown = [f"'{h}={c}'" for h, c in criteria.items() if c not in known]
    if unknown:
        raise InputError(
            f"--criterion {', '.join(unknown)}: not a criterion of {workspace.framework.id} "
            f"(or '{NONE}' for a heading that is no criterion's)"
        )


def plan_sef(
    workspace: Workspace,
    path: Path,
    maps: dict[str, str] | None = None,
    criteria: dict[str, str] | None = None,
    document: SefDocument | None = None,
) -> SefPlan:
    """Where every piece of the document would go, with the workspace's remembered headings
    and the user's own answers (`maps`: heading -> field; `criteria`: heading -> criterion)."""
    maps, criteria = maps or {}, criteria or {}
    check_answers(workspace, maps, criteria)
    document = document if document is not None else read_docx(path)
    theirs = field_headings(workspace).own()  # the partnership's headings name their fields
    merged = {
        **{heading_key(text): name for name, text in theirs.items()},
        **remembered_headings(workspace),
        **{heading_key(k): v for k, v in maps.items()},
    }
    return Planner(workspace.framework, path, merged, criteria).run(document)


@dataclass(frozen=True)
class Decision:
    """What happens to a piece the plan left unplaced: a criterion and a target (a field, a
    note, "evidence" for a picture), or LEAVE_OUT."""

    criterion_id: str | None
    target: str


def decide_all(plan: SefPlan, how: str) -> dict[str, Decision]:
    """One answer for every unplaced piece: "notes" (a note on the criterion whose section it
    is in; left out when it is in none), "suggested" (its suggestion, else a note), or
    "leave-out"."""
    decided: dict[str, Decision] = {}
    for item in plan.unplaced:
        where = item.piece.where
        if how == LEAVE_OUT or item.criterion_id is None:
            decided[where] = Decision(None, LEAVE_OUT)
        elif how == "suggested" and item.suggested:
            decided[where] = Decision(item.criterion_id, item.suggested)
        else:
            decided[where] = Decision(item.criterion_id, NOTE if item.piece.text else LEAVE_OUT)
    return decided


@dataclass
class SefImported:
    """What an import wrote, enough to undo it."""

    origin: str
    fields: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(criterion, field, before, after)."""
    comments: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    left_out: int = 0

    def summary(self) -> str:
        from selfeval.words import counted

        criteria = len({c for c, _f, _b, _a in self.fields})
        return (
            f"{counted(len(self.fields), 'field')} of {counted(criteria, 'criterion', 'criteria')}"
            f", {counted(len(self.comments), 'note')}, "
            f"{counted(len(self.evidence), 'evidence item')}"
            + (f"; {counted(self.left_out, 'piece')} left out as chosen" if self.left_out else "")
        )


@dataclass
class _Writes:
    texts: dict[tuple[str, str], list[Piece]] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)
    pictures: list[tuple[str, Piece]] = field(default_factory=list)
    left_out: int = 0


def _check_decisions(workspace: Workspace, decisions: dict[str, Decision]) -> None:
    known = {c.id for c in workspace.framework.criteria}
    for where, decision in decisions.items():
        if decision.target == LEAVE_OUT:
            continue
        if decision.criterion_id not in known:
            raise InputError(
                f"{where}: '{decision.criterion_id}' is not a criterion of "
                f"{workspace.framework.id}; nothing was imported"
            )
        if decision.target not in (*NARRATIVE_FIELDS, NOTE, EVIDENCE):
            raise InputError(
                f"{where}: '{decision.target}' is not a field (one of: "
                f"{', '.join((*NARRATIVE_FIELDS, NOTE, EVIDENCE))}); nothing was imported"
            )


def _collect(plan: SefPlan, decisions: dict[str, Decision]) -> _Writes:
    undecided = [u for u in plan.unplaced if u.piece.where not in decisions]
    if undecided:
        first = undecided[0].piece
        raise InputError(
            f"{plan.path}: nothing was imported; {len(undecided):,} pieces not placed need a "
            f"decision (the first: {first.where}, '{first.text[:60]}')"
        )
    writes = _Writes({key: list(pieces) for key, pieces in plan.placed.items()})
    for (criterion_id, target), pieces in list(writes.texts.items()):
        if target == NOTE:
            writes.notes += [(criterion_id, _note_text(p)) for p in pieces]
            del writes.texts[(criterion_id, target)]
    for item in plan.unplaced:
        decision = decisions[item.piece.where]
        if decision.target == LEAVE_OUT or decision.criterion_id is None:
            writes.left_out += 1
        elif decision.target == EVIDENCE and item.piece.picture is not None:
            writes.pictures.append((decision.criterion_id, item.piece))
        elif decision.target == NOTE:
            writes.notes.append((decision.criterion_id, _note_text(item.piece)))
        elif decision.target in NARRATIVE_FIELDS:
            writes.texts.setdefault((decision.criterion_id, decision.target), []).append(item.piece)
        else:
            raise InputError(f"{item.piece.where}: cannot go to '{decision.target}'")
    return writes


def _note_text(piece: Piece) -> str:
    return f"{piece.heading}: {piece.text}" if piece.heading else piece.text


def apply_sef(
    workspace: Workspace,
    plan: SefPlan,
    decisions: dict[str, Decision],
    make_evidence: bool = False,
    remember: dict[str, str] | None = None,
) -> SefImported:
    """Write the plan with these decisions, in one transaction; nothing when anything is
    wrong. `make_evidence`: an evidence item for each document the text points to."""
    _check_decisions(workspace, decisions)
    writes = _collect(plan, decisions)
    origin = f"import:{plan.path.name}"[:80]
    texts = {key: joined(pieces) for key, pieces in writes.texts.items()}
    for (criterion_id, target), text in texts.items():
        if len(text) > MAX_TEXT:
            raise InputError(
                f"{plan.path}: the text for {criterion_id} ({target}) is {len(text):,} "
                f"characters; the limit is {MAX_TEXT:,}. Nothing was imported"
            )
    done = SefImported(origin, left_out=writes.left_out)
    with workspace.transaction() as session:
        for criterion_id in sorted({c for c, _t in texts} | set(plan.ratings)):
            changes = {t: text for (c, t), text in texts.items() if c == criterion_id}
            if criterion_id in plan.ratings:
                changes["rating"] = plan.ratings[criterion_id][0]
            row = session.scalars(
                select(Judgement).where(
                    Judgement.assessment_id == workspace.assessment_id,
                    Judgement.criterion_id == criterion_id,
                    Judgement.bullet_id == "",
                )
            ).first()
            empty = {"rating": NOT_RATED}
            before = {f: getattr(row, f) if row else empty.get(f, "") for f in changes}
            write_judgement(session, workspace, criterion_id, "", changes, origin)
            done.fields += [(criterion_id, f, before[f] or "", v) for f, v in changes.items()]
        for criterion_id, text in writes.notes:
            done.comments.append(_write_note(session, workspace, criterion_id, text, origin))
        for criterion_id, piece in writes.pictures:
            picture = piece.picture
            assert picture is not None
            item = EvidenceInput(title=f"Picture from {plan.path.name} ({piece.where})"[:500])
            files = [(picture.name, picture.data)]
            done.evidence.append(
                write_evidence(session, workspace, item, [(criterion_id, "")], files, origin)
            )
        if make_evidence:
            for reference in references(plan):
                done.evidence.append(_write_reference(session, workspace, reference, origin))
        _remember(session, {**plan.headings, **(remember or {})})
    return done


def _write_note(
    session: object, workspace: Workspace, criterion_id: str, text: str, origin: str
) -> str:
    from sqlalchemy.orm import Session

    assert isinstance(session, Session)
    row = Comment(
        assessment_id=workspace.assessment_id,
        criterion_id=criterion_id,
        author=workspace.user.name,
        organisation=workspace.user.organisation,
        text=text[:MAX_COMMENT],
    )
    session.add(row)
    session.flush()
    record_change(
        session, workspace.user, "comment", row.id, "created", None, text[:200],
        criterion_id=criterion_id, origin=origin,
    )  # fmt: skip
    return row.id


def _write_reference(
    session: Session, workspace: Workspace, reference: Reference, origin: str
) -> str:
    item = EvidenceInput(title=reference.title[:500], link=reference.link[:2000])
    return write_evidence(session, workspace, item, [(reference.criterion_id, "")], (), origin)


def _remember(session: Session, headings: dict[str, str]) -> None:
    """The headings this import took as fields, added to those remembered."""
    row = session.get(WorkspaceSetting, HEADINGS_SETTING)
    try:
        known = json.loads(row.value) if row is not None else {}
    except ValueError:
        known = {}
    if not isinstance(known, dict):
        known = {}
    known.update({k: v for k, v in headings.items() if k and v in TARGETS})
    value = json.dumps(known, sort_keys=True)
    if row is None:
        session.add(WorkspaceSetting(key=HEADINGS_SETTING, value=value))
    else:
        row.value = value


def undo_sef(workspace: Workspace, imported: SefImported) -> None:
    """Put back what the import replaced, compare-and-set (refused, in words, if someone has
    changed an imported field since), and remove the notes and evidence it added."""
    with workspace.transaction() as session:
        by_criterion: dict[str, dict[str, tuple[str, str]]] = {}
        for criterion_id, name, before, after in imported.fields:
            by_criterion.setdefault(criterion_id, {})[name] = (before, after)
        for criterion_id, fields in by_criterion.items():
            changes = {n: b for n, (b, _a) in fields.items()}
            expect = {n: a for n, (_b, a) in fields.items()}
            write_judgement(
                session, workspace, criterion_id, "", changes, f"undo {imported.origin}", expect
            )
        if imported.comments:
            session.execute(delete(Comment).where(Comment.id.in_(imported.comments)))
        for evidence_id in imported.evidence:
            row = session.get(EvidenceItem, evidence_id)
            if row is not None:
                session.delete(row)


def current_texts(workspace: Workspace) -> dict[tuple[str, str], str]:
    """What each criterion's fields hold now: what an import would replace."""
    from selfeval.services.judgements import list_judgements

    held: dict[tuple[str, str], str] = {}
    for (criterion_id, bullet_id), view in list_judgements(workspace).items():
        if bullet_id:
            continue
        for name in (*NARRATIVE_FIELDS, "rating"):
            value = getattr(view, name, "")
            if value:
                held[(criterion_id, name)] = str(value)
    return held
