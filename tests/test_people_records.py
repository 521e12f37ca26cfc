"""People and organisations can be corrected: renamed, retyped, deleted when nothing names them
any more (refused, saying what still does, while something does) and put back by undo."""

from __future__ import annotations

import pytest

from selfeval.errors import InputError
from selfeval.services.history import history
from selfeval.services.people import (
    add_organisation,
    add_person,
    assign_owner,
    list_organisations,
    list_people,
    remove_owner,
)
from selfeval.services.people_records import (
    delete_organisation,
    delete_person,
    restore_organisation,
    restore_person,
    update_organisation,
    why_organisation_stays,
    why_person_stays,
)
from selfeval.services.workspace import Workspace

ON_BOTH_STORES = True  # every test with a workspace runs on a file and on a server


def test_a_person_who_owns_a_criterion_is_refused_until_handed_on(demo: Workspace) -> None:
    add_organisation(demo, "Brook Academy", "school")
    person = add_person(demo, "Sam Reed", "SENCO", "Brook Academy", "sam@brook.example")
    assign_owner(demo, "participation", person.id, "contributor")
    reason = why_person_stays(demo, person.id)
    assert reason == (
        "'Sam Reed' cannot be deleted: it still owns 1 criterion (as lead or contributor). "
        "Give these to someone else first (criterion owners, actions, risks, data request items)."
    )
    with pytest.raises(InputError, match="owns 1 criterion"):
        delete_person(demo, person.id)
    assert person.id in {p.id for p in list_people(demo)}  # nothing half-done
    remove_owner(demo, "participation", person.id)
    assert why_person_stays(demo, person.id) is None
    gone = delete_person(demo, person.id)
    assert person.id not in {p.id for p in list_people(demo)}
    restore_person(demo, gone)
    assert next(p for p in list_people(demo) if p.id == person.id) == person
    recorded = [c.field for c in history(demo) if c.entity_id == person.id]
    assert "deleted" in recorded and "restored" in recorded


def test_demo_people_owning_actions_and_risks_say_so(demo: Workspace) -> None:
    reasons = [why_person_stays(demo, p.id) for p in list_people(demo)]
    assert any(r and "action" in r for r in reasons)
    assert any(r and "risk" in r for r in reasons)


def test_an_organisation_with_people_is_refused_and_an_empty_one_goes(demo: Workspace) -> None:
    used = next(
        o for o in list_organisations(demo) if o.name in {p.organisation for p in list_people(demo)}
    )
    with pytest.raises(InputError, match=r"cannot be deleted: it still has \d+ (person|people)"):
        delete_organisation(demo, used.id)
    assert why_organisation_stays(demo, used.id)
    empty = add_organisation(demo, "Riverside College", "fe")
    gone = delete_organisation(demo, empty.id)
    assert empty.id not in {o.id for o in list_organisations(demo)}
    restore_organisation(demo, gone)
    assert empty in list_organisations(demo)


def test_an_organisation_is_renamed_and_retyped_but_never_onto_another_name(
    demo: Workspace,
) -> None:
    first, second = list_organisations(demo)[:2]
    with pytest.raises(InputError, match="already an organisation called"):
        update_organisation(demo, first.id, f"  {second.name} ", first.kind)
    with pytest.raises(InputError, match="unknown organisation type"):
        update_organisation(demo, first.id, "Renamed", "church")
    before = update_organisation(demo, first.id, "Renamed service", "other")
    assert before == first
    now = next(o for o in list_organisations(demo) if o.id == first.id)
    assert (now.name, now.kind) == ("Renamed service", "other")
    # people in it show the new name: it is the same record, not a copy
    update_organisation(demo, first.id, first.name, first.kind)
    assert first in list_organisations(demo)


def test_a_deleted_organisation_cannot_come_back_over_a_new_one_of_its_name(
    demo: Workspace,
) -> None:
    made = add_organisation(demo, "Short-lived", "other")
    gone = delete_organisation(demo, made.id)
    add_organisation(demo, "Short-lived", "school")
    with pytest.raises(InputError, match="was added since"):
        restore_organisation(demo, gone)
