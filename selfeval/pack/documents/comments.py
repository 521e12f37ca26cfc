"""The pack's optional appendix: each criterion's comment thread, as the partners wrote it."""

from __future__ import annotations

from selfeval.pack.blocks import Block, Heading, Para
from selfeval.pack.model import CommentThread


def comments_blocks(threads: tuple[CommentThread, ...]) -> list[Block]:
    blocks: list[Block] = [Heading("Appendix: comments", 1, in_contents=False)]
    if not threads:
        return [*blocks, Para("No criterion has comments.", italic=True)]
    blocks.append(
        Para(
            "The review conversation on each criterion, oldest first, as written by the "
            "partners (included at the request of whoever exported this pack).",
            "muted",
        )
    )
    for thread in threads:
        blocks.append(Heading(f"{thread.number}. {thread.title}", 3))
        for comment in thread.comments:
            who = (
                f"{comment.author} ({comment.organisation})"
                if comment.organisation
                else (comment.author)
            )
            when = comment.written.astimezone().strftime("%d %b %Y %H:%M")
            blocks.append(Para(f"{who}, {when}:", "muted"))
            blocks.append(Para(comment.text))
    return blocks
