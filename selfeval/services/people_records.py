"""Correcting the people and organisations list: rename, retype, delete and undo a delete.

A person or organisation still named somewhere (owning a criterion, an action or a risk;
holding people, evidence or actions) is never deleted: the database would quietly blank those
owners and the pack would lose who is responsible. The refusal says exactly what still names
them so the lead can hand it on first. A delete returns what an undo needs to put the row back
with the same id, so history and packages keep pointing at the same record.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.services.history import record_change
from selfeval.services.people import (
    OrganisationView,
    PersonView,
    checked_organisation,
    find_organisation,
)
from selfeval.services.workspace import Workspace
from selfeval.store.model_base import Base
from selfeval.store.models import EvidenceItem, Organisation, Ownership, Person
from selfeval.store.models_plan import Action, DataRequestItem, Risk
from selfeval.store.models_voices import CaseStudy, Voice


def _count(session: Session, model: type[Base], condition: ColumnElement[bool]) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(condition)) or 0)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def person_uses(session: Session, person_id: str) -> list[str]:
    """What still names this person, in words; empty when nothing does."""
    uses = []
    criteria = _count(session, Ownership, Ownership.person_id == person_id)
    if criteria:
        uses.append(f"owns {_plural(criteria, 'criterion', 'criteria')} (as lead or contributor)")
    actions = _count(session, Action, Action.owner_person_id == person_id)
    if actions:
        uses.append(f"owns {_plural(actions, 'action', 'actions')}")
    risks = _count(session, Risk, Risk.owner_person_id == person_id)
    if risks:
        uses.append(f"owns {_plural(risks, 'risk', 'risks')}")
    requested = _count(session, DataRequestItem, DataRequestItem.owner_person_id == person_id)
    if requested:
        uses.append(f"holds {_plural(requested, 'data request item', 'data request items')}")
    return uses


def organisation_uses(session: Session, organisation_id: str) -> list[str]:
    uses = []
    people = _count(session, Person, Person.organisation_id == organisation_id)
    if people:
        uses.append(f"has {_plural(people, 'person', 'people')}")
    evidence = _count(session, EvidenceItem, EvidenceItem.organisation_id == organisation_id)
    if evidence:
        uses.append(f"holds {_plural(evidence, 'evidence item', 'evidence items')}")
    actions = _count(session, Action, Action.owner_organisation_id == organisation_id)
    if actions:
        uses.append(f"owns {_plural(actions, 'action', 'actions')}")
    # what it holds decides who sees it when it is personal data: never left holderless
    heard = _count(session, Voice, Voice.organisation_id == organisation_id)
    heard += _count(session, CaseStudy, CaseStudy.organisation_id == organisation_id)
    if heard:
        uses.append(f"holds {_plural(heard, 'voice or case study', 'voices or case studies')}")
    return uses


_HAND_ON_PERSON = (
    "Give these to someone else first (criterion owners, actions, risks, data request items)."
)
_HAND_ON_ORGANISATION = (
    "Move its people, evidence, actions, voices and case studies to another organisation first."
)


def _refuse(name: str, uses: list[str], what_to_do: str) -> InputError:
    return InputError(f"'{name}' cannot be deleted: it still {'; '.join(uses)}. {what_to_do}")


def delete_person(workspace: Workspace, person_id: str) -> PersonView:
    """Delete a person nothing names any more; returns what `restore_person` puts back."""
    with workspace.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise InputError(f"no person with id '{person_id}'")
        uses = person_uses(session, person_id)
        if uses:
            raise _refuse(
                person.name,
                uses,
                _HAND_ON_PERSON,
            )
        organisation = session.get(Organisation, person.organisation_id or "")
        view = PersonView(
            person.id,
            person.name,
            person.role,
            organisation.name if organisation else "",
            person.email,
        )
        record_change(session, workspace.user, "person", person_id, "deleted", person.name, None)
        session.delete(person)
        return view


def restore_person(workspace: Workspace, person: PersonView) -> None:
    """Undo a delete: the same id, name, role, e-mail and (if it still exists) organisation."""
    with workspace.transaction() as session:
        if session.get(Person, person.id) is not None:
            return
        organisation = (
            find_organisation(session, person.organisation) if person.organisation else None
        )
        session.add(
            Person(
                id=person.id,
                name=person.name,
                role=person.role,
                email=person.email,
                organisation_id=organisation.id if organisation else None,
            )
        )
        record_change(session, workspace.user, "person", person.id, "restored", None, person.name)


def update_organisation(
    workspace: Workspace, organisation_id: str, name: str, kind: str
) -> OrganisationView:
    """Rename or retype; returns the values before, for undo. Names stay unique."""
    name = checked_organisation(name, kind)
    with workspace.transaction() as session:
        row = session.get(Organisation, organisation_id)
        if row is None:
            raise InputError(f"no organisation with id '{organisation_id}'")
        same_name = find_organisation(session, name)
        if same_name is not None and same_name.id != organisation_id:
            raise InputError(f"there is already an organisation called '{name}'")
        before = OrganisationView(row.id, row.name, row.kind)
        for field, value in (("name", name), ("kind", kind)):
            old = getattr(row, field)
            if old != value:
                record_change(
                    session, workspace.user, "organisation", organisation_id, field, old, value
                )
                setattr(row, field, value)
        return before


def delete_organisation(workspace: Workspace, organisation_id: str) -> OrganisationView:
    with workspace.transaction() as session:
        row = session.get(Organisation, organisation_id)
        if row is None:
            raise InputError(f"no organisation with id '{organisation_id}'")
        uses = organisation_uses(session, organisation_id)
        if uses:
            raise _refuse(
                row.name,
                uses,
                _HAND_ON_ORGANISATION,
            )
        view = OrganisationView(row.id, row.name, row.kind)
        record_change(
            session, workspace.user, "organisation", organisation_id, "deleted", row.name, None
        )
        session.delete(row)
        return view


def restore_organisation(workspace: Workspace, organisation: OrganisationView) -> None:
    with workspace.transaction() as session:
        if session.get(Organisation, organisation.id) is not None:
            return
        if find_organisation(session, organisation.name) is not None:
            raise InputError(
                f"an organisation called '{organisation.name}' was added since; "
                "the deleted one cannot come back under the same name"
            )
        session.add(
            Organisation(id=organisation.id, name=organisation.name, kind=organisation.kind)
        )
        record_change(
            session,
            workspace.user,
            "organisation",
            organisation.id,
            "restored",
            None,
            organisation.name,
        )


def why_person_stays(workspace: Workspace, person_id: str) -> str | None:
    """The refusal a delete would give, asked before asking the user to confirm."""
    with workspace.transaction(read_only=True) as session:
        person = session.get(Person, person_id)
        uses = person_uses(session, person_id) if person else []
        if person is None or not uses:
            return None
        return str(_refuse(person.name, uses, _HAND_ON_PERSON))


def why_organisation_stays(workspace: Workspace, organisation_id: str) -> str | None:
    with workspace.transaction(read_only=True) as session:
        row = session.get(Organisation, organisation_id)
        uses = organisation_uses(session, organisation_id) if row else []
        if row is None or not uses:
            return None
        return str(_refuse(row.name, uses, _HAND_ON_ORGANISATION))
