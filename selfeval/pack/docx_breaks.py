"""Page breaks that never leave a blank page in the Word document.

A page break written as a paragraph of its own lands on a fresh page whenever the text before
it fills the page exactly, and Word then shows an empty page (two in a 31-page pack). Each such
paragraph is turned into "page break before" on the paragraph that follows it, which starts a
page only when it is not already at the top of one; a break with nothing after it, or straight
after another break, is dropped.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

PARAGRAPH, RUN, BREAK = qn("w:p"), qn("w:r"), qn("w:br")


def _is_break_alone(element: BaseOxmlElement) -> bool:
    """A paragraph whose only content is a page break (what add_page_break writes)."""
    if element.tag != PARAGRAPH:
        return False
    runs = element.findall(RUN)
    breaks = [b for r in runs for b in r.findall(BREAK) if b.get(qn("w:type")) == "page"]
    words = "".join(t.text or "" for t in element.iter(qn("w:t")))
    return len(breaks) == 1 and not words and len(runs) == 1


def breaks_before_what_follows(document: DocxDocument) -> int:
    """Move every lone page break onto what follows it; returns how many were moved."""
    body = document.element.body
    moved = 0
    for element in list(body):
        if element.getparent() is not body or not _is_break_alone(element):
            continue
        following = element.getnext()
        while following is not None and _is_break_alone(following):
            body.remove(following)
            following = element.getnext()
        if following is None or following.tag != PARAGRAPH:
            if following is None or following.tag == qn("w:sectPr"):
                body.remove(element)  # nothing after it: no page to start
            continue  # a table follows: keep the break as it is
        # python-docx's own setter keeps the schema's order of paragraph properties
        Paragraph(following, document._body).paragraph_format.page_break_before = True
        body.remove(element)
        moved += 1
    return moved
