"""The floor for a PDF document: bare reportlab building the same text as plain paragraphs.

Every heading, paragraph, bullet and table cell of the composed document becomes one full-width
`Paragraph` with the same markup, built once by `SimpleDocTemplate`: no tables, no contents,
no "page N of M", no bookmarks. Issue 16 sets the pack's goal against this floor.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from selfeval.pack.blocks import (
    Box,
    Bullets,
    ChangedText,
    Document,
    Heading,
    KeyValues,
    Para,
    RatedBullets,
    RatingLine,
    Table,
)
from selfeval.pack.pdf_blocks import cell_markup
from selfeval.pack.pdf_doc import MARGIN
from selfeval.pack.pdf_style import safe, styles


def plain_texts(document: Document) -> list[str]:
    """The document's text as paragraph markup, in order."""
    texts: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading | Para):
            texts.append(safe(block.text))
        elif isinstance(block, Bullets):
            texts += [safe(item) for item in block.items]
        elif isinstance(block, RatedBullets):
            texts += [safe(text) for text, _rating, _note in block.items]
        elif isinstance(block, RatingLine):
            texts.append(safe(block.label))
        elif isinstance(block, ChangedText):
            texts.append(safe("".join(text for _kind, text in block.runs)))
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                texts += [cell_markup(cell) for cell in row]
        elif isinstance(block, KeyValues):
            texts += [safe(f"{k} {v}") for k, v in block.rows]
        elif isinstance(block, Box):
            texts += plain_texts(Document("", "", "", blocks=block.blocks))
    return texts


def build_plain(texts: list[str], path: Path) -> None:
    style = styles()["body"]
    story: list[Flowable] = [Paragraph(text, style) for text in texts]
    SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
    ).build(story)
