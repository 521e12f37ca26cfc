"""Word self-evaluations in the shapes partnerships write them, made with python-docx for the
tests: a section per criterion with the partnership's own sub-headings, one table row per
inspection area, question / theme / sub-questions, bold headings over numbered paragraphs, and
an older one written against the 2016 framework's three questions. The words are our own."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Mm
from PIL import Image

CRITERIA = {
    "needs-identified": "Children and young people's needs are identified accurately and "
    "assessed in a timely and effective way",
    "participation": "Children, young people and their families participate in decision-making "
    "about their individual plans and support",
    "right-help": "Children and young people receive the right help and support at the right time",
    "next-steps": "Children and young people are well prepared for their next steps and achieve "
    "strong outcomes",
    "valued-included": "Children and young people with SEND are valued, visible and included in "
    "their communities",
    "leaders-ambitious": "Leaders are ambitious for children and young people with SEND",
    "leaders-engage": "Leaders actively engage and work with children, young people and families",
    "leaders-understand": "Leaders have an accurate, shared understanding of the needs of "
    "children and young people in their local area",
    "leaders-commission": "Leaders commission services and provision to meet the needs and "
    "aspirations of children and young people",
    "leaders-evaluate": "Leaders evaluate services and make improvements",
    "leaders-environment": "Leaders create an environment for effective practice and "
    "multi-agency working to flourish",
}

PARAGRAPH = (
    "Across Northvale the partnership has worked with the parent carer forum to redesign the "
    "graduated response, so that settings record needs consistently and request advice early. "
    "Health visitors and early years settings now share a single developmental review, and the "
    "number of children first identified at school entry fell from 41% to 28% in two years."
)


def picture() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), (29, 79, 145)).save(buffer, "PNG")
    return buffer.getvalue()


def said(criterion_id: str, what: str) -> str:
    """A sentence that names its criterion and field, so a test can tell where it landed."""
    return f"[{criterion_id}/{what}] {PARAGRAPH}"


def section_per_criterion(path: Path, paragraphs: int = 1) -> Path:
    """Heading 1 per criterion, the partnership's own Heading 2s under each, lists as lists."""
    document: DocxDocument = Document()
    document.add_heading("Northvale Local Area SEND Self-Evaluation 2026", 0)
    document.add_paragraph("Introduction: this document was written with all our partners.")
    document.add_picture(io.BytesIO(picture()), width=Mm(40))
    for number, (criterion_id, title) in enumerate(CRITERIA.items(), start=1):
        document.add_heading(f"{number}. {title}", 1)
        document.add_heading("What does good look like", 2)
        document.add_paragraph(said(criterion_id, "good"))
        document.add_heading("Current position / strengths / evidence", 2)
        for _ in range(paragraphs):
            document.add_paragraph(said(criterion_id, "rationale"))
        document.add_paragraph(f"[{criterion_id}/list] first point", style="List Bullet")
        document.add_paragraph(f"[{criterion_id}/list] second point", style="List Bullet")
        document.add_heading("Impact", 2)
        document.add_paragraph(said(criterion_id, "impact"))
        document.add_heading("Areas for development", 2)
        document.add_paragraph(said(criterion_id, "areas"))
        document.add_heading("Action plan reference", 2)
        document.add_paragraph(f"[{criterion_id}/note] APP 4.{number}; see SEND_Strategy_2026.pdf")
        document.add_heading("RAG rating", 2)
        document.add_paragraph("Amber" if number % 2 else "Green")
    document.add_heading("Appendix: glossary", 1)
    document.add_paragraph("EHCP: education, health and care plan.")
    document.save(str(path))
    return path


def table_per_area(path: Path) -> Path:
    """One table, a row per inspection area, the partnership's own column headings."""
    document: DocxDocument = Document()
    document.add_paragraph("Self-evaluation summary for the SEND Partnership Board")
    headers = (
        "Inspection area",
        "How is this working?",
        "Working well or area to improve",
        "Further work planned",
    )
    table = document.add_table(rows=1, cols=len(headers))
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    for criterion_id, title in CRITERIA.items():
        cells = table.add_row().cells
        cells[0].text = title
        cells[1].text = said(criterion_id, "rationale")
        cells[2].text = "Area to improve" if "leaders" in criterion_id else "Working well"
        cells[3].text = said(criterion_id, "areas")
    document.save(str(path))
    return path


QUESTIONS = {
    "needs-identified": "A1 How well are the needs of children and young people identified "
    "accurately and assessed in a timely way?",
    "participation": "A2 Do children, young people and their families participate in "
    "decisions about their individual plans?",
    "right-help": "A3 Do children and young people receive the right help and support at the "
    "right time?",
}


