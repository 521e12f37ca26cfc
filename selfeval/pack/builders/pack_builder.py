"""Build the pack model for the workspace's assessment from the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED, Criterion, Framework
from selfeval.pack.builders.heard_lines import heard_lines
from selfeval.pack.builders.priority_lines import priority_lines
from selfeval.pack.model import (
    ActionLine,
    BulletLine,
    CommentLine,
    CommentThread,
    CriterionSection,
    DataRequestLine,
    EvidenceEntry,
    GroupSummary,
    IndicatorLine,
    LikelyOutcome,
    OwnerLine,
    Pack,
    PackOptions,
    Rating,
    RiskLine,
    Signatory,
    SignOffSummary,
)
from selfeval.services.comments import list_comments
from selfeval.services.data_request import list_items
from selfeval.services.evidence import EvidenceView, list_evidence
from selfeval.services.field_headings import field_headings
from selfeval.services.improvement.actions import list_actions
from selfeval.services.improvement.indicators import (
    ValueRow,
    compared_series,
    how_we_compare,
    indicator_library,
    indicator_values,
    targets,
)
from selfeval.services.improvement.risks import BANDS, list_risks
from selfeval.services.judgements import JudgementView, list_judgements
from selfeval.services.likely_outcome import likely_outcome
from selfeval.services.our_area import our_area
from selfeval.services.people import list_owners
from selfeval.services.signoff import content_hashes, signoff_state
from selfeval.services.statistics.mapping import series_break
from selfeval.services.vocabulary import (
    ACTION_PRIORITIES,
    EVIDENCE_KINDS,
    REQUEST_KINDS,
    WITHIN_NOTICE,
)
from selfeval.services.workspace import Workspace
from selfeval.store.models import Partnership

MAX_MARKING = 60


def build_pack(workspace: Workspace, options: PackOptions) -> Pack:
    """The pack's model, read at one moment: an edit made meanwhile is in all of it or none."""
    with workspace.one_moment():
        return _build_pack(workspace, options)


