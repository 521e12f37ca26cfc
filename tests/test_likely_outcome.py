"""The likely-outcome note: which of the three outcomes the ratings point to, and why."""

from __future__ import annotations

import pytest

from selfeval.framework.model import Framework
from selfeval.services.likely_outcome import likely_outcome

IDS = [
    "needs-identified",
    "participation",
    "right-help",
    "next-steps",
    "valued-included",
    "leaders-ambitious",
    "leaders-engage",
    "leaders-understand",
    "leaders-commission",
    "leaders-evaluate",
    "leaders-environment",
]


def ratings(**overrides: str) -> dict[str, str]:
    base = dict.fromkeys(IDS, "green")
    base.update({k.replace("_", "-"): v for k, v in overrides.items()})
    return base


@pytest.mark.parametrize(
    ("given", "rank"),
    [
        (ratings(), 1),
        (ratings(participation="amber", next_steps="amber"), 1),
        (ratings(participation="amber", next_steps="amber", right_help="amber"), 2),
        (ratings(right_help="red"), 2),
        (ratings(right_help="red", next_steps="red"), 2),
        (ratings(right_help="red", next_steps="red", participation="red"), 3),
        (ratings(leaders_evaluate="red", leaders_commission="red"), 3),
    ],
)
def test_rule(framework: Framework, given: dict[str, str], rank: int) -> None:
    view = likely_outcome(framework, given)
    assert view is not None and view.rank == rank and not view.provisional


def test_reasons_name_the_criteria_and_unrated_makes_it_provisional(framework: Framework) -> None:
    given = ratings(leaders_evaluate="red", leaders_commission="red")
    given["participation"] = "not-rated"
    view = likely_outcome(framework, given)
    assert view is not None
    assert view.reasons[0] == (
        "2 of the leadership criteria are rated red (9, 10), which suggests system-wide rather "
        "than local gaps."
    )
    assert view.provisional
    assert view.reasons[-1] == "1 criterion is not yet rated (2): this view is provisional."


def test_frameworks_without_the_three_outcomes_get_no_view() -> None:
    from selfeval.framework.loader import load_framework
    from selfeval.locations import bundled_criteria_dir

    wsoa = load_framework(bundled_criteria_dir() / "wsoa-medway-2018.yaml")
    assert likely_outcome(wsoa, {}) is None
