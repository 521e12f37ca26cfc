"""The Word document's contents, written filled in.

A bare TOC field shows nothing until someone knows to press F9, so a reader opening the pack
saw an empty "Contents" page. The field is written with its result already in place: one line
per heading (levels 1 and 2), each a link to a bookmark on its heading. Word and LibreOffice
show those lines as they are; Word adds page numbers when the field is updated, and the
field's code is the one Word itself writes, so its own update replaces our lines cleanly.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm
from docx.text.paragraph import Paragraph as DocxParagraph

TOC_CODE = 'TOC \\o "1-2" \\h \\z \\u'
LEVELS = {"Heading 1": 1, "Heading 2": 2}


def _field_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _run_of(*children: BaseOxmlElement) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    for child in children:
        run.append(child)
    return run


def _bookmark(paragraph: DocxParagraph, number: int) -> str:
    """A bookmark around the heading's words, named as Word names its own contents' targets."""
    name = f"_Toc{number:08d}"
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)
    return name


def _entry_link(anchor: str, text: str) -> BaseOxmlElement:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    words = OxmlElement("w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = text
    link.append(_run_of(words))
    return link


def place_contents(document: DocxDocument) -> None:
    """The heading and an empty field; `fill_contents` writes its lines once every heading is
    in the document."""
    document.add_heading("Contents", level=1)
    paragraph = document.add_paragraph()
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {TOC_CODE} "
    paragraph._p.append(_run_of(_field_char("begin"), instruction, _field_char("separate")))
    paragraph._p.append(_run_of(_field_char("end")))
    note = document.add_paragraph(
        "Each line is a link to its section. To add page numbers in Word, right-click the "
        "contents and choose Update Field."
    )
    note.runs[0].italic = True


def _contents_paragraph(document: DocxDocument) -> DocxParagraph | None:
    for paragraph in document.paragraphs:
        if any(TOC_CODE in (i.text or "") for i in paragraph._p.iter(qn("w:instrText"))):
            return paragraph
    return None


def fill_contents(document: DocxDocument) -> int:
    """Write the contents' lines into the field placed earlier; returns how many."""
    field = _contents_paragraph(document)
    if field is None:
        return 0
    paragraphs = document.paragraphs
    after = paragraphs[[p._p for p in paragraphs].index(field._p) + 1 :]
    headings = [
        (p, LEVELS[p.style.name]) for p in after if p.style is not None and p.style.name in LEVELS
    ]
    if not headings:
        return 0
    begin_run, end_run = field._p.findall(qn("w:r"))
    previous = field
    for number, (heading, level) in enumerate(headings, start=1):
        line = field if number == 1 else previous.insert_paragraph_before("")
        if number > 1:  # insert_paragraph_before puts it above: move it below the last line
            previous._p.addnext(line._p)
        line.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        link = _entry_link(_bookmark(heading, number), heading.text)
        if number == 1:
            begin_run.addnext(link)
        else:
            line._p.append(link)
        previous = line
    end_run.getparent().remove(end_run)
    previous._p.append(end_run)
    return len(headings)
