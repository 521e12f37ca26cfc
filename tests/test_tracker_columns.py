"""Trackers as councils keep them: their own columns given a use, organisations nearly named
asked about, items entered twice pointed out."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.services.evidence import list_evidence
from selfeval.services.evidence_import import apply_tracker, import_evidence, plan_tracker
from selfeval.services.tracker_columns import (
    IGNORE,
    NOTE,
    ColumnUses,
    suggest,
    uses_from_arguments,
)
from selfeval.services.tracker_likeness import near_duplicate_titles, organisation_matches
from selfeval.services.workspace import Workspace
from selfeval.store.models import Organisation
from tests.test_evidence_import import write_csv

COUNCIL = ["Ref", "Evidence title", "Owner", "RAG", "Date of evidence", "Location", "Notes"]
ROWS = [
    ["E1", "Local offer review", "Helen", "Green", "31/03/2026", "SharePoint/SEND", "draft"],
    ["E2", "Sufficiency plan", "Sam", "Amber", "", "", ""],
]


def organisations(workspace: Workspace) -> int:
    with workspace.transaction(read_only=True) as session:
        return session.scalar(select(func.count()).select_from(Organisation)) or 0


def test_every_unknown_column_is_named_at_once_never_one_at_a_time(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "t.csv", ROWS, COUNCIL)
    with pytest.raises(InputError) as caught:
        import_evidence(workspace, path)
    said = str(caught.value)
    assert said.startswith(f"{path}: row 1: columns this importer does not know:")
    for column in ("'Ref'", "'Owner'", "'RAG'", "'Location'", "'Notes'"):
        assert column in said
    assert list_evidence(workspace) == []  # nothing written


def test_columns_kept_as_notes_land_in_the_description_and_names_mean_their_field(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "t.csv", ROWS, COUNCIL)
    suggested = suggest(COUNCIL)
    assert suggested["Evidence title"] == "title" and suggested["Date of evidence"] == "date"
    assert suggested["Ref"] == NOTE and suggested["Notes"] == NOTE
    uses = ColumnUses(suggested | {"Owner": IGNORE, "Location": "link"})
    result = import_evidence(workspace, path, uses=uses)
    assert result.imported == 2
    items = {e.title: e for e in list_evidence(workspace)}
    offer = items["Local offer review"]
    assert offer.description == "Ref: E1\nRAG: Green\nNotes: draft"
    assert offer.link == "SharePoint/SEND" and str(offer.evidence_date) == "2026-03-31"
    assert items["Sufficiency plan"].description == "Ref: E2\nRAG: Amber"  # empty cells add nothing
    assert "Helen" not in offer.description  # ignored means ignored


@pytest.mark.parametrize(
    ("uses", "said"),
    [
        ({"Ref": "title", "Evidence title": "title"}, "are all 'title'"),
        ({"Evidence title": "note", "Ref": "note"}, "no column is the title"),
        ({"Evidence title": "colour"}, "not a use for a column"),
        ({}, "no use chosen for the columns"),
    ],
)
def test_uses_that_cannot_work_are_refused_before_anything_is_read(
    workspace: Workspace, tmp_path: Path, uses: dict[str, str], said: str
) -> None:
    path = write_csv(tmp_path / "t.csv", ROWS, COUNCIL)
    complete = {c: IGNORE for c in COUNCIL} if uses else {}
    with pytest.raises(InputError, match=said):
        plan_tracker(workspace, path, ColumnUses(complete | uses))


@pytest.mark.parametrize(
    "given",
    ["Ref", "Nope=note", "Ref=colour", "=note"],
)
def test_a_map_argument_that_names_no_column_or_use_is_refused_in_words(given: str) -> None:
    with pytest.raises(InputError, match="--map"):
        uses_from_arguments(COUNCIL, [given], ignore_unknown=True)


def test_an_organisation_nearly_named_is_asked_about_never_made_other(
    demo: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["Asked", "anyshire college"],
        ["Asked too", "Anyshire ICB"],
        ["Plainly new", "Riverbank Academy"],
        ["Known", "Anyshire College"],
    ]
    path = write_csv(tmp_path / "t.csv", rows, ["title", "organisation"])
    plan = plan_tracker(demo, path)
    asks = {m.name: m.near for m in plan.to_ask()}
    assert asks == {
        "anyshire college": ("Anyshire College",),
        "Anyshire ICB": ("NHS Anyshire and Wessex ICB",),
    }
    assert [m.name for m in plan.organisations if not m.near] == ["Riverbank Academy"]
    before = organisations(demo)
    with pytest.raises(InputError, match="say which organisation each of these is"):
        apply_tracker(demo, plan, {})
    assert organisations(demo) == before
    with pytest.raises(InputError, match="not an organisation it could be"):
        apply_tracker(
            demo, plan, {"anyshire college": "Riverside Special School", "Anyshire ICB": ""}
        )
    result = apply_tracker(demo, plan, {"anyshire college": "Anyshire College", "Anyshire ICB": ""})
    assert result.organisations_created == 2  # the ICB as asked, and Riverbank
    items = {e.title: e.organisation for e in list_evidence(demo)}
    assert items["Asked"] == "Anyshire College" and items["Asked too"] == "Anyshire ICB"


def test_near_duplicate_titles_are_pointed_out_in_the_preview(
    demo: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["SEND Strategy 2024"],
        ["Sufficiency plan"],
        ["SEND strategy 2024."],
        ["the SEN2 statutory return summary, January 2026"],
        ["Something else entirely"],
    ]
    plan = plan_tracker(demo, write_csv(tmp_path / "t.csv", rows, ["title"]))
    assert plan.near_duplicates == [
        "row 4: 'SEND strategy 2024.' is like row 2 'SEND Strategy 2024'",
        "row 5: 'the SEN2 statutory return summary, January 2026' is like 'SEN2 statutory "
        "return summary, January 2026', already in the library",
    ]


def test_likeness_is_bounded_for_a_hundred_thousand_rows() -> None:
    titles = [(n, f"Report {n}") for n in range(2, 20_002)]
    said = near_duplicate_titles(titles, [])
    assert len(said) <= 50
    matches = organisation_matches({"x": [2]}, [f"Organisation {n}" for n in range(2_000)])
    assert matches[0].near == ()


def test_the_command_line_maps_ignores_answers_and_previews(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        [[*ROWS[0], "Anyshire ICB"], [*ROWS[1], "Anyshire ICB"]],
        [*COUNCIL, "organisation"],
    )
    base = ["import", "evidence", str(demo_path), str(path)]
    assert main([*base]) == 2
    assert "--ignore-unknown-columns" in capsys.readouterr().err
    assert main([*base, "--map", "Ref=note", "--ignore-unknown-columns", "--preview"]) == 0
    preview = capsys.readouterr().out
    assert "Would import 2 evidence items with 0 links to criteria." in preview
    assert "Column 'Ref': keep as a note" in preview and "Column 'RAG': ignore" in preview
    assert "Ask: 'Anyshire ICB' (2 rows) is nearly 'NHS Anyshire and Wessex ICB'" in preview
    assert main([*base, "--map", "Ref=note", "--ignore-unknown-columns"]) == 2
    assert "say which organisation" in capsys.readouterr().err
    answer = ["--organisation", "Anyshire ICB=NHS Anyshire and Wessex ICB"]
    assert main([*base, "--map", "Ref=note", "--ignore-unknown-columns", *answer]) == 0
    assert "Imported 2 evidence items with 0 links to criteria" in capsys.readouterr().out
