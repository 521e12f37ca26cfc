"""The PDF document machinery: pages with running header and footer, bookmarks, page totals.

One pass: "page N of M" and the contents' page numbers are forms defined when the last page is
known (`pdf_late.py`), and long runs of content are made as the pages reach them
(`pdf_rows.py`), so a page's layout is dropped once it is written and the cost of a page does
not depend on how many came before it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from selfeval.pack.pdf_canvas import TaggingCanvas
from selfeval.pack.pdf_late import FooterSlot, LateNumbers
from selfeval.pack.pdf_rows import Unfolding
from selfeval.pack.pdf_style import FONT, FONT_BOLD, MUTED, RULE
from selfeval.pack.pdf_tags import PAGINATION, Tagger
from selfeval.pack.pdf_tree import prepare_structure
from selfeval.pack.text import clean

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm


class Cancelled(Exception):
    """Raised inside a build when the user cancels; the caller removes the partial file."""


class Bookmark(Flowable):
    """An invisible mark: a PDF outline entry and a contents line for the heading after it."""

    _ZEROSIZE = True

    def __init__(self, key: str, title: str, level: int, in_contents: bool = True) -> None:
        super().__init__()
        self.key, self.title, self.level, self.in_contents = key, title, level, in_contents
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(
            clean(self.title), self.key, level=self.level, closed=self.level > 0
        )


class PackDocument(BaseDocTemplate):
    def __init__(
        self,
        target: Any,
        *,
        title: str,
        marking: str,
        draft: bool,
        author: str,
        subject: str,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """`progress` is told how many units (rows, items, blocks) each placed flowable held."""
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 6 * mm,
            bottomMargin=MARGIN,
            title=title,
            author=author,
            subject=subject,
            creator="selfeval",
            initialFontName=FONT,  # so no page refers to an unembedded Helvetica
            # a reader's language and the window's title are the document's own (PDF/UA)
            lang="en-GB",
            displayDocTitle=True,
        )
        self.pack_title, self.marking, self.draft = title, marking, draft
        self.late = LateNumbers()
        self.tags = Tagger()
        self.on_placed = progress
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._decorate),
                PageTemplate("body", [frame], onPage=self._decorate),
            ]
        )

    def build(self, flowables: list[Flowable]) -> None:
        """Drawn on a canvas that records the structure as it draws (a tagged PDF)."""
        super().build(flowables, canvasmaker=partial(TaggingCanvas, tags=self.tags))

    def filterFlowables(self, flowables: list[Flowable | None]) -> None:  # noqa: N802
        """Long runs are made when the document reaches them, a batch at a time."""
        while flowables and isinstance(flowables[0], Unfolding):
            flowables[0:1] = flowables[0].unfold()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, Bookmark) and flowable.in_contents:
            self.late.heading_placed(flowable.key, self.page)
        if self.on_placed is not None:
            self.on_placed(int(getattr(flowable, "units", 1)))

    def _endBuild(self) -> None:  # noqa: N802 (reportlab's name)
        """The last page is out: define the numbers that waited for it, then save."""
        self._doSave = 0
        super()._endBuild()
        self.late.define(self.canv, self.page)
        prepare_structure(self.canv, self.title, self.author, self.subject)
        self.canv.save()

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Marking at top and bottom, title, "page N of M", and a DRAFT watermark: page
        furniture, marked as artifacts so a screen reader reads the document, not them."""
        canvas.saveState()
        if self.draft:
            with self.tags.artifact(canvas, PAGINATION.format("Watermark")):
                _watermark(canvas)
        canvas.setFillColor(MUTED)
        if self.marking:
            canvas.setFont(FONT_BOLD, 8.5)
            with self.tags.artifact(canvas, PAGINATION.format("Header")):
                canvas.drawCentredString(PAGE_W / 2, PAGE_H - 12 * mm, self.marking)
        with self.tags.artifact(canvas, PAGINATION.format("Footer")):
            if self.marking:
                canvas.drawCentredString(PAGE_W / 2, 9 * mm, self.marking)
            canvas.setFont(FONT, 8)
            title = self.pack_title if len(self.pack_title) < 90 else self.pack_title[:87] + "..."
            canvas.drawString(MARGIN, 14 * mm, title)
            footer = FooterSlot(doc.page, PAGE_W - MARGIN, 14 * mm, FONT, 8, MUTED)
            self.late.page_of_total(canvas, footer)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, 17 * mm, PAGE_W - MARGIN, 17 * mm)
        canvas.restoreState()


def _watermark(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.setFont(FONT_BOLD, 96)
    canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.28))
    canvas.translate(PAGE_W / 2, PAGE_H / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -30, "DRAFT")
    canvas.restoreState()
