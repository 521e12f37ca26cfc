"""Numbers a page shows before they are known: "page N of M" and the contents' page numbers.

Both depend on the finished layout. Laying the document out twice to learn them (as reportlab's
`multiBuild` does) doubles the cost of the largest packs, and remembering the first pass's
layout for the second holds the whole document in memory. Instead each such number is drawn as
a PDF form (an XObject) that is referenced where the number goes and defined once the last page
is known: one pass, and a page's layout is dropped once the page is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class ContentsSlot:
    """Where a contents line's dots and page number go, in the coordinates it was drawn in."""

    key: str
    x: float
    y: float
    right: float
    font: str
    size: float
    colour: Color


@dataclass(frozen=True)
class FooterSlot:
    page: int
    right: float
    y: float
    font: str
    size: float
    colour: Color


class LateNumbers:
    """The forms a document refers to before their numbers are known, defined at the end."""

    def __init__(self) -> None:
        self.heading_pages: dict[str, int] = {}
        self.contents: list[ContentsSlot] = []
        self.footers: list[FooterSlot] = []

    def heading_placed(self, key: str, page: int) -> None:
        self.heading_pages.setdefault(key, page)

    def contents_number(self, canvas: Canvas, slot: ContentsSlot) -> None:
        """Refer to the line's number here; it is drawn when the document ends. The line links
        to its heading from here, since a form cannot carry a link."""
        name = f"contents-{len(self.contents)}"
        self.contents.append(slot)
        canvas.doForm(name)
        height = slot.size * 1.2
        canvas.linkRect("", slot.key, (slot.x, slot.y - 2, slot.right, slot.y + height), relative=1)

    def page_of_total(self, canvas: Canvas, slot: FooterSlot) -> None:
        canvas.doForm(f"page-{slot.page}")
        self.footers.append(slot)

    def define(self, canvas: Canvas, total_pages: int) -> None:
        """Draw every late number, now that the last page is known."""
        for number, slot in enumerate(self.contents):
            page = self.heading_pages.get(slot.key)
            with _form(canvas, f"contents-{number}"):
                _dots_and_number(canvas, slot, str(page) if page else "")
        for footer in self.footers:
            with _form(canvas, f"page-{footer.page}"):
                canvas.setFont(footer.font, footer.size)
                canvas.setFillColor(footer.colour)
                canvas.drawRightString(
                    footer.right, footer.y, f"page {footer.page} of {total_pages}"
                )


class _form:
    """A form whose box is wide enough for any place it is used (its content is not clipped)."""

    def __init__(self, canvas: Canvas, name: str) -> None:
        self.canvas, self.name = canvas, name

    def __enter__(self) -> None:
        width, height = self.canvas._pagesize
        self.canvas.beginForm(self.name, -width, -height, 2 * width, 2 * height)

    def __exit__(self, *_exc: object) -> None:
        self.canvas.endForm()


def _dots_and_number(canvas: Canvas, slot: ContentsSlot, number: str) -> None:
    """A dotted leader from the end of the title to the page number at the right edge, as
    reportlab's contents draws it."""
    dot = " . "
    size = slot.size
    number_width = stringWidth(number, slot.font, size)
    dot_width = stringWidth(dot, slot.font, size)
    dots = max(0, int((slot.right - slot.x - number_width) / dot_width))
    text = canvas.beginText(slot.right - dots * dot_width - number_width, slot.y)
    text.setFont(slot.font, size)
    text.setFillColor(slot.colour)
    text.textLine(dots * dot + number)
    canvas.drawText(text)
