"""Paragraphs made without the markup parser are the paragraphs the parser makes: the same
fragments, the same height at any width."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from selfeval.pack.blocks import CellText
from selfeval.pack.pdf_blocks import cell_runs, linked
from selfeval.pack.pdf_cached import CachedParagraph
from selfeval.pack.pdf_quick import Run, runs_markup, runs_paragraph
from selfeval.pack.pdf_style import ARABIC_FONT, styles

# the characters that matter to markup and line breaking, and some that do not
TEXT = st.lists(
    st.sampled_from(list("ab E3-&<>;\"'#\n\t\r\u00a0\u2028\u3000é😀\x00") + ["&amp;", "  "]),
    max_size=30,
).map("".join)


def fragments(paragraph: Any) -> list[dict[str, Any]]:
    return [
        {k: repr(v) if k == "cbDefn" else v for k, v in frag.__dict__.items()}
        for frag in paragraph.frags
    ]


def shapes(text: str) -> list[list[Run]]:
    return [
        cell_runs(text),
        cell_runs(CellText(text, (text, "second line"), text, "ev-E1")),
        cell_runs(CellText("", (text,), "")),
        cell_runs(CellText(text, anchor="ev-E2")),
        linked(text, "ev-E3"),
        linked("E3 - " + text, "ev-E4"),
        linked(text, ""),
    ]


def assert_same(runs: list[Run]) -> None:
    for name in ("cell", "cell_bold", "bullet"):
        style = styles()[name]
        quick = runs_paragraph(runs, style, "\u2022")
        parsed = CachedParagraph(runs_markup(runs), style, bulletText="\u2022")
        assert fragments(quick) == fragments(parsed), (runs, name)
        for width in (40, 120, 480):
            assert quick.wrap(width, 10_000) == parsed.wrap(width, 10_000), (runs, name, width)


@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_any_text_in_every_shape_makes_the_parsers_paragraph(text: str) -> None:
    for runs in shapes(text):
        assert_same(runs)


def test_the_awkward_cases_by_name() -> None:
    for text in [
        "",
        "   ",
        "  lead and trail  ",
        "Survey & audit <b>not bold</b> &amp;",
        "line one\nline two\n\nline four",
        " \n x \n ",
        "E3\nnext line",
        "nbsp\u00a0kept",
    ]:
        for runs in shapes(text):
            assert_same(runs)


def test_right_to_left_text_takes_the_markup_path_and_its_font() -> None:
    paragraph = runs_paragraph(cell_runs(CellText("عائشہ خان", ("Urdu",))), styles()["cell"])
    assert any(frag.fontName.startswith(ARABIC_FONT) for frag in paragraph.frags)
