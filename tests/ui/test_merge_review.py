"""The merge review screen: resolve one conflict each way, accept or reject new evidence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from selfeval.services import contributions
from selfeval.services.contributions import merge
from selfeval.services.contributions.package_format import read_package
from selfeval.services.evidence import EvidenceInput, add_evidence, list_evidence
from selfeval.services.judgements import get_judgement, set_judgement
from selfeval.services.users import CurrentUser
from selfeval.ui.dialogs.merge_review_dialog import MergeReviewDialog


def prepare(window, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    lead = window.workspace
    request = tmp_path / "request.sefpack"
    contributions.create_request(lead, "ICB", ["right-help"], request)
    partner = contributions.open_request(
        request, tmp_path / "p.selfeval", CurrentUser("Amara", "ICB")
    )
    set_judgement(
        partner, "right-help", rationale="theirs R", strengths="theirs S", impact="theirs I"
    )
    add_evidence(partner, EvidenceInput(title="Keep me"), ["right-help"])
    add_evidence(partner, EvidenceInput(title="Reject me"), ["right-help"])
    path = tmp_path / "return.sefpack"
    contributions.create_return(partner, path)
    partner.close()
    set_judgement(lead, "right-help", rationale="ours R", strengths="ours S", impact="ours I")
    return path


def test_resolve_conflicts_each_way_in_the_review(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    path = prepare(window, tmp_path)
    package = read_package(path)
    plan = merge.plan_merge(window.workspace, package)
    dialog = MergeReviewDialog(window.workspace, package, plan, window)
    qtbot.addWidget(dialog)
    keys = {k.split("|")[-1]: k for k in dialog.choices}
    assert sorted(keys) == ["impact", "rationale", "strengths"]
    # the words that differ are marked by shape, not colour alone: struck in ours, underlined
    # and bold in theirs; the unchanged "R" is neither
    labels = [dialog.conflicts.item(r, 0).text() for r in range(3)]
    row = next(r for r, label in enumerate(labels) if label.endswith("rationale"))
    ours, theirs = dialog.conflicts.cellWidget(row, 1), dialog.conflicts.cellWidget(row, 2)
    assert "line-through" in ours.toHtml() and "underline" in theirs.toHtml()
    assert ours.toPlainText() == "ours R" and theirs.toPlainText() == "theirs R"
    assert ours.isReadOnly() and ours.accessibleName().startswith("Ours for ")
    dialog.choices[keys["rationale"]].setCurrentIndex(
        dialog.choices[keys["rationale"]].findData("theirs")
    )
    dialog.choices[keys["strengths"]].setCurrentIndex(
        dialog.choices[keys["strengths"]].findData("ours")
    )
    impact = dialog.choices[keys["impact"]]
    impact.setCurrentIndex(impact.findData("edit"))
    assert dialog.edits[keys["impact"]].isEnabled()
    dialog.edits[keys["impact"]].setPlainText("both, merged")
    for i in range(dialog.evidence.count()):
        item = dialog.evidence.item(i)
        if item.text() == "Reject me":
            item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    judgement = get_judgement(window.workspace, "right-help")
    assert (judgement.rationale, judgement.strengths, judgement.impact) == (
        "theirs R",
        "ours S",
        "both, merged",
    )
    titles = {e.title for e in list_evidence(window.workspace)}
    assert "Keep me" in titles and "Reject me" not in titles
    assert dialog.result_ is not None and dialog.result_.evidence_added


def test_comments_on_the_criterion_page(qtbot: QtBot, demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    panel = window.criterion_page.comments
    assert panel.list.item(0).text() == "No comments yet."
    panel.text.setFocus()
    qtbot.keyClicks(panel.text, "Please add the SENDIASS survey")
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    assert panel.list.count() == 1
    assert panel.list.item(0).text().startswith("Test Lead (Testshire Council), ")
    assert panel.list.item(0).text().endswith(": Please add the SENDIASS survey")


def test_the_review_lists_what_lay_outside_the_request_and_never_applies_it(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from tests.test_return_trust import rewrite

    window = open_window(demo_path)
    path = prepare(window, tmp_path)
    from selfeval.services.workspace import open_workspace

    with open_workspace(tmp_path / "p.selfeval") as partner:
        found = contributions.request_of(partner)
    assert found is not None and found[0].request_secret
    before = get_judgement(window.workspace, "leaders-ambitious")

    def beyond(_manifest, content) -> None:  # type: ignore[no-untyped-def]
        content["current"]["judgements"].append(
            {"criterion_id": "leaders-ambitious", "bullet_id": "", "rating": "green"}
        )

    edited = rewrite(path, tmp_path / "edited.sefpack", beyond, found[0].request_secret)
    package = read_package(edited)
    plan = merge.plan_merge(window.workspace, package)
    dialog = MergeReviewDialog(window.workspace, package, plan, window)
    qtbot.addWidget(dialog)
    assert [dialog.outside.item(i).text() for i in range(dialog.outside.count())] == [
        "judgement of leaders-ambitious: not part of the request"
    ]
    assert dialog.outside.accessibleName() == "Changes outside the request, not applied"
    dialog.accept_all.click()
    assert dialog.result_ is not None
    assert get_judgement(window.workspace, "leaders-ambitious") == before