def _build_pack(workspace: Workspace, options: PackOptions) -> Pack:
    framework = workspace.framework
    all_ids = [c.id for c in framework.criteria]
    chosen = list(options.criteria) if options.criteria else all_ids
    unknown = [c for c in chosen if c not in all_ids]
    if unknown:
        raise InputError(f"'{unknown[0]}' is not a criterion of {framework.id}")
    if len(options.marking) > MAX_MARKING:
        raise InputError(f"the protective marking is limited to {MAX_MARKING} characters")
    chosen_set = set(chosen)
    scale = framework.rating_scale

    def rating(level_id: str) -> Rating:
        level = scale.level(level_id)
        return Rating(level.id, level.label, level.colour)

    judgements = list_judgements(workspace)
    owners: dict[str, list[OwnerLine]] = {}
    for owner in list_owners(workspace):
        owners.setdefault(owner.criterion_id, []).append(
            OwnerLine(owner.name, owner.organisation, owner.role)
        )
    evidence = list_evidence(workspace)
    left_out = {e.id for e in evidence if e.personal_data and not options.include_personal_data}
    numbers = framework.numbers
    by_criterion: dict[str, list[EvidenceView]] = {}
    for item in sorted(evidence, key=lambda e: (e.evidence_date is None, e.evidence_date, e.title)):
        for criterion_id in item.criteria:
            by_criterion.setdefault(criterion_id, []).append(item)

    refs: dict[str, str] = {}
    cited_by: dict[str, list[int]] = {}
    sections: list[CriterionSection] = []
    excluded_cited: set[str] = set()
    for criterion in framework.criteria:
        if criterion.id not in chosen_set:
            continue
        number = numbers[criterion.id]
        section_refs = []
        for item in by_criterion.get(criterion.id, []):
            if item.id in left_out:
                excluded_cited.add(item.id)
                continue
            refs.setdefault(item.id, f"E{len(refs) + 1}")
            cited_by.setdefault(item.id, []).append(number)
            section_refs.append(refs[item.id])
        judgement = judgements.get((criterion.id, ""))
        bullets = _bullet_lines(criterion, judgements, rating)
        sections.append(
            CriterionSection(
                number=number,
                id=criterion.id,
                title=criterion.title,
                group_title=framework.group_of(criterion.id).title,
                paragraph=criterion.paragraph,
                lead_in=criterion.lead_in or "",
                bullets=bullets,
                rating=rating(judgement.rating if judgement else NOT_RATED),
                rationale=judgement.rationale if judgement else "",
                strengths=judgement.strengths if judgement else "",
                areas_for_development=judgement.areas_for_development if judgement else "",
                impact=judgement.impact if judgement else "",
                owners=tuple(owners.get(criterion.id, [])),
                evidence_refs=tuple(sorted(set(section_refs), key=lambda r: int(r[1:]))),
                updated_by=judgement.updated_by if judgement else "",
                updated_at=judgement.updated_at if judgement else None,
                what_good_looks_like=judgement.what_good_looks_like if judgement else "",
            )
        )

    items = {e.id: e for e in evidence}
    entries = tuple(
        EvidenceEntry(
            ref=ref,
            title=items[evidence_id].title,
            kind=EVIDENCE_KINDS.get(items[evidence_id].kind, items[evidence_id].kind),
            organisation=items[evidence_id].organisation,
            evidence_date=items[evidence_id].evidence_date,
            link=items[evidence_id].link,
            description=items[evidence_id].description,
            attachments=tuple(a.filename for a in items[evidence_id].attachments),
            personal_data=items[evidence_id].personal_data,
            cited_by=tuple(sorted(set(cited_by[evidence_id]))),
        )
        for evidence_id, ref in refs.items()
    )
    groups = []
    for group in framework.groups:
        counts = {level.id: 0 for level in scale.choices}
        for section in sections:
            if section.group_title == group.title:
                counts[section.rating.id] += 1
        if any(counts.values()):
            groups.append(GroupSummary(group.title, counts))

    outcome = _outcome(framework, sections, chosen_set == set(all_ids))
    actions, indicators, risks = improvement_lines(workspace, chosen_set, numbers)
    data_request = tuple(
        DataRequestLine(
            item.title,
            REQUEST_KINDS[item.kind],
            item.owner,
            item.held_where,
            item.refreshed_on,
            WITHIN_NOTICE[item.within_notice],
            tuple(refs[e] for e in item.evidence_ids if e in refs),
            item.not_ready,
        )
        for item in list_items(workspace, options.issued or date.today())
    )
    comment_threads = _comment_threads(workspace, sections) if options.include_comments else None
    area = our_area(workspace)
    current_hashes = content_hashes(workspace, evidence)  # in the same moment as the pack
    signoff = _signoff_summary(workspace, current_hashes)
    with workspace.transaction(read_only=True) as session:
        partnership = session.query(Partnership).first()
        local_authority = partnership.local_authority if partnership else ""
        icb = partnership.icb if partnership else ""
    heard = heard_lines(
        workspace, chosen_set, chosen_set == set(all_ids), options.include_personal_data
    )
    return Pack(
        title=f"{workspace.area_name} local area partnership: SEND self-evaluation",
        area_name=workspace.area_name,
        local_authority=local_authority,
        icb=icb,
        framework_title=framework.title,
        framework_edition=framework.edition,
        framework_publisher=framework.publisher,
        framework_source=framework.source,
        group_titles_are_ours=framework.group_titles_are_ours,
        rating_word=framework.terms.rating,
        headings=field_headings(workspace).shown(),
        judgement_word=framework.terms.judgement,
        outcome_heading=framework.terms.outcome_section,
        issued=options.issued or date.today(),
        version=options.version,
        status=options.status,
        marking=options.marking.strip(),
        prepared_by=str(workspace.user),
        personal_data_included=options.include_personal_data,
        personal_data_left_out=len(excluded_cited),
        scale=tuple(rating(level.id) for level in scale.choices),
        groups=tuple(groups),
        sections=tuple(sections),
        evidence=entries,
        likely_outcome=outcome,
        whole_framework=chosen_set == set(all_ids),
        actions=actions,
        indicators=indicators,
        risks=risks,
        risk_bands=BANDS,
        data_request=data_request,
        comment_threads=comment_threads,
        headlines=options.include_headlines,
        fold_bullets=options.fold_bullets,
        area_foreword=area.foreword,
        area_context=area.context,
        executive_summary=area.summary,
        priorities=priority_lines(workspace),
        voices=heard.voices,
        surveys=heard.surveys,
        case_studies=heard.case_studies,
        heard_left_out=heard.left_out,
        logo=area.logo,
        signoff=signoff,
        content_hash=current_hashes[0],
    )


