"""The self-evaluation pack composed into blocks: the same content in PDF and Word.

Cover, contents, our area, executive summary, sign-off, one section per criterion, the action
plan, indicators and risks, the evidence index and (when asked for) the comments. The Excel
pack (`xlsx_render.py`) is a workbook of tables, not a document, and reads the model directly.
"""

from __future__ import annotations

from selfeval.pack.blocks import (
    Block,
    Box,
    Bullets,
    CellText,
    Chip,
    Coloured,
    Document,
    Heading,
    HeatMap,
    Image,
    KeyValues,
    PageBreak,
    Para,
    RatedBullets,
    RatingLine,
    RatingsChart,
    Spacer,
    Swatch,
    Table,
    TrendChart,
)
from selfeval.pack.documents.comments import comments_blocks
from selfeval.pack.documents.completeness import folded_bullets, still_to_write
from selfeval.pack.documents.headlines import headlines
from selfeval.pack.documents.heard import case_studies_appendix, heard_in
from selfeval.pack.documents.narrative import narrative
from selfeval.pack.documents.our_area import our_area_blocks
from selfeval.pack.documents.priorities import (
    actions_of,
    figures_of,
    priorities_of,
    priorities_section,
)
from selfeval.pack.documents.signoff import signoff_blocks
from selfeval.pack.documents.written import written
from selfeval.pack.model import CriterionSection, IndicatorLine, Pack, evidence_line
from selfeval.pack.text import clip, figure
from selfeval.words import counted

VERDICTS = {
    "better": ("we are better", "#2E7D32"),
    "worse": ("we are worse", "#C62828"),
    "same": ("the same", "#505050"),
    "above": ("above", "#505050"),
    "below": ("below", "#505050"),
}


NO_LEAD = "no lead owner"
"""Said in words: a dash in the Lead column reads as a gap in the table, not a gap in the plan."""


def compose_pack(pack: Pack) -> Document:
    blocks: list[Block] = [*cover(pack), PageBreak()]
    if pack.area_foreword.strip() or pack.area_context.strip():
        sections = our_area_blocks(pack.area_foreword, pack.area_context)[1:]
        blocks += [Heading("Our area", 1, key="our-area"), *sections, PageBreak()]
    blocks += headlines(pack)
    blocks += summary(pack)
    blocks += [PageBreak(if_not_empty=True), Heading("Sign-off", 1, key="signoff")]
    blocks += signoff_blocks(pack.signoff, pack.content_hash)[1:]
    blocks += priorities_section(pack)
    groups = list(dict.fromkeys(s.group_title for s in pack.sections))
    for number, group_title in enumerate(groups, start=1):
        blocks += [PageBreak(), Heading(group_title, 1, key=f"group-{number}")]
        first = True
        for section in pack.sections:
            if section.group_title == group_title:
                if not first:
                    blocks.append(PageBreak())
                blocks += criterion(pack, section)
                first = False
    blocks += improvement(pack)
    blocks += evidence_index(pack)
    blocks += case_studies_appendix(pack)
    if pack.status == "draft":
        blocks += still_to_write(pack)
    if pack.comment_threads is not None:
        blocks += [PageBreak(), Heading("Appendix: comments", 1, key="comments")]
        blocks += comments_blocks(pack.comment_threads)[1:]
    return Document(
        title=pack.title,
        subject=f"Self-evaluation against {pack.framework_title}",
        author=pack.prepared_by,
        marking=pack.marking,
        draft=pack.status == "draft",
        blocks=tuple(blocks),
        contents=True,
    )


def cover(pack: Pack) -> list[Block]:
    logo = Image(pack.logo, alt=f"Logo of {pack.area_name}") if pack.logo else None
    blocks: list[Block] = [Spacer(8), logo, Spacer(8)] if logo else [Spacer(25)]
    blocks += [
        Para(pack.area_name, "subtitle"),
        Para("SEND self-evaluation", "title"),
        Para(
            "Local area partnership self-evaluation against the Ofsted/CQC Area SEND "
            "evaluation criteria"
            if pack.whole_framework
            else "Extract: selected criteria",
            "subtitle",
        ),
        Spacer(12),
        KeyValues(tuple(pack.cover_details)),
        Spacer(6),
        Para(
            "This is the partnership's own evaluation, written with contributions from "
            "education, health and care partners and the parent carer forum. Ratings and the "
            "likely-outcome note are the partnership's view, not an inspection judgement.",
            "muted",
        ),
    ]
    return blocks


