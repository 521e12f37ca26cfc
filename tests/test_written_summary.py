"""The partnership's written pages (issue 26, item 5): the executive summary and "Our area" in a
small, safe text format, printed as real headings, lists, bold and italic in PDF and Word."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfeval.errors import InputError
from selfeval.pack.blocks import Heading, ListItems, Written
from selfeval.pack.documents.written import runs, written
from selfeval.services.our_area import our_area, set_our_area
from selfeval.services.workspace import Workspace

SUMMARY = """# What we know about ourselves

Our partnership is **ambitious** and *honest* about what is not yet good enough.

## Our strengths
- Early help that reaches families **before** crisis
- A parent carer forum at every board

## Our priorities
1. Timeliness of EHC plans
2. Therapy waiting times

A [link](https://example.org) and <b>tags</b> are printed as typed."""


def test_the_format_gives_headings_lists_bold_and_italic_and_nothing_else() -> None:
    blocks = written(SUMMARY, top=2)
    assert blocks[0] == Heading("What we know about ourselves", 2, in_contents=False)
    assert blocks[1] == Written(
        (
            ("plain", "Our partnership is "),
            ("bold", "ambitious"),
            ("plain", " and "),
            ("italic", "honest"),
            ("plain", " about what is not yet good enough."),
        )
    )
    assert blocks[2] == Heading("Our strengths", 3, in_contents=False)
    bullets = blocks[3]
    assert isinstance(bullets, ListItems) and not bullets.numbered and len(bullets.items) == 2
    assert ("bold", "before") in bullets.items[0]
    numbered = blocks[5]
    assert isinstance(numbered, ListItems) and numbered.numbered
    assert numbered.items[1] == (("plain", "Therapy waiting times"),)
    last = blocks[6]
    assert isinstance(last, Written)
    assert last.runs == (
        ("plain", "A [link](https://example.org) and <b>tags</b> are printed as typed."),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 * 3 * 4", (("plain", "2 * 3 * 4"),)),
        ("snake_case_name", (("plain", "snake_case_name"),)),
        ("**unclosed", (("plain", "**unclosed"),)),
        ("_a_ b", (("italic", "a"), ("plain", " b"))),
    ],
)
def test_marks_that_are_not_emphasis_stay_as_typed(text: str, expected: tuple[object, ...]) -> None:
    assert runs(text) == expected


def test_the_summary_is_kept_checked_and_printed_first(
    workspace: Workspace, tmp_path: Path
) -> None:
    from docx import Document

    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions
    from tests.test_documents import pdf_text

    set_our_area(workspace, summary=SUMMARY)
    assert our_area(workspace).summary == SUMMARY
    with pytest.raises(InputError, match="the summary is 20,001 characters"):
        set_our_area(workspace, summary="x" * 20_001)
    flat = " ".join(
        pdf_text(export_pack(workspace, "pdf", tmp_path / "p.pdf", PackOptions())).split()
    )
    start = flat.index("Executive summary What we know about ourselves")
    assert "Our partnership is ambitious and honest" in flat[start:]
    assert flat.index("1. Timeliness of EHC plans") < flat.index("2. Therapy waiting times")
    assert "<b>tags</b>" in flat  # as typed, never markup
    word = Document(str(export_pack(workspace, "docx", tmp_path / "p.docx", PackOptions())))
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert styles["What we know about ourselves"] == "Heading 2"
    assert styles["Timeliness of EHC plans"] == "List Number"
    assert styles["A parent carer forum at every board"] == "List Bullet"
    bold = [r.text for p in word.paragraphs for r in p.runs if r.bold and r.text == "ambitious"]
    assert bold == ["ambitious"]


def test_the_command_line_takes_the_summary_from_a_file(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.cli import main

    text = tmp_path / "summary.md"
    text.write_text(SUMMARY, encoding="utf-8")
    assert main(["ourarea", str(demo_path), "--summary-file", str(text)]) == 0
    assert f"executive summary {len(SUMMARY):,} characters" in capsys.readouterr().out
