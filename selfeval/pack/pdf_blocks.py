"""The PDF back-end of the document pipeline: blocks (`blocks.py`) to pages, with reportlab.

Pages carry the marking top and bottom, the title and "page N of M", a DRAFT watermark when the
document is a draft, and level-1 headings in the PDF outline (and in the contents list, when the
document has one). User text goes through `safe()` (escaping, right-to-left order, Arabic fonts).

Every flowable carries its place in the structure of the tagged PDF (`pdf_tags.py`): a section
per heading, H1-H3 (never skipping a level, as the outline), P, lists, tables, figures with
their figures in words, and furniture as artifacts.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether
from reportlab.platypus import PageBreak as PdfPageBreak
from reportlab.platypus import Spacer as PdfSpacer
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from selfeval.files.output import CancelCheck, ExportCancelled, Progress, safe_output
from selfeval.pack.blocks import (
    DRAWN_BY,
    Block,
    Box,
    Bullets,
    Cell,
    CellText,
    ChangedText,
    Chip,
    Coloured,
    Document,
    Heading,
    HeatMap,
    Image,
    KeyValues,
    ListItems,
    PageBreak,
    Para,
    RatedBullets,
    RatingLine,
    RatingsChart,
    Runs,
    SignatureLines,
    Spacer,
    Swatch,
    Table,
    TrendChart,
    Written,
)
from selfeval.pack.chart_words import chart_words
from selfeval.pack.languages import language_of
from selfeval.pack.model import Rating
from selfeval.pack.pdf_cached import CachedParagraph as Paragraph
from selfeval.pack.pdf_cached import CachedTable as PdfTable
from selfeval.pack.pdf_contents import Contents
from selfeval.pack.pdf_doc import PAGE_H, Bookmark, Cancelled, PackDocument
from selfeval.pack.pdf_quick import Run, runs_markup, runs_paragraph
from selfeval.pack.pdf_rows import RowsTable, Unfolding, unfolding
from selfeval.pack.pdf_script import is_right_to_left
from selfeval.pack.pdf_style import (
    ACCENT,
    GRID,
    RULE,
    chip,
    chip_words,
    safe,
    styles,
    table_style,
)
from selfeval.pack.pdf_table_tags import DataTable, LayoutTable
from selfeval.pack.pdf_tagged import Closes, Figure, Opens
from selfeval.pack.pdf_tags import ARTIFACT, Tag
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
        self.others = 0
        self.level = 0
        """The last heading's level in the structure (and the outline)."""
        self.sections: list[int] = []
        """The levels of the sections open in the structure, outermost first."""
        self.boxed = False
        self.link_words: dict[str, str] = {}
        """What each link's destination is called, said by its annotation (PDF/UA)."""

    def p(self, markup: str, style: str = "body", text: str | None = None) -> Paragraph:
        """`text`: the words as typed, when the markup is user text (for its language)."""
        paragraph = Paragraph(markup, self.s[style])
        paragraph.tag = words_tag("P", text)
        return paragraph

    def flow(self, doc: PackDocument) -> list[Flowable]:
        doc.tags.link_words = self.link_words
        story: list[Flowable] = []
        contents_placed = not self.document.contents
        for block in self.document.blocks:
            if isinstance(block, PageBreak) and not contents_placed:
                story += [PdfPageBreak(), *self.contents(doc)]
                contents_placed = True
                continue
            story += self.block(block)
        return story + [Closes() for _ in self.sections]

    def contents(self, doc: PackDocument) -> list[Flowable]:
        entries = [
            (b.level - 1, safe(b.text), b.key or f"h{i}")
            for i, b in enumerate(self._headings(), start=1)
        ]
        if not entries:  # nothing to list: no contents page (reportlab would print a placeholder)
            return []
        toc = Contents(
            entries,
            doc.late,
            [self.s["toc1"], self.s["toc2"]],
            tableStyle=table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ),
        )
        return [*self.heading(Heading("Contents", in_contents=False)), toc, PdfPageBreak()]

    def _headings(self) -> list[Heading]:
        return [
            b
            for b in self.document.blocks
            if isinstance(b, Heading) and b.level <= 2 and b.in_contents
        ]

    def block(self, block: Block) -> list[Flowable]:
        """Each kind of block drawn by its own method (DRAWN_BY): one decision each."""
        drawn: list[Flowable] = getattr(self, DRAWN_BY[type(block)])(block)
        return drawn

    def heading(self, block: Heading) -> list[Flowable]:
        """A heading opens its section; levels never skip (a first heading of level 2 is a
        top one), in the structure and the outline alike, and levels 1-2 are in the outline."""
        level = min(block.level, self.level + 1, 3)
        self.level = level
        flow: list[Flowable] = [] if self.boxed else self.section(level)
        if block.level <= 2 and block.in_contents:
            self.keys += 1
            key = block.key or f"h{self.keys}"  # the contents list numbers its keys alike
        else:
            self.others += 1
            key = block.key or f"x{self.others}"
        self.link_words[key] = f"Go to {clean(block.text)}"
        if level <= 2:
            flow.append(Bookmark(key, block.text, level - 1, in_contents=block.in_contents))
        style = {1: "h1", 2: "h2"}.get(block.level, "h3")
        # a heading never ends a page alone, nor is split over two: it goes over unless all
        # its lines and two lines of what follows fit (before its bookmark, so the contents
        # name the page it is on)
        shape = self.s[style]
        title = Paragraph(safe(block.text), shape)
        title.tag = words_tag(f"H{level}", block.text)
        _width, height = title.wrap(TEXT_WIDTH, PAGE_H)  # remembered for the layout
        room = shape.spaceBefore + height + shape.spaceAfter + 2 * self.s["body"].leading
        return [CondPageBreak(room), *flow, title]

    def section(self, level: int) -> list[Flowable]:
        """Close the sections at this level or deeper, open this heading's."""
        marks: list[Flowable] = []
        while self.sections and self.sections[-1] >= level:
            self.sections.pop()
            marks.append(Closes())
        self.sections.append(level)
        return [*marks, Opens(Tag("Sect"))]

    def para(self, block: Para) -> list[Flowable]:
        markup = safe(block.text)
        style = self._style(block)
        return [self.p(f"<i>{markup}</i>" if block.italic else markup, style, block.text)]

    def bullets(self, block: Bullets) -> list[Flowable]:
        if not block.items:
            return [self.p(f"<i>{safe(block.empty)}</i>")]
        links = block.links or ("",) * len(block.items)
        return listed(
            [unfolding(list(zip(block.items, links, strict=True)), lambda i: self.bullet(*i))]
        )

    def bullet(self, text: str, anchor: str) -> Paragraph:
        """An item whose first word (its reference, "E3") links to `anchor` in the index."""
        runs = linked(text, anchor)
        if len(runs) > 1:
            self.link_words.setdefault(anchor, f"Go to {runs[0][1]} in the index")
        return item(runs_paragraph(runs, self.s["bullet"], "\u2022"), text)

    def rated_bullets(self, block: RatedBullets) -> list[Flowable]:
        return listed([self.rated_bullet(*entry) for entry in block.items])

    def rated_bullet(self, text: str, rating: Rating | None, note: str) -> Paragraph:
        """A framework bullet with its rating (chip and word) and note after it; a screen
        reader is given the words without the chip's square."""
        markup, extra = safe(text), [chip(rating)] if rating else []
        if note:
            extra.append(safe(note))
        if extra:
            markup += f' <font color="#505050">({" - ".join(extra)})</font>'
        paragraph = item(Paragraph(markup, self.s["bullet"], bulletText="\u2022"), text)
        if rating is not None and paragraph.tag is not None and not paragraph.tag.actual:
            words = [chip_words(rating), *([clean(note)] if note else [])]
            paragraph.tag.actual = f"{clean(text)} ({' - '.join(words)})"
        return paragraph

    def rating_line(self, block: RatingLine) -> list[Flowable]:
        line = self.p(f"<b>{safe(block.label)}:</b> {chip(block.rating)}")
        assert line.tag is not None
        line.tag.actual = f"{clean(block.label)}: {chip_words(block.rating)}"
        return [line]

    def written(self, block: Written) -> list[Flowable]:
        return [self.p(marked(block.runs), text=runs_text(block.runs))]

    def list_items(self, block: ListItems) -> list[Flowable]:
        style = self.s["bullet"]
        return listed(
            [
                item(Paragraph(marked(runs), style, bulletText=label), runs_text(runs))
                for label, runs in zip(list_labels(block), block.items, strict=True)
            ]
        )

    def changed_text(self, block: ChangedText) -> list[Flowable]:
        marks = {"same": "{}", "removed": "<strike>{}</strike>", "added": "<u><b>{}</b></u>"}
        markup = "".join(marks[kind].format(safe(text)) for kind, text in block.runs)
        return [self.p(markup, text="".join(text for _kind, text in block.runs))]

    def signature_lines(self, block: SignatureLines) -> list[Flowable]:
        return [
            KeepTogether(
                [
                    PdfSpacer(1, 12 * mm),
                    self.rule(),
                    self.p(f"Signed: {safe(name)}          Date: ____________", "muted", name),
                ]
            )
            for name in block.names
        ]

    def rule(self) -> Paragraph:
        """A line to sign on: drawn, not read."""
        line = Paragraph("_" * 60, self.s["body"])
        line.tag = Tag(ARTIFACT)
        return line

    def spacer(self, block: Spacer) -> list[Flowable]:
        return [PdfSpacer(1, block.height_mm * mm)]

    def image(self, block: Image) -> list[Flowable]:
        return [Figure(logo_image(block.data), block.alt)]

    def chart(self, block: RatingsChart | TrendChart | HeatMap) -> list[Flowable]:
        return [spaced(Figure(chart(block), chart_words(block)), after=3)]

    def page_break(self, block: PageBreak) -> list[Flowable]:
        return [PageBreakIfNotEmpty() if block.if_not_empty else PdfPageBreak()]

    def box(self, block: Box) -> list[Flowable]:
        """A framed box (Div): a heading inside it opens no section of the document."""
        inner: list[Flowable] = []
        self.boxed = True
        for part in block.blocks:
            inner += made_now(self.block(part))  # a table cell is laid out whole
        self.boxed = False
        table = PdfTable([[inner]], colWidths=[TEXT_WIDTH], renderCB=LayoutTable())
        table.tag = Tag("Div")
        table.setStyle(
            table_style(
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F3F6FB")),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            )
        )
        return [spaced(table, before=2, after=3)]

    def _style(self, block: Para) -> str:
        return STYLE_OF.get(block.style, block.style)

    def cell(self, value: Cell, bold: bool = False) -> Paragraph:
        style = self.s["cell_bold" if bold else "cell"]
        if isinstance(value, str | CellText):
            return runs_paragraph(cell_runs(value), style)
        paragraph = Paragraph(cell_markup(value), style)
        if isinstance(value, Chip | Swatch):  # said as its word, not the square before it
            paragraph.spoken = chip_words(value.rating) if isinstance(value, Chip) else value.label
        return paragraph

    def table(self, block: Table) -> list[Flowable]:
        if not block.rows:
            return [self.p(f"<i>{safe(block.empty)}</i>")]
        total = sum(block.widths) or 1
        widths = [TEXT_WIDTH * w / total for w in block.widths]
        header: list[Flowable] = [self.cell(h, bold=True) for h in block.header]
        table = RowsTable(header, block.rows, self.row, widths, GRID, tags=DataTable())
        return [spaced(table, after=3)]

    def row(self, cells: tuple[Cell, ...]) -> list[Flowable]:
        return [self.cell(c) for c in cells]

    def key_values(self, block: KeyValues) -> list[Flowable]:
        table = PdfTable(
            [[self.cell(k, bold=True), self.cell(v)] for k, v in block.rows],
            colWidths=[45 * mm, TEXT_WIDTH - 45 * mm],
            renderCB=DataTable(header_rows=0, row_headers=True),
        )
        table.setStyle(
            table_style(
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            )
        )
        return [spaced(table, after=4)]


def words_tag(role: str, text: str | None) -> Tag:
    """A paragraph's tag: its language when not English, and the words as typed when the page
    draws them in another order (right-to-left lines are drawn in visual order)."""
    if not text:
        return Tag(role)
    typed = clean(text)
    actual = typed if is_right_to_left(typed) else ""
    return Tag(role, lang=language_of(typed), actual=actual)


def item(paragraph: Paragraph, text: str) -> Paragraph:
    """A list item: its label and its words, each in the structure."""
    shape = words_tag("LI", text)
    paragraph.tag = shape
    return paragraph


def listed(items: list[Flowable]) -> list[Flowable]:
    return [Opens(Tag("L")), *items, Closes()]


def runs_text(runs: Runs) -> str:
    return "".join(text for _kind, text in runs)


def made_now(flowables: list[Flowable]) -> list[Flowable]:
    """Runs that would unfold as the pages reach them, made at once (for inside a table)."""
    made: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, Unfolding):
            made += [f for batch in flowable.batches for f in batch]
        elif isinstance(flowable, RowsTable):
            made.append(flowable.whole())
        else:
            made.append(flowable)
    return made


