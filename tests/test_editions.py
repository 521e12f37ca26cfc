"""New editions of the criteria: the crosswalk checked with file:line messages, an assessment
carried across through it (every relationship), what is left to confirm, and the history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.framework.model import NOT_RATED, Framework
from selfeval.locations import user_frameworks_dir
from selfeval.services.frameworks import framework_library
from selfeval.services.improvement.edition_carry import carry_to_edition
from selfeval.services.improvement.edition_review import (
    acknowledge_removed,
    items_to_confirm,
    word_changes,
)
from selfeval.services.judgements import get_judgement, list_judgements, set_judgement
from selfeval.services.readiness import readiness
from selfeval.services.workspace import Workspace
from tests.next_edition import NEXT_ID, next_edition_data, write_next_edition

ON_BOTH_STORES = True
ORIGIN = "edition:area-send-2023->area-send-next"


def _library_problems(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    path = tmp_path / "next.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    from selfeval.framework.library import FrameworkLibrary
    from selfeval.locations import bundled_criteria_dir

    return FrameworkLibrary([bundled_criteria_dir()], [path]).problems


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


@pytest.fixture
def next_edition() -> Framework:
    write_next_edition(user_frameworks_dir())
    library = framework_library()
    assert library.problems == []
    return library.get(NEXT_ID)


def test_the_test_edition_loads_and_the_shipped_edition_keeps_its_hash(
    next_edition: Framework,
) -> None:
    shipped = framework_library().get("area-send-2023")
    assert "crosswalk" not in shipped.canonical_json() and "terms" not in shipped.canonical_json()
    assert next_edition.supersedes == "area-send-2023"
    assert next_edition.terms.rating == "evaluation"
    assert "crosswalk" in next_edition.canonical_json()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda w: w.append(
                {"from": "participation.1", "to": ["participation.1"], "relationship": "same"}
            ),
            "'participation.1' is mapped twice",
        ),
        (
            lambda w: w.append({"from": "no-such", "to": [], "relationship": "removed"}),
            "'no-such' is not a criterion or bullet of area-send-2023",
        ),
        (
            lambda w: w.append(
                {"from": "right-help.2", "to": ["participation.1"], "relationship": "reworded"}
            ),
            "mark them all 'merged'",
        ),
        (
            lambda w: w.append({"to": ["participation.1"], "relationship": "new", "from": "x"}),
            "a 'new' entry has no 'from'",
        ),
        (
            lambda w: w.append(
                {
                    "from": "x",
                    "to": ["participation.1", "participation.3"],
                    "relationship": "reworded",
                }
            ),
            "maps to exactly one new id",
        ),
        (
            lambda w: w.append({"from": "x", "to": ["nowhere"], "relationship": "split"}),
            "'nowhere' is not a criterion or bullet of this file",
        ),
    ],
)
def test_a_crosswalk_mistake_is_named_with_its_line(
    tmp_path: Path, change: Any, expected: str
) -> None:
    data = next_edition_data()
    change(data["crosswalk"])
    problems = _library_problems(tmp_path, data)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{tmp_path / 'next.yaml'}:") for p in problems)


def test_every_old_id_must_be_mapped_and_same_means_the_same_words(tmp_path: Path) -> None:
    data = next_edition_data()
    data["crosswalk"] = [
        e for e in data["crosswalk"] if e.get("from") not in ("right-help.2", "right-help.3")
    ]
    data["crosswalk"] += [{"from": "right-help.2", "to": ["right-help.2"], "relationship": "same"}]
    for group in data["groups"]:
        for criterion in group["criteria"]:
            for bullet in criterion.get("bullets", []):
                if bullet["id"] in ("right-help.2", "right-help.3"):
                    bullet["text"] += " (changed)"
    data["crosswalk"] += [{"to": ["right-help.3"], "relationship": "new"}]
    problems = _library_problems(tmp_path, data)
    path = tmp_path / "next.yaml"
    assert any(
        p.startswith(f"{path}:{_line_of(path, 'supersedes:')}: supersedes: 1 id of area-send-2023")
        and "'right-help.3'" in p
        and "list it as removed" in p
        for p in problems
    ), problems
    assert any("'right-help.2' is marked 'same' but its words changed" in p for p in problems)


def test_a_new_id_left_out_of_the_crosswalk_and_other_shape_errors(tmp_path: Path) -> None:
    data = next_edition_data()
    data["crosswalk"] = [e for e in data["crosswalk"] if e.get("to") != ["right-help.6"]]
    data["crosswalk"].append(
        {"from": "leaders-environment.1", "to": ["right-help.1"], "relationship": "removed"}
    )
    problems = _library_problems(tmp_path, data)
    path = tmp_path / "next.yaml"
    line = _line_of(path, "id: right-help.6")
    assert f"{path}:{line}: " in "\n".join(problems)
    assert any(
        "'right-help.6' is not in the crosswalk: map it from the old edition, or list "
        "it as new" in p
        for p in problems
    )
    assert any("a 'removed' entry has an empty 'to'" in p for p in problems)


def test_editions_that_supersede_each_other_in_a_circle_are_refused(tmp_path: Path) -> None:
    first = next_edition_data(id="edition-a", supersedes="edition-b")
    second = next_edition_data(id="edition-b", supersedes="edition-a")
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(first), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump(second), encoding="utf-8")
    from selfeval.framework.library import FrameworkLibrary

    library = FrameworkLibrary([tmp_path])
    assert "edition-a" not in library.entries and "edition-b" not in library.entries
    assert any(
        "in a circle (edition-a -> edition-b -> edition-a)" in p
        or "in a circle (edition-b -> edition-a -> edition-b)" in p
        for p in library.problems
    ), library.problems


def test_a_crosswalk_needs_supersedes_and_supersedes_a_known_framework(tmp_path: Path) -> None:
    alone = next_edition_data()
    del alone["supersedes"]
    assert any("a crosswalk needs 'supersedes" in p for p in _library_problems(tmp_path, alone))
    unknown = next_edition_data(supersedes="area-send-1999")
    assert any(
        "supersedes: 'area-send-1999' is not a framework selfeval knows" in p
        for p in _library_problems(tmp_path, unknown)
    )


def test_frameworks_validate_checks_a_new_edition_against_the_one_it_replaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_next_edition(tmp_path / "good")
    assert main(["frameworks", "validate", str(good)]) == 0
    data = next_edition_data()
    data["crosswalk"] = [e for e in data["crosswalk"] if e.get("from") != "right-help.2"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert main(["frameworks", "validate", str(bad)]) == 2
    assert "'right-help.2'" in capsys.readouterr().err


def test_carrying_follows_every_relationship(demo: Workspace, next_edition: Framework) -> None:
    old_id = demo.assessment_id
    before = {k: (j.rating, j.rationale) for k, j in list_judgements(demo).items()}
    old = {
        c: get_judgement(demo, c)
        for c in (
            "valued-included",
            "participation",
            "next-steps",
            "leaders-engage",
            "leaders-understand",
        )
    }
    result = carry_to_edition(demo, next_edition)
    assert demo.assessment_id == result.assessment_id != old_id
    assert demo.framework.id == NEXT_ID
    # same: the rating as it was
    assert get_judgement(demo, "valued-included").rating == old["valued-included"].rating
    # reworded: the narrative follows, the rating waits to be confirmed
    reworded = get_judgement(demo, "participation")
    assert reworded.rating == NOT_RATED
    assert reworded.previous_rating == old["participation"].rating
    assert reworded.rationale == old["participation"].rationale
    # split: both halves have the narrative and the rating to confirm
    for half in ("next-steps", "next-steps-work"):
        split = get_judgement(demo, half)
        assert (split.rating, split.previous_rating) == (NOT_RATED, old["next-steps"].rating)
        assert split.strengths == old["next-steps"].strengths
    # merged: both narratives, each under a heading naming where it came from
    merged = get_judgement(demo, "leaders-engage")
    assert merged.rating == NOT_RATED
    assert merged.rationale.startswith("From 7. Leaders actively engage")
    assert old["leaders-understand"].rationale in merged.rationale
    assert "From 8. Leaders have an accurate, shared understanding" in merged.rationale
    # new: unrated, nothing carried
    assert get_judgement(demo, "alternative-provision").rating == NOT_RATED
    assert get_judgement(demo, "alternative-provision").rationale == ""
    # the old assessment is exactly as it was
    demo.use_assessment(old_id)
    assert {k: (j.rating, j.rationale) for k, j in list_judgements(demo).items()} == before


def test_evidence_owners_actions_and_comments_follow_and_removed_items_are_listed(
    demo: Workspace, next_edition: Framework
) -> None:
    from selfeval.services.comments import add_comment, list_comments
    from selfeval.services.evidence import list_evidence
    from selfeval.services.improvement.actions import list_actions
    from selfeval.services.people import list_owners

    add_comment(demo, "leaders-understand", "Check the JSNA chapter before the board.")
    evidence_before = {e.id: e.links for e in list_evidence(demo)}
    environment = [
        i
        for i, links in evidence_before.items()
        if any(c == "leaders-environment" for c, _b in links)
    ]
    on_removed_bullet = [
        i
        for i, links in evidence_before.items()
        if ("valued-included", "valued-included.3") in links
    ]
    understand_owners = {o.person_id for o in list_owners(demo, "leaders-understand")}
    open_actions = {a.title: a.criteria for a in list_actions(demo) if a.status != "complete"}
    carry_to_edition(demo, next_edition, "Self-evaluation on the test edition")
    after = {e.id: e.links for e in list_evidence(demo)}
    assert all(("valued-included", "") in after[i] for i in on_removed_bullet)
    assert all(not any(c == "leaders-environment" for c, _b in after.get(i, ())) for i in after)
    assert understand_owners <= {o.person_id for o in list_owners(demo, "leaders-engage")}
    assert [c.text for c in list_comments(demo, "leaders-engage")] == [
        "Check the JSNA chapter before the board."
    ]
    carried = {a.title: a.criteria for a in list_actions(demo)}
    assert set(carried) == set(open_actions)
    for title, criteria in open_actions.items():
        for criterion in criteria:
            mapped = {"leaders-understand": "leaders-engage"}.get(criterion, criterion)
            if criterion != "leaders-environment":
                assert mapped in carried[title]
    removed = {i.item_id: i for i in items_to_confirm(demo) if i.relationship == "removed"}
    assert set(removed) >= {"leaders-environment", "valued-included.3"}
    assert set(environment) <= set(e for i in removed.values() for e in i.evidence_ids)


def test_every_carried_value_names_its_origin_in_the_history(
    demo: Workspace, next_edition: Framework
) -> None:
    from selfeval.services.history import history

    carry_to_edition(demo, next_edition)
    records = history(demo, "leaders-engage")
    carried = [r for r in records if r.origin == ORIGIN]
    assert {r.field for r in carried} >= {"rationale", "linked"}
    assert all(r.changed_by == "Test Lead" for r in carried)


def test_the_list_to_confirm_empties_as_items_are_confirmed(
    demo: Workspace, next_edition: Framework
) -> None:
    result = carry_to_edition(demo, next_edition)
    items = items_to_confirm(demo)
    assert len(items) == result.to_confirm == readiness(demo).edition_to_confirm
    kinds = {i.relationship for i in items}
    assert kinds == {"reworded", "split", "merged", "new", "removed"}
    reworded = next(i for i in items if i.item_id == "right-help.1")
    assert reworded.old_texts[0][2] != reworded.new_text
    runs = word_changes(reworded.old_texts[0][2], reworded.new_text)
    assert ("removed", " in a timely way") in runs
    assert ("added", " promptly, and reviewed within six weeks") in runs
    assert "".join(t for k, t in runs if k != "added") == reworded.old_texts[0][2]
    assert "".join(t for k, t in runs if k != "removed") == reworded.new_text
    for item in items:
        if item.relationship == "removed":
            acknowledge_removed(demo, item.item_id)
        else:
            previous = dict(item.previous_ratings)
            rating = next(iter(previous.values()), "amber")
            criterion, bullet = demo.framework.link_targets[item.item_id]
            set_judgement(demo, criterion, bullet, rating=rating)
        left = items_to_confirm(demo)
        assert item.item_id not in {i.item_id for i in left}
        assert readiness(demo).edition_to_confirm == len(left)
    assert items_to_confirm(demo) == []


def test_carrying_is_refused_in_words_when_the_edition_does_not_fit(
    demo: Workspace, next_edition: Framework
) -> None:
    medway = framework_library().get("medway-wsoa-2018")
    with pytest.raises(InputError, match="it supersedes nothing, and the assessment is on"):
        carry_to_edition(demo, medway)
    carry_to_edition(demo, next_edition, "Moved")
    with pytest.raises(InputError, match="already on area-send-next"):
        carry_to_edition(demo, next_edition, "Again")


def test_the_command_line_carries_and_lists_what_to_confirm(
    demo: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    write_next_edition(user_frameworks_dir())
    address = str(demo.address)
    demo.close()
    assert main(["assessment", "carry", address, "--to", NEXT_ID, "--title", "Next"]) == 0
    out = capsys.readouterr().out
    assert "Made 'Next' on area-send-next" in out and "to confirm" in out
    assert main(["assessment", "to-confirm", address, "--json"]) == 0
    import json

    listed = json.loads(capsys.readouterr().out)
    assert {i["relationship"] for i in listed} == {"reworded", "split", "merged", "new", "removed"}
    assert main(["assessment", "acknowledge", address, "right-help.1"]) == 2
    assert "is not a removed item" in capsys.readouterr().err
    assert main(["assessment", "acknowledge", address, "valued-included.3"]) == 0
    assert main(["status", address]) == 0
    out = capsys.readouterr().out
    assert f"To confirm after the new edition: {len(listed) - 1}" in out
    assert " criteria with an evaluation (" in out  # the edition's own word


def test_the_edition_changes_report_says_what_changed_word_by_word(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx
    from pypdf import PdfReader

    from selfeval.pack.builders.edition_changes_builder import build_edition_changes

    write_next_edition(user_frameworks_dir())
    report = build_edition_changes(demo, "area-send-2023", NEXT_ID)
    counts = dict(report.counts)
    assert counts == {"same": 44, "reworded": 2, "split": 4, "merged": 2, "new": 3, "removed": 7}
    where = {i.where: i for c in report.criteria for i in c.items}
    reworded = where["3.1"]
    assert ("removed", " in a timely way") in reworded.runs
    assert where["Criterion 8 (from 7 and 8 of 2023-01)"].to_confirm == "Green (as 7), Amber (as 8)"
    assert report.rating_word == "evaluation"
    address = str(demo.address)
    demo.close()
    pdf, word = tmp_path / "changes.pdf", tmp_path / "changes.docx"
    for out in (pdf, word):
        argv = ["export", "edition-changes", address, "--to", NEXT_ID, "-o", str(out)]
        assert main(argv) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "What the new edition changes: Area SEND self-evaluation (2023-01) to Test edition" in (
        text
    )
    assert "Our evaluations to confirm again" in text
    assert "Removed from Test edition" in text
    document = docx.Document(str(word))
    runs = [r for p in document.paragraphs for r in p.runs]
    assert any(r.font.strike and r.text == " in a timely way" for r in runs)
    assert any(r.underline and r.bold and r.text.startswith(" promptly,") for r in runs)
    assert (
        main(
            [
                "export",
                "edition-changes",
                address,
                "--to",
                "medway-wsoa-2018",
                "-o",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert "does not supersede" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_progress_report_compares_across_editions_through_the_crosswalk(
    demo: Workspace, next_edition: Framework, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from selfeval.pack.builders.progress_builder import export_progress
    from selfeval.services.improvement.actions import list_actions
    from selfeval.services.improvement.snapshots import (
        compare_snapshots,
        list_snapshots,
        take_snapshot,
    )

    take_snapshot(demo, "Board, 14 March")
    was = get_judgement(demo, "participation").rating
    carry_to_edition(demo, next_edition)
    assert [s.name for s in list_snapshots(demo)] == ["Board, 14 March"]
    set_judgement(demo, "participation", rating="red")  # reworded: rated afresh
    set_judgement(demo, "valued-included", rating=get_judgement(demo, "valued-included").rating)
    progress = compare_snapshots(demo, "Board, 14 March")
    title = demo.framework.criterion("participation").title  # the new edition's words
    label = demo.framework.rating_scale.level
    assert (title, label(was).label, "Red") in progress.ratings_down
    carried = {a.title for a in list_actions(demo)}
    assert not set(progress.new_actions) & carried  # carried, not new
    assert all(
        t[0] != "Leaders know where children attend unregistered alternative provision"
        or t[1] == "Not rated"
        for t in progress.ratings_up + progress.ratings_down
    )
    out = export_progress(demo, "Board, 14 March", tmp_path / "progress.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert title[:40] in text


def test_the_pack_speaks_the_words_of_its_edition(
    demo: Workspace, next_edition: Framework, tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions

    carry_to_edition(demo, next_edition)
    for criterion in demo.framework.criteria:
        set_judgement(demo, criterion.id, rating="amber")
    pdf = export_pack(demo, "pdf", tmp_path / "pack.pdf", PackOptions())
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Likely inspection outcome: the partnership's own view" in text
    assert text.count("Evaluation:") == len(demo.framework.criteria)  # each criterion's line
    assert "Rating:" not in text
    book = load_workbook(export_pack(demo, "xlsx", tmp_path / "pack.xlsx", PackOptions()))
    assert "Evaluations" in book.sheetnames and "Judgements" not in book.sheetnames
    assert book["Evaluations"].cell(row=1, column=4).value == "Evaluation"


@pytest.mark.parametrize(
    ("word", "sheet"),
    [
        ("evaluation", "Evaluations"),
        ("judgement", "Judgements"),
        ("owner", "Judgements"),  # "Owners" is another sheet's name
        ("a/b:c*d?[e]", "Abcde" + "s"),
        ("x" * 80, "X" + "x" * 30),
        ("'", "Judgements"),
    ],
)
def test_a_sheet_named_from_a_framework_file_is_safe_for_excel(word: str, sheet: str) -> None:
    from selfeval.pack.xlsx_render import sheet_name

    assert sheet_name(word) == sheet


def test_the_command_line_help_speaks_the_edition_in_use(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["judge", "--help"])
    plain = capsys.readouterr().out
    assert "one criterion's judgement" in plain and "--rating RATING       the rating:" in plain
    write_next_edition(user_frameworks_dir())  # the partnership adds the newer edition
    with pytest.raises(SystemExit):
        main(["judge", "--help"])
    words = capsys.readouterr().out
    assert "one criterion's evaluation" in words and "the evaluation: an id" in " ".join(
        words.split()
    )
    assert "{" not in words


def test_a_cancelled_carry_leaves_the_workspace_as_it_was(
    demo: Workspace, next_edition: Framework
) -> None:
    from selfeval.services.improvement.assessments import list_assessments

    before = [a.id for a in list_assessments(demo)]
    steps: list[int] = []
    with pytest.raises(InputError, match="cancelled; nothing was carried"):
        carry_to_edition(
            demo, next_edition, "Halfway", lambda done, _t: steps.append(done), lambda: 2 in steps
        )
    assert steps == [0, 1, 2]
    assert [a.id for a in list_assessments(demo)] == before
    assert demo.framework.id == "area-send-2023" and items_to_confirm(demo) == []


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        ({"rating": "Evaluation"}, "terms.rating: 'Evaluation' must be a lower-case word"),
        ({"rating": "x" * 41}, "must be a lower-case word or two"),
        ({"judgement": "=cmd|' /C calc'!A0"}, "terms.judgement:"),
        ({"outcome_section": "o" * 81}, "terms.outcome_section:"),
        ({"ratings": "evaluation"}, "terms.ratings: unknown key"),
    ],
)
def test_an_editions_words_are_checked_with_their_line(
    tmp_path: Path, terms: dict[str, str], expected: str
) -> None:
    data = next_edition_data(terms=terms)
    problems = _library_problems(tmp_path, data)
    assert any(expected in p for p in problems), problems
