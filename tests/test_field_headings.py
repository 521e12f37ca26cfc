"""The partnership's own headings for a criterion's fields (issue 26, item 1): set, hidden and
shown again through the service and the command line, used by every document and the workbook,
and checked as they come in."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfeval.errors import InputError
from selfeval.pack.model import Pack
from selfeval.services.field_headings import (
    DEFAULT_HEADINGS,
    SETTING,
    field_headings,
    set_heading,
    set_hidden,
)
from selfeval.services.settings import write_setting
from selfeval.services.workspace import Workspace

THEIRS = {
    "rationale": "What we know",
    "strengths": "What is working well",
    "areas_for_development": "What we are doing about it",
    "impact": "The difference it makes",
}


def test_the_pack_models_default_is_the_services_own() -> None:
    default = Pack.__dataclass_fields__["headings"].default
    assert default == tuple(DEFAULT_HEADINGS.items())


def test_headings_set_hidden_shown_and_checked(workspace: Workspace) -> None:
    assert field_headings(workspace).shown() == tuple(DEFAULT_HEADINGS.items())
    for name, text in THEIRS.items():
        set_heading(workspace, name, f"  {text}  ")
    assert field_headings(workspace).shown() == tuple(THEIRS.items())
    set_hidden(workspace, "impact", True)
    assert [n for n, _h in field_headings(workspace).shown()] == [
        "rationale",
        "strengths",
        "areas_for_development",
    ]
    set_hidden(workspace, "impact", False)
    assert field_headings(workspace).label("impact") == "The difference it makes"
    set_heading(workspace, "impact", "")  # ours again
    assert field_headings(workspace).label("impact") == DEFAULT_HEADINGS["impact"]
    for name in ("rationale", "strengths", "areas_for_development"):
        set_hidden(workspace, name, True)
    with pytest.raises(InputError, match="at least one field stays"):
        set_hidden(workspace, "impact", True)


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("rating", "Our view", "'rating' is not a field with a heading"),
        ("impact", "x" * 81, "at most 80 characters"),
        ("impact", "Impact\u202e", "cannot be printed"),
        ("impact", "Two\nlines", "cannot be printed"),
    ],
)
def test_a_heading_that_cannot_work_is_refused(
    workspace: Workspace, name: str, text: str, said: str
) -> None:
    with pytest.raises(InputError, match=said):
        set_heading(workspace, name, text)


@pytest.mark.parametrize(
    "stored", ["not json", "[1, 2]", '{"headings": {"impact": 7, "nope": "x"}, "hidden": "all"}']
)
def test_a_damaged_setting_gives_our_headings(workspace: Workspace, stored: str) -> None:
    write_setting(workspace, SETTING, stored)
    assert field_headings(workspace).shown() == tuple(DEFAULT_HEADINGS.items())


def test_every_document_and_the_workbook_use_them(demo: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions
    from tests.test_documents import docx_text, pdf_text

    for name, text in THEIRS.items():
        set_heading(demo, name, text)
    set_hidden(demo, "impact", True)
    pdf = pdf_text(export_pack(demo, "pdf", tmp_path / "p.pdf", PackOptions()))
    word = docx_text(export_pack(demo, "docx", tmp_path / "p.docx", PackOptions()))
    for text in (pdf, word):
        assert "What we know" in text and "What we are doing about it" in text
        for default in ("How we know", "Areas for development", "Impact on children"):
            assert default not in text, default
        assert "The difference it makes" not in text  # hidden: not printed
    book = load_workbook(export_pack(demo, "xlsx", tmp_path / "p.xlsx", PackOptions()))
    sheet = book.worksheets[1]
    header = [c.value for c in sheet[1]]
    assert header[5:8] == ["What we know", "What is working well", "What we are doing about it"]
    assert "Impact" not in header


def test_the_command_line_lists_sets_hides_and_shows(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.cli import main

    base = ["headings", str(demo_path)]
    assert main([*base, "set", "rationale", "What we know"]) == 0
    assert main([*base, "hide", "impact"]) == 0
    capsys.readouterr()
    assert main(base) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed == [
        "rationale: What we know",
        "strengths: Strengths",
        "areas_for_development: Areas for development",
        "impact: Impact on children and young people (hidden)",
    ]
    assert main([*base, "show", "impact"]) == 0
    assert main([*base, "set", "colour", "Blue"]) == 2
    assert "'colour' is not a field with a heading" in capsys.readouterr().err


def test_what_good_looks_like_is_printed_before_the_self_evaluation(
    demo_path: Path, tmp_path: Path
) -> None:
    from selfeval.cli import main
    from tests.test_documents import docx_text, pdf_text

    said = "Every child is seen by a therapist within 18 weeks."
    assert main(["judge", str(demo_path), "right-help", "--what-good-looks-like", said]) == 0
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        out = tmp_path / f"p.{fmt}"
        assert (
            main(["export", fmt, str(demo_path), "-o", str(out), "--criteria", "right-help"]) == 0
        )
        flat = " ".join(read(out).split())
        ours = flat.index("What good looks like " + said)
        assert ours < flat.index("How we know"), fmt
