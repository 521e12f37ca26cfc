"""The document pipeline's primitives: what every published document is made of.

A document (the pack, the progress report, the sign-off, the summary for parents, the brief) is
a model built from services, then composed into these blocks, then rendered by one back-end per
format (`pdf_blocks.py`, `docx_blocks.py`). The blocks hold plain text only: markup, escaping,
right-to-left ordering and fonts are each back-end's job, so user text shows exactly as typed
in every format and a new document never needs a renderer of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from selfeval.pack.model import GroupSummary, IndicatorLine, Rating, RiskLine

TextStyle = Literal["body", "muted", "small", "lead", "title", "subtitle"]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    """1 a section (in the contents and the PDF outline), 2 a subsection, 3 a minor heading."""
    in_contents: bool = True
    key: str = ""
    """A stable name for the PDF bookmark (made of safe characters); numbered when empty."""


@dataclass(frozen=True)
class Para:
    text: str
    style: TextStyle = "body"
    italic: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    empty: str = "None."
    """What is written when there are no items (a list is never silently missing)."""
    links: tuple[str, ...] = ()
    """Per item, the anchor its first word links to in the PDF ("" for none)."""


@dataclass(frozen=True)
class RatedBullets:
    """Bullets each with an optional rating (chip and word) and note after the text."""

    items: tuple[tuple[str, Rating | None, str], ...]


@dataclass(frozen=True)
class RatingLine:
    """A rating as its colour chip *and* its word: never colour alone."""

    rating: Rating | None
    label: str = "Rating"


@dataclass(frozen=True)
class Chip:
    """A rating inside a table cell."""

    rating: Rating | None


@dataclass(frozen=True)
class Swatch:
    """A coloured square and its word (a risk rating): the word is always there."""

    label: str
    colour: str


@dataclass(frozen=True)
class Coloured:
    """A figure with a coloured word under it ("35.1%" / "we are worse")."""

    text: str
    word: str
    colour: str


@dataclass(frozen=True)
class CellText:
    """A cell's title in bold, further lines, and a muted note; `anchor` names a link target."""

    title: str
    lines: tuple[str, ...] = ()
    note: str = ""
    anchor: str = ""


Cell = str | Chip | Swatch | Coloured | CellText


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths (they are scaled to the page)."""
    empty: str = "None."


@dataclass(frozen=True)
class KeyValues:
    """Label and value pairs, such as a cover's details or a signatory's name and role."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SignatureLines:
    """Room to sign by hand on a printed copy: one line per signatory."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class Spacer:
    height_mm: float = 6


@dataclass(frozen=True)
class PageBreak:
    if_not_empty: bool = False
    """Only when something is on the page already (never a blank page)."""


@dataclass(frozen=True)
class Box:
    """Blocks framed together (the likely-outcome note); Word shows them under their title."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Image:
    """A checked PNG or JPEG (a logo), at most 60 x 25 mm."""

    data: bytes
    alt: str = "Logo"
    """What a screen reader says for it (the PDF's Figure, the Word picture's description)."""


@dataclass(frozen=True)
class RatingsChart:
    """Criteria by rating in each group: bars with counts and a legend naming every rating."""

    scale: tuple[Rating, ...]
    groups: tuple[GroupSummary, ...]


@dataclass(frozen=True)
class TrendChart:
    indicator: IndicatorLine


@dataclass(frozen=True)
class HeatMap:
    risks: tuple[RiskLine, ...]
    bands: tuple[tuple[int, str, str], ...]


ChangeKind = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class ChangedText:
    """Words of two versions of a text in one paragraph: removed words struck through, added
    words underlined and bold (marks, not colour alone; the document says so in words)."""

    runs: tuple[tuple[ChangeKind, str], ...]


Runs = tuple[tuple[Literal["plain", "bold", "italic"], str], ...]
"""The partnership's words with their bold and italic (selfeval/written_text.py's runs)."""


@dataclass(frozen=True)
class Written:
    """A paragraph the partnership wrote, with its bold and italic words (documents/written.py)."""

    runs: Runs


@dataclass(frozen=True)
class ListItems:
    """A bulleted or numbered list the partnership wrote, each item with its own runs."""

    items: tuple[Runs, ...]
    numbered: bool = False


Chart = RatingsChart | TrendChart | HeatMap
"""Charts are drawn in the PDF; the Word document carries the same figures in its tables."""

Block = (
    Heading
    | Para
    | Bullets
    | RatedBullets
    | RatingLine
    | ChangedText
    | Written
    | ListItems
    | Table
    | KeyValues
    | SignatureLines
    | Spacer
    | PageBreak
    | Box
    | Image
    | RatingsChart
    | TrendChart
    | HeatMap
)


DRAWN_BY: dict[type, str] = {
    Heading: "heading",
    Para: "para",
    Bullets: "bullets",
    RatedBullets: "rated_bullets",
    RatingLine: "rating_line",
    Written: "written",
    ListItems: "list_items",
    ChangedText: "changed_text",
    Table: "table",
    KeyValues: "key_values",
    SignatureLines: "signature_lines",
    Spacer: "spacer",
    Box: "box",
    Image: "image",
    RatingsChart: "chart",
    TrendChart: "chart",
    HeatMap: "chart",
    PageBreak: "page_break",
}
"""The method each back-end (pdf_blocks.BlockStory, docx_blocks.WordBlocks) draws a kind of
block with: declared once, for both; a test holds it to every kind of `Block`."""


@dataclass(frozen=True)
class Document:
    title: str
    subject: str
    author: str
    marking: str = ""
    draft: bool = False
    blocks: tuple[Block, ...] = field(default=())
    contents: bool = False
    """A contents list after the first page break (PDF: with page numbers; Word: a field)."""


def counted_heading(text: str, count: int) -> str:
    """'Actions completed (3)': the count beside a list's heading, in every format."""
    return f"{text} ({count})"
