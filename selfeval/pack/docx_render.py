"""The Word pack (python-docx): the PDF's content with real heading styles and tables, for
partners who edit the narrative before it goes to the board.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_BREAK
from docx.shared import Pt

from selfeval.files.output import CancelCheck, ExportCancelled, Progress, safe_output
from selfeval.pack.documents.signoff import signoff_blocks
from selfeval.pack.docx_blocks import (
    add_blocks,
    contents_field,
    header_footer,
    header_table,
    new_a4_document,
    rating_run,
    set_widths,
)
from selfeval.pack.model import Pack, evidence_line
from selfeval.pack.text import clean
from selfeval.words import counted

NARRATIVE = (
    ("rationale", "How we know"),
    ("strengths", "Strengths"),
    ("areas_for_development", "Areas for development"),
    ("impact", "Impact on children and young people"),
)


def render_docx(
    pack: Pack,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    document = new_a4_document(
        pack.title, pack.prepared_by, f"Self-evaluation against {pack.framework_title}"
    )
    header_footer(document, pack.title, pack.marking, pack.status == "draft")
    entries = {entry.ref: entry for entry in pack.evidence}
    total = len(pack.sections) + 3

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled(path)
        if progress is not None:
            progress(done, total)

    # Cover
    if pack.logo:
        import io

        from docx.shared import Mm

        from selfeval.pack.logo import logo_size_mm

        width, height = logo_size_mm(pack.logo)
        document.add_picture(io.BytesIO(pack.logo), width=Mm(width), height=Mm(height))
    document.add_paragraph().add_run(clean(pack.area_name)).font.size = Pt(16)
    document.add_heading("SEND self-evaluation", level=0)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in pack.cover_details:
        cells = table.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(key).bold = True
        cells[1].text = clean(value)
    set_widths(table, [4.2, 13.0])
    document.add_paragraph(
        "This is the partnership's own evaluation. Ratings and the likely-outcome note are the "
        "partnership's view, not an inspection judgement."
    )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    step(1)

    # Contents: a real field (Word fills in the page numbers when fields are updated)
    contents_field(document)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    if pack.area_foreword.strip() or pack.area_context.strip():
        from selfeval.pack.documents.our_area import our_area_blocks

        document.add_heading("Our area", level=1)
        add_blocks(document, our_area_blocks(pack.area_foreword, pack.area_context)[1:])
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # Executive summary
    document.add_heading("Executive summary", level=1)
    counts = ", ".join(
        f"{r.label} {pack.counts.get(r.id, 0)}" for r in pack.scale if pack.counts.get(r.id)
    )
    document.add_paragraph(f"{counted(len(pack.sections), 'criterion', 'criteria')}: {counts}.")
    grid = header_table(document, ["No.", "Criterion", "Rating", "Evidence", "Lead"])
    for section in pack.sections:
        cells = grid.add_row().cells  # type: ignore[no-untyped-call]
        cells[0].text = str(section.number)
        cells[1].text = clean(section.title)
        cells[2].text = ""
        rating_run(cells[2].paragraphs[0], section.rating)
        cells[3].text = str(len(section.evidence_refs))
        cells[4].text = clean(next((o.name for o in section.owners if o.role == "lead"), "-"))
    set_widths(grid, [1.0, 8.3, 2.4, 2.1, 3.4])
    for summary in pack.groups:
        group_counts = ", ".join(f"{r.label} {summary.counts.get(r.id, 0)}" for r in pack.scale)
        document.add_paragraph(f"{clean(summary.title)}: {group_counts}.")
    if pack.no_outcome_line:
        document.add_paragraph(pack.no_outcome_line)
    if pack.likely_outcome is not None:
        outcome = pack.likely_outcome
        document.add_heading("Likely outcome: the partnership's own view", level=2)
        document.add_paragraph(f"Outcome {outcome.rank} of 3: {clean(outcome.text)}")
        for reason in outcome.reasons:
            document.add_paragraph(clean(reason), style="List Bullet")
        document.add_paragraph(clean(outcome.consequence))
        document.add_paragraph(
            "This is how our own ratings read against the three possible outcomes of an Area "
            "SEND inspection. It is not a prediction of the inspectors' findings."
        )
    # Sign-off: who agreed which version, and the content hash
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Sign-off", level=1)
    add_blocks(document, signoff_blocks(pack.signoff, pack.content_hash)[1:])
    step(2)

    # One section per criterion
    current_group = None
    for index, section in enumerate(pack.sections, start=3):
        if section.group_title != current_group:
            current_group = section.group_title
            document.add_heading(clean(current_group), level=1)
        document.add_heading(clean(f"{section.number}. {section.title}"), level=2)
        meta = clean(section.group_title)
        if section.paragraph:
            meta += f" - framework paragraph {section.paragraph}"
        document.add_paragraph().add_run(meta).italic = True
        rating = document.add_paragraph()
        rating.add_run("Rating: ").bold = True
        rating_run(rating, section.rating)
        if section.lead_in:
            document.add_paragraph(clean(section.lead_in))
        for bullet in section.bullets:
            line = document.add_paragraph(clean(bullet.text), style="List Bullet")
            if bullet.rating or bullet.note:
                line.add_run(" (")
                if bullet.rating:
                    rating_run(line, bullet.rating)
                if bullet.note:
                    line.add_run((" - " if bullet.rating else "") + clean(bullet.note))
                line.add_run(")")
        for field, label in NARRATIVE:
            document.add_heading(label, level=3)
            value = clean(getattr(section, field))
            run = document.add_paragraph().add_run(value if value.strip() else "Not recorded.")
            run.italic = not value.strip()
        document.add_heading("Owners", level=3)
        for owner in section.owners or ():
            role = "Lead" if owner.role == "lead" else "Contributor"
            where = f", {owner.organisation}" if owner.organisation else ""
            document.add_paragraph(clean(f"{role}: {owner.name}{where}"), style="List Bullet")
        if not section.owners:
            document.add_paragraph("No owner recorded.")
        document.add_heading("Evidence", level=3)
        for ref in section.evidence_refs:
            document.add_paragraph(clean(evidence_line(entries[ref])), style="List Bullet")
        if not section.evidence_refs:
            document.add_paragraph("No evidence linked.")
        step(index)

    from selfeval.pack.docx_improvement import add_improvement

    add_improvement(document, pack, header_table, set_widths)

    # Appendix
    document.add_heading("Appendix: evidence index", level=1)
    if not pack.personal_data_included and pack.personal_data_left_out:
        document.add_paragraph(pack.personal_data_statement.removeprefix("Left out: "))
    index_table = header_table(document, ["Ref", "Evidence", "Kind", "From", "Date"])
    for entry in pack.evidence:
        cells = index_table.add_row().cells  # type: ignore[no-untyped-call]
        cells[0].text = entry.ref
        cells[1].text = ""
        paragraph = cells[1].paragraphs[0]
        paragraph.add_run(clean(entry.title)).bold = True
        extra = [entry.description] if entry.description.strip() else []
        if entry.link:
            extra.append(f"Link: {entry.link}")
        if entry.attachments:
            extra.append("Files: " + ", ".join(entry.attachments))
        extra.append("Criteria: " + ", ".join(str(n) for n in entry.cited_by))
        if entry.personal_data:
            extra.append("Personal data")
        for extra_line in extra:
            cells[1].add_paragraph(clean(extra_line))
        cells[2].text = clean(entry.kind)
        cells[3].text = clean(entry.organisation)
        cells[4].text = entry.evidence_date.strftime("%d/%m/%Y") if entry.evidence_date else "-"
    set_widths(index_table, [1.2, 8.0, 2.6, 3.2, 2.6])
    if pack.comment_threads is not None:
        from selfeval.pack.documents.comments import comments_blocks

        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading("Appendix: comments", level=1)
        add_blocks(document, comments_blocks(pack.comment_threads)[1:])
    step(total)
    with safe_output(path) as handle:
        document.save(handle)
    return path
