"""Offline contributions end to end: a lead, two partners with overlapping criteria, the merges."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from selfeval.framework.outline import FrameworkOutline
from selfeval.services import contributions
from selfeval.services.comments import add_comment, list_comments
from selfeval.services.contributions import merge
from selfeval.services.contributions.package_format import PackageError, read_package
from selfeval.services.dump import dump
from selfeval.services.evidence import EvidenceInput, add_evidence, list_evidence
from selfeval.services.history import history
from selfeval.services.judgements import get_judgement, set_judgement
from selfeval.services.people import add_person, assign_owner, list_owners
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, open_workspace
from selfeval.store.quick_look import first_look

ICB = CurrentUser("Amara Okafor", "NHS Anyshire and Wessex ICB")
PCF = CurrentUser("Lisa Wynne", "Anyshire Parent Carer Forum")


def partner(
    tmp_path: Path, lead: Workspace, name: str, criteria: list[str], who: CurrentUser
) -> Workspace:
    request = tmp_path / f"{name}-request.sefpack"
    contributions.create_request(lead, who.organisation, criteria, request, message="By Friday")
    return contributions.open_request(request, tmp_path / f"{name}.selfeval", who)


def test_two_partners_overlapping_criteria_merge_cleanly_and_with_conflicts(
    demo: Workspace, tmp_path: Path
) -> None:
    icb = partner(tmp_path, demo, "icb", ["needs-identified", "right-help"], ICB)
    pcf = partner(tmp_path, demo, "pcf", ["participation", "right-help"], PCF)
    assert [c.id for c in icb.framework.criteria] == ["needs-identified", "right-help"]
    assert [c.id for c in pcf.framework.criteria] == ["participation", "right-help"]
    # A partner sees the lead's criterion numbers, so "criterion 4" means the same to both.
    assert pcf.framework.numbers == {
        c: demo.framework.numbers[c] for c in ("participation", "right-help")
    }
    assert pcf.framework.numbers["right-help"] != 2
    # ...including the first screen, which reads the stored framework without pydantic.
    look = first_look(tmp_path / "pcf.selfeval")
    assert look is not None
    assert FrameworkOutline.from_definition(look.framework_definition).numbers == (
        pcf.framework.numbers
    )
    assert {e.criteria for e in list_evidence(icb)} <= {
        ("needs-identified",),
        ("right-help",),
        ("needs-identified", "right-help"),
    }

    # The ICB changes a rating nobody else touches, and the rationale the lead also changes.
    set_judgement(icb, "needs-identified", rating="green")
    set_judgement(icb, "right-help", rationale="ICB: therapy waits now 28 weeks.")
    add_comment(icb, "right-help", "We can supply the Q3 waiting list data.")
    set_judgement(demo, "right-help", rationale="Lead: waits still 34 weeks.")
    # The PCF changes other fields of the shared criterion, adds evidence with a file, an owner.
    set_judgement(pcf, "right-help", impact="Families say support starts sooner.")
    set_judgement(pcf, "participation", strengths="Young people co-chair the SEND Council.")
    new_id = add_evidence(
        pcf, EvidenceInput(title="PCF waiting survey 2026", kind="survey"), ["right-help"]
    )
    from selfeval.services.attachments import add_attachment_bytes

    add_attachment_bytes(pcf, new_id, "survey.csv", b"q,answer\n1,yes\n")
    mark = add_person(pcf, "Mark Sutton", "Co-chair")
    assign_owner(pcf, "participation", mark.id, "contributor")

    icb_return = tmp_path / "icb-return.sefpack"
    pcf_return = tmp_path / "pcf-return.sefpack"
    contributions.create_return(icb, icb_return)
    contributions.create_return(pcf, pcf_return)

    icb_package = read_package(icb_return)
    plan = merge.plan_merge(demo, icb_package)
    assert [c.key for c in plan.clean] == ["judgement|needs-identified||rating"]
    assert [c.key for c in plan.conflicts] == ["judgement|right-help||rationale"]
    conflict = plan.conflicts[0]
    assert (conflict.ours, conflict.theirs) == (
        "Lead: waits still 34 weeks.",
        "ICB: therapy waits now 28 weeks.",
    )
    assert len(plan.new_comments) == 1
    # The lead resolves the conflict by taking theirs while reviewing the merge.
    result = merge.apply_merge(demo, icb_package, plan, resolutions={conflict.key: "theirs"})
    assert result.conflicts_left == []
    assert get_judgement(demo, "needs-identified").rating == "green"
    assert get_judgement(demo, "right-help").rationale == "ICB: therapy waits now 28 weeks."

    pcf_package = read_package(pcf_return)
    plan = merge.plan_merge(demo, pcf_package)
    assert sorted(c.key for c in plan.clean) == [
        "judgement|participation||strengths",
        "judgement|right-help||impact",
        f"owner|participation|{mark.id}",
    ]
    assert plan.conflicts == []
    assert [e.title for e in plan.new_evidence] == ["PCF waiting survey 2026"]
    merge.apply_merge(demo, pcf_package, plan)

    assert merge.plan_merge(demo, icb_package).already_merged
    final = dump(demo)
    judgements = {(j["criterion_id"], j["bullet_id"]): j for j in final["judgements"]}
    assert judgements[("right-help", "")]["rationale"] == "ICB: therapy waits now 28 weeks."
    assert judgements[("right-help", "")]["impact"] == "Families say support starts sooner."
    assert judgements[("needs-identified", "")]["rating"] == "green"
    assert len(final["merged_packages"]) == 2
    assert (
        judgements[("participation", "")]["strengths"] == "Young people co-chair the SEND Council."
    )
    added = [e for e in list_evidence(demo) if e.title == "PCF waiting survey 2026"][0]
    assert added.criteria == ("right-help",)
    assert [a.filename for a in added.attachments] == ["survey.csv"]
    assert any(
        o.name == "Mark Sutton" and o.role == "contributor"
        for o in list_owners(demo, "participation")
    )
    assert [c.text for c in list_comments(demo, "right-help")] == [
        "We can supply the Q3 waiting list data."
    ]
    origins = {c.origin for c in history(demo) if c.origin.startswith("package:")}
    assert origins == {
        f"package:{icb_package.manifest.package_id}",
        f"package:{pcf_package.manifest.package_id}",
    }


def test_resolving_conflicts_each_way_gives_the_expected_result(
    demo: Workspace, tmp_path: Path
) -> None:
    icb = partner(tmp_path, demo, "icb", ["right-help"], ICB)
    set_judgement(
        icb,
        "right-help",
        rationale="theirs rationale",
        strengths="theirs strengths",
        impact="theirs impact",
    )
    set_judgement(
        demo,
        "right-help",
        rationale="ours rationale",
        strengths="ours strengths",
        impact="ours impact",
    )
    path = tmp_path / "return.sefpack"
    contributions.create_return(icb, path)
    package = read_package(path)
    plan = merge.plan_merge(demo, package)
    keys = {c.key.split("|")[-1]: c.key for c in plan.conflicts}
    assert sorted(keys) == ["impact", "rationale", "strengths"]
    merge.apply_merge(
        demo,
        package,
        plan,
        resolutions={
            keys["rationale"]: "theirs",
            keys["strengths"]: "ours",
            keys["impact"]: "merged by hand",
        },
    )
    judgement = get_judgement(demo, "right-help")
    assert (judgement.rationale, judgement.strengths, judgement.impact) == (
        "theirs rationale",
        "ours strengths",
        "merged by hand",
    )


def test_merging_the_same_return_twice_changes_nothing(demo: Workspace, tmp_path: Path) -> None:
    icb = partner(tmp_path, demo, "icb", ["right-help"], ICB)
    set_judgement(icb, "right-help", rating="amber")
    path = tmp_path / "return.sefpack"
    contributions.create_return(icb, path)
    package = read_package(path)
    merge.apply_merge(demo, package, merge.plan_merge(demo, package))
    before = dump(demo)
    plan = merge.plan_merge(demo, read_package(path))
    assert plan.already_merged
    result = merge.apply_merge(demo, package, plan)
    assert result.already_merged and dump(demo) == before


def test_personal_data_stays_out_unless_asked(demo: Workspace, tmp_path: Path) -> None:
    plain = tmp_path / "plain.sefpack"
    personal = tmp_path / "personal.sefpack"
    contributions.create_request(demo, "School", ["right-help"], plain)
    contributions.create_request(
        demo, "School", ["right-help"], personal, include_personal_data=True
    )
    titles = {e.title for e in read_package(plain).content.base.evidence}
    assert "Case study: coordinated move between a mainstream and a special school" not in titles
    titles = {e.title for e in read_package(personal).content.base.evidence}
    assert "Case study: coordinated move between a mainstream and a special school" in titles
    other = {c for e in read_package(plain).content.base.evidence for c, _ in e.links}
    assert other == {"right-help"}  # nothing from other criteria


def test_sealed_packages_need_the_passphrase(demo: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "sealed.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], path, passphrase="correct horse")
    assert b"right-help" not in path.read_bytes()
    with pytest.raises(PackageError, match="protected by a passphrase"):
        read_package(path)
    with pytest.raises(PackageError, match="the passphrase is wrong"):
        read_package(path, "wrong horse")
    assert read_package(path, "correct horse").manifest.criteria == ["right-help"]


def test_a_passphrase_is_checked_on_the_first_piece_of_one_or_many(
    demo: Workspace, tmp_path: Path
) -> None:
    """The quick check the partner's dialog makes, on a package of one piece and of several."""
    from selfeval.services.attachments import add_attachment_bytes
    from selfeval.services.contributions.package_format import passphrase_opens_package
    from selfeval.services.evidence import EvidenceInput, add_evidence

    small = tmp_path / "small.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], small, passphrase="correct horse")
    item = add_evidence(demo, EvidenceInput(title="Big scan"), ["right-help"])
    add_attachment_bytes(demo, item, "scan.bin", os.urandom(3 * 1024 * 1024))  # 3+ pieces
    large = tmp_path / "large.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], large, passphrase="correct horse")
    for path in (small, large):
        assert passphrase_opens_package(path, "correct horse")
        assert not passphrase_opens_package(path, "wrong horse")


