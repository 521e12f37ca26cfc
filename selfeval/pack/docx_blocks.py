"""The Word back-end of the document pipeline: blocks (`blocks.py`) to a .docx on A4.

Real heading styles (so Word's navigation pane and a contents field work), tables with a header
row repeated on every page, ratings as a coloured square *and* their word, the marking in the
header and footer, and "page N of M" fields that Word and LibreOffice fill in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell as DocxCell
from docx.text.paragraph import Paragraph as DocxParagraph

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
from selfeval.pack.docx_breaks import breaks_before_what_follows
from selfeval.pack.docx_contents import fill_contents, place_contents
from selfeval.pack.model import Rating
from selfeval.pack.text import clean

TEXT_WIDTH_CM = 17.0  # A4 less 2 cm margins


def word_field(paragraph: DocxParagraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when the file opens."""
    run = paragraph.add_run()
    begin, instr, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    end.set(qn("w:fldCharType"), "end")
    run._r.append(begin)
    run._r.append(instr)
    run._r.append(end)


def shade(cell: object, colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    properties.append(shading)


def rating_run(paragraph: DocxParagraph, rating: Rating | None) -> None:
    if rating is None:
        paragraph.add_run("Not rated")
        return
    square = paragraph.add_run("\u25a0 ")
    square.font.color.rgb = RGBColor.from_string(rating.colour.lstrip("#").upper())
    paragraph.add_run(rating.label)


class BodyEnd:
    """Paragraphs added at the end of a document's body in constant time.

    python-docx finds where a paragraph goes by searching the body for its section properties,
    past every paragraph already there: a pack's 100,000 evidence lines cost n squared. Here the
    section properties are found once and each paragraph is put just before them.
    """

    def __init__(self, document: DocxDocument, style: str) -> None:
        self.parent = document._body
        self.body = document.element.body
        self.end = self.body.find(qn("w:sectPr"))
        self.style_id = document.styles[style].style_id

    def paragraph(self, text: str) -> DocxParagraph:
        element = OxmlElement("w:p")
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)
        paragraph = DocxParagraph(element, self.parent)
        element.style = self.style_id
        if text:
            paragraph.add_run(text)
        return paragraph


def header_table(
    document: DocxDocument, header: list[str], widths: list[float] | None = None
) -> DocxTable:
    table: DocxTable = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        shade(cell, "#E8EDF5")
    # Repeat the header row on every page.
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row_properties.append(repeat)
    return table


def set_widths(table: DocxTable, centimetres: list[float]) -> None:
    """Word reads each cell's width, LibreOffice the table grid's: set both."""
    table.autofit = False
    for column, width in zip(table.columns, centimetres, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, centimetres, strict=True):
            cell.width = Cm(width)


def new_a4_document(title: str, author: str, subject: str) -> DocxDocument:
    """A4 portrait with 2 cm margins (python-docx's template is US Letter)."""
    document = new_docx()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    properties = document.core_properties
    properties.title = clean(title)
    properties.author = clean(author)
    properties.subject = clean(subject)
    return document


def header_footer(document: DocxDocument, title: str, marking: str, draft: bool) -> None:
    """The marking (and DRAFT) at the top, the title and "page N of M" at the foot."""
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    marking = clean(marking)
    top = " - ".join(x for x in (marking, "DRAFT" if draft else "") if x)
    header.add_run(top).bold = True
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{clean(title)}    page ")
    word_field(footer, "PAGE")
    footer.add_run(" of ")
    word_field(footer, "NUMPAGES")
    if top:  # a protective marking is the same at the foot of the page as at its head
        line = section.footer.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.add_run(top).bold = True


def _cell_text(cell: object, value: Cell, bold: bool = False) -> None:
    """Like the PDF's cells: a chip or swatch with its word, a figure with its coloured word,
    a bold title with lines under it."""
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    if isinstance(value, Chip):
        rating_run(paragraph, value.rating)
    elif isinstance(value, Swatch):
        square = paragraph.add_run("\u25a0 ")
        square.font.color.rgb = RGBColor.from_string(value.colour.lstrip("#").upper())
        paragraph.add_run(clean(value.label))
    elif isinstance(value, Coloured):
        paragraph.add_run(clean(value.text))
        if value.word:
            cell.add_paragraph(clean(value.word))  # type: ignore[attr-defined]
    elif isinstance(value, CellText):
        paragraph.add_run(clean(value.title)).bold = True
        for line in value.lines:
            cell.add_paragraph(clean(line))  # type: ignore[attr-defined]
        if value.note:
            cell.add_paragraph(clean(value.note))  # type: ignore[attr-defined]
    else:
        paragraph.add_run(clean(value)).bold = bold


