"""A Word document read into pieces, in reading order: paragraphs (with their heading level, and
whether they are bold, a list item or a heading by style), tables (cell by cell, with row and
column) and pictures (their bytes). Each piece says where it is ("paragraph 12", "table 2, row 3,
column 2") so anything not placed can be shown to the user by its position.

The file is checked as a zip before python-docx opens it (sizes, ratios, members, no XML
entities), and what it may hold is bounded: a document of 100,000 paragraphs or tables nested
ten deep is refused in words, not read until memory runs out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.faults import os_fault
from selfeval.files.office_zip import check_office_zip
from selfeval.files.zip_limits import MB, ZipLimits

DOCX_LIMITS = ZipLimits(members=2_000, member_bytes=64 * MB, total_bytes=256 * MB, ratio=200)
DOCUMENT_XML_BYTES = 24 * MB
"""The body's XML unpacked: a 50-page self-evaluation is under 1 MB."""
MAX_DOCX_BYTES = 100 * MB
MAX_PIECES = 25_000
"""Paragraphs and table cells: a 50-page self-evaluation has about 2,000."""
MAX_DEPTH = 4
"""Tables inside tables: real documents go two deep."""
MAX_PICTURES = 200

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


@dataclass(frozen=True)
class Para:
    text: str
    where: str
    heading: int = 0
    """1 to 9 for a heading by style (0: body text; "Title" is 1)."""
    bold: bool = False
    """Every word of it bold: a heading by look in documents that never used styles."""
    listed: bool = False
    contents: bool = False
    """A line of the document's table of contents (a "TOC" style): its words repeat a heading."""
    aside: bool = False
    """A footnote or endnote: read after the body, belonging to no section by its place."""


@dataclass(frozen=True)
class Cell:
    text: str
    where: str
    row: int
    column: int
    listed: tuple[bool, ...] = ()


@dataclass(frozen=True)
class Table:
    number: int
    rows: tuple[tuple[Cell, ...], ...]
    where: str


@dataclass(frozen=True)
class Picture:
    name: str
    data: bytes = field(repr=False)
    where: str


Block = Para | Table | Picture


@dataclass(frozen=True)
class SefDocument:
    path: Path
    blocks: tuple[Block, ...]

    def pieces(self) -> int:
        return sum(sum(len(r) for r in b.rows) if isinstance(b, Table) else 1 for b in self.blocks)


