"""Long PDF documents laid out in one pass: every row and item once and in order, the header on
every page of a long table, "page N of M" and contents page numbers that point where they say."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from selfeval.pack.blocks import Bullets, CellText, Document, Heading, PageBreak, Para, Table
from selfeval.pack.pdf_blocks import render_document_pdf


def page_texts(path: Path) -> list[str]:
    return [re.sub(r"[ \t]+", " ", page.extract_text()) for page in PdfReader(path).pages]


def long_table(rows: int) -> Table:
    return Table(
        ("Ref", "Evidence", "From"),
        tuple(
            (
                CellText(f"R{i}", anchor=f"ev-R{i}"),
                CellText(f"Item {i}", ("A line of description. " * (1 + i % 7),), "note"),
                "Anyshire Council",
            )
            for i in range(rows)
        ),
        (10, 70, 20),
    )


def test_a_long_table_keeps_every_row_once_in_order_with_its_header_on_every_page(
    tmp_path: Path,
) -> None:
    document = Document(
        "Long", "s", "a", blocks=(Heading("Index"), long_table(600), Para("After the table"))
    )
    pages = page_texts(render_document_pdf(document, tmp_path / "long.pdf"))
    assert len(pages) > 20
    found = [int(n) for page in pages for n in re.findall(r"(?m)^R(\d+)\b", page)]
    assert found == list(range(600))  # none lost, none repeated, none out of order
    with_rows = [page for page in pages if re.search(r"(?m)^R\d+\b", page)]
    for page in with_rows:  # the header, then the page's first row
        first = re.search(r"(?m)^R\d+\b", page)
        assert first is not None and re.search(r"Ref\s+Evidence\s+From\s*$", page[: first.start()])
    assert "After the table" in pages[-1]
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page


def test_a_table_that_ends_on_a_page_with_room_left_is_drawn_whole(tmp_path: Path) -> None:
    document = Document("Short", "s", "a", blocks=(long_table(3), Para("Below")))
    (page,) = page_texts(render_document_pdf(document, tmp_path / "short.pdf"))
    assert re.findall(r"(?m)^R(\d+)\b", page) == ["0", "1", "2"]
    assert page.index("Below") > page.index("R2")


def test_a_long_list_of_bullets_is_all_there_in_order(tmp_path: Path) -> None:
    items = tuple(f"Bullet {i} of the list" for i in range(1500))
    document = Document("Bullets", "s", "a", blocks=(Bullets(items), Para("The end")))
    text = " ".join(page_texts(render_document_pdf(document, tmp_path / "b.pdf")))
    assert [int(n) for n in re.findall(r"Bullet (\d+) of", text)] == list(range(1500))
    assert text.index("The end") > text.index("Bullet 1499")


def test_contents_page_numbers_and_links_lead_to_their_headings(tmp_path: Path) -> None:
    blocks = [Para("Cover"), PageBreak()]
    for part in range(1, 6):
        blocks += [PageBreak(), Heading(f"Part {part} heading", 1, key=f"part-{part}")]
        blocks += [Heading(f"Section {part}.{s} heading", 2) for s in range(1, 3)]
        blocks.append(long_table(40 * part))
    document = Document("Contents test", "s", "a", blocks=tuple(blocks), contents=True)
    pdf = render_document_pdf(document, tmp_path / "c.pdf")
    pages = page_texts(pdf)
    contents = pages[1]
    assert "Contents" in contents
    # reportlab's contents draws each line's dots and number before its title
    listed = [
        (title, number)
        for number, title in re.findall(
            r"\.\s*(\d+)\s*\n\s*((?:Part|Section) [\d.]+ heading)", contents
        )
    ]
    assert len(listed) == 15
    for title, number in listed:
        page = pages[int(number) - 1]
        assert title in page, (title, number)
        assert all(title not in earlier for earlier in pages[2 : int(number) - 1]), title
    reader = PdfReader(pdf)
    page_refs = [page.indirect_reference for page in reader.pages]
    heading_page = {title: int(number) - 1 for title, number in listed}
    links = [a.get_object() for a in reader.pages[1].get("/Annots") or []]
    targets = sorted(page_refs.index(link["/Dest"][0]) for link in links if "/Dest" in link)
    # each line links to its heading twice (the title, and the dots with the number)
    assert sorted(set(targets)) == sorted(set(heading_page.values()))
    assert len(targets) == 2 * len(listed)


def test_a_long_table_inside_a_framed_box_is_drawn_whole(tmp_path: Path) -> None:
    from selfeval.pack.blocks import Box

    short = Table(("Ref", "Text"), tuple((f"R{i}", "short") for i in range(35)), (1, 1))
    document = Document("Boxed", "s", "a", blocks=(Box((Para("Framed"), short)),))
    text = " ".join(page_texts(render_document_pdf(document, tmp_path / "box.pdf")))
    assert [int(n) for n in re.findall(r"\bR(\d+)\b", text)] == list(range(35))


def test_a_document_with_no_headings_has_no_contents_page(tmp_path: Path) -> None:
    document = Document(
        "Plain", "s", "a", blocks=(Para("Cover"), PageBreak(), Para("Body")), contents=True
    )
    pages = page_texts(render_document_pdf(document, tmp_path / "plain.pdf"))
    assert len(pages) == 2 and "Body" in pages[1]
    assert not any("Contents" in page or "Placeholder" in page for page in pages)
