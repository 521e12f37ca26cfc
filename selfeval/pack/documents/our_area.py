"""The pack's "Our area" section: the partnership's foreword and its context, as written."""

from __future__ import annotations

from selfeval.pack.blocks import Block, Heading, Para


def our_area_blocks(foreword: str, context: str) -> list[Block]:
    blocks: list[Block] = [Heading("Our area", 1, in_contents=False)]
    if foreword.strip():
        blocks += [Heading("Foreword", 2, in_contents=False), Para(foreword)]
    if context.strip():
        blocks += [Heading("Our local area", 2, in_contents=False), Para(context)]
    return blocks
