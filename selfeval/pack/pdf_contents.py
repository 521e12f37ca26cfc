"""The contents list of a PDF: titles linking to their headings, dotted to late page numbers.

The entries are known before layout (the document's level-1 and level-2 headings), so the list
takes its final size at once; only the page numbers wait for the end (`pdf_late.py`). In the
structure it is a TOC whose entries (TOCI) each hold their line, number and links.
"""

from __future__ import annotations

from ast import literal_eval
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from selfeval.pack.pdf_cached import CachedParagraph, CachedTable
from selfeval.pack.pdf_late import ContentsSlot, LateNumbers
from selfeval.pack.pdf_table_tags import LayoutTable
from selfeval.pack.pdf_tags import Tag


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
        self.tag = Tag("TOC")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
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
        self._table = self._lines(availWidth)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def _lines(self, width: float) -> CachedTable:
        """reportlab's own table of entries, each line a tagged entry of the list."""
        rows: list[list[Any]] = []
        for level, text, _page, key in self._lastEntries:
            style = self.getLevelStyle(level)
            label = repr(key).replace(",", "\\x2c").replace('"', "\\x2c")
            line = CachedParagraph(
                f'<a href="#{key}">{text}</a>'
                f'<onDraw name="drawTOCEntryEnd" label="0,{level},{label}"/>',
                style,
            )
            line.tag = Tag("TOCI")
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([line])
        table = CachedTable(rows, colWidths=(width,), style=self.tableStyle, renderCB=LayoutTable())
        table.tag = self.tag
        return table

    def isSatisfied(self) -> bool:  # noqa: N802 (reportlab's name)
        return True

    def notify(self, kind: str, _stuff: object) -> None:
        """The entries were given up front; headings placed are told to `LateNumbers`."""
