"""The document pipeline: every document read back in PDF and Word, with the same content."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document as WordFile
from pypdf import PdfReader

from selfeval.errors import InputError
from selfeval.pack.builders.progress_builder import export_progress
from selfeval.services.improvement.snapshots import take_snapshot
from selfeval.services.judgements import set_judgement
from selfeval.services.workspace import Workspace


def pdf_lines(path: Path) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def docx_lines(path: Path) -> list[str]:
    document = WordFile(str(path))
    lines = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return lines


def docx_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(docx_lines(path)))


# The progress report as it read before it moved onto the pipeline (same demo, same edits).
PROGRESS_LINES = [
    "Anyshire: progress since Board, 1 Oct",
    "Rated for the first time (0)",
    "None.",
    "Ratings that improved (1)",
    "Children and young people receive the right help and support at the right time: Red to Amber",
    "Ratings that fell (1)",
    "Children, young people and their families participate in decision-making about their "
    "individual plans and support: Green to Amber",
    "New evidence (0)",
    "None.",
    "Actions completed (0)",
    "None.",
    "New actions (0)",
    "None.",
    "Actions overdue (2)",
    "Social care advice in every EHC plan for children known to social care",
    "Neurodevelopmental pathway: interim support offer for families waiting",
    "Indicators (0)",
    "None.",
]


def test_the_progress_report_reads_the_same_in_pdf_and_word(
    demo: Workspace, tmp_path: Path
) -> None:
    take_snapshot(demo, "Board, 1 Oct")
    set_judgement(demo, "right-help", rating="amber")
    set_judgement(demo, "participation", rating="amber")
    pdf = export_progress(demo, "Board, 1 Oct", tmp_path / "p.pdf")
    docx = export_progress(demo, "Board, 1 Oct", tmp_path / "p.docx")
    words = docx_lines(docx)
    assert [line for line in words if not line.startswith("What changed")] == PROGRESS_LINES
    assert words[1].startswith("What changed in the self-evaluation between 'Board, 1 Oct' (")
    text = pdf_text(pdf)
    position = 0
    for line in PROGRESS_LINES:  # every line, in order
        found = text.find(line, position)
        assert found >= 0, line
        position = found + len(line)
    assert "page 1 of 1" in text and "OFFICIAL" in text


def test_the_progress_report_refuses_other_formats_before_writing(
    demo: Workspace, tmp_path: Path
) -> None:
    take_snapshot(demo, "Board, 1 Oct")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(InputError, match="written as .pdf or .docx"):
        export_progress(demo, "Board, 1 Oct", out / "p.xlsx")
    assert list(out.iterdir()) == []


def test_the_summary_for_parents_has_no_rating_evidence_or_personal_data(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.pack.builders.parents_builder import export_parents
    from selfeval.services.evidence import EvidenceInput, add_evidence, list_evidence
    from selfeval.services.families import set_family_contact

    add_evidence(
        demo,
        EvidenceInput(
            title="Case review of child QZKANARYX", kind="case-study", personal_data=True
        ),
        ["right-help"],
    )
    set_judgement(
        demo, "next-steps", family_statement="We help young people plan for adult life early."
    )
    set_family_contact(demo, "Call SENDIASS on 01632 960 123.")
    pdf = export_parents(demo, tmp_path / "parents.pdf")
    docx = export_parents(demo, tmp_path / "parents.docx")
    assert pdf.without_statement and "Preparing young people for what comes next" not in (
        pdf.without_statement
    )
    scale_words = [level.label for level in demo.framework.rating_scale.choices]
    titles = [e.title for e in list_evidence(demo)]
    for text in (pdf_text(pdf.path), docx_text(docx.path)):
        assert "Finding out what your child needs, quickly and accurately" in text  # plain heading
        assert "We help young people plan for adult life early." in text
        assert "Call SENDIASS on 01632 960 123." in text
        assert "What is going well" in text and "What we are working on" in text
        assert "QZKANARYX" not in text
        for word in scale_words:
            assert not re.search(rf"\b{re.escape(word)}\b", text), word
        for title in titles:
            assert title not in text, title


def test_a_hard_statement_is_reported_on_export(demo: Workspace, tmp_path: Path) -> None:
    from selfeval.pack.builders.parents_builder import export_parents

    hard = (
        "Multi-agency commissioning arrangements facilitate comprehensive individualised "
        "provision, notwithstanding considerable organisational complexity, operational "
        "interdependencies and the statutory requirements of the special educational needs "
        "and disabilities code of practice."
    )
    set_judgement(demo, "next-steps", family_statement=hard)
    result = export_parents(demo, tmp_path / "parents.pdf")
    (heading, ease) = next(h for h in result.hard_to_read if h[0].startswith("Preparing"))
    assert ease < 60 and heading == "Preparing young people for what comes next"
    assert result.long_sentences >= 1


def test_the_brief_answers_the_three_questions_within_two_pages(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.pack.builders.brief_builder import export_brief

    pdf = export_brief(demo, tmp_path / "brief.pdf")
    docx = export_brief(demo, tmp_path / "brief.docx")
    assert len(PdfReader(pdf).pages) <= 2
    for text in (pdf_text(pdf), docx_text(docx)):
        assert "1. What do we know about the experiences and outcomes of children and young" in text
        assert "2. How do we know?" in text and "3. What are we doing next?" in text
        assert "Children and young people receive the right help and support" in text
        assert "Social care advice in every EHC plan" in text  # an overdue action
        assert "66 evidence items cited across 11 criteria" in text


def test_publications_refuse_other_formats(demo: Workspace, tmp_path: Path) -> None:
    from selfeval.cli import main

    for document in ("parents", "brief"):
        code = main(["export", document, str(demo.address), "-o", str(tmp_path / "x.xlsx")])
        assert code == 2
    assert not (tmp_path / "x.xlsx").exists()


def test_the_comments_appendix_is_off_by_default_and_complete_when_asked(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions
    from selfeval.services.comments import add_comment

    add_comment(demo, "right-help", "Therapy waits need a named owner before the board.")
    without = export_pack(demo, "pdf", tmp_path / "plain.pdf", PackOptions())
    assert "Appendix: comments" not in pdf_text(without)
    assert "Therapy waits need a named owner" not in pdf_text(without)
    for fmt in ("pdf", "docx"):
        path = export_pack(demo, fmt, tmp_path / f"c.{fmt}", PackOptions(include_comments=True))
        text = pdf_text(path) if fmt == "pdf" else docx_text(path)
        assert "Appendix: comments" in text
        assert "3. Children and young people receive the right help and support" in text
        assert "Therapy waits need a named owner before the board." in text
        assert str(demo.user.name) in text


def test_no_likely_outcome_is_suggested_while_a_criterion_is_unrated(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions

    set_judgement(demo, "next-steps", rating="not-rated")
    for fmt in ("pdf", "docx"):
        path = export_pack(demo, fmt, tmp_path / f"p.{fmt}", PackOptions())
        text = pdf_text(path) if fmt == "pdf" else docx_text(path)
        assert "1 criterion is not rated yet, so no likely outcome is suggested" in text
        assert "Likely outcome: the partnership's own view" not in text
    set_judgement(demo, "next-steps", rating="amber")
    text = pdf_text(export_pack(demo, "pdf", tmp_path / "rated.pdf", PackOptions()))
    assert "Likely outcome: the partnership's own view" in text
    assert "not rated yet" not in text


def test_family_statements_from_the_command_line(demo: Workspace) -> None:
    from selfeval.cli import main
    from selfeval.services.judgements import get_judgement

    code = main(
        ["judge", str(demo.address), "leaders-evaluate", "--family-statement", "We check.",
         "--family-going-well", "Audits.", "--family-working-on", "Faster reviews."]
    )  # fmt: skip
    assert code == 0
    judgement = get_judgement(demo, "leaders-evaluate")
    assert (
        judgement.family_statement,
        judgement.family_going_well,
        judgement.family_working_on,
    ) == ("We check.", "Audits.", "Faster reviews.")


def test_no_page_of_the_pack_is_left_nearly_empty(demo: Workspace, tmp_path: Path) -> None:
    """Headers, footer and watermark alone are 12 words: a page with no more is a stray page."""
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions
    from selfeval.services.signoff import sign_off

    for signed in (False, True):
        if signed:
            sign_off(demo, "Helen Whitfield", "DCS", "Anyshire County Council")
        pdf = export_pack(demo, "pdf", tmp_path / f"p{signed}.pdf", PackOptions())
        pages = [page.extract_text() for page in PdfReader(pdf).pages]
        stray = [n for n, text in enumerate(pages, start=1) if len(text.split()) < 16]
        assert stray == [], (signed, stray)


def test_the_check_before_a_summary_for_parents_says_what_is_missing(workspace: Workspace) -> None:
    from selfeval.pack.builders.parents_builder import check_parents
    from selfeval.services.families import set_family_contact
    from selfeval.services.judgements import set_judgement

    said = check_parents(workspace).said()
    assert said.startswith("No contact details yet") and "Left out, nothing written" in said
    set_family_contact(workspace, "01234 567890")
    for criterion in workspace.framework.criteria:
        set_judgement(workspace, criterion.id, family_statement="We listen to you.")
    assert check_parents(workspace).said() == "Every criterion has words for families."


def test_the_executive_summary_says_in_words_what_is_missing(
    workspace: Workspace, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions

    written = export_pack(workspace, "pdf", tmp_path / "pack.pdf", PackOptions())
    summary = next(
        page.extract_text()
        for page in PdfReader(written).pages
        if "Executive summary" in page.extract_text() and " criteria: " in page.extract_text()
    )
    assert "no lead owner" in summary and "Not rated" in summary  # one line, not "Not\\nrated"
    assert "does not print them" not in summary  # no note meant for whoever built it


def test_the_summary_for_parents_is_titled_and_signed_by_the_partnership(
    workspace: Workspace, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from selfeval.pack.builders.parents_builder import export_parents

    written = export_parents(workspace, tmp_path / "parents.pdf").path
    reader = PdfReader(written)
    assert reader.metadata is not None
    assert reader.metadata.title == "Testshire: a summary of SEND for parents and carers"
    assert reader.metadata.author == "Testshire"  # not the computer's account


def test_a_heading_never_ends_a_page_alone(tmp_path: Path) -> None:
    """Wherever the page ends, a heading goes over with the first item of the list after it
    (a list is made a batch at a time, pack/pdf_rows.py, and still keeps its heading)."""
    import subprocess

    from selfeval.pack.blocks import Bullets, Document, Heading, Para
    from selfeval.pack.render import render_document

    endings = set()
    for filler in range(38, 50):
        blocks = [Para(f"Line {n} of what comes before.") for n in range(filler)]
        blocks += [Heading("Kept with its list", 3), Bullets(("First item", "Second item"))]
        document = Document("Keep", "", "", blocks=tuple(blocks))
        out = render_document(document, tmp_path / "k.pdf")
        pages = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout.split("\f")
        for page in pages:
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            body = [line for line in lines if not line.startswith(("page ", "Keep"))]
            if body:
                endings.add(body[-1])
            assert not body or body[-1] != "Kept with its list", filler
    assert any(e.startswith("Line") for e in endings)  # some page did end before the heading


def test_a_long_heading_keeps_its_lines_and_what_follows_on_its_page(tmp_path: Path) -> None:
    """Wherever the page ends, a heading of several lines is on one page with the start of
    what follows (room is measured for all its lines, not one)."""
    import subprocess

    from selfeval.pack.blocks import Document, Heading, Para, Spacer
    from selfeval.pack.render import render_document

    words = " ".join(["A heading long enough to run over three lines of the page"] * 3)
    for filler in range(190, 240, 2):  # mm: the heading at every height near the foot
        blocks = [Para("Before."), Spacer(filler), Heading(words, 2), Para("What follows.")]
        out = render_document(Document("Keep", "", "", blocks=tuple(blocks)), tmp_path / "h.pdf")
        pages = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout.split("\f")
        (page,) = [" ".join(p.split()) for p in pages if "A heading" in p]
        assert words in page and "What follows." in page, filler


@pytest.mark.parametrize("kind", ["pdf", "summary", "parents", "brief"])
def test_every_pdf_declares_its_language_and_shows_its_title(
    kind: str, demo_path: Path, tmp_path: Path
) -> None:
    """A screen reader reads it in British English; a viewer's window shows its title, not its
    file name (issue 28, the document level)."""
    from pypdf import PdfReader

    from selfeval.cli import main

    out = tmp_path / f"{kind}.pdf"
    assert main(["export", kind, str(demo_path), "-o", str(out)]) == 0
    reader = PdfReader(out)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "Anyshire" in str((reader.metadata or {}).get("/Title", ""))


def test_every_kind_of_block_has_a_way_to_be_drawn_in_each_format() -> None:
    from typing import get_args

    from selfeval.pack.blocks import DRAWN_BY, Block
    from selfeval.pack.docx_blocks import WordBlocks
    from selfeval.pack.pdf_blocks import BlockStory

    assert set(DRAWN_BY) == set(get_args(Block))
    for back_end in (BlockStory, WordBlocks):
        assert all(callable(getattr(back_end, name, None)) for name in DRAWN_BY.values())
