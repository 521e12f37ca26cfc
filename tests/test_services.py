"""Judgements, owners, evidence, attachments, readiness and history through the services."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from selfeval.errors import InputError
from selfeval.services.attachments import (
    MAX_ATTACHMENT_BYTES,
    add_attachment,
    attachment_data,
    remove_attachment,
    save_attachment,
)
from selfeval.services.evidence import (
    EvidenceInput,
    add_evidence,
    edit_evidence,
    list_evidence,
)
from selfeval.services.evidence_links import link_evidence, unlink_evidence
from selfeval.services.history import history
from selfeval.services.judgements import get_judgement, set_judgement
from selfeval.services.people import add_organisation, add_person, assign_owner, list_owners
from selfeval.services.readiness import readiness
from selfeval.services.users import CurrentUser, current_user, save_user
from selfeval.services.workspace import Workspace
from selfeval.store.models import Blob

ON_BOTH_STORES = True  # every test with a workspace runs on a file and on a server


def test_set_judgement_changes_only_given_fields_and_records_history(workspace: Workspace) -> None:
    set_judgement(workspace, "participation", rating="amber", rationale="Survey shows 88%")
    set_judgement(workspace, "participation", strengths="SEND Council")
    judgement = get_judgement(workspace, "participation")
    assert (judgement.rating, judgement.rationale, judgement.strengths) == (
        "amber",
        "Survey shows 88%",
        "SEND Council",
    )
    assert judgement.updated_by == "Test Lead"
    changes = history(workspace, "participation")
    assert [(c.field, c.old_value, c.new_value) for c in reversed(changes)] == [
        ("rating", "not-rated", "amber"),
        ("rationale", "", "Survey shows 88%"),
        ("strengths", "", "SEND Council"),
    ]
    assert {(c.changed_by, c.organisation, c.origin) for c in changes} == {
        ("Test Lead", "Testshire Council", "local")
    }


def test_setting_the_same_value_again_records_nothing(workspace: Workspace) -> None:
    set_judgement(workspace, "participation", rating="green")
    set_judgement(workspace, "participation", rating="green")
    assert len(history(workspace, "participation")) == 1


def test_bad_rating_and_unknown_criterion_are_clear_errors(workspace: Workspace) -> None:
    with pytest.raises(InputError, match=r"'purple' is not a rating of the RAG rating scale"):
        set_judgement(workspace, "participation", rating="purple")
    with pytest.raises(InputError, match=r"'nope' is not a criterion here"):
        set_judgement(workspace, "nope", rating="red")
    with pytest.raises(InputError, match=r"'participation.9' is not a bullet"):
        set_judgement(workspace, "participation", "participation.9", rating="red")
    assert history(workspace) == []


def test_bullet_judgements_are_separate_from_the_criterion(workspace: Workspace) -> None:
    set_judgement(workspace, "right-help", "right-help.4", rating="red", note="23% overdue")
    assert get_judgement(workspace, "right-help").rating == "not-rated"
    assert get_judgement(workspace, "right-help", "right-help.4").note == "23% overdue"


def test_a_criterion_has_one_lead_owner(workspace: Workspace) -> None:
    add_organisation(workspace, "Anyshire ICB", "health")
    first = add_person(workspace, "Amara Okafor", "DCO", "Anyshire ICB")
    second = add_person(workspace, "Sian Bowen", "Commissioner", "Anyshire ICB")
    assign_owner(workspace, "right-help", first.id, "lead")
    assign_owner(workspace, "right-help", second.id, "lead")
    owners = {(o.name, o.role) for o in list_owners(workspace, "right-help")}
    assert owners == {("Sian Bowen", "lead"), ("Amara Okafor", "contributor")}
    with pytest.raises(InputError, match="no organisation called 'Nowhere'"):
        add_person(workspace, "X", organisation="Nowhere")


def test_evidence_links_to_many_criteria_and_bullets(workspace: Workspace) -> None:
    item = EvidenceInput(title="EHCP audit", kind="audit", evidence_date=date(2026, 1, 5))
    evidence_id = add_evidence(workspace, item, ["needs-identified", "right-help.3"])
    link_evidence(workspace, evidence_id, "leaders-evaluate")
    link_evidence(workspace, evidence_id, "leaders-evaluate")  # twice is harmless
    unlink_evidence(workspace, evidence_id, "needs-identified")
    (view,) = list_evidence(workspace)
    assert view.links == (("leaders-evaluate", ""), ("right-help", "right-help.3"))
    assert view.criteria == ("leaders-evaluate", "right-help")
    assert [e.title for e in list_evidence(workspace, "right-help")] == ["EHCP audit"]
    assert list_evidence(workspace, "participation") == []


def test_evidence_input_is_validated(workspace: Workspace) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        EvidenceInput(title="  ")
    with pytest.raises(ValidationError, match="unknown kind 'rumour'"):
        EvidenceInput(title="x", kind="rumour")
    with pytest.raises(InputError, match="'c99' is not a criterion or bullet"):
        add_evidence(workspace, EvidenceInput(title="x"), ["c99"])
    assert list_evidence(workspace) == []


def test_editing_evidence_records_each_changed_field(workspace: Workspace) -> None:
    evidence_id = add_evidence(workspace, EvidenceInput(title="Draft"))
    edit_evidence(workspace, evidence_id, EvidenceInput(title="Final", personal_data=True))
    (view,) = list_evidence(workspace)
    assert (view.title, view.personal_data) == ("Final", True)
    fields = {c.field for c in history(workspace) if c.entity == "evidence"}
    assert {"created", "title", "personal_data"} <= fields


def test_attachments_are_stored_once_per_content(workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "minutes.txt"
    source.write_bytes(b"Board minutes")
    first = add_evidence(workspace, EvidenceInput(title="Minutes"))
    second = add_evidence(workspace, EvidenceInput(title="Minutes again"))
    attachment_id = add_attachment(workspace, first, source)
    add_attachment(workspace, second, source)
    source.unlink()  # the workspace keeps its own copy
    with workspace.transaction() as session:
        assert session.query(Blob).count() == 1
    assert attachment_data(workspace, attachment_id) == ("minutes.txt", b"Board minutes")
    out = save_attachment(workspace, attachment_id, tmp_path / "out")
    assert out.read_bytes() == b"Board minutes"
    remove_attachment(workspace, attachment_id)
    with workspace.transaction() as session:
        assert session.query(Blob).count() == 1  # still used by the second item


def test_oversized_and_missing_attachments_are_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    evidence_id = add_evidence(workspace, EvidenceInput(title="Big"))
    big = tmp_path / "big.bin"
    with big.open("wb") as handle:
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(InputError, match="attachments are limited to 50 MB"):
        add_attachment(workspace, evidence_id, big)
    with pytest.raises(InputError, match="no such file"):
        add_attachment(workspace, evidence_id, tmp_path / "missing.pdf")
    (view,) = list_evidence(workspace)
    assert view.attachments == ()


def test_attachment_names_cannot_escape_a_folder(workspace: Workspace, tmp_path: Path) -> None:
    from selfeval.services.attachments import add_attachment_bytes

    evidence_id = add_evidence(workspace, EvidenceInput(title="Odd name"))
    attachment_id = add_attachment_bytes(workspace, evidence_id, "../../etc/passwd", b"x")
    out = save_attachment(workspace, attachment_id, tmp_path / "out")
    assert out.parent == tmp_path / "out"
    assert out.name == "passwd"


def test_readiness_summary(workspace: Workspace) -> None:
    set_judgement(workspace, "participation", rating="green")
    set_judgement(workspace, "right-help", rating="red")
    person = add_person(workspace, "Lisa Wynne")
    assign_owner(workspace, "participation", person.id, "lead")
    add_evidence(
        workspace,
        EvidenceInput(title="Old survey", evidence_date=date(2024, 6, 1)),
        ["participation"],
    )
    add_evidence(workspace, EvidenceInput(title="New data", evidence_date=date(2026, 6, 1)))
    summary = readiness(workspace, today=date(2026, 11, 23))
    assert summary.rated == 2
    assert summary.counts == {"not-rated": 9, "red": 1, "amber": 0, "green": 1}
    assert "participation" not in summary.unrated and "right-help" not in summary.unrated
    assert "participation" not in summary.without_evidence
    assert len(summary.without_evidence) == 10
    assert summary.without_lead == [
        c.id for c in workspace.framework.criteria if c.id != "participation"
    ]
    assert [s.title for s in summary.stale_evidence] == ["Old survey"]


def test_demo_is_complete(demo: Workspace) -> None:
    summary = readiness(demo, today=date(2026, 11, 23))
    assert summary.rated == 11
    assert {k for k, v in summary.counts.items() if v} == {"red", "amber", "green"}
    assert summary.evidence_total >= 60
    assert summary.without_lead == [] and summary.without_evidence == []
    organisations = {e.organisation for e in list_evidence(demo)}
    assert len(organisations) >= 6
    assert any(e.attachments for e in list_evidence(demo))
    assert summary.personal_data_items >= 1


def test_current_user_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    assert current_user("Jo Bloggs (Anyshire ICB)") == CurrentUser("Jo Bloggs", "Anyshire ICB")
    monkeypatch.setenv("SELFEVAL_USER", "Env User")
    assert current_user() == CurrentUser("Env User")
    monkeypatch.delenv("SELFEVAL_USER")
    save_user(CurrentUser("Saved User", "PCF"))
    assert current_user() == CurrentUser("Saved User", "PCF")
    assert current_user("Flag User") == CurrentUser("Flag User")


def test_one_item_reads_as_the_library_shows_it(demo: Workspace) -> None:
    from selfeval.services.evidence import evidence_item

    library = list_evidence(demo)
    with_links_and_files = [e for e in library if e.links and e.attachments]
    assert with_links_and_files  # the demo has such items
    for view in (with_links_and_files[0], library[-1]):
        assert evidence_item(demo, view.id) == view
    with pytest.raises(InputError, match="no evidence item with id 'nope'"):
        evidence_item(demo, "nope")


def test_saving_an_attachment_never_overwrites_another_file(
    workspace: Workspace, tmp_path: Path
) -> None:
    from selfeval.services.attachments import add_attachment_bytes

    item = add_evidence(workspace, EvidenceInput(title="Minutes"))
    attachment = add_attachment_bytes(workspace, item, "minutes.txt", b"Board minutes")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "minutes.txt").write_bytes(b"someone else's notes")
    saved = save_attachment(workspace, attachment, folder)
    assert saved.name == "minutes (1).txt" and saved.read_bytes() == b"Board minutes"
    assert (folder / "minutes.txt").read_bytes() == b"someone else's notes"
    assert save_attachment(workspace, attachment, folder) == saved  # the same file: used again
    assert sorted(p.name for p in folder.iterdir()) == ["minutes (1).txt", "minutes.txt"]
