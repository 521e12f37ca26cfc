"""Flowables that exist for the structure of a tagged PDF: marks that open and close a section
or a list around what the story draws between them, and a figure (a chart, a logo) with the
words a screen reader says instead."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from selfeval.pack.pdf_tags import Tag, Tagger, tagged_draw


class Opens(Flowable):
    """Takes no room: what the story draws from here to its `Closes` belongs to `tag`.

    A frame action, not a drawing: a mark that took even no room would count as something on
    the page (a page break after it would leave the page blank) and, at a full page's foot,
    would be carried over to the next."""

    def __init__(self, tag: Tag | None) -> None:
        super().__init__()
        self.tag = tag
        self.width = self.height = 0

    def frameAction(self, _frame: Any) -> None:  # noqa: N802 (reportlab's name)
        self.draw()

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0  # inside a table cell, where there is no frame: drawn in its turn

    def draw(self) -> None:
        tags: Tagger | None = getattr(self.canv, "tags", None)
        if tags is None:
            return
        if self.tag is None:
            tags.pop()
        else:
            tags.push(self.tag)


class Closes(Opens):
    def __init__(self) -> None:
        super().__init__(None)


class Figure(Flowable):
    """A drawing or an image as a Figure element with its alternative text and its box."""

    def __init__(self, inner: Flowable, alt: str) -> None:
        super().__init__()
        self.inner = inner
        self.tag = Tag("Figure", alt=alt)
        self.hAlign = getattr(inner, "hAlign", "LEFT")
        self.spaceBefore = getattr(inner, "spaceBefore", 0)
        self.spaceAfter = getattr(inner, "spaceAfter", 0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(available_width, available_height)
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        left = self._hAlignAdjust(x, _sW)
        box = f"{left:.1f} {y:.1f} {left + self.width:.1f} {y + self.height:.1f}"
        self.tag.attributes = f" /A << /O /Layout /BBox [{box}] >>"
        tagged_draw(canvas, self.tag, lambda: self.inner.drawOn(canvas, x, y, _sW))