def summary(pack: Pack, where_listed: str = "listed in the appendix") -> list[Block]:
    counts = ", ".join(
        f"{r.label} {pack.counts.get(r.id, 0)}" for r in pack.scale if pack.counts.get(r.id)
    )
    criteria = counted(len(pack.sections), "criterion", "criteria")
    line = f"{criteria}: {counts}."
    if pack.evidence:
        verb = "is" if len(pack.evidence) == 1 else "are"
        line += (
            f" {counted(len(pack.evidence), 'evidence item')} {verb} referenced (E1 to "
            f"E{len(pack.evidence)}, {where_listed})."
        )
    blocks: list[Block] = [Heading("Executive summary", 1, key="summary")]
    blocks += written(pack.executive_summary, top=2)  # the partnership's own words first
    blocks.append(Para(line))
    if pack.no_outcome_line:
        blocks.append(Para(pack.no_outcome_line))
    outcome = pack.likely_outcome
    if outcome is not None:
        blocks.append(
            Box(
                (
                    Heading(f"{pack.outcome_heading}: the partnership's own view", 3),
                    Para(f"Outcome {outcome.rank} of 3: {outcome.text}"),
                    Bullets(outcome.reasons),
                    Para(outcome.consequence, "muted"),
                    Para(
                        f"This is how our own {pack.rating_word}s read against the three "
                        "possible outcomes "
                        "of an Area SEND inspection. It is not a prediction of the inspectors' "
                        "findings.",
                        "muted",
                    ),
                )
            )
        )
    if pack.groups:  # before the table: never left alone on a page after it
        blocks.append(RatingsChart(pack.scale, pack.groups))
    if pack.group_titles_are_ours:
        blocks.append(
            Para(
                "The two headings group the framework's criteria 1 to 5 and 6 to 11.",
                "muted",
            )
        )
    blocks.append(
        Table(
            ("No.", "Criterion", pack.rating_word.capitalize(), "Evidence", "Lead"),
            tuple(
                (
                    str(s.number),
                    s.title,
                    Chip(s.rating),
                    str(len(s.evidence_refs)),
                    clip(next((o.name for o in s.owners if o.role == "lead"), NO_LEAD), 60),
                )
                for s in pack.sections
            ),
            (10, 76, 28, 22, 34),  # "Not rated" and "Evidence" on one line
        )
    )
    return blocks


def criterion(pack: Pack, section: CriterionSection) -> list[Block]:
    entries = {entry.ref: entry for entry in pack.evidence}
    meta = section.group_title
    if section.paragraph:
        meta += f" - framework paragraph {section.paragraph}"
    blocks: list[Block] = [
        Heading(f"{section.number}. {section.title}", 2, key=f"criterion-{section.number}"),
        Para(meta, "muted"),
        RatingLine(section.rating, pack.rating_word.capitalize()),
        *priorities_of(pack, section.number),
        *figures_of(pack, section.id),
    ]
    if section.what_good_looks_like.strip():  # the partnership's own bar, before the rest
        blocks += [Heading("What good looks like", 3), *narrative(section.what_good_looks_like)]
    if section.lead_in:
        blocks.append(Para(section.lead_in))
    if section.bullets and not pack.fold_bullets:
        blocks.append(RatedBullets(tuple((b.text, b.rating, b.note) for b in section.bullets)))
    for field, label in pack.headings:
        value = getattr(section, field)
        if value.strip():  # an empty field is left out: a draft lists it in "Still to write"
            blocks += [Heading(label, 3), *narrative(value)]
    if section.bullets and pack.fold_bullets:
        blocks += folded_bullets(section)
    blocks += heard_in(pack, section.id)
    blocks += actions_of(pack, section.number)
    blocks.append(Heading("Owners", 3))
    owners = tuple(
        f"{'Lead' if o.role == 'lead' else 'Contributor'}: {o.name}"
        + (f", {o.organisation}" if o.organisation else "")
        for o in section.owners
    )
    blocks.append(Bullets(owners, empty="No owner recorded."))
    blocks.append(Heading("Evidence", 3))
    refs = section.evidence_refs
    blocks.append(
        Bullets(
            tuple(clip(evidence_line(entries[ref]), 300) for ref in refs),
            empty="No evidence linked.",
            links=tuple(f"ev-{ref}" for ref in refs),
        )
    )
    if section.updated_at:
        when = section.updated_at.strftime("%d %b %Y")
        blocks.append(Para(f"Last changed by {section.updated_by}, {when}.", "muted"))
    return blocks


