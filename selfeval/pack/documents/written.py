"""The partnership's written pages as document blocks: their headings as headings, their lists
as lists, their bold and italic words as such (the format: selfeval/written_text.py)."""

from __future__ import annotations

from selfeval.pack.blocks import Block, Heading, ListItems, Written
from selfeval.written_text import parts, runs

__all__ = ["runs", "written"]


def written(text: str, top: int = 2) -> list[Block]:
    """Blocks for a written page; its "#" headings start at level `top` (under the section's
    own heading)."""
    blocks: list[Block] = []
    for part in parts(text):
        if part.kind == "heading":
            words = "".join(text for _kind, text in part.runs)
            blocks.append(Heading(words, min(top + part.depth - 1, 4), in_contents=False))
        elif part.kind == "list":
            blocks.append(ListItems(part.items, part.numbered))
        else:
            blocks.append(Written(part.runs))
    return blocks