def read_docx(path: Path) -> SefDocument:
    """The document's blocks in reading order, or InputError in words (nothing else raised)."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise os_fault(path, err) from None
    if size > MAX_DOCX_BYTES:
        raise InputError(f"{path}: is {size:,} bytes; the limit is {MAX_DOCX_BYTES:,}")
    check_office_zip(path, "Word document", DOCX_LIMITS, {"word/document.xml": DOCUMENT_XML_BYTES})
    try:
        from docx import Document

        document = Document(str(path))
    except Exception as err:  # python-docx raises anything on a malformed part: say so
        raise InputError(
            f"{path}: is not a readable Word document ({type(err).__name__}: {err})"
        ) from None
    reader = _Reader(path, document)
    try:
        blocks = (*reader.blocks(document.element.body, depth=0), *reader.notes())
    except InputError:
        raise
    except Exception as err:  # a broken style, relationship or element
        raise InputError(
            f"{path}: near {reader.position()}: could not be read ({type(err).__name__}: {err})"
        ) from None
    return SefDocument(path, blocks)


class _Reader:
    def __init__(self, path: Path, document: object) -> None:
        self.path, self.document = path, document
        self.paragraphs = self.tables = self.pictures = self.count = 0
        self.styles: dict[str, tuple[int, bool, bool]] = {}
        self.by_id: dict[str, object] = {}

    def position(self) -> str:
        return f"paragraph {self.paragraphs}, table {self.tables}"

    def _counted(self) -> None:
        self.count += 1
        if self.count > MAX_PIECES:
            raise InputError(
                f"{self.path}: has more than {MAX_PIECES:,} paragraphs and table cells; a "
                "self-evaluation is far shorter: refused"
            )

    def blocks(self, body: object, depth: int) -> Iterator[Block]:
        for child in body:  # type: ignore[attr-defined]
            tag = child.tag
            if tag == f"{W}p":
                yield from self._paragraph(child)
            elif tag == f"{W}tbl":
                yield self._table(child, depth)
            elif tag == f"{W}sdt":  # a content control: its content is the document's text
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self.blocks(content, depth)

    def _paragraph(self, element: object) -> Iterator[Block]:
        self.paragraphs += 1
        self._counted()
        where = f"paragraph {self.paragraphs}"
        text = _text_of(element)
        heading, style_bold, contents = self._style_of(element)
        if text.strip():
            yield Para(
                text.strip(),
                where,
                heading=0 if contents else heading,
                bold=style_bold or _all_bold(element),
                listed=_is_listed(element, self._style_name(element)),
                contents=contents,
            )
        for blip in element.iter(A_BLIP):  # type: ignore[attr-defined]
            picture = self._picture(blip.get(R_EMBED), where)
            if picture is not None:
                yield picture

    def _table(self, element: object, depth: int) -> Table:
        if depth >= MAX_DEPTH:
            raise InputError(
                f"{self.path}: near {self.position()}: tables nested more than {MAX_DEPTH} deep; "
                "refused"
            )
        self.tables += 1
        number = self.tables
        rows = []
        for r, row in enumerate(element.iterfind(f"{W}tr"), start=1):  # type: ignore[attr-defined]
            cells = []
            for c, cell in enumerate(row.iterfind(f"{W}tc"), start=1):
                self._counted()
                where = f"table {number}, row {r}, column {c}"
                lines, listed = self._cell_lines(cell, depth)
                cells.append(Cell("\n".join(lines), where, r, c, tuple(listed)))
            rows.append(tuple(cells))
        return Table(number, tuple(rows), f"table {number}")

    def _cell_lines(self, cell: object, depth: int) -> tuple[list[str], list[bool]]:
        """A cell's paragraphs as lines (a nested table's cells as lines too)."""
        lines: list[str] = []
        listed: list[bool] = []
        for block in self.blocks(cell, depth + 1):
            if isinstance(block, Para):
                lines.append(block.text)
                listed.append(block.listed)
            elif isinstance(block, Table):
                for row in block.rows:
                    text = " | ".join(c.text.replace("\n", " ") for c in row if c.text)
                    if text:
                        lines.append(text)
                        listed.append(False)
        return lines, listed

    def _picture(self, relationship: str | None, where: str) -> Picture | None:
        if not relationship:
            return None
        part = self.document.part.related_parts.get(relationship)  # type: ignore[attr-defined]
        if part is None:
            return None
        self.pictures += 1
        if self.pictures > MAX_PICTURES:
            raise InputError(f"{self.path}: has more than {MAX_PICTURES} pictures; refused")
        name = str(part.partname).rsplit("/", 1)[-1]
        return Picture(name, part.blob, f"picture {self.pictures} ({where})")

    def _style_name(self, element: object) -> str:
        properties = element.find(f"{W}pPr")  # type: ignore[attr-defined]
        style = properties.find(f"{W}pStyle") if properties is not None else None
        return style.get(f"{W}val") if style is not None else ""

    def _style_of(self, element: object) -> tuple[int, bool, bool]:
        """(heading level, bold, a contents line) the paragraph's style gives it, looked up
        once per style."""
        style_id = self._style_name(element)
        properties = element.find(f"{W}pPr")  # type: ignore[attr-defined]
        outline = properties.find(f"{W}outlineLvl") if properties is not None else None
        if outline is not None and (outline.get(f"{W}val") or "").isdigit():
            level = int(outline.get(f"{W}val")) + 1
            if level <= 9:
                return level, False, False
        if not self.styles:
            self.by_id = {s.style_id: s for s in self.document.styles}  # type: ignore[attr-defined]
            self.styles[""] = (0, False, False)
        if style_id not in self.styles:
            self.styles[style_id] = _style_level(self.by_id.get(style_id), style_id)
        return self.styles[style_id]

    def notes(self) -> Iterator[Block]:
        """Footnotes and endnotes, each a piece of its own ("footnote 3"): words of the
        document too, kept in parts of their own."""
        package = self.document.part.package  # type: ignore[attr-defined]
        for part in package.iter_parts():
            name = str(part.partname)
            kind = "footnote" if name.endswith("/footnotes.xml") else "endnote"
            if not name.endswith(("/footnotes.xml", "/endnotes.xml")):
                continue
            from docx.oxml import parse_xml

            for note in parse_xml(part.blob).iterfind(f"{W}{kind}"):
                number = note.get(f"{W}id") or ""
                text = " ".join(_text_of(p).strip() for p in note.iter(f"{W}p")).strip()
                if text and number.lstrip("-").isdigit() and int(number) > 0:
                    self._counted()
                    yield Para(text, f"{kind} {number}", aside=True)


def _style_level(style: object, style_id: str) -> tuple[int, bool, bool]:
    """(heading level, bold, a contents line) of a paragraph style: "Heading 2" is 2, "Title"
    is 1, "TOC 1" a line of the contents."""
    if not style_id:
        return 0, False, False
    bold = bool(getattr(getattr(style, "font", None), "bold", False))
    own = (getattr(style, "name", "") or style_id).lower()
    if own.startswith("toc") or style_id.lower().startswith("toc"):
        return 0, False, True
    for _ in range(4):  # a partnership's own "SEF Heading" based on Heading 1 is a heading
        name = (getattr(style, "name", "") or style_id).lower()
        if name == "title":
            return 1, bold, False
        if name.startswith("heading ") and name[8:].strip().isdigit():
            return min(max(int(name[8:]), 1), 9), bold, False
        style = getattr(style, "base_style", None)
        if style is None:
            break
    return 0, bold, False


def _text_of(element: object) -> str:
    """The paragraph's words: text, tabs and breaks, with hyperlinks and fields' results."""
    parts: list[str] = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):  # type: ignore[attr-defined]
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _all_bold(element: object) -> bool:
    runs = [
        r
        for r in element.iter(f"{W}r")  # type: ignore[attr-defined]
        if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()
    ]
    if not runs:
        return False
    for run in runs:
        properties = run.find(f"{W}rPr")
        bold = properties.find(f"{W}b") if properties is not None else None
        if bold is None or bold.get(f"{W}val") in ("0", "false"):
            return False
    return True


def _is_listed(element: object, style_id: str) -> bool:
    properties = element.find(f"{W}pPr")  # type: ignore[attr-defined]
    if properties is not None and properties.find(f"{W}numPr") is not None:
        return True
    return "list" in style_id.lower()
