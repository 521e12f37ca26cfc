"""Tagged PDFs (issue 28): every document a partnership publishes carries the structure a
screen reader follows, read back here with pikepdf, poppler and the `pdfua` checker.

Each document kind is written once from the demo (and one document holding every kind of
block, in three languages), then held to: nothing drawn outside a tagged sequence or an
artifact; every sequence reached from the structure; headings that never skip a level and are
the outline; figures with their words; tables with header cells and their scope; links in the
structure with a description; the language, title, MarkInfo and PDF/UA identification; every
font embedded with its Unicode map; the text in structure order the text on the page; the
header, footer and watermark artifacts; and a clean `pdfua check`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
import pytest

from tests.pdf_structure import (
    element_texts,
    elements,
    elements_in,
    kids_of,
    left_to_right,
    outline,
    page_sequences,
    page_texts,
    parent_tree,
    role,
    squeezed,
    struct_text,
)

STANDARD_ROLES = frozenset(
    {"Document", "Sect", "Div", "P", "H1", "H2", "H3", "L", "LI", "Lbl", "LBody", "Table"}
    | {"THead", "TBody", "TR", "TH", "TD", "TOC", "TOCI", "Figure", "Link", "Caption"}
)
PARENTS = {
    "TR": {"THead", "TBody", "Table"},
    "TH": {"TR"},
    "TD": {"TR"},
    "THead": {"Table"},
    "TBody": {"Table"},
    "LI": {"L"},
    "Lbl": {"LI"},
    "LBody": {"LI"},
    "TOCI": {"TOC"},
}
"""Where PDF 1.7's table 337 lets these elements stand."""

KINDS = ("pack", "summary", "progress", "parents", "brief", "edition-changes", "blocks", "county")
COUNTY_ITEMS = 5_000


