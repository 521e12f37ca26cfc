"""Actions, indicators, risks, snapshots, cycles: the improvement plan's services."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from selfeval.errors import InputError
from selfeval.locations import resource_path
from selfeval.pack.builders.export import export_pack
from selfeval.pack.model import PackOptions
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.evidence_import import ImportProblems
from selfeval.services.improvement.actions import add_action, list_actions, parse_action, set_status
from selfeval.services.improvement.assessments import (
    add_assessment,
    list_assessments,
    start_new_cycle,
)
from selfeval.services.improvement.indicators import (
    how_we_compare,
    import_indicator_values,
    indicator_library,
    indicator_values,
    latest_values,
)
from selfeval.services.improvement.risks import (
    add_risk,
    heat_map,
    list_risks,
    parse_risk,
    rating_for,
)
from selfeval.services.improvement.snapshots import compare_snapshots, take_snapshot
from selfeval.services.judgements import get_judgement, set_judgement
from selfeval.services.workspace import Workspace, open_workspace

SAMPLE = resource_path("resources", "samples", "indicators.csv")


def test_overdue_is_computed_against_a_given_day(workspace: Workspace) -> None:
    late = add_action(
        workspace, parse_action(title="Late", due_date=date(2026, 10, 1), criteria=["right-help"])
    )
    add_action(
        workspace, parse_action(title="Done late", due_date=date(2026, 10, 1), status="complete")
    )
    add_action(workspace, parse_action(title="Not due", due_date=date(2026, 12, 1)))
    add_action(workspace, parse_action(title="No date"))
    today = date(2026, 11, 23)
    assert [a.title for a in list_actions(workspace, overdue_only=True, today=today)] == ["Late"]
    assert [
        a.title for a in list_actions(workspace, overdue_only=True, today=date(2026, 9, 1))
    ] == []
    assert [a.title for a in list_actions(workspace, criterion_id="right-help")] == ["Late"]
    set_status(workspace, late, "complete")
    assert list_actions(workspace, overdue_only=True, today=today) == []
    with pytest.raises(InputError, match="unknown status 'done'"):
        parse_action(title="x", status="done")


def test_polarity_decides_better_or_worse(workspace: Workspace) -> None:
    import_indicator_values(workspace, SAMPLE)
    rows = {r.indicator_id: r for r in latest_values(workspace)}
    # % of population with an EHC plan: prevalence is context, never "worse"; Devon 3.99% is
    # above all three.
    assert [
        (c.comparator, c.value, c.verdict) for c in how_we_compare(rows["ehcp-population"])
    ] == [
        ("Statistical neighbours", 3.10, "above"),
        ("Region", 3.24, "above"),
        ("England", 3.08, "above"),
    ]
    # refusals: lower is better, and Devon's 35.1% against England's 21.9% is worse
    refused = how_we_compare(rows["ehc-refusals"])
    assert refused[2].verdict == "worse"
    # 20-week timeliness: higher is better; 65% (2020) against England's blank that year.
    timeliness = how_we_compare(rows["ehcp-20-weeks"])
    assert rows["ehcp-20-weeks"].period == "2022"
    assert [c.verdict for c in timeliness] == ["worse", "worse", "worse"]
    assert indicator_library()["ehcp-20-weeks"].polarity == "higher"
    from selfeval.services.improvement.indicators import compare

    assert compare(indicator_library()["ehcp-20-weeks"], 70.0, 60.0) == "better"
    assert compare(indicator_library()["autism-wait"], 70.0, 60.0) == "worse"
    assert compare(indicator_library()["autism-wait"], 60.0, 60.0) == "same"


def test_indicator_import_is_all_or_nothing_with_row_numbers(
    workspace: Workspace, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "indicator,period,area,statistical_neighbours,region,england\n"
        "ehcp-20-weeks,2023,55,,,\n"
        "made-up,2023,1,,,\n"
        "ehcp-20-weeks,2024,fifty,,,\n"
        "ehcp-20-weeks,,50,,,\n"
        "ehcp-20-weeks,2023,56,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportProblems) as caught:
        import_indicator_values(workspace, bad)
    assert caught.value.problems == [
        "row 3: indicator: unknown indicator 'made-up'",
        "row 4: area: 'fifty' is not a number",
        "row 5: period: must be given (up to 40 characters)",
        "row 6: ehcp-20-weeks 2023 is given twice",
    ]
    assert indicator_values(workspace) == []
    assert import_indicator_values(workspace, SAMPLE) == 8
    assert import_indicator_values(workspace, SAMPLE) == 8  # re-importing replaces, not doubles
    assert len(indicator_values(workspace)) == 8


def test_risk_score_rating_and_heat_map(workspace: Workspace) -> None:
    assert [rating_for(s)[0] for s in (1, 4, 5, 9, 10, 12, 15, 25)] == [
        "Low",
        "Low",
        "Medium",
        "Medium",
        "High",
        "High",
        "Very high",
        "Very high",
    ]
    add_risk(workspace, parse_risk(title="Demand", impact=4, likelihood=5))
    add_risk(workspace, parse_risk(title="Workforce", impact=4, likelihood=5))
    add_risk(workspace, parse_risk(title="Forum", impact=2, likelihood=3))
    risks = list_risks(workspace)
    assert [(r.title, r.score, r.rating) for r in risks] == [
        ("Demand", 20, "Very high"),
        ("Workforce", 20, "Very high"),
        ("Forum", 6, "Medium"),
    ]
    cells = heat_map(risks)
    assert {k: len(v) for k, v in cells.items()} == {(4, 5): 2, (2, 3): 1}
    with pytest.raises(InputError, match="impact: Input should be less than or equal to 5"):
        parse_risk(title="x", impact=6, likelihood=1)


def test_snapshot_comparison_lists_exactly_the_changes(workspace: Workspace) -> None:
    set_judgement(workspace, "participation", rating="amber")
    set_judgement(workspace, "right-help", rating="green")
    done = add_action(
        workspace, parse_action(title="Publish local offer", due_date=date(2027, 1, 1))
    )
    add_action(workspace, parse_action(title="Already late", due_date=date(2026, 1, 1)))
    take_snapshot(workspace, "Board, 14 March")
    set_judgement(workspace, "participation", rating="green")
    set_judgement(workspace, "right-help", rating="red")
    set_judgement(workspace, "valued-included", rating="green")  # first rated: not "improved"
    add_evidence(workspace, EvidenceInput(title="New audit"), ["right-help"])
    set_status(workspace, done, "complete")
    add_action(workspace, parse_action(title="New action"))
    import_indicator_values(workspace, SAMPLE)
    take_snapshot(workspace, "Board, 20 June")
    progress = compare_snapshots(
        workspace, "Board, 14 March", "Board, 20 June", today=date(2026, 11, 23)
    )
    assert [m[1:] for m in progress.ratings_up] == [("Amber", "Green")]
    assert [m[1:] for m in progress.ratings_first] == [("Not rated", "Green")]
    assert [m[1:] for m in progress.ratings_down] == [("Green", "Red")]
    assert progress.new_evidence == ["New audit"]
    assert progress.actions_completed == ["Publish local offer"]
    assert progress.new_actions == ["New action"]
    assert progress.actions_overdue == ["Already late"]
    assert len(progress.indicator_changes) == 4
    with pytest.raises(InputError, match="no snapshot called 'Board, 1 May'"):
        compare_snapshots(workspace, "Board, 1 May")
    with pytest.raises(InputError, match="already a snapshot called"):
        take_snapshot(workspace, "Board, 14 March")


def test_new_cycle_carries_narrative_and_open_actions(demo: Workspace) -> None:
    old_rating = get_judgement(demo, "right-help").rating
    open_actions = [a.title for a in list_actions(demo) if a.status != "complete"]
    start_new_cycle(demo, "Self-evaluation 2027")
    judgement = get_judgement(demo, "right-help")
    assert judgement.rating == "not-rated"
    assert judgement.rationale.startswith("Speech and language therapy waits")
    assert [a.title for a in list_actions(demo)] == open_actions
    with demo.transaction() as session:
        from selfeval.store.models import Judgement

        row = (
            session.query(Judgement)
            .filter_by(assessment_id=demo.assessment_id, criterion_id="right-help", bullet_id="")
            .one()
        )
        assert row.previous_rating == old_rating
    assert [a.title for a in list_assessments(demo)][-1] == "Self-evaluation 2027"
    with open_workspace(demo.address) as again:
        assert again.assessment_title == "Self-evaluation 2027"


def test_a_wsoa_framework_beside_the_area_send_one(demo: Workspace) -> None:
    from selfeval.services.frameworks import framework_library

    add_assessment(demo, framework_library().get("medway-wsoa-2018"), "WSOA revisit")
    with open_workspace(demo.address) as again:
        assert again.framework.id == "area-send-2023"  # the default stays the SEF
    with open_workspace(demo.address, assessment="WSOA revisit") as wsoa:
        set_judgement(wsoa, "area-7-ehc-plans", rating="not-sufficient-progress")
        assert get_judgement(wsoa, "area-7-ehc-plans").rating == "not-sufficient-progress"
        with pytest.raises(InputError, match="is not a rating"):
            set_judgement(wsoa, "area-7-ehc-plans", rating="green")


def test_packs_carry_indicators_actions_and_risks(demo_path: Path, tmp_path: Path) -> None:
    with open_workspace(demo_path) as workspace:
        pdf = export_pack(workspace, "pdf", tmp_path / "p.pdf", PackOptions())
        docx = export_pack(workspace, "docx", tmp_path / "p.docx", PackOptions())
        xlsx = export_pack(workspace, "xlsx", tmp_path / "p.xlsx", PackOptions())
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert re.search(
        r"% of the population with an EHC plan.*?2022 3\.99% 3\.1% above "
        r"3\.24% above 3\.08% above",
        text,
    )
    assert "Action plan" in text and "Clear the backlog of overdue annual reviews" in text
    assert "Risk register" in text and "Demand for EHC needs assessments keeps rising" in text
    assert "4 x 5 = 20" in text and "Very high" in text
    words = " ".join(c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)
    assert "3.99%" in words and "3.08%" in words and "Therapy workforce shortages" in words
    book = load_workbook(xlsx)
    rows = [r[:8] for r in book["Indicators"].iter_rows(min_row=2, values_only=True)]
    assert (
        "% of the population with an EHC plan",
        "context: compared, not judged",
        "2022",
        3.99,
        3.1,
        3.24,
        3.08,
        None,
    ) in rows
    assert book["Risks"]["G2"].value == 20
    assert book["Actions"].max_row == 9


def test_periods_follow_the_calendar_not_the_alphabet(workspace: Workspace, tmp_path: Path) -> None:
    quarters = tmp_path / "quarters.csv"
    quarters.write_text(
        "indicator,period,area\n"
        "ehcp-20-weeks,Q1 2025,48\n"
        "ehcp-20-weeks,Q4 2024,41\n"
        "ehcp-20-weeks,Q2 2025,52\n"
        "ehcp-20-weeks,Q3 2024,38\n",
        encoding="utf-8",
    )
    import_indicator_values(workspace, quarters)
    periods = [r.period for r in indicator_values(workspace, "ehcp-20-weeks")]
    assert periods == ["Q3 2024", "Q4 2024", "Q1 2025", "Q2 2025"]
    latest = {r.indicator_id: r for r in latest_values(workspace)}["ehcp-20-weeks"]
    assert (latest.period, latest.area) == ("Q2 2025", 52)


@pytest.mark.parametrize(
    "written",
    [
        ["2019", "2020", "2021/22", "2022-23"],
        ["Sep 2024", "Dec 2024", "January 2025", "Mar 2025"],
        ["Autumn term 2024", "Spring term 2025", "Summer term 2025"],
        ["Q1 2024/25", "Q3 2024/25", "Q2 2025/26"],
    ],
)
def test_period_order(written: list[str]) -> None:
    from selfeval.services.improvement.periods import period_key

    assert sorted(reversed(written), key=period_key) == written


def test_a_count_is_never_set_against_other_areas_totals(workspace: Workspace) -> None:
    """690 requests beside England's 114,482 says nothing: counts are context, rates compared."""
    from selfeval.pack.builders.brief_builder import build_brief
    from selfeval.services.improvement.indicator_figures import set_figures
    from selfeval.services.improvement.indicators import (
        ValueRow,
        compared_series,
        how_we_compare,
        indicator_library,
        indicator_values,
    )

    library = indicator_library()
    counts = [i for i in library.values() if i.measure == "count"]
    assert {i.id for i in counts} >= {"ehc-initial-requests", "ehcp-new", "ehcp-caseload"}
    assert all(i.unit in ("requests", "plans") for i in counts)
    set_figures(workspace, ValueRow("ehc-initial-requests", "2023", 690, None, 12_000, 114_482))
    set_figures(workspace, ValueRow("ehcp-pupils", "2023", 4.1, None, 4.4, 4.8))
    rows = {r.indicator_id: r for r in indicator_values(workspace)}
    verdicts = {c.comparator: c.verdict for c in how_we_compare(rows["ehc-initial-requests"])}
    assert set(verdicts.values()) == {"not compared"}
    assert {c.verdict for c in how_we_compare(rows["ehcp-pupils"])} >= {"below"}
    assert compared_series(library["ehc-initial-requests"]) == {}
    assert compared_series(library["ehcp-pupils"])
    brief = json.dumps(build_brief(workspace), default=str)
    assert "114,482" not in brief and "against England 4.8" in brief
