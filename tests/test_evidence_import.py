"""Evidence trackers (.csv, .xlsx): all rows or none, each bad row named by its number."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from selfeval.errors import InputError
from selfeval.services.dump import dump_json
from selfeval.services.evidence import list_evidence
from selfeval.services.evidence_import import ImportProblems, import_evidence
from selfeval.services.tracker_columns import FIELDS
from selfeval.services.workspace import Workspace

HEADER = list(FIELDS)  # a tracker with exactly the fields' own names
GOOD_ROWS = [
    [
        "EHCP timeliness",
        "20-week data",
        "data",
        "Anyshire Council",
        "2026-03-31",
        "needs-identified;right-help.1",
        "no",
        "https://example.org/a",
    ],
    ["Parent survey", "", "survey", "Anyshire PCF", "12/05/2026", "participation", "", ""],
    [
        "Case study: Child A",
        "About one child",
        "case-study",
        "Riverside School",
        "",
        "right-help",
        "yes",
        "",
    ],
]


def write_csv(
    path: Path, rows: list[list[str]], header: list[str] = HEADER, encoding: str = "utf-8"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Evidence"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_a_good_csv_imports_every_row(workspace: Workspace, tmp_path: Path) -> None:
    result = import_evidence(workspace, write_csv(tmp_path / "tracker.csv", GOOD_ROWS))
    assert (result.imported, result.links, result.organisations_created) == (3, 4, 3)
    items = {e.title: e for e in list_evidence(workspace)}
    assert items["EHCP timeliness"].links == (
        ("needs-identified", ""),
        ("right-help", "right-help.1"),
    )
    assert items["Parent survey"].evidence_date == date(2026, 5, 12)
    assert items["Case study: Child A"].personal_data is True
    assert items["Case study: Child A"].evidence_date is None
    assert items["Parent survey"].organisation == "Anyshire PCF"


def test_a_good_xlsx_imports_with_real_dates(workspace: Workspace, tmp_path: Path) -> None:
    rows: list[list[object]] = [list(r) for r in GOOD_ROWS]
    rows[0][4] = datetime(2026, 3, 31)
    result = import_evidence(workspace, write_xlsx(tmp_path / "tracker.xlsx", rows))
    assert result.imported == 3
    items = {e.title: e for e in list_evidence(workspace)}
    assert items["EHCP timeliness"].evidence_date == date(2026, 3, 31)


def test_one_bad_row_imports_nothing_and_names_the_row(
    workspace: Workspace, tmp_path: Path
) -> None:
    rows = [*GOOD_ROWS, ["Bad date", "", "data", "", "31/02/2026", "participation", "no", ""]]
    path = write_csv(tmp_path / "tracker.csv", rows)
    before = dump_json(workspace)
    with pytest.raises(ImportProblems) as caught:
        import_evidence(workspace, path)
    assert caught.value.problems == [
        "row 5: date: '31/02/2026' is not a date (write 2024-03-31 or 31/03/2024)"
    ]
    assert str(caught.value).startswith(f"{path}: nothing was imported; 1 row needs fixing:")
    assert dump_json(workspace) == before


def test_every_kind_of_bad_row_is_reported(workspace: Workspace, tmp_path: Path) -> None:
    rows = [
        ["", "no title", "data", "", "", "", "", ""],
        ["Rumour", "", "rumour", "", "", "", "", ""],
        ["Wrong criterion", "", "data", "", "", "leaders-everything", "", ""],
        ["Maybe personal", "", "data", "", "", "", "perhaps", ""],
        ["x" * 501, "", "data", "", "", "", "", ""],
    ]
    with pytest.raises(ImportProblems) as caught:
        import_evidence(workspace, write_csv(tmp_path / "t.csv", rows))
    assert caught.value.problems == [
        "row 2: title: must not be empty",
        "row 3: kind: unknown kind 'rumour' (use one of: data, audit, survey, case-study, strategy, minutes, co-production, other)",
        "row 4: criteria: 'leaders-everything' is not a criterion or bullet of area-send-2023",
        "row 5: personal_data: 'perhaps' is not yes or no",
        "row 6: title: String should have at most 500 characters",
    ]
    assert list_evidence(workspace) == []


def test_bad_xlsx_row_is_named_too(workspace: Workspace, tmp_path: Path) -> None:
    rows: list[list[object]] = [list(GOOD_ROWS[0]), ["Bad", "", "data", "", "", "nope", "", ""]]
    with pytest.raises(ImportProblems) as caught:
        import_evidence(workspace, write_xlsx(tmp_path / "t.xlsx", rows))
    assert caught.value.problems == [
        "row 3: criteria: 'nope' is not a criterion or bullet of area-send-2023"
    ]
    assert list_evidence(workspace) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.txt", b"title\nx\n", "is not a .csv or .xlsx file"),
        ("t.csv", b"", "is empty (no header row)"),
        ("t.csv", b"title,colour\nx,red\n", "row 1: columns this importer does not know: 'colour'"),
        ("t.csv", b"description\nx\n", "row 1: no column is the title"),
        ("t.csv", b"title,title\nx,y\n", "row 1: column 'title' appears twice"),
        ("t.csv", b"title\x00\x01\x02", "is not a text file"),
        ("t.csv", b'title\n"unclosed\n', "is not valid CSV"),
        ("t.csv", b"title\nx,extra\n", "row 2: has more cells than the header has columns"),
        ("t.xlsx", b"PK\x03\x04 not really a zip", "is not a readable Excel workbook"),
    ],
)
def test_bad_files_are_refused_clearly(
    workspace: Workspace, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        import_evidence(workspace, path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert list_evidence(workspace) == []


def test_windows_excel_csv_in_cp1252_is_read(workspace: Workspace, tmp_path: Path) -> None:
    rows = [["Caf\u00e9 review \u2013 2026", "", "audit", "", "", "", "", ""]]
    import_evidence(workspace, write_csv(tmp_path / "t.csv", rows, encoding="cp1252"))
    assert [e.title for e in list_evidence(workspace)] == ["Caf\u00e9 review \u2013 2026"]


def test_import_records_one_history_line(workspace: Workspace, tmp_path: Path) -> None:
    from selfeval.services.history import history

    import_evidence(workspace, write_csv(tmp_path / "tracker.csv", GOOD_ROWS))
    (change,) = [c for c in history(workspace) if c.field == "imported"]
    assert change.new_value == "3 items from tracker.csv"
    assert change.origin == "import:tracker.csv"
