"""The PDF pack: cover, contents, executive summary, one section per criterion, evidence index."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Spacer,
)
from reportlab.platypus.flowables import PageBreakIfNotEmpty
from reportlab.platypus.tableofcontents import TableOfContents

from selfeval.files.output import CancelCheck, ExportCancelled, Progress, safe_output
from selfeval.pack.model import CriterionSection, Pack, evidence_line
from selfeval.pack.pdf_chart import ratings_by_group_chart
from selfeval.pack.pdf_doc import Bookmark, Cancelled, PackDocument, PageCount
from selfeval.pack.pdf_doc import CachedParagraph as Paragraph
from selfeval.pack.pdf_doc import CachedTable as Table
from selfeval.pack.pdf_style import (
    ACCENT,
    GRID,
    RULE,
    chip,
    safe,
    styles,
    table_style,
)
from selfeval.pack.text import clean
from selfeval.words import counted

NARRATIVE = (
    ("rationale", "How we know"),
    ("strengths", "Strengths"),
    ("areas_for_development", "Areas for development"),
    ("impact", "Impact on children and young people"),
)


def logo_image(data: bytes) -> Flowable:
    import io

    from reportlab.platypus import Image

    from selfeval.pack.logo import logo_size_mm

    width, height = logo_size_mm(data)
    image = Image(io.BytesIO(data), width=width * mm, height=height * mm)
    image.hAlign = "LEFT"
    return image


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class PackStory:
    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.s = styles()
        self.evidence_by_ref = {entry.ref: entry for entry in pack.evidence}

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, self.s[style])

    def build(self, doc: PackDocument) -> list[Flowable]:
        story: list[Flowable] = [PageCount(doc)]
        story += self.cover()
        story += self.contents()
        story += self.our_area()
        story += self.summary()
        story += self.signoff()
        for group_title in dict.fromkeys(s.group_title for s in self.pack.sections):
            story += self.group(group_title)
        story += self.improvement()
        story += self.appendix()
        story += self.comments()
        return story

    IMPROVEMENT = (
        ("actions", "Action plan", "actions_section"),
        ("indicators", "Indicators and how we compare", "indicators_section"),
        ("risks", "Risk register", "risks_section"),
    )

    def improvement(self) -> list[Flowable]:
        from selfeval.pack import pdf_improvement

        flow: list[Flowable] = []
        for attribute, title, builder in self.IMPROVEMENT:
            if getattr(self.pack, attribute):
                flow += [PageBreak(), Bookmark(attribute, title, 0), self.p(title, "h1")]
                flow += getattr(pdf_improvement, builder)(self.pack, self.p, GRID)
        return flow

    def cover(self) -> list[Flowable]:
        pack = self.pack
        table = Table(
            [
                [self.p(safe(k), "cell_bold"), self.p(safe(v), "cell")]
                for k, v in pack.cover_details
            ],
            colWidths=[38 * mm, 132 * mm],
        )
        table.setStyle(
            table_style(
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            )
        )
        flow: list[Flowable] = [Spacer(1, 25 * mm)]
        if pack.logo:
            flow = [Spacer(1, 8 * mm), logo_image(pack.logo), Spacer(1, 8 * mm)]
        flow.append(self.p(safe(pack.area_name), "cover_sub"))
        flow.append(self.p("SEND self-evaluation", "cover_title"))
        flow.append(
            self.p(
                "Local area partnership self-evaluation against the Ofsted/CQC Area SEND "
                "evaluation criteria"
                if pack.whole_framework
                else "Extract: selected criteria",
                "cover_sub",
            )
        )
        flow += [Spacer(1, 12 * mm), table, Spacer(1, 10 * mm)]
        flow.append(
            self.p(
                "This is the partnership's own evaluation, written with contributions from "
                "education, health and care partners and the parent carer forum. Ratings and the "
                "likely-outcome note are the partnership's view, not an inspection judgement.",
                "muted",
            )
        )
        flow += [NextPageTemplate("body"), PageBreak()]
        return flow

    def contents(self) -> list[Flowable]:
        toc = TableOfContents(
            levelStyles=[self.s["toc1"], self.s["toc2"]],
            dotsMinLevel=0,
            tableStyle=table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ),
        )
        # Seeded with the entries it will hold, so the layout-only pass sizes it right.
        toc._lastEntries = [(level, safe(title), 888, key) for level, title, key in self.entries()]
        toc._entries = list(toc._lastEntries)
        return [self.p("Contents", "h1"), toc, PageBreak()]

    def entries(self) -> list[tuple[int, str, str]]:
        result = [(0, "Executive summary", "summary"), (0, "Sign-off", "signoff")]
        if self.pack.area_foreword.strip() or self.pack.area_context.strip():
            result.insert(0, (0, "Our area", "our-area"))
        for group_title in dict.fromkeys(s.group_title for s in self.pack.sections):
            result.append((0, group_title, self.group_key(group_title)))
            for section in self.pack.sections:
                if section.group_title == group_title:
                    result.append(
                        (1, f"{section.number}. {section.title}", f"criterion-{section.number}")
                    )
        for attribute, title, _builder in self.IMPROVEMENT:
            if getattr(self.pack, attribute):
                result.append((0, title, attribute))
        result.append((0, "Appendix: evidence index", "evidence-index"))
        if self.pack.comment_threads is not None:
            result.append((0, "Appendix: comments", "comments"))
        return result

    def group_key(self, group_title: str) -> str:
        """Bookmark keys are made of safe characters, whatever the titles hold."""
        titles = list(dict.fromkeys(s.group_title for s in self.pack.sections))
        return f"group-{titles.index(group_title) + 1}"

    def summary(self) -> list[Flowable]:
        pack = self.pack
        counts = ", ".join(
            f"{r.label} {pack.counts.get(r.id, 0)}" for r in pack.scale if pack.counts.get(r.id)
        )
        flow: list[Flowable] = [
            Bookmark("summary", "Executive summary", 0),
            self.p("Executive summary", "h1"),
            self.p(
                f"{counted(len(pack.sections), 'criterion', 'criteria')}: {safe(counts)}. "
                f"{counted(len(pack.evidence), 'evidence item')} "
                f"{'is' if len(pack.evidence) == 1 else 'are'} referenced (E1 to "
                f"E{len(pack.evidence)}, listed in the appendix)."
            )
            if pack.evidence
            else self.p(f"{counted(len(pack.sections), 'criterion', 'criteria')}: {safe(counts)}."),
        ]
        outcome = pack.likely_outcome
        if pack.no_outcome_line:
            flow.append(self.p(safe(pack.no_outcome_line)))
        if outcome is not None:
            box = [
                self.p("Likely outcome: the partnership's own view", "h3"),
                self.p(f"Outcome {outcome.rank} of 3: {safe(outcome.text)}"),
                *[
                    Paragraph(safe(r), self.s["bullet"], bulletText="\u2022")
                    for r in outcome.reasons
                ],
                self.p(safe(outcome.consequence), "muted"),
                self.p(
                    "This is how our own ratings read against the three possible outcomes of an "
                    "Area SEND inspection. It is not a prediction of the inspectors' findings.",
                    "muted",
                ),
            ]
            table = Table([[box]], colWidths=[170 * mm])
            table.setStyle(
                table_style(
                    ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F3F6FB")),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                )
            )
            flow += [Spacer(1, 2 * mm), table, Spacer(1, 3 * mm)]
        header = [
            self.p(t, "cell_bold") for t in ("No.", "Criterion", "Rating", "Evidence", "Lead")
        ]
        rows: list[list[Flowable]] = [header]
        for section in pack.sections:
            lead = next((o.name for o in section.owners if o.role == "lead"), "-")
            rows.append(
                [
                    self.p(str(section.number), "cell"),
                    self.p(safe(section.title), "cell"),
                    self.p(chip(section.rating), "cell"),
                    self.p(str(len(section.evidence_refs)), "cell"),
                    self.p(safe(clip(lead, 60)), "cell"),
                ]
            )
        grid = Table(rows, colWidths=[10 * mm, 88 * mm, 22 * mm, 20 * mm, 30 * mm], repeatRows=1)
        grid.setStyle(GRID)
        if pack.groups:  # before the table: never left alone on a page after it
            flow += [Spacer(1, 2 * mm), ratings_by_group_chart(pack)]
        if pack.group_titles_are_ours:
            flow.append(
                self.p(
                    "The two group titles are the partnership's labels for the framework's "
                    "criteria 1 to 5 and 6 to 11; the framework does not print them.",
                    "muted",
                )
            )
        flow += [Spacer(1, 2 * mm), grid]
        return flow

    def signoff(self) -> list[Flowable]:
        """The sign-off page, composed once for every format (documents/signoff.py)."""
        from selfeval.pack.documents.signoff import signoff_blocks
        from selfeval.pack.pdf_blocks import BlockStory

        blocks = BlockStory(None)
        flow: list[Flowable] = [PageBreakIfNotEmpty(), Bookmark("signoff", "Sign-off", 0)]
        for block in signoff_blocks(self.pack.signoff, self.pack.content_hash):
            flow += blocks.block(block)
        return flow

    def our_area(self) -> list[Flowable]:
        """The partnership's foreword and context, when written (File > Our area)."""
        pack = self.pack
        if not (pack.area_foreword.strip() or pack.area_context.strip()):
            return []
        from selfeval.pack.documents.our_area import our_area_blocks
        from selfeval.pack.pdf_blocks import BlockStory

        blocks = BlockStory(None)
        flow: list[Flowable] = [Bookmark("our-area", "Our area", 0)]
        for block in our_area_blocks(pack.area_foreword, pack.area_context):
            flow += blocks.block(block)
        return [*flow, PageBreak()]

    def comments(self) -> list[Flowable]:
        """The optional appendix of comment threads, composed once for every format."""
        if self.pack.comment_threads is None:
            return []
        from selfeval.pack.documents.comments import comments_blocks
        from selfeval.pack.pdf_blocks import BlockStory

        blocks = BlockStory(None)
        flow: list[Flowable] = [PageBreak(), Bookmark("comments", "Appendix: comments", 0)]
        for block in comments_blocks(self.pack.comment_threads):
            flow += blocks.block(block)
        return flow

    def group(self, group_title: str) -> list[Flowable]:
        flow: list[Flowable] = [PageBreak(), Bookmark(self.group_key(group_title), group_title, 0)]
        flow.append(self.p(safe(group_title), "h1"))
        first = True
        for section in self.pack.sections:
            if section.group_title == group_title:
                if not first:
                    flow.append(PageBreak())
                flow += self.section(section)
                first = False
        return flow

    def section(self, section: CriterionSection) -> list[Flowable]:
        title = f"{section.number}. {section.title}"
        meta = safe(section.group_title)
        if section.paragraph:
            meta += f" - framework paragraph {section.paragraph}"
        flow: list[Flowable] = [
            Bookmark(f"criterion-{section.number}", title, 1),
            self.p(safe(title), "h2"),
            self.p(meta, "muted"),
            self.p(f"<b>Rating:</b> {chip(section.rating)}"),
        ]
        if section.lead_in:
            flow.append(self.p(safe(section.lead_in)))
        for bullet in section.bullets:
            text = safe(bullet.text)
            if bullet.rating or bullet.note:
                extra = [chip(bullet.rating)] if bullet.rating else []
                if bullet.note:
                    extra.append(safe(bullet.note))
                text += f' <font color="#505050">({" - ".join(extra)})</font>'
            flow.append(Paragraph(text, self.s["bullet"], bulletText="\u2022"))
        for field, label in NARRATIVE:
            value = getattr(section, field)
            flow.append(self.p(label, "h3"))
            flow.append(self.p(safe(value) if value.strip() else "<i>Not recorded.</i>"))
        flow.append(self.p("Owners", "h3"))
        if section.owners:
            for owner in section.owners:
                where = f", {safe(owner.organisation)}" if owner.organisation else ""
                role = "Lead" if owner.role == "lead" else "Contributor"
                flow.append(
                    Paragraph(
                        f"{role}: {safe(owner.name)}{where}", self.s["bullet"], bulletText="\u2022"
                    )
                )
        else:
            flow.append(self.p("<i>No owner recorded.</i>"))
        flow.append(self.p("Evidence", "h3"))
        for ref in section.evidence_refs:
            # each line links to its entry in the index (with its description)
            line = safe(clip(evidence_line(self.evidence_by_ref[ref]), 300)).replace(
                ref, f'<a href="#ev-{ref}" color="#1D4F91">{ref}</a>', 1
            )
            flow.append(Paragraph(line, self.s["bullet"], bulletText="\u2022"))
        if not section.evidence_refs:
            flow.append(self.p("<i>No evidence linked.</i>"))
        if section.updated_at:
            when = section.updated_at.strftime("%d %b %Y")
            flow.append(self.p(f"Last changed by {safe(section.updated_by)}, {when}.", "muted"))
        return flow

    def appendix(self) -> list[Flowable]:
        pack = self.pack
        flow: list[Flowable] = [
            PageBreak(),
            Bookmark("evidence-index", "Appendix: evidence index", 0),
            self.p("Appendix: evidence index", "h1"),
        ]
        if not pack.personal_data_included and pack.personal_data_left_out:
            flow.append(
                self.p(safe(pack.personal_data_statement.removeprefix("Left out: ")), "muted")
            )
        if not pack.evidence:
            flow.append(self.p("<i>No evidence is referenced.</i>"))
            return flow
        header = [self.p(t, "cell_bold") for t in ("Ref", "Evidence", "Kind", "From", "Date")]
        rows: list[list[Flowable]] = [header]
        for entry in pack.evidence:
            details = f"<b>{safe(clip(entry.title, 500))}</b>"
            if entry.description.strip():
                details += f"<br/>{safe(clip(entry.description, 600))}"
            if entry.link:
                details += f"<br/>Link: {safe(clip(entry.link, 200))}"
            if entry.attachments:
                files = ", ".join(clip(a, 80) for a in entry.attachments[:10])
                details += f"<br/>Files: {safe(files)}"
            details += "<br/>Criteria: " + ", ".join(str(n) for n in entry.cited_by)
            if entry.personal_data:
                details += "<br/><b>Personal data</b>"
            rows.append(
                [
                    self.p(f'<a name="ev-{entry.ref}"/>{entry.ref}', "cell_bold"),
                    self.p(details, "cell"),
                    self.p(safe(entry.kind), "cell"),
                    self.p(safe(clip(entry.organisation, 120)), "cell"),
                    self.p(
                        entry.evidence_date.strftime("%d/%m/%Y") if entry.evidence_date else "-",
                        "cell",
                    ),
                ]
            )
        table = Table(rows, colWidths=[12 * mm, 78 * mm, 26 * mm, 30 * mm, 22 * mm], repeatRows=1)
        table.setStyle(GRID)
        flow.append(table)
        return flow


def render_pdf(
    pack: Pack,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the pack as PDF to `path` (complete or not at all)."""
    story_maker = PackStory(pack)
    placed = [0]
    expected = [1]

    def on_flowable(_kind: str) -> None:
        placed[0] += 1
        if cancelled is not None and placed[0] % 20 == 0 and cancelled():
            raise Cancelled()
        if progress is not None and placed[0] % 20 == 0:
            progress(min(placed[0], expected[0]), expected[0])

    with safe_output(path) as handle:
        doc = PackDocument(
            handle,
            title=clean(pack.title),
            marking=clean(pack.marking),
            draft=pack.status == "draft",
            author=clean(pack.prepared_by),
            subject=clean(f"Self-evaluation against {pack.framework_title}"),
            progress=on_flowable,
        )
        story = story_maker.build(doc)
        expected[0] = len(story) * 2
        try:
            doc.multiBuild(story, maxPasses=4)
        except Cancelled:
            raise ExportCancelled(path) from None
    if progress is not None:
        progress(expected[0], expected[0])
    return path
