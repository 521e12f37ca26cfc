"""Paragraphs and tables that remember their layout for a width, and their place in the
structure of a tagged PDF.

A table measures its cells when it is wrapped and again when it is split or drawn; breaking the
same text at the same width again is most of reportlab's work. Each carries its `Tag`
(`pdf_tags.py`) and hands it to the pieces a page end splits it into.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph, Table

from selfeval.pack.pdf_tags import Tag, tagged_draw


class KeepsTag:
    """A flowable whose pieces, when a page end splits it, are still its structure element."""

    tag: Tag | None = None

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        pieces: list[Any] = super().split(availWidth, availHeight)  # type: ignore[misc]
        for piece in pieces:
            piece.tag = self.tag
        return pieces


class CachedParagraph(KeepsTag, Paragraph):
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

    def _drawOn(self, canv: Any) -> None:  # noqa: N802 (reportlab's name)
        tagged_draw(canv, self.tag, lambda: Paragraph._drawOn(self, canv), bool(self.bulletText))


class CachedTable(KeepsTag, Table):
    """Its tag makes a layout box (Div) or the contents (TOC); a data table's rows and cells
    are tagged by its drawing callback (`pdf_table_tags.py`)."""

    def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803
        key = (availWidth, availHeight)
        if self.__dict__.get("_calculated_for") != key:
            super()._calc(availWidth, availHeight)
            self._calculated_for = key

    def _drawOn(self, canv: Any) -> None:  # noqa: N802 (reportlab's name)
        tagged_draw(canv, self.tag, lambda: Table._drawOn(self, canv))
