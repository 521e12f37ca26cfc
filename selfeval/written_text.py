"""The small, safe text format the partnership writes its own pages in (the executive summary,
"Our area"): a subset of Markdown a board paper's author already knows.

    # A heading            ## A smaller heading          ### Smaller still
    - a bullet (or * or •)  1. a numbered item            a blank line between paragraphs
    **bold**   *italic* (or _italic_)

Nothing else is interpreted: a link, a table, HTML or any other mark is kept exactly as typed
(never run, never dropped). Parsed here once; the documents print it (pack/documents/written.py)
and the app previews it (ui/widgets/written_preview.py) from the same parts, so what the author
sees is what the reader gets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

TextRun = tuple[Literal["plain", "bold", "italic"], str]
Runs = tuple[TextRun, ...]

_HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*\u2022]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_INLINE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")


@dataclass(frozen=True)
class Part:
    """A heading (`depth` 1 to 3), a paragraph, or a list (bulleted or numbered)."""

    kind: Literal["heading", "paragraph", "list"]
    runs: Runs = ()
    depth: int = 0
    items: tuple[Runs, ...] = ()
    numbered: bool = False


def runs(text: str) -> Runs:
    """A line's words as runs: **bold**, *italic* and _italic_ marked, the rest as typed."""
    out: list[TextRun] = []
    at = 0
    for match in _INLINE.finditer(text):
        if match.start() > at:
            out.append(("plain", text[at : match.start()]))
        if match.group(1) is not None:
            out.append(("bold", match.group(1)))
        else:
            out.append(("italic", match.group(2)))
        at = match.end()
    if at < len(text):
        out.append(("plain", text[at:]))
    return tuple(out)


class _Reader:
    def __init__(self) -> None:
        self.parts: list[Part] = []
        self.paragraph: list[str] = []
        self.items: list[Runs] = []
        self.numbered = False

    def end_paragraph(self) -> None:
        if self.paragraph:
            words = " ".join(line.strip() for line in self.paragraph)
            self.parts.append(Part("paragraph", runs(words)))
            self.paragraph = []

    def end_list(self) -> None:
        if self.items:
            self.parts.append(Part("list", items=tuple(self.items), numbered=self.numbered))
            self.items = []

    def item(self, text: str, numbered: bool) -> None:
        self.end_paragraph()
        if self.items and numbered != self.numbered:
            self.end_list()
        self.numbered = numbered
        self.items.append(runs(text.strip()))

    def line(self, line: str) -> None:
        heading, bullet, number = _HEADING.match(line), _BULLET.match(line), _NUMBERED.match(line)
        if not line.strip() or heading:
            self.end_paragraph()
            self.end_list()
            if heading:
                self.parts.append(Part("heading", runs(heading.group(2)), len(heading.group(1))))
        elif number:
            self.item(number.group(2), True)
        elif bullet:
            self.item(bullet.group(1), False)
        else:
            self.end_list()
            self.paragraph.append(line)


def parts(text: str) -> list[Part]:
    reader = _Reader()
    for line in text.replace("\r\n", "\n").split("\n"):
        reader.line(line)
    reader.end_paragraph()
    reader.end_list()
    return reader.parts
