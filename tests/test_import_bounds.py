"""Imports are bounded and exact: hostile workbooks are refused before they are inflated, a CSV is
decoded exactly or refused with the row and column of the bad byte, dates are exact."""

from __future__ import annotations

import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from selfeval.errors import InputError
from selfeval.services.dump import dump_json
from selfeval.services.evidence import list_evidence
from selfeval.services.evidence_import import ImportProblems, import_evidence
from selfeval.services.workspace import Workspace
from tests.test_evidence_import import HEADER, write_csv

ROW = [
    "EHCP audit",
    "Quarterly audit",
    "audit",
    "Anyshire Council",
    "2026-03-31",
    "right-help",
    "no",
    "",
]


def refused(workspace: Workspace, path: Path, message: str) -> str:
    before = dump_json(workspace)
    with pytest.raises(InputError) as caught:
        import_evidence(workspace, path)
    assert message in str(caught.value), str(caught.value)
    assert "Traceback" not in str(caught.value)
    assert dump_json(workspace) == before
    return str(caught.value)


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Evidence"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def rezip(
    source: Path, target: Path, replace: dict[str, bytes], extra: dict[str, bytes] | None = None
) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info.filename)))
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def shared_strings_workbook(
    path: Path, rows: list[list[str]], strings_xml: bytes | None = None
) -> Path:
    """An .xlsx as Excel writes it, with every text in xl/sharedStrings.xml (openpyxl itself
    writes inline strings, so the shared-strings cases are built by hand)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    strings: list[str] = []
    sheet_rows = []
    for r, row in enumerate([HEADER, *rows], start=1):
        cells = []
        for c, value in enumerate(row):
            strings.append(value)
            ref = f"{chr(65 + c)}{r}"
            cells.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    from xml.sax.saxutils import escape

    sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Evidence" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>{"".join(sheet_rows)}'
            "</sheetData></worksheet>"
        ),
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst xmlns="{main}">{sst}</sst>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            data = text.encode()
            if name == "xl/sharedStrings.xml" and strings_xml is not None:
                data = strings_xml
            archive.writestr(name, data)
    return path


def test_a_hand_built_shared_strings_workbook_imports(workspace: Workspace, tmp_path: Path) -> None:
    import_evidence(workspace, shared_strings_workbook(tmp_path / "excel.xlsx", [ROW]))
    assert [e.title for e in list_evidence(workspace)] == ["EHCP audit"]


def test_a_shared_strings_bomb_is_refused_before_it_inflates(
    workspace: Workspace, tmp_path: Path
) -> None:
    """GUIDE.md §5: a 600 KB workbook whose shared strings inflate to 600 MB once took 1.3 GB."""
    source = workbook(tmp_path / "good.xlsx", [ROW])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != "xl/sharedStrings.xml":
                new.writestr(info.filename, old.read(info.filename))
        with new.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            chunk = b"<si><t>" + b"A" * 1_000_000 + b"</t></si>"
            for _ in range(600):
                member.write(chunk)
            member.write(b"</sst>")
    assert bomb.stat().st_size < 2_000_000
    tracemalloc.start()
    try:
        refused(workspace, bomb, "member 'xl/sharedStrings.xml' unpacks to 600,")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000


def test_a_highly_compressed_sheet_is_refused_as_a_zip_bomb(
    workspace: Workspace, tmp_path: Path
) -> None:
    source = workbook(tmp_path / "good.xlsx", [ROW])
    sheet = b"<worksheet>" + b" " * 50_000_000 + b"</worksheet>"
    bomb = rezip(source, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    refused(workspace, bomb, "member 'xl/worksheets/sheet1.xml' expands")
    refused(workspace, bomb, "x: refused as a zip bomb")


def test_xml_entities_are_refused(workspace: Workspace, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>'
    )
    bad = shared_strings_workbook(tmp_path / "laughs.xlsx", [ROW], laughs)
    refused(
        workspace,
        bad,
        "part 'xl/sharedStrings.xml' declares XML entities, which no Excel workbook needs; refused",
    )


def test_a_shared_string_out_of_range_names_sheet_and_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    short = (
        b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"".join(f"<si><t>{h}</t></si>".encode() for h in HEADER)
        + b"</sst>"
    )  # the header's strings are there; the data row points past them
    bad = shared_strings_workbook(tmp_path / "range.xlsx", [ROW], short)
    message = refused(workspace, bad, "sheet 'Evidence', row 2: could not be read (IndexError")
    assert message.endswith("nothing was imported")


def test_malformed_sheet_xml_is_said_plainly(workspace: Workspace, tmp_path: Path) -> None:
    source = workbook(tmp_path / "good.xlsx", [ROW])
    bad = rezip(
        source,
        tmp_path / "broken.xlsx",
        {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row"},
    )
    refused(workspace, bad, "broken.xlsx: ")


def test_a_member_name_with_control_characters(workspace: Workspace, tmp_path: Path) -> None:
    source = workbook(tmp_path / "good.xlsx", [ROW])
    bad = rezip(source, tmp_path / "odd.xlsx", {}, {"xl/media/a\x07b.png": b"x"})
    refused(workspace, bad, "member 'xl/media/a\\x07b.png' has control characters in its name")


def test_not_a_workbook_at_all(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    refused(workspace, path, f"{path}: is not a readable Excel workbook")


def test_one_windows_1252_byte_among_utf8_rows(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "mixed.csv",
        [ROW, ["Café survey", "Élise's summary", "survey", "", "", "", "", ""]],
    )
    data = path.read_bytes().replace("Élise".encode(), b"\xc9lise")  # one byte as Windows saves it
    path.write_bytes(data)
    message = refused(workspace, path, "row 3, column 2 (description): byte 0xC9 is not UTF-8")
    assert "the rest of the file is" in message


def test_a_whole_windows_1252_file_imports_exactly(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "cp1252.csv",
        [["Café survey – “draft”", "", "survey", "", "", "", "", ""]],
        encoding="cp1252",
    )
    import_evidence(workspace, path)
    assert [e.title for e in list_evidence(workspace)] == ["Café survey – “draft”"]


def test_a_byte_that_is_in_neither_encoding(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "odd.csv",
        [["Survey", "caf\x00", "survey", "", "", "", "", ""]],
        encoding="cp1252",
    )
    path.write_bytes(path.read_bytes().replace(b"caf\x00", b"caf\x81"))
    refused(
        workspace,
        path,
        "row 2, column 2 (description): byte 0x81 is not a character in UTF-8 or in Windows-1252",
    )


def test_utf16_is_named(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes(",".join(HEADER).encode("utf-16"))
    refused(
        workspace, path, "is UTF-16 text (Excel's 'Unicode text'); save it as 'CSV UTF-8' instead"
    )


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-31 (draft)",
        "2026-3-31",
        "31/02/2026",
        "2026-03-31T10:00",
        "March 2026",
        "٢٠٢٦-٠٣-٣١",
    ],
)
def test_dates_are_exact(workspace: Workspace, tmp_path: Path, text: str) -> None:
    path = write_csv(tmp_path / "dates.csv", [[*ROW[:4], text, *ROW[5:]]])
    refused(
        workspace, path, f"row 2: date: '{text}' is not a date (write 2024-03-31 or 31/03/2024)"
    )


def test_dates_in_range(workspace: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "old.csv", [[*ROW[:4], "14/10/1066", *ROW[5:]]])
    with pytest.raises(ImportProblems) as caught:
        import_evidence(workspace, path)
    assert "row 2: evidence_date: 14/10/1066 is outside the dates selfeval accepts" in str(
        caught.value
    )


def test_excel_date_cells_import(workspace: Workspace, tmp_path: Path) -> None:
    path = workbook(tmp_path / "dates.xlsx", [[*ROW[:4], datetime(2026, 3, 31), *ROW[5:]]])
    import_evidence(workspace, path)
    assert [str(e.evidence_date) for e in list_evidence(workspace)] == ["2026-03-31"]


def test_a_one_megabyte_field_imports_and_one_more_character_does_not(
    workspace: Workspace, tmp_path: Path
) -> None:
    big = "x" * 1_048_576
    path = write_csv(tmp_path / "big.csv", [[ROW[0], big, *ROW[2:]]])
    import_evidence(workspace, path)
    assert len(list_evidence(workspace)[0].description) == 1_048_576
    path = write_csv(tmp_path / "bigger.csv", [[ROW[0], big + "x", *ROW[2:]]])
    refused(workspace, path, "row 2: a cell holds more than 1,048,576 characters (1 MB), the limit")
    path = workbook(tmp_path / "big.xlsx", [[ROW[0], big[:32_000], *ROW[2:]]])  # Excel's cell limit
    import_evidence(workspace, path)