def _bullet_lines(
    criterion: Criterion,
    judgements: dict[tuple[str, str], JudgementView],
    rating: Callable[[str], Rating],
) -> tuple[BulletLine, ...]:
    """Each bullet of the criterion with its rating (when rated) and note."""
    lines = []
    for index, bullet in enumerate(criterion.bullets, start=1):
        note = judgements.get((criterion.id, bullet.id))
        bullet_rating = note.rating if note else NOT_RATED
        lines.append(
            BulletLine(
                index,
                bullet.text,
                rating(bullet_rating) if bullet_rating != NOT_RATED else None,
                note.note if note else "",
            )
        )
    return tuple(lines)


def _outcome(
    framework: Framework, sections: list[CriterionSection], whole: bool
) -> LikelyOutcome | None:
    """The likely outcome, only from a complete evaluation of the whole framework: with criteria
    unrated, a "likely outcome" would read as more than the partnership has decided."""
    ratings = {s.id: s.rating.id for s in sections}
    every_rated = all(r != NOT_RATED for r in ratings.values())
    view = likely_outcome(framework, ratings) if whole and every_rated else None
    if view is None:
        return None
    chosen = next(o for o in framework.outcomes if o.rank == view.rank)
    return LikelyOutcome(
        view.rank, chosen.text, chosen.consequence or "", view.reasons, view.provisional
    )


def _comment_threads(
    workspace: Workspace, sections: list[CriterionSection]
) -> tuple[CommentThread, ...]:
    said_on: dict[str, list[CommentLine]] = {}
    for comment in list_comments(workspace):
        said_on.setdefault(comment.criterion_id, []).append(
            CommentLine(comment.author, comment.organisation, comment.created_at, comment.text)
        )
    return tuple(
        CommentThread(section.number, section.title, tuple(said_on[section.id]))
        for section in sections
        if said_on.get(section.id)
    )


def _signoff_summary(
    workspace: Workspace, current_hashes: tuple[str, str]
) -> SignOffSummary | None:
    signed = signoff_state(workspace, current_hashes)
    if signed is None:
        return None
    return SignOffSummary(
        signed.version_label,
        signed.content_hash,
        tuple(Signatory(s.name, s.role, s.organisation, s.signed_on) for s in signed.signatures),
        signed.changed_since,
    )


def improvement_lines(
    workspace: Workspace, chosen: set[str], numbers: dict[str, int]
) -> tuple[tuple[ActionLine, ...], tuple[IndicatorLine, ...], tuple[RiskLine, ...]]:
    """The action plan, indicators and risks that concern the chosen criteria (all of them when
    the whole framework is exported; unlinked ones only then)."""
    whole = chosen == set(numbers)
    actions = tuple(
        ActionLine(
            a.title,
            a.description,
            tuple(sorted(numbers[c] for c in a.criteria if c in numbers)),
            a.owner,
            a.due_date,
            a.status_label,
            ACTION_PRIORITIES[a.priority],
            a.overdue,
            a.notes[-1].text if a.notes else "",
        )
        for a in list_actions(workspace)
        if (set(a.criteria) & chosen) or (whole and not a.criteria)
    )
    library = indicator_library()
    goals = targets(workspace)
    by_indicator: dict[str, list[ValueRow]] = {}
    for row in indicator_values(workspace):
        by_indicator.setdefault(row.indicator_id, []).append(row)
    indicators = []
    for indicator_id, rows in by_indicator.items():
        indicator = library.get(indicator_id)
        if indicator is None or not (whole or set(indicator.criteria) & chosen):
            continue
        latest = rows[-1]
        indicators.append(
            IndicatorLine(
                indicator.name,
                indicator.unit,
                indicator.better,
                latest.period,
                latest.area,
                tuple((c.comparator, c.value, c.verdict) for c in how_we_compare(latest)),
                goals.get(indicator_id),
                tuple((r.period, r.area) for r in rows),
                tuple(
                    (label, tuple(getattr(r, key) for r in rows))
                    for key, label in compared_series(indicator).items()
                ),
                latest.source,
                (series_break(indicator_id) or ("", ""))[0],
                tuple(indicator.criteria),
            )
        )
    risks = tuple(
        RiskLine(
            r.title,
            r.description,
            r.mitigation,
            r.owner,
            r.impact,
            r.likelihood,
            r.score,
            r.rating,
            r.colour,
            r.review_date,
        )
        for r in list_risks(workspace)
        if (set(r.criteria) & chosen) or (whole and not r.criteria)
    )
    return actions, tuple(indicators), risks
