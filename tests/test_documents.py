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
