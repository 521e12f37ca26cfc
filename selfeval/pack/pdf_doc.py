"""The PDF document machinery: pages with running header and footer, bookmarks, page totals.

"page N of M" and the contents need the finished layout, so the document is built twice. The
first pass only lays out (nothing is drawn) to learn the page numbers; the second draws. The
contents table is seeded with its final entries so both passes lay out the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table
from reportlab.platypus.doctemplate import IndexingFlowable

from selfeval.pack.pdf_style import FONT, FONT_BOLD, MUTED, RULE, safe
from selfeval.pack.text import clean

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm


class CachedParagraph(Paragraph):
    """A paragraph that remembers its line breaks for a width.

    The document is laid out twice (see the module's note) and tables wrap their cells more than
    once; breaking the same text at the same width again is most of reportlab's work.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        cache: dict[float, tuple[Any, list[float], float]] = self.__dict__.setdefault("_wraps", {})
        hit = cache.get(availWidth)
        if hit is not None:
            self.blPara, self._wrapWidths, self.height = hit
            self.width = availWidth
            return availWidth, self.height
        width, height = super().wrap(availWidth, availHeight)
        cache[availWidth] = (self.blPara, self._wrapWidths, self.height)
        return width, height


class CachedTable(Table):
    """A table that remembers its sizes and its page splits, for the same reason.

    The second pass meets each table at the same place with the same room, so the pieces it was
    split into in the first pass (not yet drawn) are the pieces to draw.
    """

    def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803
        key = (availWidth, availHeight)
        if self.__dict__.get("_calculated_for") != key:
            super()._calc(availWidth, availHeight)
            self._calculated_for = key

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        cache: dict[tuple[float, float], list[Flowable]] = self.__dict__.setdefault("_splits", {})
        key = (availWidth, availHeight)
        if key not in cache:
            cache[key] = super().split(availWidth, availHeight)
        return list(cache[key])


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


class PageCount(IndexingFlowable):
    """Satisfied once two passes agree on the number of pages (for "page N of M")."""

    def __init__(self, doc: PackDocument) -> None:
        super().__init__()
        self.doc = doc
        self.previous = -1

    def beforeBuild(self) -> None:  # noqa: N802 (reportlab's name)
        self.previous = self.doc.total_pages

    def afterBuild(self) -> None:  # noqa: N802 (reportlab's name)
        self.doc.total_pages = self.doc.page

    def isSatisfied(self) -> bool:  # noqa: N802 (reportlab's name)
        return self.previous == self.doc.total_pages

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class PassState:
    """Which pass the build is in; shared by the document and its frames (a plain object, as
    reportlab deep-copies frames to measure KeepTogether groups)."""

    def __init__(self) -> None:
        self.layout_only = True


class LayoutFrame(Frame):
    """A frame that, in the layout-only pass, places flowables without drawing them."""

    def __init__(self, state: PassState, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.state = state

    def _add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> int:  # noqa: N803
        if not self.state.layout_only:
            return int(super()._add(flowable, canv, trySplit))
        # object.__setattr__: reportlab's Drawing refuses attributes it does not know
        object.__setattr__(flowable, "drawOn", _no_draw)
        try:
            return int(super()._add(flowable, canv, trySplit))
        finally:
            object.__delattr__(flowable, "drawOn")

    add = _add  # reportlab's Frame binds `add = _add` itself; rebind to ours


def _no_draw(*_args: Any, **_kwargs: Any) -> None:
    return None


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
        progress: Callable[[str], None] | None = None,
    ) -> None:
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
        )
        self.pack_title, self.marking, self.draft = title, marking, draft
        self.total_pages = 0
        self.state = PassState()
        self.passes = 0
        self.on_flowable = progress
        frame = LayoutFrame(
            self.state, self.leftMargin, self.bottomMargin, self.width, self.height, id="body"
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._decorate),
                PageTemplate("body", [frame], onPage=self._decorate),
            ]
        )

    def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
        self.state.layout_only = self.passes == 0
        self.passes += 1
        super().build(flowables, *args, **kwargs)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, Bookmark) and flowable.in_contents:
            # The contents table parses its entries as markup: give it escaped text.
            self.notify("TOCEntry", (flowable.level, safe(flowable.title), self.page, flowable.key))
        if self.on_flowable is not None:
            self.on_flowable(type(flowable).__name__)

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Marking at top and bottom, title, "page N of M", and a DRAFT watermark."""
        if self.state.layout_only:
            return
        canvas.saveState()
        if self.draft:
            canvas.setFont(FONT_BOLD, 96)
            canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.28))
            canvas.translate(PAGE_W / 2, PAGE_H / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -30, "DRAFT")
            canvas.rotate(-50)
            canvas.translate(-PAGE_W / 2, -PAGE_H / 2)
        canvas.setFillColor(MUTED)
        if self.marking:
            canvas.setFont(FONT_BOLD, 8.5)
            canvas.drawCentredString(PAGE_W / 2, PAGE_H - 12 * mm, self.marking)
            canvas.drawCentredString(PAGE_W / 2, 9 * mm, self.marking)
        canvas.setFont(FONT, 8)
        title = self.pack_title if len(self.pack_title) < 90 else self.pack_title[:87] + "..."
        canvas.drawString(MARGIN, 14 * mm, title)
        total = self.total_pages or "?"
        canvas.drawRightString(PAGE_W - MARGIN, 14 * mm, f"page {doc.page} of {total}")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 17 * mm, PAGE_W - MARGIN, 17 * mm)
        canvas.restoreState()
