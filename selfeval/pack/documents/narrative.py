"""A narrative field as document blocks: its paragraphs as paragraphs and its lists as lists.

Text kept in a field is plain: paragraphs apart by a blank line, a list's items one to a line,
each starting with a bullet ("•", "-" or "*"), as typed on the criterion page or brought in from
a Word self-evaluation. Printed as one paragraph, a list ran together; here each list becomes a
real list (a Word list in the Word pack), so the partnership's document comes out as it went in.
"""

from __future__ import annotations

import re

from selfeval.pack.blocks import Block, Bullets, Para

_ITEM = re.compile(r"^\s*[\u2022\-*]\s+")


def narrative(text: str) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = paragraph.split("\n")
        items: list[str] = []
        prose: list[str] = []
        for line in lines:
            if _ITEM.match(line):
                if prose:
                    blocks.append(Para("\n".join(prose)))
                    prose = []
                items.append(_ITEM.sub("", line).strip())
            else:
                if items:
                    blocks.append(Bullets(tuple(items)))
                    items = []
                prose.append(line)
        if items:
            blocks.append(Bullets(tuple(items)))
        if prose and "\n".join(prose).strip():
            blocks.append(Para("\n".join(prose)))
    return blocks