def test_cli_round_trip(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.cli import main

    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret phrase\n", encoding="utf-8")
    request, partner_ws, back = (
        tmp_path / "r.sefpack",
        tmp_path / "p.selfeval",
        tmp_path / "b.sefpack",
    )
    assert (
        main(
            [
                "contribution",
                "request",
                str(demo_path),
                "--to",
                "ICB",
                "--criteria",
                "right-help",
                "-o",
                str(request),
                "--passphrase-file",
                str(secret),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "--user",
                "Amara (ICB)",
                "contribution",
                "open",
                str(request),
                str(partner_ws),
                "--passphrase-file",
                str(secret),
            ]
        )
        == 0
    )
    assert main(["judge", str(partner_ws), "right-help", "--rating", "amber"]) == 0
    # the request came sealed, so the return goes sealed too: refused without a passphrase
    assert main(["contribution", "return", str(partner_ws), "-o", str(back)]) == 2
    assert not back.exists()
    assert (
        main(
            ["contribution", "return", str(partner_ws), "-o", str(back)]
            + ["--passphrase-file", str(secret)]
        )
        == 0
    )
    report = tmp_path / "report.json"
    assert (
        main(
            [
                "contribution",
                "merge",
                str(demo_path),
                str(back),
                "--accept-non-conflicting",
                "--report",
                str(report),
                "--passphrase-file",
                str(secret),
            ]
        )
        == 0
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["applied"] == ["judgement|right-help||rating"]
    assert data["conflicts"] == []
    capsys.readouterr()
    assert main(["contribution", "open", str(request), str(tmp_path / "q.selfeval")]) == 2
    assert "protected by a passphrase" in capsys.readouterr().err
    with open_workspace(demo_path) as lead:
        assert get_judgement(lead, "right-help").rating == "amber"


def test_ids_read_in_pieces_give_the_same_merge(
    demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A county's library is read in pieces (SQLite takes at most 32,766 ids in one statement,
    and a plan reads only what the return knows of): pieces of two give the same merge."""
    import selfeval.store.chunks as chunks

    monkeypatch.setattr(chunks, "CHUNK", 2)
    assert list(chunks.chunked(range(5))) == [[0, 1], [2, 3], [4]]
    test_two_partners_overlapping_criteria_merge_cleanly_and_with_conflicts(demo, tmp_path)


def test_a_return_carries_only_the_files_the_lead_does_not_hold(
    demo: Workspace, tmp_path: Path
) -> None:
    import zipfile

    from selfeval.services.attachments import add_attachment_bytes

    icb = partner(tmp_path, demo, "icb", ["needs-identified", "right-help"], ICB)
    sent = [e for e in list_evidence(icb) if e.attachments]
    assert sent  # the request carried files
    unchanged = tmp_path / "unchanged.sefpack"
    contributions.create_return(icb, unchanged)
    with zipfile.ZipFile(unchanged) as archive:
        assert not [n for n in archive.namelist() if n.startswith("attachments/")]
    package = read_package(unchanged)
    assert set(package.content.held_by_lead) == {a.sha256 for e in sent for a in e.attachments}
    plan = merge.plan_merge(demo, package)
    assert not plan.conflicts and not plan.new_files
    # a new file goes with the return; the files the lead holds still do not
    add_attachment_bytes(icb, sent[0].id, "waiting-list.csv", b"week,count\n1,40\n")
    with_new = tmp_path / "with-new.sefpack"
    contributions.create_return(icb, with_new)
    with zipfile.ZipFile(with_new) as archive:
        members = [n for n in archive.namelist() if n.startswith("attachments/")]
    assert len(members) == 1
    result = merge.apply_merge(
        demo, read_package(with_new), merge.plan_merge(demo, read_package(with_new))
    )
    assert result is not None
    merged = next(e for e in list_evidence(demo) if e.id == sent[0].id)
    assert "waiting-list.csv" in {a.filename for a in merged.attachments}
    assert {a.filename for a in sent[0].attachments} <= {a.filename for a in merged.attachments}


def test_a_return_naming_a_file_the_lead_does_not_hold_is_refused(
    demo: Workspace, tmp_path: Path
) -> None:
    from sqlalchemy import delete

    from selfeval.store.models import Attachment, Blob

    icb = partner(tmp_path, demo, "icb", ["needs-identified", "right-help"], ICB)
    path = tmp_path / "return.sefpack"
    contributions.create_return(icb, path)
    package = read_package(path)
    named = package.content.held_by_lead[0]
    with demo.transaction() as session:  # the lead's copy of that file is gone meanwhile
        session.execute(delete(Attachment).where(Attachment.sha256 == named))
        session.execute(delete(Blob).where(Blob.sha256 == named))
    with pytest.raises(PackageError, match="names 1 file by SHA-256 as held by this workspace"):
        merge.plan_merge(demo, package)


def test_the_merge_review_names_criteria_by_number_and_title(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.services.judgements import set_judgement

    request = tmp_path / "request.sefpack"
    contributions.create_request(demo, "ICB", ["right-help"], request)
    with contributions.open_request(
        request, tmp_path / "partner.selfeval", CurrentUser("Amara Okafor", "ICB")
    ) as partner:
        set_judgement(partner, "right-help", rationale="Waits are down to 20 weeks.")
        set_judgement(partner, "right-help", "right-help.2", note="Interim offer in place.")
        contributions.create_return(partner, tmp_path / "back.sefpack")
    with read_package(tmp_path / "back.sefpack") as package:
        plan = merge.plan_merge(demo, package)
    labels = sorted(change.label for change in plan.clean)
    number = demo.framework.numbers["right-help"]
    assert labels == [
        f"{number}. Children and young people receive the right help and support at the right "
        "time: rationale",
        f"{number}.2: note",
    ]