@pytest.fixture(scope="module")
def written(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every document kind, written once for this module's tests."""
    from selfeval.cli import main
    from selfeval.locations import user_frameworks_dir
    from selfeval.pack.render import render_document
    from selfeval.services.improvement.snapshots import take_snapshot
    from selfeval.services.judgements import set_judgement
    from selfeval.services.workspace import open_workspace
    from tests.next_edition import NEXT_ID, write_next_edition

    folder = tmp_path_factory.mktemp("tagged")
    demo = folder / "demo.selfeval"
    shutil.copyfile(demo_template, demo)
    out = {kind: folder / f"{kind}.pdf" for kind in KINDS}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SELFEVAL_HOME", str(folder / "home"))
        write_next_edition(user_frameworks_dir())
        workspace = open_workspace(demo)
        take_snapshot(workspace, "Board")
        set_judgement(workspace, "right-help", rating="amber")
        workspace.close()
        extra = {"progress": ["--since", "Board"], "edition-changes": ["--to", NEXT_ID]}
        for kind in KINDS[:-2]:
            command = "pdf" if kind == "pack" else kind
            argv = ["export", command, str(demo), "-o", str(out[kind]), *extra.get(kind, [])]
            assert main(argv) == 0, kind
        county = county_workspace(demo_template, folder)
        assert main(["export", "pdf", str(county), "-o", str(out["county"])]) == 0
    render_document(every_block(), out["blocks"])
    return out


def county_workspace(template: Path, folder: Path) -> Path:
    """The demo with a county's library: 5,000 more evidence items, two criteria each."""
    from selfeval.services.evidence_import import import_evidence
    from selfeval.services.workspace import open_workspace

    path = folder / "county.selfeval"
    shutil.copyfile(template, path)
    tracker = folder / "tracker.csv"
    with open_workspace(path) as workspace:
        criteria = [c.id for c in workspace.framework.criteria]
        rows = [
            f"Evidence item {n}: {'a longer title ' * (n % 5)},audit,Anyshire County Council,"
            f"2026-06-01,{criteria[n % len(criteria)]};{criteria[(n + 7) % len(criteria)]},no"
            for n in range(COUNTY_ITEMS)
        ]
        tracker.write_text(
            "title,kind,organisation,date,criteria,personal_data\n" + "\n".join(rows) + "\n",
            encoding="utf-8",
        )
        known = {"Anyshire County Council": "Anyshire County Council - SEND and Inclusion"}
        assert import_evidence(workspace, tracker, organisations=known).imported == COUNTY_ITEMS
    return path


def every_block() -> object:
    """One document with every kind of block, user text in Welsh, Urdu and English, a table
    and a paragraph long enough to go over a page."""
    from typing import get_args

    from selfeval.pack import blocks as b
    from selfeval.pack.model import GroupSummary, IndicatorLine, Rating, RiskLine

    green, red = Rating("green", "Green", "#2E7D32"), Rating("red", "Red", "#C62828")
    indicator = IndicatorLine(
        "Plans issued within 20 weeks", "%", "higher is better", "2025", 63.0,
        (("England", 50.3, "better"),), None, (("2024", 41.0), ("2025", 63.0)),
        (("England", (49.2, 50.3)),),
    )  # fmt: skip
    risk = RiskLine("Waits", "Long waits", "More clinics", "ICB", 4, 3, 12, "High", "#C62828", None)
    made: list[b.Block] = [
        b.Para("Every block", "title"),
        b.Image(_logo(), alt="Logo of Anyshire"),
        b.Heading("First part", 1),
        b.Para("Mae ein plant a'n pobl ifanc yn cael cymorth gwych gan yr ysgol."),
        b.Para("ہم اپنے بچوں کے لیے بہتر خدمات چاہتے ہیں"),
        b.Bullets(("E1 A first item", "E2 A second item"), links=("ev-1", "")),
        b.RatedBullets((("A framework bullet", green, "a note"), ("Another", None, ""))),
        b.RatingLine(red),
        b.ChangedText((("same", "Kept "), ("removed", "gone "), ("added", "new"))),
        b.Written((("plain", "Our "), ("bold", "own"), ("italic", " words"))),
        b.ListItems(((("plain", "One"),), (("plain", "Two"),)), numbered=True),
        b.Heading("A minor heading straight under a top one", 3),
        b.Box((b.Heading("In a box", 3), b.Para("Framed"), b.Bullets(("Inside a box",)))),
        b.KeyValues((("Partnership", "Anyshire"), ("Date", "5 December 2026"))),
        b.SignatureLines(("Director of Children's Services",)),
        b.RatingsChart((green, red), (GroupSummary("Group", {"green": 2, "red": 1}),)),
        b.TrendChart(indicator),
        b.HeatMap((risk,), ((1, "Low", "#2E7D32"), (10, "High", "#C62828"))),
        b.PageBreak(),
        b.Heading("Long things", 2),
        b.Para(" ".join(f"Sentence {n} of a paragraph that goes over a page." for n in range(500))),
        b.Table(
            ("Ref", "Title", "Rating"),
            tuple(
                (f"E{n}", b.CellText(f"Item {n}", ("a line",), anchor=f"ev-{n}"), b.Chip(green))
                for n in range(1, 120)
            ),
            (1, 5, 2),
        ),
        b.Spacer(),
    ]
    assert {type(block) for block in made} == set(get_args(b.Block)), "a kind of block is missing"
    return b.Document("Every block", "A test", "Tests", "OFFICIAL", True, tuple(made), True)


def _logo() -> bytes:
    import io

    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (120, 50), (29, 79, 145)).save(data, "PNG")
    return data.getvalue()


@pytest.fixture(params=KINDS)
def document(request: pytest.FixtureRequest, written: dict[str, Path]) -> Iterator[pikepdf.Pdf]:
    with pikepdf.open(written[request.param]) as pdf:
        yield pdf


def test_the_pdfua_checker_finds_nothing(written: dict[str, Path]) -> None:
    from pdfua import validate

    for kind, path in written.items():
        report = validate(str(path))
        assert report.findings == (), (kind, [f.message for f in report.findings][:5])
        assert report.skipped == (), (kind, [o.skipped_reason for o in report.skipped])


