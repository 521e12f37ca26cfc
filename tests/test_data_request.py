"""Ready for the data request: the starter list, what makes an item ready, the CLI and the
pack's Excel sheet."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.pack.builders.export import export_pack
from selfeval.pack.model import PackOptions
from selfeval.services.data_request import (
    DataRequestInput,
    add_item,
    add_starter_list,
    delete_item,
    list_items,
    starter_list,
    update_item,
)
from selfeval.services.people import list_people
from selfeval.services.workspace import Workspace

ON_BOTH_STORES = True  # every test with a workspace runs on a file and on a server


def test_the_starter_list_is_added_once_and_marked_as_ours(workspace: Workspace) -> None:
    assert list_items(workspace) == []
    assert add_starter_list(workspace) == len(starter_list()) >= 10
    assert add_starter_list(workspace) == 0
    items = list_items(workspace)
    assert all(i.ours and not i.ready for i in items)
    assert items[0].not_ready == (
        "no owner",
        "where it is held is not recorded",
        "never refreshed",
        "not known whether it can be produced within the notice period",
    )


def test_an_item_is_ready_with_owner_place_fresh_refresh_and_yes(demo: Workspace) -> None:
    owner = list_people(demo)[0]
    today = date.today()
    item_id = add_item(
        demo,
        DataRequestInput(
            title="Local area SEND dashboard",
            owner_person_id=owner.id,
            held_where="Power BI: SEND dashboard",
            refreshed_on=today - timedelta(days=30),
            within_notice="yes",
        ),
    )
    mine = next(i for i in list_items(demo) if i.id == item_id)
    assert mine.ready and mine.owner == owner.name
    stale = mine.as_input().model_copy(update={"refreshed_on": today - timedelta(days=400)})
    update_item(demo, item_id, stale)
    mine = next(i for i in list_items(demo) if i.id == item_id)
    assert not mine.ready and mine.not_ready[0].endswith("over 12 months ago")
    delete_item(demo, item_id)
    assert item_id not in {i.id for i in list_items(demo)}
    add_item(demo, mine.as_input(), item_id)  # undo puts it back with its own id
    assert item_id in {i.id for i in list_items(demo)}


@pytest.mark.parametrize(
    ("update", "message"),
    [
        ({"owner_person_id": "nobody"}, "no person with id 'nobody'"),
        ({"evidence_ids": ("nothing",)}, "no evidence item with id 'nothing'"),
        ({"refreshed_on": date.today() + timedelta(days=3)}, "is not a past date"),
    ],
)
def test_bad_references_change_nothing(
    demo: Workspace, update: dict[str, object], message: str
) -> None:
    before = list_items(demo)
    with pytest.raises(InputError, match=message):
        add_item(demo, DataRequestInput(title="X").model_copy(update=update))
    assert list_items(demo) == before


def test_input_limits_are_checked() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        DataRequestInput(title="")
    with pytest.raises(ValidationError):
        DataRequestInput(title="x", within_notice="maybe")  # type: ignore[arg-type]


def test_readiness_list_and_the_excel_sheet(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["readiness", "list", str(demo.address), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    waiting = 3 + 3  # the demo's three, and the June 2025 templates nobody holds yet
    assert listed["not_ready"] == waiting and listed["ready"] == len(listed["items"]) - waiting
    first = listed["items"][0]
    assert set(first) >= {"title", "owner", "held_where", "refreshed_on", "within_notice", "ready"}
    assert main(["readiness", "list", str(demo.address)]) == 0
    out = capsys.readouterr().out
    assert "NOT READY: no owner" in out and out.rstrip().endswith("6 not ready.")
    book = load_workbook(export_pack(demo, "xlsx", tmp_path / "p.xlsx", PackOptions()))
    rows = list(book["Data request"].iter_rows(min_row=1, values_only=True))
    assert rows[0][:3] == ("Item", "Kind", "Owner")
    assert len(rows) - 1 == len(listed["items"])
    assert sum(1 for r in rows[1:] if r[7] == "No") == 6


def test_the_starter_list_holds_the_june_2025_templates() -> None:
    titles = " ".join(title for title, _kind in starter_list()).lower()
    for template in ("person-level data", "health commissioning", "residential special school"):
        assert f"{template}" in titles and "june 2025" in titles
