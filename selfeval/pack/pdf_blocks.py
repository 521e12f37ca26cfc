"""The PDF back-end of the document pipeline: blocks (`blocks.py`) to pages, with reportlab.

Pages carry the marking top and bottom, the title and "page N of M", a DRAFT watermark when the
document is a draft, and level-1 headings in the PDF outline (and in the contents list, when the
document has one). User text goes through `safe()` (escaping, right-to-left order, Arabic fonts).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Spacer as PdfSpacer
from reportlab.platypus.tableofcontents import TableOfContents

from selfeval.files.output import CancelCheck, ExportCancelled, Progress, safe_output
from selfeval.pack.blocks import (
    Block,
    Bullets,
    Chip,
    Document,
    Heading,
    KeyValues,
    PageBreak,
    Para,
    RatingLine,
    SignatureLines,
    Spacer,
    Table,
)
from selfeval.pack.pdf_doc import Bookmark, Cancelled, PackDocument, PageCount
from selfeval.pack.pdf_doc import CachedParagraph as Paragraph
from selfeval.pack.pdf_doc import CachedTable as PdfTable
from selfeval.pack.pdf_style import GRID, RULE, chip, safe, styles, table_style
from selfeval.pack.text import clean

TEXT_WIDTH = 170 * mm  # A4 less the margins
STYLE_OF = {"lead": "cover_sub", "title": "cover_title", "subtitle": "cover_sub"}


class BlockStory:
    """Turns blocks into flowables; bookmark keys are numbered, whatever the headings hold."""

    def __init__(self, document: Document | None) -> None:
        """`document` None: blocks rendered into another story (a section of the pack)."""
        self.document = document or Document(title="", subject="", author="")
        self.s = styles()
        self.keys = 0
        self.outline_level = -1

    def p(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.s[style])

    def flow(self, doc: PackDocument) -> list[Flowable]:
        story: list[Flowable] = [PageCount(doc)]
        contents_placed = not self.document.contents
        for block in self.document.blocks:
            if isinstance(block, PageBreak) and not contents_placed:
                story += [PdfPageBreak(), *self.contents()]
                contents_placed = True
                continue
            story += self.block(block)
        return story

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
        entries = [
            (b.level - 1, safe(b.text), 888, f"h{i}")
            for i, b in enumerate(self._headings(), start=1)
        ]
        toc._lastEntries = entries  # seeded so the layout-only pass sizes it right
        toc._entries = list(entries)
        return [self.p("Contents", "h1"), toc, PdfPageBreak()]

    def _headings(self) -> list[Heading]:
        return [
            b
            for b in self.document.blocks
            if isinstance(b, Heading) and b.level <= 2 and b.in_contents
        ]

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, Heading):
            flow: list[Flowable] = []
            if block.level <= 2 and block.in_contents:
                # the PDF outline cannot skip a level: a first heading of level 2 becomes a top one
                self.outline_level = min(block.level - 1, self.outline_level + 1)
                self.keys += 1
                flow.append(Bookmark(f"h{self.keys}", block.text, self.outline_level))
            style = {1: "h1", 2: "h2"}.get(block.level, "h3")
            return [*flow, self.p(safe(block.text), style)]
        if isinstance(block, Para):
            markup = safe(block.text)
            return [self.p(f"<i>{markup}</i>" if block.italic else markup, self._style(block))]
        if isinstance(block, Bullets):
            if not block.items:
                return [self.p(f"<i>{safe(block.empty)}</i>")]
            return [
                Paragraph(safe(item), self.s["bullet"], bulletText="\u2022") for item in block.items
            ]
        if isinstance(block, RatingLine):
            return [self.p(f"<b>{safe(block.label)}:</b> {chip(block.rating)}")]
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, KeyValues):
            return self.key_values(block)
        if isinstance(block, SignatureLines):
            return [
                KeepTogether(
                    [
                        PdfSpacer(1, 12 * mm),
                        self.p("_" * 60),
                        self.p(f"Signed: {safe(name)}          Date: ____________", "muted"),
                    ]
                )
                for name in block.names
            ]
        if isinstance(block, Spacer):
            return [PdfSpacer(1, block.height_mm * mm)]
        return [PdfPageBreak()]

    def _style(self, block: Para) -> str:
        return STYLE_OF.get(block.style, block.style)

    def cell(self, value: str | Chip, bold: bool = False) -> Paragraph:
        if isinstance(value, Chip):
            return self.p(chip(value.rating), "cell")
        return self.p(safe(value), "cell_bold" if bold else "cell")

    def table(self, block: Table) -> list[Flowable]:
        if not block.rows:
            return [self.p(f"<i>{safe(block.empty)}</i>")]
        total = sum(block.widths) or 1
        widths = [TEXT_WIDTH * w / total for w in block.widths]
        rows = [[self.cell(h, bold=True) for h in block.header]]
        rows += [[self.cell(c) for c in row] for row in block.rows]
        table = PdfTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(GRID)
        return [table, PdfSpacer(1, 3 * mm)]

    def key_values(self, block: KeyValues) -> list[Flowable]:
        table = PdfTable(
            [[self.cell(k, bold=True), self.cell(v)] for k, v in block.rows],
            colWidths=[45 * mm, TEXT_WIDTH - 45 * mm],
        )
        table.setStyle(
            table_style(
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            )
        )
        return [table, PdfSpacer(1, 4 * mm)]


def render_document_pdf(
    document: Document,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the document as PDF to `path` (complete or not at all)."""
    maker = BlockStory(document)
    placed = [0]
    expected = [max(1, len(document.blocks) * 2)]

    def on_flowable(_kind: str) -> None:
        placed[0] += 1
        if cancelled is not None and placed[0] % 20 == 0 and cancelled():
            raise Cancelled()
        if progress is not None and placed[0] % 20 == 0:
            progress(min(placed[0], expected[0]), expected[0])

    with safe_output(path) as handle:
        doc = PackDocument(
            handle,
            title=clean(document.title),
            marking=clean(document.marking),
            draft=document.draft,
            author=clean(document.author),
            subject=clean(document.subject),
            progress=on_flowable,
        )
        try:
            doc.multiBuild(maker.flow(doc), maxPasses=4)
        except Cancelled:
            raise ExportCancelled(path) from None
    if progress is not None:
        progress(expected[0], expected[0])
    return path