def questions_and_themes(path: Path) -> Path:
    """A question, then a theme line, then sub-questions A1a to A1e (bold), each answered."""
    document: DocxDocument = Document()
    for criterion_id, question in QUESTIONS.items():
        document.add_heading(question, 1)
        document.add_paragraph(f"Theme: [{criterion_id}/theme] identification and assessment")
        for letter in "abcde":
            code = question.split()[0] + letter
            run = document.add_paragraph().add_run(f"{code} How do we know this is happening?")
            run.bold = True
            document.add_paragraph(said(criterion_id, f"answer-{letter}"))
    document.save(str(path))
    return path


def numbered_paragraphs(path: Path) -> Path:
    """No heading styles at all: bold headings, then numbered paragraphs under each."""
    document: DocxDocument = Document()
    for number, (criterion_id, title) in enumerate(list(CRITERIA.items())[5:8], start=6):
        document.add_paragraph().add_run(title).bold = True
        for point in range(1, 4):
            document.add_paragraph(f"{number}.{point} " + said(criterion_id, f"para-{point}"))
        document.add_paragraph(f"Strengths: [{criterion_id}/strengths] Our board is stable.")
    document.save(str(path))
    return path


OLD_QUESTIONS = {
    "needs-identified": "1. How effectively does the local area identify children and young "
    "people who have special educational needs and/or disabilities?",
    "needs-identified-2": "2. How effectively does the local area assess and meet the needs of "
    "children and young people who have special educational needs and/or disabilities?",
    "outcomes": "3. How effectively does the local area improve outcomes for children and young "
    "people who have special educational needs and/or disabilities?",
}


def framework_2016(path: Path) -> Path:
    """An older self-evaluation against the 2016 framework's three questions."""
    document: DocxDocument = Document()
    for key, question in OLD_QUESTIONS.items():
        document.add_heading(question, 1)
        document.add_heading("Strengths", 2)
        document.add_paragraph(said(key, "strengths"))
        document.add_heading("Areas for development", 2)
        document.add_paragraph(said(key, "areas"))
    document.save(str(path))
    return path


def every_text(path: Path) -> list[str]:
    """Every non-empty paragraph and table cell of a document, as python-docx reads it."""
    document = Document(str(path))
    texts = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            texts += [c.text.strip() for c in row.cells if c.text.strip()]
    return texts


def tables_and_contents(path: Path) -> Path:
    """A contents list (TOC styles), a bold sentence that is emphasis, a table per criterion
    whose first row names it, a rating at the end of a heading, and a footnote."""
    import zipfile

    from docx.enum.style import WD_STYLE_TYPE

    document: DocxDocument = Document()
    document.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_heading("Contents", 1)
    for number, title in enumerate(list(CRITERIA.values())[:2], start=1):
        document.add_paragraph(f"{number}. {title}\t4", style="TOC 1")
    document.add_heading(f"1. {CRITERIA['needs-identified']} (Amber)", 1)
    document.add_paragraph(said("needs-identified", "rationale"))
    emphasis = document.add_paragraph().add_run(
        "[needs-identified/bold] Waiting times for assessment have halved since 2024."
    )
    emphasis.bold = True
    document.add_paragraph(said("needs-identified", "after-bold"))
    table = document.add_table(rows=3, cols=2)
    table.rows[0].cells[0].merge(table.rows[0].cells[1]).text = CRITERIA["leaders-evaluate"]
    table.rows[1].cells[0].text = "Strengths"
    table.rows[1].cells[1].text = said("leaders-evaluate", "strengths")
    table.rows[2].cells[0].text = "Areas for development"
    table.rows[2].cells[1].text = said("leaders-evaluate", "areas")
    document.save(str(path))
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["word/footnotes.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        b'</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>[footnote] Source: SEN2 2025.'
        b"</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    rels = members["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdFoot" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    members["word/_rels/document.xml.rels"] = rels.encode()
    types = members["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    members["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


WSOA_AREAS = {
    "area-1-strategic-leadership": "Area 1: Joint strategic leadership between the Council, "
    "the CCG and education providers",
    "area-4-accountability": "Area 4: Clear and effective lines of accountability",
}


def wsoa_progress(path: Path) -> Path:
    """A partnership's own framework (a WSOA): its areas as headings, the revisit scale."""
    document: DocxDocument = Document()
    for area_id, heading in WSOA_AREAS.items():
        document.add_heading(heading, 1)
        document.add_heading("Progress since the inspection", 2)
        document.add_paragraph(said(area_id, "progress"))
        document.add_heading("Revisit judgement", 2)
        document.add_paragraph(
            "Not sufficient progress" if "accountability" in area_id else "Sufficient progress"
        )
    document.save(str(path))
    return path
