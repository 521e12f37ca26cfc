"""The pack's "Our area" section: the partnership's foreword and its context, as written (its
headings, lists, bold and italic: documents/written.py)."""

from __future__ import annotations

from selfeval.pack.blocks import Block, Heading
from selfeval.pack.documents.written import written


def our_area_blocks(foreword: str, context: str) -> list[Block]:
    blocks: list[Block] = [Heading("Our area", 1, in_contents=False)]
    if foreword.strip():
        blocks += [Heading("Foreword", 2, in_contents=False), *written(foreword, top=3)]
    if context.strip():
        blocks += [Heading("Our local area", 2, in_contents=False), *written(context, top=3)]
    return blocks
