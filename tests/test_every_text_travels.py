"""Every text of a judgement (what families read included) goes everywhere a judgement goes: a
new cycle, a partner's request and return, merged. The list of texts is one declaration
(`NARRATIVE_FIELDS`), checked here against the table itself."""

from __future__ import annotations

from pathlib import Path

from selfeval.services import contributions
from selfeval.services.contributions import merge
from selfeval.services.contributions.package_format import read_package
from selfeval.services.improvement.assessments import start_new_cycle
from selfeval.services.judgements import NARRATIVE_FIELDS, get_judgement, set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, open_workspace
from selfeval.store.models import Judgement

NOT_TEXTS = {"id", "assessment_id", "criterion_id", "bullet_id", "rating", "previous_rating",
             "updated_by", "updated_at"}  # fmt: skip


def test_the_texts_declared_are_every_text_a_judgement_holds() -> None:
    columns = {c.name for c in Judgement.__table__.columns}
    assert set(NARRATIVE_FIELDS) == columns - NOT_TEXTS


def _distinct(tag: str) -> dict[str, str]:
    return {name: f"{tag}: {name.replace('_', ' ')} only here" for name in NARRATIVE_FIELDS}


def test_a_new_cycle_carries_every_text(demo: Workspace) -> None:
    written = _distinct("cycle")
    set_judgement(demo, "right-help", **written)
    start_new_cycle(demo, "Self-evaluation 2027")
    with open_workspace(demo.address, CurrentUser("Test", ""), "Self-evaluation 2027") as later:
        carried = get_judgement(later, "right-help")
    assert {name: getattr(carried, name) for name in NARRATIVE_FIELDS} == written


def test_a_partners_every_text_comes_back_in_their_return(demo: Workspace, tmp_path: Path) -> None:
    request = tmp_path / "request.sefpack"
    contributions.create_request(demo, "Forum", ["right-help"], request)
    partner = contributions.open_request(
        request, tmp_path / "partner.selfeval", CurrentUser("Lisa Wynne", "Forum")
    )
    written = _distinct("partner")
    set_judgement(partner, "right-help", **written)
    back = tmp_path / "return.sefpack"
    contributions.create_return(partner, back)
    partner.close()
    package = read_package(back)
    plan = merge.plan_merge(demo, package)
    merge.apply_merge(demo, package, plan)
    merged = get_judgement(demo, "right-help")
    assert {name: getattr(merged, name) for name in NARRATIVE_FIELDS} == written