def render_document_docx(
    document: Document,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    out = new_a4_document(document.title, document.author, document.subject)
    header_footer(out, document.title, document.marking, document.draft)
    total = max(1, len(document.blocks))

    def step(done: int) -> None:
        if cancelled is not None and done % 20 == 0 and cancelled():
            raise ExportCancelled(path)
        if progress is not None and done % 20 == 0:
            progress(done, total)

    add_blocks(out, document.blocks, contents=document.contents, step=step)
    fill_contents(out)
    breaks_before_what_follows(out)
    if progress is not None:
        progress(total, total)
    with safe_output(path) as handle:
        out.save(handle)
    return path


def add_blocks(
    out: DocxDocument,
    blocks: tuple[Block, ...] | list[Block],
    contents: bool = False,
    step: Callable[[int], None] | None = None,
) -> None:
    """Write blocks into a Word document (a whole document, or a section of the pack)."""
    writer = WordBlocks(out, contents)
    for done, block in enumerate(blocks, start=1):
        if step is not None:
            step(done)
        getattr(writer, DRAWN_BY[type(block)])(block)


class WordBlocks:
    """Each kind of block written by its own method (blocks.DRAWN_BY): one decision each."""

    def __init__(self, out: DocxDocument, contents: bool) -> None:
        self.out = out
        self.contents_placed = not contents
        self.bullet_end = BodyEnd(out, "List Bullet")

    def page_break(self, _block: PageBreak) -> None:
        self.out.add_page_break()  # type: ignore[no-untyped-call]
        if not self.contents_placed:
            place_contents(self.out)
            self.out.add_page_break()  # type: ignore[no-untyped-call]
            self.contents_placed = True

    def heading(self, block: Heading) -> None:
        self.out.add_heading(clean(block.text), level=min(block.level, 3))

    def para(self, block: Para) -> None:
        _paragraph(self.out, block)

    def bullets(self, block: Bullets) -> None:
        if not block.items:
            self.out.add_paragraph().add_run(clean(block.empty)).italic = True
        for item in block.items:
            self.bullet_end.paragraph(clean(item))

    def rating_line(self, block: RatingLine) -> None:
        line = self.out.add_paragraph()
        line.add_run(f"{clean(block.label)}: ").bold = True
        rating_run(line, block.rating)

    def written(self, block: Written) -> None:
        written_runs(self.out.add_paragraph(), block.runs)

    def list_items(self, block: ListItems) -> None:
        list_style = "List Number" if block.numbered else "List Bullet"
        for entry in block.items:
            written_runs(self.out.add_paragraph(style=list_style), entry)

    def changed_text(self, block: ChangedText) -> None:
        line = self.out.add_paragraph()
        for kind, text in block.runs:
            run = line.add_run(clean(text))
            run.font.strike = kind == "removed"
            run.underline = run.bold = kind == "added"

    def table(self, block: Table) -> None:
        _blocks_table(self.out, block)

    def key_values(self, block: KeyValues) -> None:
        table = self.out.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for key, value in block.rows:
            cells = table.add_row().cells
            _cell_text(cells[0], key, bold=True)
            _cell_text(cells[1], value)
        set_widths(table, [4.5, TEXT_WIDTH_CM - 4.5])
        self.out.add_paragraph()

    def signature_lines(self, block: SignatureLines) -> None:
        for name in block.names:
            self.out.add_paragraph()
            self.out.add_paragraph("_" * 50)
            self.out.add_paragraph(f"Signed: {clean(name)}          Date: ____________")

    def spacer(self, _block: Spacer) -> None:
        self.out.add_paragraph()

    def rated_bullets(self, block: RatedBullets) -> None:
        for text, rating, note in block.items:
            line = self.bullet_end.paragraph(clean(text))
            if rating or note:
                line.add_run(" (")
                if rating:
                    rating_run(line, rating)
                if note:
                    line.add_run((" - " if rating else "") + clean(note))
                line.add_run(")")

    def box(self, block: Box) -> None:
        add_blocks(self.out, block.blocks)

    def image(self, block: Image) -> None:
        import io

        from selfeval.pack.logo import logo_size_mm

        width, height = logo_size_mm(block.data)
        picture = self.out.add_picture(io.BytesIO(block.data), width=Mm(width), height=Mm(height))
        picture._inline.docPr.set("descr", block.alt)  # Word's alternative text

    def chart(self, _block: RatingsChart | TrendChart | HeatMap) -> None:
        """Drawn in the PDF; the same figures are in the Word document's tables."""


def written_runs(paragraph: DocxParagraph, runs: Runs) -> None:
    """The partnership's words in Word runs, bold and italic where they wrote them."""
    for kind, text in runs:
        run = paragraph.add_run(clean(text))
        run.bold = kind == "bold" or None
        run.italic = kind == "italic" or None


def _paragraph(out: DocxDocument, block: Para) -> None:
    if block.style == "title":
        out.add_heading(clean(block.text), level=0)
        return
    paragraph = out.add_paragraph()
    run = paragraph.add_run(clean(block.text))
    run.italic = block.italic
    if block.style in ("lead", "subtitle"):
        run.font.size = Pt(14)
    elif block.style in ("muted", "small"):
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0x50, 0x50, 0x50)


def _blocks_table(out: DocxDocument, block: Table) -> None:
    if not block.rows:
        out.add_paragraph().add_run(clean(block.empty)).italic = True
        return
    table = header_table(out, [clean(h) for h in block.header])
    total = sum(block.widths) or 1
    # widths first: each row added then takes its cells' widths from the grid
    set_widths(table, [TEXT_WIDTH_CM * w / total for w in block.widths])
    # Table.add_row, without looking the grid up again for every row: python-docx's lookup
    # walks the rows already there (a 25,000-row index cost n squared)
    element = table._tbl
    grid = [column.w for column in element.tblGrid.gridCol_lst]
    for row in block.rows:
        tr = element.add_tr()
        for width, value in zip(grid, row, strict=True):
            tc = tr.add_tc()
            if width is not None:
                tc.width = width
            _cell_text(DocxCell(tc, table), value)
    out.add_paragraph()
