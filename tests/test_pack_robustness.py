"""Whatever people type, the PDF and Word packs are written, and show what was typed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from selfeval.pack.builders.export import export_pack
from selfeval.pack.model import (
    BulletLine,
    CriterionSection,
    EvidenceEntry,
    OwnerLine,
    Pack,
    PackOptions,
    Rating,
)
from selfeval.pack.render import render_pack
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.judgements import set_judgement
from selfeval.services.people import add_organisation, add_person, assign_owner
from selfeval.services.workspace import Workspace

AMBER = Rating("amber", "Amber", "#EF8F00")
MARKUP = st.sampled_from(
    [
        "<b>",
        "</i>",
        "<img src='/etc/passwd'/>",
        "a < b & c > d",
        "R&D",
        "&amp;",
        "<para>",
        "<font color=red>",
        "]]>",
        "\\",
        "%s",
        "{0}",
        "\u202e",
        "\u0000",
        "\ud800",
        "\r\n",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=60), MARKUP), max_size=6).map("".join)


def pack_with(text: str, long_text: str) -> Pack:
    section = CriterionSection(
        number=1,
        id="c1",
        title=text or "x",
        group_title=text,
        paragraph=50,
        lead_in=text,
        bullets=(BulletLine(1, text, AMBER, text), BulletLine(2, long_text, None, "")),
        rating=AMBER,
        rationale=long_text,
        strengths=text,
        areas_for_development=text,
        impact="",
        owners=(OwnerLine(text, text, "lead"),),
        evidence_refs=("E1",),
        updated_by=text,
        updated_at=None,
    )
    entry = EvidenceEntry(
        "E1", text or "x", text, text, date(2026, 1, 1), text, text, (text,), False, (1,)
    )
    return Pack(
        title=text,
        area_name=text,
        local_authority=text,
        icb=text,
        framework_title=text,
        framework_edition=text,
        framework_publisher=text,
        framework_source=text,
        group_titles_are_ours=False,
        issued=date(2026, 11, 23),
        version=text[:20],
        status="draft",
        marking=text[:60],
        prepared_by=text,
        personal_data_included=False,
        personal_data_left_out=0,
        scale=(Rating("not-rated", "Not rated", "#757575"), AMBER),
        groups=(),
        sections=(section,),
        evidence=(entry,),
        likely_outcome=None,
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXT, word_length=st.integers(min_value=0, max_value=10_000))
def test_any_text_in_every_field_exports_to_pdf_and_word(
    tmp_path: Path, text: str, word_length: int
) -> None:
    pack = pack_with(text, "w" * word_length)
    render_pack(pack, "pdf", tmp_path / "p.pdf")
    render_pack(pack, "docx", tmp_path / "p.docx")
    assert PdfReader(tmp_path / "p.pdf").pages
    assert Document(str(tmp_path / "p.docx")).paragraphs


NAMES = [
    "Siân Llewelyn-Ŵyn",  # Welsh
    "Zbigniew Łukasiewicz-Żółć",  # Polish
    "عائشہ خان",  # Urdu
    "“Quoted” – with an en dash… and ‘apostrophes’",
    "Ελληνικά and Кириллица",
    "中文 characters",  # no glyph in DejaVu Sans: a visible box, never a crash
]


def test_real_world_text_through_the_services(workspace: Workspace, tmp_path: Path) -> None:
    add_organisation(workspace, "Ysgol Gymraeg Bro Ŵyn", "school")
    for name in NAMES:
        person = add_person(workspace, name, "SENCO", "Ysgol Gymraeg Bro Ŵyn")
        assign_owner(workspace, "participation", person.id, "contributor")
    set_judgement(
        workspace,
        "participation",
        rating="amber",
        rationale="Audit <b>unclosed & R&D</b> " + " ".join(NAMES) + " " + "x" * 10_000,
        strengths="",
        impact="\n\nLine one\nLine two\t(tab)",
    )
    add_evidence(
        workspace,
        EvidenceInput(title="Café «audit» <img src=x>", link="https://" + "a" * 1900),
        ["participation"],
    )
    pdf = export_pack(workspace, "pdf", tmp_path / "p.pdf", PackOptions())
    docx = export_pack(workspace, "docx", tmp_path / "p.docx", PackOptions())
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    for name in (NAMES[0], NAMES[1], NAMES[3], NAMES[4]):
        assert name.split()[0] in text
    # Urdu is drawn with its letters joined (pypdf reads right-to-left runs back in reading
    # order): "khan" as initial khah, final alef, noon (alef does not join onwards); "aisha"
    # ending in heh goal's final form, which DejaVu Sans lacks: it is set in Noto Naskh Arabic.
    assert "\ufea7\ufe8e\ufee5" in text
    assert "\ufecb\ufe8e\ufe8b\ufeb8\ufba7" in text
    assert any("NotoNaskhArabic" in name for name in fonts_used(pdf))
    assert "Audit <b>unclosed & R&D</b>" in text
    assert "Café «audit» <img src=x>" in text
    words = " ".join(p.text for p in Document(str(docx)).paragraphs)
    assert "Audit <b>unclosed & R&D</b>" in words


def test_right_to_left_lines_are_drawn_joined_and_in_visual_order() -> None:
    from selfeval.pack.pdf_script import visual_order

    every_glyph = lambda _c: True  # noqa: E731
    # "khan" (khah, alef, noon) joins and reverses: drawn left to right as noon, alef, khah.
    assert visual_order("خان", every_glyph) == "\ufee5\ufe8e\ufea7"
    # An English line keeps its order around the Urdu run; English alone is untouched.
    assert visual_order("Leaflet: خان (Urdu)", every_glyph) == "Leaflet: \ufee5\ufe8e\ufea7 (Urdu)"
    assert visual_order("Plain <b> & text", every_glyph) == "Plain <b> & text"
    # A joined form the font lacks falls back to the plain letter rather than a box.
    assert visual_order("خان", lambda c: c != 0xFEE5) == "\u0646\ufe8e\ufea7"


def fonts_used(pdf: Path) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(pdf).pages
        for font in page["/Resources"].get("/Font", {}).values()
    }


def test_hand_made_pack_round_trip(tmp_path: Path) -> None:
    pack = replace(pack_with("Plain title", "Body"), marking="")
    render_pack(pack, "pdf", tmp_path / "p.pdf")
    assert not any("Naskh" in name for name in fonts_used(tmp_path / "p.pdf"))  # English only
    first = PdfReader(tmp_path / "p.pdf").pages[1].extract_text()
    assert "page 2 of" in first and "OFFICIAL" not in first
