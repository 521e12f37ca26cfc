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


def test_an_overdue_request_is_reissued_and_either_return_merges(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = date.today()
    contributions.create_request(
        demo,
        "Forum",
        ["participation"],
        tmp_path / "first.sefpack",
        message="Your view on co-production, please",
        due_date=today - timedelta(3),
    )
    first = contributions_in_flight(demo)[0]
    # the old partner copy was already made: its return must still merge after a re-issue
    partner = contributions.open_request(tmp_path / "first.sefpack", tmp_path / "p.selfeval", ICB)
    set_judgement(partner, "participation", rating="amber")
    contributions.create_return(partner, tmp_path / "old-return.sefpack")
    partner.close()

    code = main(
        [
            "contribution",
            "reissue",
            str(demo.address),
            first.request_id,
            "-o",
            str(tmp_path / "again.sefpack"),
            "--due",
            (today + timedelta(10)).strftime("%d/%m/%Y"),
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith(f"Wrote request {tmp_path / 'again.sefpack'} for Forum again, wanted by ")
    again = read_package(tmp_path / "again.sefpack").manifest
    assert (again.to, again.criteria, again.message) == (
        "Forum",
        ["participation"],
        "Your view on co-production, please",
    )
    assert again.due_date == today + timedelta(10)
    rows = contributions_in_flight(demo)
    assert [(r.status, r.replaced_by) for r in rows] == [
        ("reissued", again.package_id),
        ("awaiting", None),
    ]
    code = main(
        [
            "contribution",
            "reissue",
            str(demo.address),
            first.request_id,
            "-o",
            str(tmp_path / "x.sefpack"),
        ]
    )
    _, err = capsys.readouterr()
    assert code == 2 and "was re-issued already; re-issue the newer one" in err
    assert not (tmp_path / "x.sefpack").exists()
    code = main(
        ["contribution", "reissue", str(demo.address), "nope", "-o", str(tmp_path / "y.sefpack")]
    )
    _, err = capsys.readouterr()
    assert code == 2 and "no request 'nope' in this self-evaluation" in err

    package = read_package(tmp_path / "old-return.sefpack")
    merge.apply_merge(demo, package, merge.plan_merge(demo, package))
    assert [r.status for r in contributions_in_flight(demo)] == ["merged", "awaiting"]