def test_it_declares_itself_tagged_in_british_english_with_its_title(
    document: pikepdf.Pdf,
) -> None:
    assert document.check_pdf_syntax() == []  # qpdf reads every object and the cross-reference
    root = document.Root
    assert bool(root.MarkInfo.Marked)
    assert str(root.Lang) == "en-GB"
    assert bool(root.ViewerPreferences.DisplayDocTitle)
    assert "/StructTreeRoot" in root
    xmp = bytes(root.Metadata.read_bytes()).decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    title = str(document.docinfo.Title)
    assert title and f'<rdf:li xml:lang="x-default">{escape(title)}</rdf:li>' in xmp


def test_nothing_is_drawn_outside_a_tagged_sequence_or_an_artifact(document: pikepdf.Pdf) -> None:
    tree = parent_tree(document)
    for number, page in enumerate(document.pages, start=1):
        found = page_sequences(page)
        assert found.unmarked == [], (number, found.unmarked[:10])
        assert found.nested_mcids == 0, number
        assert found.artifacts > 0, number  # the header and footer at least
        assert str(page.obj.Tabs) == "/S", number
        assert sorted(found.mcids) == list(range(len(found.mcids))), number
        if not found.mcids:
            continue
        owners = tree[int(page.obj.StructParents)]
        assert len(owners) == len(found.mcids), number
        for mcid, owner in enumerate(owners):
            assert _marks(owner, page.obj, mcid), (number, mcid, role(owner))


def _marks(element: pikepdf.Dictionary, page: pikepdf.Object, mcid: int) -> bool:
    """The element's kids name this page's sequence `mcid`."""
    kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
    for kid in kids:
        if isinstance(kid, int) or (hasattr(kid, "is_integer") and kid.is_integer):
            if int(kid) == mcid and element.Pg.objgen == page.objgen:
                return True
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":  # noqa: SIM102
            if int(kid.MCID) == mcid and kid.Pg.objgen == page.objgen:
                return True
    return False


def test_every_element_stands_where_the_standard_lets_it(document: pikepdf.Pdf) -> None:
    for element, parent in elements_in(document):
        name = role(element)
        assert name in STANDARD_ROLES, name
        assert element.P.objgen == parent.objgen, name  # its parent names it, it names its parent
        if name in PARENTS:
            assert role(parent) in PARENTS[name], (name, role(parent))


def test_each_section_starts_with_its_heading(document: pikepdf.Pdf) -> None:
    """Sections nest as the headings do: each opens with its own heading, and a deeper one
    only inside a shallower one."""
    for element, parent in elements_in(document):
        if role(element) != "Sect":
            continue
        first = kids_of(element)[0]
        assert role(first) in ("H1", "H2", "H3")
        if role(parent) == "Sect":
            assert int(role(first)[1]) > int(role(kids_of(parent)[0])[1])


def test_a_framed_box_keeps_its_heading_and_ends_where_it_ends(written: dict[str, Path]) -> None:
    with pikepdf.open(written["blocks"]) as pdf:
        (box,) = [(e, p) for e, p in elements_in(pdf) if role(e) == "Div"]
        kids = kids_of(box[1])
        after = kids[[k.objgen for k in kids].index(box[0].objgen) + 1]
        assert [role(k) for k in kids_of(box[0])][:2] == ["H3", "P"]
        assert role(after) == "Table"  # the details after the box are the section's, not the box's


def test_figures_say_what_they_show_and_tables_have_header_cells(document: pikepdf.Pdf) -> None:
    for element in elements(document):
        name = role(element)
        if name == "Figure":
            assert len(str(element.get("/Alt", ""))) > 3
            assert "/BBox" in element.A
        if name == "TH":
            assert str(element.A.Scope) in ("/Column", "/Row")
        if name == "Table":
            assert any(role(e) == "TH" for e in _descendants(element))


