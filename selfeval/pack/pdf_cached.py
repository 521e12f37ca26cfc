"""Paragraphs and tables that remember their layout for a width.

A table measures its cells when it is wrapped and again when it is split or drawn; breaking the
same text at the same width again is most of reportlab's work.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph, Table


class CachedParagraph(Paragraph):
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
    def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803
        key = (availWidth, availHeight)
        if self.__dict__.get("_calculated_for") != key:
            super()._calc(availWidth, availHeight)
            self._calculated_for = key
