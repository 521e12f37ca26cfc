"""The bundled 2023 criteria equal the framework's text, word for word."""

from __future__ import annotations

import re
from pathlib import Path

from selfeval.framework.loader import load_framework
from selfeval.framework.model import NOT_RATED
from selfeval.locations import bundled_criteria_dir

FIXTURE = Path(__file__).parent / "fixtures" / "annex_a_2023.txt"


def parse_annex_a() -> list[dict[str, object]]:
    """Read the seed's Annex A (copied verbatim into the fixture) into criteria and bullets.

    A line that is neither a numbered paragraph nor a heading (it starts lower-case) is a bullet
    printed without its dash, as one of paragraph 50's is.
    """
    lines = [ln.strip() for ln in FIXTURE.read_text(encoding="utf-8").splitlines()[1:]]
    criteria: list[dict[str, object]] = []
    heading = ""
    for line in filter(None, lines):
        numbered = re.match(r"^(\d+)\. (.*)$", line)
        if numbered:
            if int(numbered[1]) >= 50:
                criteria.append({"paragraph": int(numbered[1]), "title": heading, "bullets": []})
        elif line.startswith("- "):
            criteria[-1]["bullets"].append(line[2:])  # type: ignore[attr-defined]
        elif criteria and line[0].islower():
            criteria[-1]["bullets"].append(line)  # type: ignore[attr-defined]
        else:
            heading = line
    return criteria


def test_bundled_framework_has_all_eleven_criteria_word_for_word() -> None:
    framework = load_framework(bundled_criteria_dir() / "area-send-2023.yaml")
    expected = parse_annex_a()
    assert len(framework.criteria) == 11 == len(expected)
    for criterion, seed in zip(framework.criteria, expected, strict=True):
        assert criterion.title == seed["title"]
        assert criterion.paragraph == seed["paragraph"]
        assert [b.text for b in criterion.bullets] == seed["bullets"]
    assert sum(len(c.bullets) for c in framework.criteria) == 48


def test_the_dashless_bullet_of_paragraph_50_is_a_bullet() -> None:
    framework = load_framework(bundled_criteria_dir() / "area-send-2023.yaml")
    paragraph_50 = framework.criteria[0]
    assert paragraph_50.paragraph == 50
    assert paragraph_50.bullets[-1].text == (
        "timely referrals are made to other services and agencies, where necessary"
    )


def test_groups_scope_notes_outcomes_and_scale() -> None:
    framework = load_framework(bundled_criteria_dir() / "area-send-2023.yaml")
    assert [len(g.criteria) for g in framework.groups] == [5, 6]
    assert all(c.title.startswith("Leaders") for c in framework.groups[1].criteria)
    assert framework.group_titles_are_ours
    assert [n.paragraph for n in framework.scope_notes] == [47, 48, 49]
    assert [o.rank for o in framework.outcomes] == [1, 2, 3]
    assert framework.outcomes[1].text.startswith(
        "The local area partnership's arrangements lead to inconsistent experiences"
    )
    assert [level.id for level in framework.rating_scale.choices] == [
        NOT_RATED,
        "red",
        "amber",
        "green",
    ]
    assert framework.publisher and framework.source and framework.edition == "2023-01"


def test_every_id_is_unique_and_bullet_ids_name_their_criterion() -> None:
    framework = load_framework(bundled_criteria_dir() / "area-send-2023.yaml")
    ids = [c.id for c in framework.criteria] + [b.id for c in framework.criteria for b in c.bullets]
    assert len(ids) == len(set(ids))
    for criterion in framework.criteria:
        assert all(b.id.startswith(criterion.id + ".") for b in criterion.bullets)


def test_round_trip_through_json_keeps_content_and_hash() -> None:
    from selfeval.framework.model import Framework

    framework = load_framework(bundled_criteria_dir() / "area-send-2023.yaml")
    again = Framework.model_validate_json(framework.canonical_json())
    assert again == framework
    assert again.content_hash == framework.content_hash


def test_the_wsoa_example_defines_its_own_revisit_scale() -> None:
    framework = load_framework(bundled_criteria_dir() / "wsoa-medway-2018.yaml")
    assert len(framework.criteria) == 8
    assert [lv.label for lv in framework.rating_scale.choices] == [
        "Not rated",
        "Not sufficient progress",
        "Sufficient progress",
    ]
