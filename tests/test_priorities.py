"""The partnership's strategic priorities (issue 26, item 2): records checked as they come in,
linked to criteria and indicators, their actions followed through the criteria, and printed in
the pack ("Our priorities" before the criteria, each criterion naming its priorities)."""

from __future__ import annotations

from pathlib import Path

import pytest

from selfeval.errors import InputError
from selfeval.services.improvement.priorities import (
    actions_of,
    add_priority,
    delete_priority,
    list_priorities,
    parse_priority,
    priority_numbered,
    update_priority,
)
from selfeval.services.workspace import Workspace


def test_a_priority_is_kept_linked_and_checked(demo: Workspace) -> None:
    item = parse_priority(
        number=7,
        title="Timely EHC plans",
        criteria=["needs-identified", "right-help"],
        indicators=["ehcp-20-weeks"],
        board="SEND Partnership Board",
    )
    priority_id = add_priority(demo, item)
    found = priority_numbered(demo, 7)
    assert found.criteria == ("needs-identified", "right-help") and found.id == priority_id
    # its actions are the plan's actions on its criteria
    titles = {a.title for a in actions_of(demo, found)}
    assert titles and all(t for t in titles)
    with pytest.raises(InputError, match="there is already a priority 7"):
        add_priority(demo, parse_priority(number=7, title="Again"))
    with pytest.raises(InputError, match="'nope' is not a criterion"):
        add_priority(demo, parse_priority(number=8, title="X", criteria=["nope"]))
    with pytest.raises(InputError, match="'made-up' is not an indicator"):
        add_priority(demo, parse_priority(number=8, title="X", indicators=["made-up"]))
    with pytest.raises(InputError, match="number"):
        parse_priority(number=0, title="X")
    with pytest.raises(InputError, match="cannot be printed"):
        parse_priority(number=8, title="Bad\u202etitle")
    changed = found.as_input()
    changed.title = "EHC plans on time"
    update_priority(demo, priority_id, changed)
    assert priority_numbered(demo, 7).title == "EHC plans on time"
    delete_priority(demo, priority_id)
    assert [p.number for p in list_priorities(demo)] == [1, 2, 3]  # the demo's own


def test_the_pack_prints_the_golden_thread(demo_path: Path, tmp_path: Path) -> None:
    from selfeval.cli import main
    from tests.test_documents import docx_text, pdf_text

    base = ["priority"]
    assert main([*base, "add", str(demo_path), "--title", "Short breaks for every family",
                 "--board", "Short Breaks Board", "--owner", "Tom Clarke"]) == 0  # fmt: skip
    assert main([*base, "link", str(demo_path), "4", "--criterion", "participation",
                 "--indicator", "ehcp-20-weeks"]) == 0  # fmt: skip
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        out = tmp_path / f"p.{fmt}"
        assert main(["export", fmt, str(demo_path), "-o", str(out)]) == 0
        flat = " ".join(read(out).split())
        ours = flat.index("Our priorities 1. Timely, good-quality EHC plans")
        assert "Owner: Tom Clarke; overseen by Short Breaks Board; criteria 2." in flat
        fourth = flat.index("4. Short breaks for every family")
        assert "% of EHC plans issued within 20 weeks (excluding exceptions):" in flat[fourth:]
        # the criterion names its priority, after the priorities section
        assert flat.index("Our priorities: 4. Short breaks for every family.") > ours
    assert main([*base, "unlink", str(demo_path), "4", "--criterion", "participation"]) == 0
    assert main([*base, "link", str(demo_path), "7"]) == 2