def _descendants(element: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    for kid in kids_of(element):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _descendants(kid)


def test_charts_give_their_figures_in_words(written: dict[str, Path]) -> None:
    with pikepdf.open(written["blocks"]) as pdf:
        alts = [str(e.Alt) for e in elements(pdf) if role(e) == "Figure"]
    assert alts[0] == "Logo of Anyshire"
    assert "Group: 2 Green, 1 Red" in alts[1]
    assert "Our area: 2024 41%, 2025 63%" in alts[2] and "England: 2024 49.2%" in alts[2]
    assert "Waits: impact 4, likelihood 3, score 12 (High)" in alts[3]


def test_headings_never_skip_a_level_and_are_the_outline(
    written: dict[str, Path], document: pikepdf.Pdf
) -> None:
    path = next(p for p in written.values() if p.name == Path(document.filename).name)
    headings = [(int(r[1]), text) for r, text in element_texts(path) if r in ("H1", "H2", "H3")]
    level = 0
    for number, _text in headings:
        assert number <= level + 1, headings
        level = number
    in_outline = [(depth + 1, squeezed(title)) for depth, title in outline(document)]
    assert in_outline == [(n, squeezed(t)) for n, t in headings if n <= 2]


def test_links_are_in_the_structure_and_say_where_they_go(document: pikepdf.Pdf) -> None:
    tree = parent_tree(document)
    for page in document.pages:
        for annotation in page.obj.get("/Annots", []):
            assert annotation.Subtype == "/Link"
            assert len(str(annotation.Contents)) > 5
            link = tree[int(annotation.StructParent)]
            assert role(link) == "Link"
            objects = [k for k in kids_of(link) if isinstance(k, pikepdf.Dictionary)]
            assert any(
                k.get("/Type") == "/OBJR" and k.Obj.objgen == annotation.objgen for k in objects
            )


def test_every_font_is_embedded_with_its_unicode_map(written: dict[str, Path]) -> None:
    for kind, path in written.items():
        done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
        rows = done.stdout.splitlines()[2:]
        assert rows, kind
        for row in rows:
            emb, sub, uni = row.split()[-5:-2]
            assert (emb, uni) == ("yes", "yes"), (kind, row)


def test_the_structure_reads_in_the_order_of_the_page(written: dict[str, Path]) -> None:
    """The text in structure order is the text drawn, in the order drawn, less the furniture
    (poppler reads both; right-to-left words are drawn in visual order and carry their typed
    order as ActualText, so both sides are compared as drawn)."""
    for kind, path in written.items():
        in_structure = left_to_right(squeezed(struct_text(path)))
        on_pages = left_to_right("".join(page_texts(path, artifacts=False)))
        assert in_structure == on_pages, kind


def test_furniture_is_artifacts(written: dict[str, Path]) -> None:
    """Each page's artifacts start with its watermark (a draft), its marking at the top and
    foot, its title and "page N of M"; the rest are repeated header rows and signing lines."""
    for kind, path in written.items():
        with pikepdf.open(path) as pdf:
            title = str(pdf.docinfo.Title)
        title = squeezed(title if len(title) < 90 else title[:87] + "...")  # as the foot shows it
        pages = page_texts(path, artifacts=True)
        for number, text in enumerate(pages, start=1):
            drawn = re.match(f"(DRAFT)?(.*?){re.escape(title)}page{number}of{len(pages)}", text)
            assert drawn, (kind, number, text[:300])
            marking = drawn.group(2)
            assert marking[: len(marking) // 2] * 2 == marking, (kind, number, marking)


def test_a_paragraph_over_two_pages_is_one_element_and_languages_are_said(
    written: dict[str, Path],
) -> None:
    with pikepdf.open(written["blocks"]) as pdf:
        found = list(elements(pdf))
        long = [e for e in found if role(e) == "P" and isinstance(e.K, pikepdf.Array)]
        assert any(
            isinstance(k, pikepdf.Dictionary) and k.Type == "/MCR" for e in long for k in e.K
        )
        languages = {str(e.Lang): e for e in found if "/Lang" in e}
    assert set(languages) == {"cy", "ur"}
    assert str(languages["ur"].ActualText) == "ہم اپنے بچوں کے لیے بہتر خدمات چاہتے ہیں"


def test_a_long_table_is_one_table_with_its_header_once(written: dict[str, Path]) -> None:
    with pikepdf.open(written["blocks"]) as pdf:
        tables = [e for e in elements(pdf) if role(e) == "Table"]
        long = tables[-1]
        rows = [e for e in _descendants(long) if role(e) == "TR"]
        heads = [e for e in _descendants(long) if role(e) == "THead"]
    assert len(rows) == 120 and len(heads) == 1  # the header and 119 rows, over three pages


def test_the_checks_fail_on_an_untagged_pdf(tmp_path: Path) -> None:
    """The checks can fail: reportlab's own untagged output is caught by each of them."""
    from pdfua import validate
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    path = tmp_path / "untagged.pdf"
    SimpleDocTemplate(str(path)).build([Paragraph("Untagged", getSampleStyleSheet()["Normal"])])
    assert {f.rule_id for f in validate(str(path)).findings} >= {"UA-01-005", "UA-01-002"}
    with pikepdf.open(path) as pdf:
        assert page_sequences(pdf.pages[0]).unmarked == ["Tj"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mae ein plant a'n pobl ifanc yn cael cymorth gwych gan yr ysgol.", "cy"),
        ("Croeso i’r ŵyl", "cy"),
        ("ہم اپنے بچوں کے لیے بہتر خدمات چاہتے ہیں", "ur"),
        ("مرحبا بكم في المدرسة", "ar"),
        ("שלום לכולם", "he"),
        ("Our EHC plans are issued on time", ""),
        ("Yn 2025 the plan said: mae", ""),  # two Welsh-looking words in English: not enough
        ("Parent said: ہم اپنے بچوں", ""),  # most letters English
        ("", ""),
    ],
)
def test_a_paragraph_is_marked_in_its_language_only_when_it_is_in_it(
    text: str, language: str
) -> None:
    from selfeval.pack.languages import language_of

    assert language_of(text) == language


def test_a_rating_is_said_by_its_word_not_its_square(written: dict[str, Path]) -> None:
    """A chip draws a coloured square before its word; a screen reader is given the words."""
    with pikepdf.open(written["blocks"]) as pdf:
        said = [(role(e), str(e.ActualText)) for e in elements(pdf) if "/ActualText" in e]
    assert ("P", "Rating: Red") in said
    assert ("LBody", "A framework bullet (Green - a note)") in said
    assert said.count(("TD", "Green")) == 119  # the long table's rating column


def test_a_link_given_a_name_of_its_own_is_in_the_structure(tmp_path: Path) -> None:
    from selfeval.pack.pdf_canvas import TaggingCanvas
    from selfeval.pack.pdf_tags import Tag, Tagger
    from selfeval.pack.pdf_tree import prepare_structure

    tags, path = Tagger(), tmp_path / "named.pdf"
    with path.open("wb") as handle:
        canvas = TaggingCanvas(handle, tags=tags)
        canvas.bookmarkPage("there")

        def draw() -> None:
            canvas.drawString(72, 720, "Here")
            canvas.linkRect("", "there", (72, 715, 120, 730), name="mine")

        tags.draw(canvas, Tag("P"), draw, False)
        prepare_structure(canvas, "Named", "Tests", "A link")
        canvas.save()
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []
        (annotation,) = pdf.pages[0].obj.Annots
        link = parent_tree(pdf)[int(annotation.StructParent)]
        assert (
            role(link) == "Link"
            and str(annotation.Contents) == "Go to another part of this document"
        )
        assert link.K.Obj.objgen == annotation.objgen
