"""My work for one person against a fixed day: criteria and what they lack, actions by when,
requests to and from them, new comments on their criteria; the same through the CLI."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.services import contributions
from selfeval.services.comments import add_comment
from selfeval.services.improvement.actions import add_action, parse_action
from selfeval.services.judgements import set_judgement
from selfeval.services.my_work import my_work
from selfeval.services.people import add_person, assign_owner, list_people
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, open_workspace

TODAY = date(2026, 11, 24)


def test_my_work_for_one_person(demo: Workspace, tmp_path: Path) -> None:
    sian = next(p for p in list_people(demo) if p.name == "Sian Bowen")
    set_judgement(demo, "leaders-understand", rating="not-rated")
    for title, due in (
        ("Chase the therapy data", TODAY - timedelta(days=3)),
        ("Draft the SLT paper", TODAY + timedelta(days=5)),
        ("Refresh the needs assessment", TODAY + timedelta(days=60)),
    ):
        add_action(
            demo,
            parse_action(
                title=title, criteria=["leaders-understand"], owner_person_id=sian.id, due_date=due
            ),
        )
    contributions.create_request(
        demo, "NHS Anyshire and Wessex ICB", ["right-help"], tmp_path / "r.sefpack", due_date=TODAY
    )
    with open_workspace(demo.address, CurrentUser("Amara Okafor", "ICB")) as other:
        add_comment(other, "leaders-understand", "Figures for Q3 attached.")
    work = my_work(demo, "sian bowen", TODAY)
    assert (work.person, work.organisation) == ("Sian Bowen", "NHS Anyshire and Wessex ICB")
    by_id = {c.criterion_id: c for c in work.criteria}
    assert by_id["leaders-understand"].role == "lead"
    assert by_id["leaders-understand"].missing == ("not rated",)
    assert [a.title for a in work.overdue] == ["Chase the therapy data"]
    assert [a.title for a in work.due_soon] == ["Draft the SLT paper"]
    assert "Refresh the needs assessment" in [a.title for a in work.later]
    assert work.due_this_week(TODAY) == 2
    assert [(r.direction, r.criteria) for r in work.requests] == [("to me", ("right-help",))]
    assert [(c.author, c.text) for c in work.new_comments] == [
        ("Amara Okafor", "Figures for Q3 attached.")
    ]
    with pytest.raises(InputError, match="no person called 'Nobody' in this workspace"):
        my_work(demo, "Nobody", TODAY)


def test_my_work_on_the_command_line(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_workspace(demo_path) as ws:
        me = add_person(ws, "Cli Person", "Analyst")
        assign_owner(ws, "participation", me.id, "contributor")
    code = main(["--user", "Cli Person (Testshire)", "mywork", str(demo_path), "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["person"] == "Cli Person"
    assert [(c["criterion"], c["role"]) for c in data["criteria"]] == [
        ("participation", "contributor")
    ]
    assert set(data["actions"]) == {"overdue", "due_within_14_days", "later"}
    code = main(["mywork", str(demo_path), "--person", "Sian Bowen"])
    out, _ = capsys.readouterr()
    assert code == 0 and out.startswith("My work: Sian Bowen (NHS Anyshire and Wessex ICB)\n")
