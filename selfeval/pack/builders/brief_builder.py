"""The engagement-meeting brief, built from the judgements, evidence counts, indicators and the
action plan."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.output import check_destination
from selfeval.pack.documents.brief import (
    BriefCriterion,
    EngagementBrief,
    compose_brief,
    first_sentence,
)
from selfeval.pack.model import DEFAULT_MARKING, Rating
from selfeval.services.evidence import list_evidence
from selfeval.services.improvement.actions import list_actions
from selfeval.services.improvement.indicators import (
    how_we_compare,
    indicator_library,
    latest_values,
)
from selfeval.services.judgements import list_judgements
from selfeval.services.vocabulary import EVIDENCE_KINDS
from selfeval.services.workspace import Workspace
from selfeval.words import counted

MOST_LISTED = 5
VERDICT_WORDS = {"above": "above England", "below": "below England", "same": "the same"}


def _figure(value: float | None, unit: str) -> str:
    if value is None:
        return "no figure"
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "%" else f"{text} {unit}".strip()


def build_brief(
    workspace: Workspace, issued: date | None = None, marking: str = DEFAULT_MARKING
) -> EngagementBrief:
    framework = workspace.framework
    scale = framework.rating_scale
    order = {level.id: rank for rank, level in enumerate(scale.choices)}
    with workspace.one_moment():
        judgements = list_judgements(workspace)
        evidence = [e for e in list_evidence(workspace) if e.links]
        overdue = [a for a in list_actions(workspace) if a.overdue]
        latest = latest_values(workspace)

    def rating_of(criterion_id: str) -> Rating:
        judgement = judgements.get((criterion_id, ""))
        level = scale.level(judgement.rating if judgement else "not-rated")
        return Rating(level.id, level.label, level.colour)

    counts = Counter(rating_of(c.id).id for c in framework.criteria)
    rating_counts = ", ".join(
        f"{level.label} {counts[level.id]}" for level in scale.choices if counts[level.id]
    )
    outcomes = []
    for criterion in framework.groups[0].criteria:
        judgement = judgements.get((criterion.id, ""))
        known = ""
        if judgement is not None:
            known = first_sentence(judgement.impact or judgement.rationale)
        outcomes.append(
            BriefCriterion(
                framework.numbers[criterion.id], criterion.title, rating_of(criterion.id), known
            )
        )
    kinds = Counter(e.kind for e in evidence)
    how_we_know = []
    if evidence:
        cited = {c for e in evidence for c, _b in e.links}
        by_kind = ", ".join(
            f"{EVIDENCE_KINDS.get(kind, kind).lower()} {count}"
            for kind, count in kinds.most_common()
        )
        how_we_know.append(
            f"{counted(len(evidence), 'evidence item')} cited across "
            f"{counted(len(cited), 'criterion', 'criteria')}: {by_kind}."
        )
    voices = kinds.get("survey", 0) + kinds.get("co-production", 0)
    if voices:
        records = counted(
            voices, "survey or co-production record", "surveys and co-production records"
        )
        how_we_know.append(f"{records} bring in what children, young people and families tell us.")
    library = indicator_library()
    headlines = []
    for row in latest:
        indicator = library.get(row.indicator_id)
        if indicator is None or row.area is None:
            continue
        england = next((c for c in how_we_compare(row) if c.comparator == "England"), None)
        versus = (
            f" against England {_figure(england.value, indicator.unit)} "
            f"({VERDICT_WORDS.get(england.verdict, england.verdict)})"
            if england is not None and england.value is not None and indicator.measure != "count"
            else ""
        )
        headlines.append(
            f"{indicator.name}: {_figure(row.area, indicator.unit)} in {row.period}{versus}"
        )
    weakest = sorted(
        (c for c in framework.criteria if order[rating_of(c.id).id] > 0),
        key=lambda c: (order[rating_of(c.id).id], framework.numbers[c.id]),
    )
    next_areas = []
    for criterion in weakest:
        judgement = judgements.get((criterion.id, ""))
        if judgement is not None and judgement.areas_for_development.strip():
            next_areas.append(
                f"{framework.numbers[criterion.id]}. "
                f"{first_sentence(judgement.areas_for_development, 180)} "
                f"({rating_of(criterion.id).label})"
            )
        if len(next_areas) == MOST_LISTED:
            break
    overdue_lines = [
        f"{a.title} (due {a.due_date:%d %b %Y}; {a.owner or 'no owner'})"
        for a in sorted(overdue, key=lambda a: a.due_date or date.max)[:MOST_LISTED]
    ]
    if len(overdue) > MOST_LISTED:
        overdue_lines.append(f"and {len(overdue) - MOST_LISTED} more in the action plan")
    return EngagementBrief(
        area_name=workspace.area_name,
        issued=issued or date.today(),
        prepared_by=str(workspace.user),
        marking=marking,
        rating_counts=rating_counts,
        outcomes=tuple(outcomes),
        how_we_know=tuple(how_we_know),
        indicator_headlines=tuple(headlines[:MOST_LISTED]),
        next_areas=tuple(next_areas),
        overdue_actions=tuple(overdue_lines),
    )


def export_brief(workspace: Workspace, path: Path, issued: date | None = None) -> Path:
    from selfeval.pack.render import render_document

    check_destination(path)
    if path.suffix.lower() not in (".pdf", ".docx"):
        raise InputError(f"{path.name}: the brief is written as .pdf or .docx")
    return render_document(compose_brief(build_brief(workspace, issued)), path)