def test_the_command_line_lists_and_refuses_in_words(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from selfeval.cli import main

    assert main(["priority", "add", str(demo_path), "--title", "Inclusion", "--number", "4"]) == 0
    assert main(["priority", "add", str(demo_path), "--title", "Next"]) == 0  # number 5
    capsys.readouterr()
    assert main(["priority", "list", str(demo_path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["number"], p["title"]) for p in listed][-2:] == [(4, "Inclusion"), (5, "Next")]
    assert main(["priority", "add", str(demo_path), "--title", "X", "--owner", "Nobody"]) == 2
    assert "no person of that name" in capsys.readouterr().err
    assert main(["priority", "link", str(demo_path), "9", "--criterion", "right-help"]) == 2
    assert "there is no priority 9" in capsys.readouterr().err


def test_a_criterion_section_carries_its_headline_figures_like_with_like(
    demo_path: Path, tmp_path: Path
) -> None:
    from selfeval.cli import main
    from selfeval.pack.documents.priorities import measure
    from selfeval.pack.model import IndicatorLine
    from tests.test_documents import pdf_text

    out = tmp_path / "p.pdf"
    assert main(["export", "pdf", str(demo_path), "-o", str(out), "--criteria", "right-help"]) == 0
    flat = " ".join(pdf_text(out).split())
    assert (
        "Figures: % of EHC plans issued within 20 weeks (excluding exceptions): 11.8% (2022); "
        "Statistical neighbours 45.1%, Region 35.2%, England 50.7%." in flat
    )
    count = IndicatorLine(
        "Initial requests for an EHC needs assessment", "", "context", "2024", 520.0,
        (("Region", 9010.0, "not compared"), ("England", 93302.0, "not compared")),
        None, (("2024", 520.0),),
    )  # fmt: skip
    # a count is never set beside another area's total
    assert measure(count.name, {count.name: count}) == (
        "Initial requests for an EHC needs assessment: 520 (2024)"
    )


def test_actions_and_risks_are_linked_by_name_and_survive_a_deleted_priority(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.cli import main
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions
    from selfeval.services.improvement.actions import list_actions, update_action
    from selfeval.services.improvement.priorities import risks_of
    from selfeval.services.improvement.risks import list_risks
    from selfeval.services.workspace import open_workspace
    from tests.conftest import TEST_USER
    from tests.test_personal_data_canary import text_of

    ws = str(demo_path)
    with open_workspace(demo_path, TEST_USER) as opened:
        third = priority_numbered(opened, 3)
        action = next(a for a in list_actions(opened) if not set(a.criteria) & set(third.criteria))
        risk = next(r for r in list_risks(opened) if not set(r.criteria) & set(third.criteria))
    argv = ["priority", "link", ws, "3", "--action", action.title.upper(), "--risk", risk.id]
    assert main(argv) == 0
    assert f"linked action '{action.title}'; linked risk '{risk.title}'" in capsys.readouterr().out
    assert main(["priority", "link", ws, "3", "--action", "no such action"]) != 0
    assert "no action of this cycle has the id or title" in capsys.readouterr().err
    with open_workspace(demo_path, TEST_USER) as opened:
        third = priority_numbered(opened, 3)
        assert action.title in {a.title for a in actions_of(opened, third)}
        assert risk.title in {r.title for r in risks_of(opened, third)}
        text = " ".join(
            text_of(export_pack(opened, "pdf", tmp_path / "p.pdf", PackOptions())).split()
        )
        assert f"{risk.title} (" in text and "Risks" in text
        # the priority deleted: the links are unseen, the action still edits, Undo restores them
        old = third.as_input()
        delete_priority(opened, third.id)
        linked = next(a for a in list_actions(opened) if a.id == action.id)
        assert linked.priorities == ()
        update_action(opened, action.id, linked.as_input(), expect=linked.as_input())
        add_priority(opened, old, third.id)
        assert risk.title in {r.title for r in risks_of(opened, priority_numbered(opened, 3))}
    assert main(["priority", "unlink", ws, "3", "--risk", risk.title]) == 0
    with open_workspace(demo_path, TEST_USER) as opened:
        assert next(r for r in list_risks(opened) if r.id == risk.id).priorities == ()


def test_a_priority_is_measured_by_latest_figures_like_with_like(
    demo: Workspace, tmp_path: Path
) -> None:
    from selfeval.services.improvement.headline_figures import headline_figures
    from selfeval.services.improvement.indicators import import_indicator_values

    csv = tmp_path / "counts.csv"
    csv.write_text(
        "indicator,period,area,statistical_neighbours,region,england\n"
        "ehcp-caseload,2025,4210,3900,52000,482640\n",
        encoding="utf-8",
    )
    import_indicator_values(demo, csv)
    rate, count, missing = headline_figures(demo, ("ehcp-20-weeks", "ehcp-caseload", "nope"))
    assert rate.endswith("England 50.7%, we are worse") and "(2022)" in rate
    assert "4,210" in count and "482,640" not in count  # a count beside nobody's total
    assert missing == "nope: no figure yet"
