"""Which of the three inspection outcomes a set of ratings points to: the partnership's own view.

A deliberately simple, explained rule, not a prediction of what inspectors will find:
- no red and at most two amber: the first outcome (typically positive experiences);
- any red, or three or more amber: the second (inconsistent experiences);
- three or more red, or red on two or more of the leadership criteria: the third (widespread or
  systemic failings).
Criteria not yet rated make the view provisional.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfeval.framework.model import NOT_RATED, Framework

LEADERSHIP_GROUP = "leadership"


@dataclass(frozen=True)
class OutcomeView:
    rank: int
    reasons: tuple[str, ...]
    provisional: bool


def likely_outcome(framework: Framework, ratings: dict[str, str]) -> OutcomeView | None:
    """None for frameworks without the three outcomes or without a red/amber/green scale."""
    if len(framework.outcomes) != 3 or framework.rating_scale.id != "rag":
        return None
    criteria = [c.id for c in framework.criteria]
    leadership = {c.id for g in framework.groups if g.id == LEADERSHIP_GROUP for c in g.criteria}
    red = [c for c in criteria if ratings.get(c) == "red"]
    amber = [c for c in criteria if ratings.get(c) == "amber"]
    unrated = [c for c in criteria if ratings.get(c, NOT_RATED) == NOT_RATED]
    red_leadership = [c for c in red if c in leadership]
    numbers = framework.numbers

    def listed(ids: list[str]) -> str:
        return ", ".join(str(numbers[c]) for c in ids)

    def count_of(ids: list[str], verb: str = "") -> str:
        noun = "criterion" if len(ids) == 1 else "criteria"
        verb = {"": "", "are": " is" if len(ids) == 1 else " are"}[verb]
        return f"{len(ids)} {noun}{verb}"

    reasons: list[str] = []
    if len(red) >= 3 or len(red_leadership) >= 2:
        rank = 3
        if len(red) >= 3:
            reasons.append(f"{count_of(red, 'are')} rated red ({listed(red)}).")
        if len(red_leadership) >= 2:
            reasons.append(
                f"{len(red_leadership)} of the leadership criteria are rated red "
                f"({listed(red_leadership)}), which suggests system-wide rather than local gaps."
            )
    elif red or len(amber) >= 3:
        rank = 2
        if red:
            reasons.append(f"{count_of(red)} rated red ({listed(red)}).")
        if amber:
            reasons.append(f"{count_of(amber)} rated amber ({listed(amber)}).")
        reasons.append("Experiences and outcomes are likely to be inconsistent across the area.")
    else:
        rank = 1
        reasons.append(
            "No criterion is rated red"
            + (f" and only {len(amber)} rated amber ({listed(amber)})." if amber else ".")
        )
    if unrated:
        reasons.append(
            f"{count_of(unrated, 'are')} not yet rated ({listed(unrated)}): "
            "this view is provisional."
        )
    return OutcomeView(rank, tuple(reasons), bool(unrated))
