"""The pack in all three formats, read back as a board member's software would read it."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from selfeval.pack.builders.export import export_pack
from selfeval.pack.builders.pack_builder import build_pack
from selfeval.pack.model import PackOptions, evidence_line
from selfeval.services.workspace import Workspace

ISSUED = date(2026, 11, 23)
PERSONAL_TITLE = "Case study: young person leading her own annual review"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> dict[str, Path]:
    """The demo exported once in every format (default options: draft, no personal data)."""
    from selfeval.services.workspace import open_workspace
    from tests.conftest import TEST_USER

    folder = tmp_path_factory.mktemp("exports")
    paths = {}
    with open_workspace(demo_template, TEST_USER) as workspace:
        for fmt in ("pdf", "docx", "xlsx"):
            paths[fmt] = export_pack(
                workspace, fmt, folder / f"pack.{fmt}", PackOptions(issued=ISSUED)
            )
        paths["pdf-personal"] = export_pack(
            workspace,
            "pdf",
            folder / "personal.pdf",
            PackOptions(issued=ISSUED, include_personal_data=True, status="final"),
        )
    return paths


@pytest.fixture(scope="module")
def pack(demo_template: Path):  # type: ignore[no-untyped-def]
    from selfeval.services.workspace import open_workspace
    from tests.conftest import TEST_USER

    with open_workspace(demo_template, TEST_USER) as workspace:
        return build_pack(workspace, PackOptions(issued=ISSUED))


def test_pdf_has_every_criterion_rating_and_evidence_reference(exported, pack) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(exported["pdf"])
    pages = [page.extract_text() for page in reader.pages]
    text = flat(" ".join(pages))
    for section in pack.sections:
        assert flat(section.title) in text
        assert (
            f"Rating: ■ {section.rating.label}" in text or f"Rating: {section.rating.label}" in text
        )
    for entry in pack.evidence:
        assert re.search(rf"\b{entry.ref}\b", text)
    appendix = text[text.rindex("Appendix: evidence index") :]
    body = text[: text.rindex("Appendix: evidence index")]
    for entry in pack.evidence:
        assert flat(entry.title[:40]) in text
    assert "E1 " in appendix
    # each criterion names its evidence ("E3 - Title (Oct 2026)"); the index has descriptions
    first = pack.evidence[0]
    assert flat(evidence_line(first))[:60] in body
    assert flat(first.description)[:40] in appendix
    links = [
        annotation.get_object() for page in reader.pages for annotation in page.get("/Annots") or []
    ]
    assert any("/Dest" in a or "/A" in a for a in links)  # refs link to the index
    # every coloured square is followed by its word; no character fell back to a missing glyph
    assert not re.findall(r"■(?! (Red|Amber|Green|Low|Medium|High|Very high))", text)


def test_pdf_pages_marking_numbering_bookmarks_fonts_metadata(exported, pack) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(exported["pdf"])
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert text.count("OFFICIAL-SENSITIVE") >= 2, number
        assert f"page {number} of {total}" in text
    titles = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    assert "Executive summary" in titles
    assert "Appendix: evidence index" in titles
    assert "Impact on the experiences and outcomes of children and young people" in titles
    for section in pack.sections:
        assert f"{section.number}. {section.title}" in titles
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font.get("/FontDescriptor")
                or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
        "DejaVuSans-BoldOblique",
    }
    meta = reader.metadata
    assert meta.title == "Anyshire local area partnership: SEND self-evaluation"
    assert meta.author == "Test Lead (Testshire Council)"
    assert "Area SEND" in (meta.subject or "")


def test_pdf_draft_watermark_and_cover(exported) -> None:  # type: ignore[no-untyped-def]
    draft = flat(PdfReader(exported["pdf"]).pages[0].extract_text())
    final = flat(PdfReader(exported["pdf-personal"]).pages[0].extract_text())
    assert "DRAFT" in draft and "Status Draft" in draft
    assert "DRAFT" not in final and "Status Final" in final
    assert "Left out: 4 evidence items marked as personal data are not in this pack" in draft
    assert "Included: evidence marked as personal data is in this pack" in final


def test_personal_data_only_with_the_flag_in_every_format(
    exported, demo_template: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services.workspace import open_workspace
    from tests.conftest import TEST_USER

    def pdf_text(path: Path) -> str:
        return flat(" ".join(p.extract_text() for p in PdfReader(path).pages))

    def docx_text(path: Path) -> str:
        document = Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
        return flat(" ".join(parts))

    def xlsx_text(path: Path) -> str:
        book = load_workbook(path)
        return " ".join(
            str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r if c.value
        )

    assert PERSONAL_TITLE not in pdf_text(exported["pdf"])
    assert PERSONAL_TITLE in pdf_text(exported["pdf-personal"])
    assert PERSONAL_TITLE not in docx_text(exported["docx"])
    assert PERSONAL_TITLE not in xlsx_text(exported["xlsx"])
    with open_workspace(demo_template, TEST_USER) as workspace:
        options = PackOptions(issued=ISSUED, include_personal_data=True)
        docx_path = export_pack(workspace, "docx", tmp_path / "p.docx", options)
        xlsx_path = export_pack(workspace, "xlsx", tmp_path / "p.xlsx", options)
    assert PERSONAL_TITLE in docx_text(docx_path)
    assert PERSONAL_TITLE in xlsx_text(xlsx_path)


def test_word_pack_has_headings_tables_and_every_reference(exported, pack) -> None:  # type: ignore[no-untyped-def]
    document = Document(str(exported["docx"]))
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    for section in pack.sections:
        assert ("Heading 2", f"{section.number}. {section.title}") in headings
    assert ("Heading 1", "Executive summary") in headings
    summary, index = document.tables[1], document.tables[-1]
    ratings = [row.cells[2].text for row in summary.rows[1:]]
    assert ratings == [f"■ {s.rating.label}" for s in pack.sections]
    assert [row.cells[0].text for row in index.rows[1:]] == [e.ref for e in pack.evidence]
    assert document.core_properties.title == pack.title
    footer = document.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and "PAGE" in footer
    assert "OFFICIAL-SENSITIVE" in document.sections[0].header.paragraphs[0].text


def test_word_contents_are_written_filled_and_the_marking_is_the_same_at_foot_and_head(
    exported,  # type: ignore[no-untyped-def]
) -> None:
    from docx.oxml.ns import qn

    document = Document(str(exported["docx"]))
    body = document.element.body
    marks = {b.get(qn("w:name")): b for b in body.iter(qn("w:bookmarkStart"))}
    links = [
        (h.get(qn("w:anchor")), "".join(t.text or "" for t in h.iter(qn("w:t"))))
        for h in body.iter(qn("w:hyperlink"))
    ]
    start = [p.text for p in document.paragraphs].index("Contents")
    headings = [
        p.text
        for p in document.paragraphs[start + 1 :]
        if p.style.name in ("Heading 1", "Heading 2")
    ]
    # one line per heading, in order, each a link to a bookmark on that heading
    assert [text for _a, text in links] == headings and len(headings) > 10
    for anchor, text in links:
        target = marks[anchor].getparent()
        assert "".join(t.text or "" for t in target.iter(qn("w:t"))) == text
    # the field is whole: begin, separate and end, so Word's own update replaces our lines
    kinds = [c.get(qn("w:fldCharType")) for c in body.iter(qn("w:fldChar"))]
    assert kinds[:2] == ["begin", "separate"] and "end" in kinds
    header = document.sections[0].header.paragraphs[0].text
    footer = [p.text for p in document.sections[0].footer.paragraphs]
    assert header == "OFFICIAL-SENSITIVE - DRAFT" and footer[-1] == header


def test_no_page_break_stands_alone_to_leave_a_blank_page() -> None:
    from docx import Document as new_document
    from docx.oxml.ns import qn

    from selfeval.pack.docx_breaks import breaks_before_what_follows

    document = new_document()
    document.add_paragraph("cover")
    document.add_page_break()
    document.add_page_break()  # two in a row: one page, not an empty one between
    document.add_heading("Contents", 1)
    document.add_page_break()
    document.add_table(rows=1, cols=1)  # a table cannot carry the break: it stays
    document.add_paragraph("end")
    document.add_page_break()  # at the very end: no page to start
    assert breaks_before_what_follows(document) == 1
    body = document.element.body
    lone = [p for p in body.iter(qn("w:p")) if p.find(f".//{qn('w:br')}") is not None]
    assert len(lone) == 1 and lone[0].getnext().tag == qn("w:tbl")
    heading = next(p for p in document.paragraphs if p.text == "Contents")
    assert heading.paragraph_format.page_break_before
    assert document.paragraphs[-1].text == "end"


def test_the_word_pack_starts_pages_on_headings_not_on_empty_paragraphs(exported) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn

    document = Document(str(exported["docx"]))
    starts = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(starts) > 10 and all(p.text for p in starts)
    breaks = document.element.body.iter(qn("w:br"))
    assert not [b for b in breaks if b.get(qn("w:type")) == "page"]


def test_excel_pack_sheets_dates_filters(exported, pack) -> None:  # type: ignore[no-untyped-def]
    book = load_workbook(exported["xlsx"])
    assert book.sheetnames == [
        "Summary",
        "Judgements",
        "Evidence log",
        "Owners",
        "Actions",
        "Indicators",
        "Risks",
        "Data request",
    ]
    judgements = book["Judgements"]
    assert judgements.freeze_panes == "A2"
    assert judgements.auto_filter.ref.startswith("A1:")
    narrative = judgements.cell(row=2, column=5)  # long text wraps, read from the top
    assert narrative.alignment.wrap_text and narrative.alignment.vertical == "top"
    assert judgements.cell(row=1, column=5).alignment.wrap_text  # so does the header
    rows = list(judgements.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == [s.title for s in pack.sections]
    assert [r[3] for r in rows] == [s.rating.label for s in pack.sections]
    log = book["Evidence log"]
    entries = list(log.iter_rows(min_row=2, values_only=True))
    assert [e[0] for e in entries] == [e.ref for e in pack.evidence]
    assert all(isinstance(e[4], datetime) for e in entries if e[4] is not None)
    owners = list(book["Owners"].iter_rows(min_row=2, values_only=True))
    assert ("Lead", "Rajesh Patel") in {(o[4], o[2]) for o in owners}
    assert isinstance(book["Summary"]["B2"].value, datetime)


def test_every_sheet_prints_on_a4_at_a_readable_scale_with_headers_that_fit(
    exported,  # type: ignore[no-untyped-def]
) -> None:
    from openpyxl.utils import get_column_letter

    from selfeval.pack.xlsx_table import PRINTABLE, SMALLEST_SCALE

    book = load_workbook(exported["xlsx"])
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.paperSize == 9 and setup.orientation == "landscape"
        widths = [
            sheet.column_dimensions[get_column_letter(c)].width
            for c in range(1, sheet.max_column + 1)
        ]
        fitted = sheet.sheet_properties.pageSetUpPr.fitToPage
        scale = min(100, PRINTABLE * 100 / sum(widths)) if fitted else setup.scale
        assert scale >= SMALLEST_SCALE, sheet.title
        if not fitted:  # running on to a second page, each page says which row it is
            assert sheet.print_title_cols == "$A:$A", sheet.title
        header_row = int(sheet.freeze_panes[1:]) - 1
        assert sheet.print_title_rows == f"${header_row}:${header_row}", sheet.title
        for column, width in enumerate(widths, start=1):
            cell = sheet.cell(row=header_row, column=column)
            words = str(cell.value).split()
            # every word of a column's name fits its width; a longer name wraps
            assert max(len(w) for w in words) <= width * 1.15, (sheet.title, cell.value)
            if len(str(cell.value)) > width:
                assert cell.alignment.wrap_text, (sheet.title, cell.value)


def test_excel_never_turns_text_into_formulas(workspace: Workspace, tmp_path: Path) -> None:
    from selfeval.services.evidence import EvidenceInput, add_evidence

    add_evidence(
        workspace, EvidenceInput(title='=HYPERLINK("http://x","click")'), ["participation"]
    )
    path = export_pack(workspace, "xlsx", tmp_path / "p.xlsx", PackOptions())
    cell = load_workbook(path)["Evidence log"]["B2"]
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x","click")'


def test_chosen_criteria_only(demo: Workspace, tmp_path: Path) -> None:
    options = PackOptions(criteria=("right-help", "leaders-evaluate"), issued=ISSUED)
    pack = build_pack(demo, options)
    assert [s.number for s in pack.sections] == [3, 10]
    assert pack.likely_outcome is None  # a view of all criteria only
    path = export_pack(demo, "pdf", tmp_path / "extract.pdf", options)
    text = flat(" ".join(p.extract_text() for p in PdfReader(path).pages))
    assert "Extract: selected criteria" in text
    assert "1. Children and young people's needs are identified" not in text


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.files.output import ExportCancelled

    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the earlier export")
    for fmt in ("pdf", "docx", "xlsx"):
        path = tmp_path / f"pack.{fmt}"
        if fmt != "pdf":
            path.unlink(missing_ok=True)
        with pytest.raises(ExportCancelled):
            export_pack(demo, fmt, path, PackOptions(), cancelled=lambda: True)
    assert target.read_bytes() == b"the earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


def test_export_to_a_missing_folder_is_a_clear_error(demo: Workspace, tmp_path: Path) -> None:
    from selfeval.errors import InputError

    with pytest.raises(InputError, match="no such folder"):
        export_pack(demo, "pdf", tmp_path / "nope" / "pack.pdf", PackOptions())


def test_cli_export(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from selfeval.cli import main

    out = tmp_path / "board.pdf"
    code = main(
        [
            "export",
            "pdf",
            str(demo_path),
            "-o",
            str(out),
            "--status",
            "final",
            "--marking",
            "OFFICIAL",
            "--criteria",
            "participation,right-help",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out == f"Wrote {out} (final, without personal data)\n"
    first = PdfReader(out).pages[1].extract_text()
    assert "OFFICIAL" in first and "OFFICIAL-SENSITIVE" not in first


def test_a_cancelled_workbook_leaves_nothing_behind(demo: Workspace, tmp_path: Path) -> None:
    """The workbook streams each sheet into a temporary file of its own (write-only mode): a
    cancel half-way writes no pack and leaves none of those files."""
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    from selfeval.files.output import ExportCancelled
    from selfeval.pack.xlsx_render import render_xlsx

    pack = build_pack(demo, PackOptions())
    steps: list[int] = []
    out = tmp_path / "out"
    out.mkdir()
    target = out / "pack.xlsx"
    with pytest.raises(ExportCancelled):
        render_xlsx(pack, target, lambda done, _total: steps.append(done), lambda: len(steps) >= 2)
    assert steps == [1, 2] and not target.exists()
    assert list(out.iterdir()) == []
    assert not [f for f in ALL_TEMP_FILES if Path(f).exists()]
    assert render_xlsx(pack, target).exists()  # and the next export is whole
    assert load_workbook(target).sheetnames[:2] == ["Summary", "Judgements"]


def _not_applying() -> list[tuple[str, list[str], str]]:
    from selfeval.cli.publishing import EXPORT_OPTIONS

    formats = ("pdf", "docx", "xlsx", "progress", "parents", "brief", "edition-changes")
    cases = []
    for flags, settings, applies in EXPORT_OPTIONS:
        value = (
            []
            if settings.get("action") == "store_true"
            else [settings.get("choices", ("x", "final"))[-1] if "choices" in settings else "given"]
        )
        for document in formats:
            if document not in applies:
                cases.append((document, [flags[0], *value], flags[0]))
    return cases


@pytest.mark.parametrize(("document", "option", "flag"), _not_applying())
def test_an_option_the_document_ignores_is_refused_naming_it(
    demo_path: Path, tmp_path: Path, document: str, option: list[str], flag: str,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from selfeval.cli import main

    out = tmp_path / "out.pdf"
    assert main(["export", document, str(demo_path), "-o", str(out), *option]) == 2
    err = capsys.readouterr().err
    assert f"{flag} does not apply to 'export {document}'" in err
    assert not out.exists()