def logo_image(data: bytes) -> Flowable:
    import io

    from reportlab.platypus import Image

    from selfeval.pack.logo import logo_size_mm

    width, height = logo_size_mm(data)
    image = Image(io.BytesIO(data), width=width * mm, height=height * mm)
    image.hAlign = "LEFT"
    return image


def spaced(flowable: Flowable, before: float = 0, after: float = 0) -> Flowable:
    """Room around a table or chart that a page end swallows: a Spacer flowable would be
    carried to the top of the next page, and a page break after it would leave a blank page."""
    # object.__setattr__: reportlab's Drawing refuses attributes it does not know
    object.__setattr__(flowable, "spaceBefore", before * mm)
    object.__setattr__(flowable, "spaceAfter", after * mm)
    return flowable


WRITTEN_MARKS = {"plain": "{}", "bold": "<b>{}</b>", "italic": "<i>{}</i>"}


def marked(runs: Runs) -> str:
    """The partnership's runs as reportlab markup, every word escaped."""
    return "".join(WRITTEN_MARKS[kind].format(safe(text)) for kind, text in runs)


def list_labels(block: ListItems) -> list[str]:
    return [f"{n}." if block.numbered else "\u2022" for n in range(1, len(block.items) + 1)]


def linked(text: str, anchor: str) -> list[Run]:
    """The item's first word (its reference, "E3") as a link to `anchor` in the index."""
    text = clean(text)  # line ends as they will be drawn: the link stays on one line
    first = text.split(" ", 1)[0].split("\n", 1)[0]
    if not anchor or not first:
        return [("text", text, "")]
    return [("link", first, anchor), ("text", text[len(first) :], "")]


