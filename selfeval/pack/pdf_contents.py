"""The contents list of a PDF: titles linking to their headings, dotted to late page numbers.

The entries are known before layout (the document's level-1 and level-2 headings), so the list
takes its final size at once; only the page numbers wait for the end (`pdf_late.py`).
"""

from __future__ import annotations

from ast import literal_eval
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.tableofcontents import TableOfContents

from selfeval.pack.pdf_late import ContentsSlot, LateNumbers


class Contents(TableOfContents):
    def __init__(
        self,
        entries: list[tuple[int, str, str]],
        late: LateNumbers,
        level_styles: list[ParagraphStyle],
        **kwargs: Any,
    ) -> None:
        """`entries`: (level from 0, escaped title markup, bookmark key)."""
        super().__init__(levelStyles=level_styles, dotsMinLevel=0, **kwargs)
        self.late = late
        self._lastEntries = [(level, text, 0, key) for level, text, key in entries]
        self._entries = list(self._lastEntries)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        size: tuple[float, float] = super().wrap(availWidth, availHeight)

        def line_end(canvas: Canvas, _kind: str, label: str) -> None:
            parts = label.split(",")
            level, key = int(parts[1]), str(literal_eval(parts[2]))
            style = self.getLevelStyle(level)
            where = canvas._curr_tx_info
            self.late.contents_number(
                canvas,
                ContentsSlot(
                    key=key,
                    x=where["cur_x"],
                    y=where["cur_y"],
                    right=availWidth,
                    font=style.fontName,
                    size=style.fontSize,
                    colour=style.textColor,
                ),
            )

        # reportlab's entries call this name when drawn; ours defers the page number
        self.canv.setNamedCB("drawTOCEntryEnd", line_end)
        return size

    def isSatisfied(self) -> bool:  # noqa: N802 (reportlab's name)
        return True

    def notify(self, kind: str, _stuff: object) -> None:
        """The entries were given up front; headings placed are told to `LateNumbers`."""