def improvement(pack: Pack) -> list[Block]:
    blocks: list[Block] = []
    if pack.actions:
        overdue = sum(1 for a in pack.actions if a.overdue)
        blocks += [
            PageBreak(),
            Heading("Action plan", 1, key="actions"),
            Para(f"{counted(len(pack.actions), 'action')}, {overdue} overdue."),
            Table(
                ("Action", "Criteria", "Owner", "Due", "Status"),
                tuple(
                    (
                        CellText(
                            a.title,
                            (a.priority, *((clip(a.description, 400),) if a.description else ())),
                            f"Latest: {clip(a.latest_note, 300)}" if a.latest_note else "",
                        ),
                        ", ".join(str(n) for n in a.criteria) or "-",
                        a.owner or "-",
                        a.due_date.strftime("%d/%m/%Y") if a.due_date else "-",
                        Coloured(a.status, "Overdue", "#C62828") if a.overdue else a.status,
                    )
                    for a in pack.actions
                ),
                (76, 18, 30, 23, 25),
            ),
        ]
    if pack.indicators:
        blocks += [
            PageBreak(),
            Heading("Indicators and how we compare", 1, key="indicators"),
            Para(
                "How we compare with our statistical neighbours, the region and England in the "
                "latest period, judged by whether higher or lower is better for each indicator."
            ),
            Table(
                ("Indicator", "Period", "Area", "Neighbours", "Region", "England", "Target"),
                tuple(indicator_row(line) for line in pack.indicators),
                (54, 16, 16, 26, 20, 20, 18),
            ),
            *[TrendChart(line) for line in pack.indicators if len(line.trend) > 1],
        ]
    if pack.risks:
        blocks += [
            PageBreak(),
            Heading("Risk register", 1, key="risks"),
            HeatMap(pack.risks, pack.risk_bands),
            Table(
                ("Risk", "Mitigation", "Owner", "I x L", "Rating", "Review"),
                tuple(
                    (
                        CellText(r.title, (clip(r.description, 400),) if r.description else ()),
                        clip(r.mitigation, 400),
                        r.owner or "-",
                        f"{r.impact} x {r.likelihood} = {r.score}",
                        Swatch(r.rating, r.colour),
                        r.review_date.strftime("%d/%m/%Y") if r.review_date else "-",
                    )
                    for r in pack.risks
                ),
                (48, 40, 24, 17, 19, 23),
            ),
        ]
    return blocks


def indicator_row(line: IndicatorLine) -> tuple[CellText | Coloured | str, ...]:
    trend = (
        ("Trend: " + ", ".join(f"{p}: {figure(v, line.unit)}" for p, v in line.trend),)
        if len(line.trend) > 1
        else ()
    )
    cells: list[CellText | Coloured | str] = [
        CellText(line.name, (line.better, *trend)),
        line.period,
        figure(line.area, line.unit),
    ]
    for _name, value, verdict in line.comparators:
        word, colour = VERDICTS.get(verdict, ("", "#505050"))
        cells.append(Coloured(figure(value, line.unit), word, colour))
    cells.append(figure(line.target, line.unit))
    return tuple(cells)


def evidence_index(pack: Pack) -> list[Block]:
    blocks: list[Block] = [
        PageBreak(),
        Heading("Appendix: evidence index", 1, key="evidence-index"),
    ]
    if not pack.personal_data_included and pack.personal_data_left_out:
        blocks.append(Para(pack.personal_data_statement.removeprefix("Left out: "), "muted"))
    if not pack.evidence:
        return [*blocks, Para("No evidence is referenced.", italic=True)]
    rows = []
    for entry in pack.evidence:
        lines = [clip(entry.description, 600)] if entry.description.strip() else []
        if entry.link:
            lines.append(f"Link: {clip(entry.link, 200)}")
        if entry.attachments:
            lines.append("Files: " + ", ".join(clip(a, 80) for a in entry.attachments[:10]))
        lines.append("Criteria: " + ", ".join(str(n) for n in entry.cited_by))
        rows.append(
            (
                CellText(entry.ref, anchor=f"ev-{entry.ref}"),
                CellText(
                    clip(entry.title, 500),
                    tuple(lines),
                    "Personal data" if entry.personal_data else "",
                ),
                entry.kind,
                clip(entry.organisation, 120),
                entry.evidence_date.strftime("%d/%m/%Y") if entry.evidence_date else "-",
            )
        )
    blocks.append(
        Table(("Ref", "Evidence", "Kind", "From", "Date"), tuple(rows), (19, 71, 26, 30, 22))
    )
    return blocks