def cell_runs(value: str | CellText) -> list[Run]:
    """A cell's text: its anchor, bold title, lines and muted note, a line each."""
    if isinstance(value, str):
        return [("text", value, "")]
    parts: list[Run] = [("bold", value.title, "")] if value.title else []
    parts += [("text", line, "") for line in value.lines]
    parts += [("muted", value.note, "")] if value.note else []
    runs: list[Run] = [("anchor", "", value.anchor)] if value.anchor else []
    for number, part in enumerate(parts):
        runs += [("break", "", ""), part] if number else [part]
    return runs


def cell_markup(value: Cell) -> str:
    if isinstance(value, Chip):
        return chip(value.rating)
    if isinstance(value, Swatch):
        return f'<font color="{value.colour}">\u25a0</font> {safe(value.label)}'
    if isinstance(value, Coloured):
        word = f'<br/><font color="{value.colour}">{safe(value.word)}</font>' if value.word else ""
        return safe(value.text) + word
    return runs_markup(cell_runs(value))


def chart(block: RatingsChart | TrendChart | HeatMap) -> Flowable:
    from selfeval.pack.pdf_chart import heat_map, ratings_by_group_chart, trend_chart

    if isinstance(block, RatingsChart):
        return ratings_by_group_chart(block.scale, block.groups)
    if isinstance(block, TrendChart):
        return trend_chart(block.indicator)
    return heat_map(block.risks, block.bands)


def render_document_pdf(
    document: Document,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the document as PDF to `path` (complete or not at all)."""
    maker = BlockStory(document)
    expected = max(1, sum(units(block) for block in document.blocks))
    placed, calls = [0], [0]

    def on_placed(count: int) -> None:
        placed[0] += count
        calls[0] += 1
        if calls[0] % 20:
            return
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(min(placed[0], expected - 1), expected)

    with safe_output(path) as handle:
        doc = PackDocument(
            handle,
            title=clean(document.title),
            marking=clean(document.marking),
            draft=document.draft,
            author=clean(document.author),
            subject=clean(document.subject),
            progress=on_placed,
        )
        try:
            doc.build(maker.flow(doc))
        except Cancelled:
            raise ExportCancelled(path) from None
    if progress is not None:
        progress(expected, expected)
    return path


def units(block: Block) -> int:
    """What progress counts in a block: its rows or items, else the block."""
    if isinstance(block, Table):
        return max(1, len(block.rows))
    if isinstance(block, Bullets | RatedBullets):
        return max(1, len(block.items))
    return 1
