"""The executive version (issue 26, item 6): the partnership's summary, its ratings and a page
per group with each criterion's headline difference and next step, in PDF and Word."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfeval.pack.documents.executive import headline
from tests.test_documents import docx_text, pdf_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("Waits halved. Then more.", "Waits halved."),
        ("\u2022 One point\n\u2022 Another", "One point Another"),
        ("x" * 400, "x" * 319 + "\u2026"),
    ],
)
def test_a_headline_is_the_first_sentence(text: str, expected: str) -> None:
    assert headline(text) == expected


def test_the_executive_version_from_the_command_line(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.cli import main
    from selfeval.services.judgements import get_judgement
    from selfeval.services.workspace import open_workspace

    with open_workspace(demo_path) as workspace:
        impact = get_judgement(workspace, "right-help").impact
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        out = tmp_path / f"summary.{fmt}"
        assert main(["export", "summary", str(demo_path), "-o", str(out), "--status", "final"]) == 0
        flat = " ".join(read(out).split())
        assert "SEND self-evaluation Executive summary" in flat
        assert "What we know about ourselves" in flat  # the partnership's own words
        assert "Impact on the experiences and outcomes of children and young people" in flat
        assert " ".join(headline(impact).split()) in flat
        assert "listed in the full document" in flat and "listed in the appendix" not in flat
        # the priorities, each with how its actions are going
        assert "Timely, good-quality EHC plans" in flat and "0 of 4 complete" in flat
        assert "DRAFT" not in read(out)
    assert main(["export", "summary", str(demo_path), "-o", str(tmp_path / "s.xlsx")]) == 2
    assert "the executive summary is written as .pdf or .docx" in capsys.readouterr().err
    assert (
        main(["export", "summary", str(demo_path), "-o", str(tmp_path / "s.pdf"), "--fold-bullets"])
        == 2
    )
