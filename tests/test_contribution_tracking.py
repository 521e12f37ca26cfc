"""Contributions in flight: a request followed from awaiting (or overdue) to returned to merged."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.services import contributions
from selfeval.services.contributions import merge
from selfeval.services.contributions.package_format import read_package
from selfeval.services.contributions.tracking import contributions_in_flight
from selfeval.services.judgements import set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace

ICB = CurrentUser("Amara Okafor", "ICB")


def test_a_request_from_awaiting_to_merged(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = date.today()
    inbox = tmp_path / "returns"
    inbox.mkdir()
    contributions.create_request(
        demo, "Forum", ["participation"], tmp_path / "late.sefpack", due_date=today - timedelta(1)
    )
    contributions.create_request(
        demo, "ICB", ["right-help"], tmp_path / "icb.sefpack", due_date=today + timedelta(14)
    )
    rows = contributions_in_flight(demo, folder=inbox)
    assert [(r.recipient, r.status) for r in rows] == [("Forum", "overdue"), ("ICB", "awaiting")]

    partner = contributions.open_request(tmp_path / "icb.sefpack", tmp_path / "icb.selfeval", ICB)
    set_judgement(partner, "right-help", rating="green")
    contributions.create_return(partner, inbox / "icb-return.sefpack")
    partner.close()
    (inbox / "notes.sefpack").write_bytes(b"not a package")
    rows = contributions_in_flight(demo, folder=inbox)
    assert [(r.recipient, r.status, r.returns_waiting) for r in rows] == [
        ("Forum", "overdue", ()),
        ("ICB", "returned", ("icb-return.sefpack",)),
    ]

    package = read_package(inbox / "icb-return.sefpack")
    merge.apply_merge(demo, package, merge.plan_merge(demo, package))
    rows = contributions_in_flight(demo, folder=inbox)
    assert [(r.recipient, r.status, r.returns_waiting) for r in rows] == [
        ("Forum", "overdue", ()),
        ("ICB", "merged", ()),
    ]
    assert rows[1].merged_at is not None

    code = main(["contribution", "list", str(demo.address), "--json", "--folder", str(inbox)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [(r["to"], r["status"], r["criteria"]) for r in listed["requests"]] == [
        ("Forum", "overdue", ["participation"]),
        ("ICB", "merged", ["right-help"]),
    ]
    assert listed["skipped"] == ["notes.sefpack: is not a selfeval contribution package"]
    code = main(["contribution", "list", str(demo.address)])
    out, _ = capsys.readouterr()
    assert out.splitlines()[0].startswith("overdue\tForum\tparticipation\tsent ")
