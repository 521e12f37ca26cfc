"""A partner's return is trusted for nothing it says about itself.

Scope and base come from the lead's record of the request; the return must be signed with that
request's secret; every value is checked before anything is written; what lies outside the
request is listed and never applied.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from selfeval.cli import main
from selfeval.services import contributions
from selfeval.services.comments import add_comment, list_comments
from selfeval.services.contributions import merge
from selfeval.services.contributions.package_format import (
    Manifest,
    PackageError,
    read_package,
    signature_of,
)
from selfeval.services.contributions.registry import list_requests
from selfeval.services.dump import dump_json
from selfeval.services.evidence import EvidenceInput, add_evidence, list_evidence
from selfeval.services.judgements import get_judgement, set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, open_workspace
from tests.conftest import TEST_USER

ICB = CurrentUser("Amara Okafor", "NHS Anyshire and Wessex ICB")
Json = dict[str, Any]


def make_partner(demo: Workspace, tmp_path: Path, criteria: list[str], **options: Any) -> Workspace:
    request = tmp_path / "request.sefpack"
    contributions.create_request(demo, "ICB", criteria, request, **options)
    return contributions.open_request(request, tmp_path / "partner.selfeval", ICB)


def secret_of(partner: Workspace) -> str:
    found = contributions.request_of(partner)
    assert found is not None and found[0].request_secret
    return found[0].request_secret


def rewrite(
    source: Path,
    target: Path,
    edit: Callable[[Json, Json], None],
    secret: str | None,
) -> Path:
    """Edit a return's manifest and content as someone with a zip tool would, re-hash the
    content, and re-sign it if the editor holds the request's secret."""
    with zipfile.ZipFile(source) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    manifest, content = json.loads(files["manifest.json"]), json.loads(files["content.json"])
    edit(manifest, content)
    files["content.json"] = json.dumps(content).encode()
    manifest["members"]["content.json"] = hashlib.sha256(files["content.json"]).hexdigest()
    if secret is not None:
        manifest["signature"] = signature_of(Manifest.model_validate(manifest), secret)
    files["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def merge_refused(workspace: Workspace, path: Path, message: str) -> None:
    before = dump_json(workspace)
    with pytest.raises(PackageError) as caught:
        package = read_package(path)
        plan = merge.plan_merge(workspace, package, path.name)
        merge.apply_merge(workspace, package, plan)
    assert str(caught.value) == message
    assert dump_json(workspace) == before


def a_return(partner: Workspace, tmp_path: Path, **options: Any) -> Path:
    path = tmp_path / "return.sefpack"
    contributions.create_return(partner, path, **options)
    return path


def test_the_lead_records_every_request(demo: Workspace, tmp_path: Path) -> None:
    from datetime import date

    make_partner(demo, tmp_path, ["right-help"], due_date=date(2027, 1, 29), message="Thanks")
    (request,) = list_requests(demo)
    assert request.recipient == "ICB"
    assert request.criteria == ("right-help",)
    assert request.bullets == {b.id for b in demo.framework.criterion("right-help").bullets}
    sent = {e.id for e in list_evidence(demo, "right-help") if not e.personal_data}
    assert request.evidence_ids == sent and sent
    assert not request.includes_personal_data
    assert (request.due_date, request.message) == (date(2027, 1, 29), "Thanks")
    assert len(request.secret) == 64
    with zipfile.ZipFile(tmp_path / "request.sefpack") as archive:
        assert json.loads(archive.read("manifest.json"))["request_secret"] == request.secret
    (listed,) = json.loads(dump_json(demo))["contribution_requests"]
    assert listed["recipient"] == "ICB" and "secret" not in listed and "base" not in listed
    assert request.secret not in dump_json(demo)


def test_a_return_carries_no_secret_and_is_signed(demo: Workspace, tmp_path: Path) -> None:
    partner = make_partner(demo, tmp_path, ["right-help"])
    path = a_return(partner, tmp_path)
    manifest = read_package(path).manifest
    assert manifest.request_secret is None
    assert manifest.signature == signature_of(manifest, secret_of(partner))
    with zipfile.ZipFile(path) as archive:
        assert secret_of(partner) not in archive.read("manifest.json").decode()


def test_a_return_to_a_request_this_workspace_never_issued(
    demo: Workspace, demo_path: Path, tmp_path: Path
) -> None:
    twin_path = tmp_path / "twin.selfeval"
    shutil.copyfile(demo_path, twin_path)  # the same partnership, without the request's record
    partner = make_partner(demo, tmp_path, ["right-help"])
    set_judgement(partner, "right-help", rating="green")
    path = a_return(partner, tmp_path)
    with open_workspace(twin_path, TEST_USER) as twin:
        merge_refused(
            twin,
            path,
            "this return answers a request this workspace did not issue (or one made before "
            "selfeval kept a record of requests); it was not merged",
        )


FORGED = (
    "this return is not signed with the key of the request it names: it was changed after the "
    "partner made it, or made by someone who never held the request; it was not merged"
)


def test_a_return_changed_by_someone_without_the_request(demo: Workspace, tmp_path: Path) -> None:
    partner = make_partner(demo, tmp_path, ["right-help"])
    set_judgement(partner, "right-help", rating="amber")
    path = a_return(partner, tmp_path)

    def to_green(_manifest: Json, content: Json) -> None:
        for judgement in content["current"]["judgements"]:
            if judgement["criterion_id"] == "right-help" and not judgement["bullet_id"]:
                judgement["rating"] = "green"

    merge_refused(demo, rewrite(path, tmp_path / "forged.sefpack", to_green, None), FORGED)
    unsigned = rewrite(
        path, tmp_path / "unsigned.sefpack", lambda m, c: m.update(signature=None), None
    )
    merge_refused(demo, unsigned, FORGED)


def test_a_return_pointed_at_another_request(demo: Workspace, tmp_path: Path) -> None:
    partner = make_partner(demo, tmp_path, ["right-help"])
    other = tmp_path / "other-request.sefpack"
    contributions.create_request(demo, "PCF", ["participation"], other)
    other_id = read_package(other).manifest.package_id
    path = a_return(partner, tmp_path)
    moved = rewrite(
        path,
        tmp_path / "moved.sefpack",
        lambda m, c: m.update(request_id=other_id, criteria=["participation"]),
        secret_of(partner),  # signed with the first request's key, not the second's
    )
    merge_refused(demo, moved, FORGED)


def test_outside_the_request_nothing_is_applied_and_all_is_listed(
    demo: Workspace, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A partner edits their return by hand (they hold the key): a rating on a criterion never
    requested, a personal-data case study that was never sent retitled and unflagged, a bullet
    note of another criterion, an evidence link to another criterion, and a back-dated
    comment. None of it lands; all of it is listed; the requested change still merges."""
    secret_item = next(e for e in list_evidence(demo) if e.personal_data)
    partner = make_partner(demo, tmp_path, ["right-help"])
    set_judgement(partner, "right-help", rating="green")
    sent = list_evidence(partner)[0]
    path = a_return(partner, tmp_path)
    ambitious_before = get_judgement(demo, "leaders-ambitious")
    links_before = next(e for e in list_evidence(demo) if e.id == sent.id).links
    participation_before = get_judgement(demo, "participation", "participation.1")
    demo.close()

    def hostile(_manifest: Json, content: Json) -> None:
        state = content["current"]
        state["judgements"].append(
            {"criterion_id": "leaders-ambitious", "bullet_id": "", "rating": "green"}
        )
        state["judgements"].append(
            {
                "criterion_id": "participation",
                "bullet_id": "participation.1",
                "rating": "red",
                "note": "not ours to write",
            }
        )
        state["evidence"].append(
            {
                "id": secret_item.id,
                "title": "Nothing to see here",
                "kind": "data",
                "personal_data": False,
                "links": [["right-help", ""]],
            }
        )
        for item in state["evidence"]:
            if item["id"] == sent.id:
                item["links"].append(["valued-included", ""])
        state["comments"].append(
            {
                "id": "11111111-2222-4333-8444-555555555555",
                "criterion_id": "right-help",
                "author": "Amara Okafor",
                "created_at": "2020-01-01T09:00:00Z",
                "text": "Agreed back in 2020.",
            }
        )
        state["comments"].append(
            {
                "id": "11111111-2222-4333-8444-666666666666",
                "criterion_id": "leaders-evaluate",
                "author": "Amara Okafor",
                "created_at": datetime.now(UTC).isoformat(),
                "text": "A word on another criterion.",
            }
        )

    edited = rewrite(path, tmp_path / "edited.sefpack", hostile, secret_of(partner))
    report = tmp_path / "report.json"
    code = main(
        [
            "--user",
            "Lead (Anyshire)",
            "contribution",
            "merge",
            str(demo_path),
            str(edited),
            "--accept-non-conflicting",
            "--report",
            str(report),
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "6 changes outside the request not applied:" in out
    assert "Nothing to see here" not in out
    listed = json.loads(report.read_text())
    assert listed["outside_request_count"] == 6
    assert {
        (o["what"], o["why"].split(" (")[0].split(",")[0]) for o in listed["outside_request"]
    } == {
        ("judgement of leaders-ambitious", "not part of the request"),
        ("judgement of participation bullet participation.1", "not part of the request"),
        (  # the lead's personal-data item: not named in a report without personal data
            "evidence marked as personal data",
            "was not sent with the request; nothing of it was applied",
        ),
        (f"link of evidence '{sent.title}' to valued-included", "not part of the request"),
        ("comment by Amara Okafor on right-help", "dated 01/01/2020 09:00"),
        ("comment by Amara Okafor on leaders-evaluate", "not part of the request"),
    }
    with open_workspace(demo_path, TEST_USER) as lead:
        assert get_judgement(lead, "right-help").rating == "green"  # the requested change
        assert get_judgement(lead, "leaders-ambitious") == ambitious_before
        assert get_judgement(lead, "participation", "participation.1") == participation_before
        item = next(e for e in list_evidence(lead) if e.id == secret_item.id)
        assert item == secret_item  # title, personal-data flag, links: all as they were
        assert next(e for e in list_evidence(lead) if e.id == sent.id).links == links_before
        texts = [c.text for c in list_comments(lead, "right-help")] + [
            c.text for c in list_comments(lead, "leaders-evaluate")
        ]
        assert "Agreed back in 2020." not in texts and "A word on another criterion." not in texts


def _judgement(content: Json, criterion: str = "right-help", bullet: str = "") -> Json:
    return next(
        j
        for j in content["current"]["judgements"]
        if j["criterion_id"] == criterion and j["bullet_id"] == bullet
    )


def _item(content: Json) -> Json:
    return content["current"]["evidence"][0]


BAD_VALUES: list[tuple[str, Callable[[Json], None], str]] = [
    (
        "rating",
        lambda c: _judgement(c).update(rating="purple"),
        "judgement of right-help: rating 'purple' is not on the RAG rating scale "
        "(not-rated, red, amber, green)",
    ),
    (
        "bullet",
        lambda c: c["current"]["judgements"].append(
            {"criterion_id": "right-help", "bullet_id": "right-help.99", "rating": "red"}
        ),
        "judgement of right-help bullet right-help.99: 'right-help.99' is not a bullet of right-help",
    ),
    (
        "criterion",
        lambda c: c["current"]["owners"].append(
            {
                "criterion_id": "made-up",
                "person_id": c["current"]["people"][0]["id"],
                "role": "lead",
            }
        ),
        "owner of made-up: 'made-up' is not a criterion of area-send-2023",
    ),
    (
        "kind",
        lambda c: _item(c).update(kind="rumour"),
        "evidence '{title}': 'rumour' is not a kind of evidence",
    ),
    (
        "date",
        lambda c: _item(c).update(evidence_date="1066-10-14"),
        "evidence '{title}': date 14/10/1066 is outside the dates selfeval accepts",
    ),
    (
        "link",
        lambda c: _item(c)["links"].append(["right-help", "participation.1"]),
        "evidence '{title}' linked to right-help bullet participation.1: 'participation.1' is "
        "not a bullet of right-help",
    ),
    (
        "email",
        lambda c: c["current"]["people"][0].update(email="not an email"),
        "person '{person}': 'not an email' is not an email address",
    ),
    (
        "twice",
        lambda c: c["current"]["evidence"].append(_item(c)),
        "evidence '{title}': appears twice",
    ),
    (
        "comment time zone",
        lambda c: c["current"]["comments"].append(
            {
                "id": "11111111-2222-4333-8444-555555555555",
                "criterion_id": "right-help",
                "author": "A",
                "created_at": "2026-11-20T09:00:00",
                "text": "no zone",
            }
        ),
        "comment by A: its date has no time zone",
    ),
]


@pytest.mark.parametrize(("_name", "edit", "message"), BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
def test_every_value_is_checked_before_anything_is_written(
    demo: Workspace, tmp_path: Path, _name: str, edit: Callable[[Json], None], message: str
) -> None:
    partner = make_partner(demo, tmp_path, ["right-help"])
    set_judgement(partner, "right-help", rating="amber", rationale="a change that would apply")
    path = a_return(partner, tmp_path)
    with zipfile.ZipFile(path) as archive:
        content = json.loads(archive.read("content.json"))
    title = _item(content)["title"]
    person = content["current"]["people"][0]["name"] if content["current"]["people"] else ""
    bad = rewrite(path, tmp_path / "bad.sefpack", lambda m, c: edit(c), secret_of(partner))
    expected = f"bad.sefpack: {message.format(title=title, person=person)}"
    before = dump_json(demo)
    with pytest.raises(PackageError) as caught:
        package = read_package(bad)
        merge.apply_merge(demo, package, merge.plan_merge(demo, package, bad.name))
    assert str(caught.value).startswith(expected)
    assert str(caught.value).endswith("; the return was not merged")
    assert dump_json(demo) == before


def test_an_overlong_text_is_refused_on_reading(demo: Workspace, tmp_path: Path) -> None:
    partner = make_partner(demo, tmp_path, ["right-help"])
    path = a_return(partner, tmp_path)
    bad = rewrite(
        path,
        tmp_path / "long.sefpack",
        lambda m, c: _judgement(c).update(rationale="x" * 100_001),
        secret_of(partner),
    )
    merge_refused(
        demo,
        bad,
        "long.sefpack: content.json: current.judgements.0.rationale: String should have at most "
        "100000 characters",
    )


def test_comments_are_recorded_with_their_package_and_merge_time(
    demo: Workspace, tmp_path: Path
) -> None:
    partner = make_partner(demo, tmp_path, ["right-help"])
    add_comment(partner, "right-help", "We can supply the Q3 data.")
    path = a_return(partner, tmp_path)
    package = read_package(path)
    before = datetime.now(UTC)
    merge.apply_merge(demo, package, merge.plan_merge(demo, package))
    state = json.loads(dump_json(demo))
    (comment,) = [c for c in state["comments"] if c["text"] == "We can supply the Q3 data."]
    assert comment["author"] == "Amara Okafor"  # as the partner stated it
    assert comment["origin"] == f"package:{package.manifest.package_id}"
    assert datetime.fromisoformat(comment["received_at"]) >= before


def test_clearing_a_personal_data_flag_is_never_a_clean_change(
    demo: Workspace, tmp_path: Path
) -> None:
    partner = make_partner(demo, tmp_path, ["right-help"], include_personal_data=True)
    from selfeval.services.evidence import edit_evidence

    item = next(e for e in list_evidence(partner) if e.personal_data)
    edit_evidence(
        partner,
        item.id,
        EvidenceInput(
            title=item.title,
            description=item.description,
            kind=item.kind,
            organisation=item.organisation,
            evidence_date=item.evidence_date,
            link=item.link,
            personal_data=False,
        ),
    )
    path = a_return(partner, tmp_path, include_personal_data=True)
    plan = merge.plan_merge(demo, read_package(path))
    key = f"evidence|{item.id}|personal_data"
    assert key in {c.key for c in plan.conflicts}
    assert key not in {c.key for c in plan.clean}
    merge.apply_merge(demo, read_package(path), plan)  # unresolved: ours kept
    assert next(e for e in list_evidence(demo) if e.id == item.id).personal_data


@pytest.mark.parametrize(
    ("sent", "chosen", "carries"),
    [(False, False, False), (False, True, False), (True, False, False), (True, True, True)],
)
def test_a_return_carries_personal_data_only_when_both_said_so(
    demo: Workspace, tmp_path: Path, sent: bool, chosen: bool, carries: bool
) -> None:
    partner = make_partner(demo, tmp_path, ["right-help"], include_personal_data=sent)
    add_evidence(
        partner,
        EvidenceInput(title="Case review: child A", kind="case-study", personal_data=True),
        ["right-help"],
    )
    path = a_return(partner, tmp_path, include_personal_data=chosen)
    package = read_package(path)
    assert package.manifest.includes_personal_data is carries
    in_return = [e for e in package.content.current.evidence if e.personal_data]  # type: ignore[union-attr]
    assert bool(in_return) is carries
    assert not [e for e in package.content.base.evidence if e.personal_data]
    with zipfile.ZipFile(path) as archive:
        assert (b"Case review: child A" in archive.read("content.json")) is carries


def test_attachment_names_from_a_return_go_through_the_sanitiser(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.services.attachments import add_attachment_bytes

    partner = make_partner(demo, tmp_path, ["right-help"])
    new = add_evidence(partner, EvidenceInput(title="Therapy waits", kind="data"), ["right-help"])
    add_attachment_bytes(partner, new, "waits.csv", b"weeks\n28\n")
    path = a_return(partner, tmp_path)

    def hostile_name(_m: Json, content: Json) -> None:
        for item in content["current"]["evidence"]:
            for attachment in item["attachments"]:
                attachment["filename"] = "..\\..\\CON.csv\u202e.exe"

    renamed = rewrite(path, tmp_path / "renamed.sefpack", hostile_name, secret_of(partner))
    package = read_package(renamed)
    merge.apply_merge(demo, package, merge.plan_merge(demo, package))
    (item,) = [e for e in list_evidence(demo) if e.id == new]
    assert [a.filename for a in item.attachments] == ["_CON.csv.exe"]


def test_a_return_names_only_files_its_request_sent(demo: Workspace, tmp_path: Path) -> None:
    """The lead holds a personal-data file the request did not send: a return that names it by
    its SHA-256 (attaching it to a harmless item of the partner's) is refused, nothing merged."""
    from selfeval.services.attachments import add_attachment_bytes

    secret_file = b"Case notes of child C"
    kept = add_evidence(
        demo,
        EvidenceInput(title="Case file C", kind="case-study", personal_data=True),
        ["participation"],
    )
    add_attachment_bytes(demo, kept, "child-c.pdf", secret_file)
    partner = make_partner(demo, tmp_path, ["right-help"])
    new = add_evidence(partner, EvidenceInput(title="Therapy waits", kind="data"), ["right-help"])
    add_attachment_bytes(partner, new, "waits.csv", b"weeks\n28\n")
    path = a_return(partner, tmp_path)
    digest = hashlib.sha256(secret_file).hexdigest()

    def name_the_leads_file(manifest: Json, content: Json) -> None:
        for item in content["current"]["evidence"]:
            if item["id"] == new:
                item["attachments"][0].update(sha256=digest, size=len(secret_file))
        content["held_by_lead"] = sorted({*content.get("held_by_lead", []), digest})
        members = manifest["members"]
        for member in [m for m in members if m.startswith("attachments/")]:
            del members[member]

    forged = rewrite(path, tmp_path / "forged.sefpack", name_the_leads_file, secret_of(partner))
    with zipfile.ZipFile(forged) as archive:  # the partner's own file is no longer carried
        files = {n: archive.read(n) for n in archive.namelist() if not n.startswith("attach")}
    with zipfile.ZipFile(forged, "w") as archive:
        for member, data in files.items():
            archive.writestr(member, data)
    merge_refused(
        demo,
        forged,
        "forged.sefpack names 1 file of this workspace by SHA-256 that its request did not "
        "send; a return may name only files the request sent; nothing was merged",
    )
