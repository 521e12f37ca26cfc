"""Partner organisations, the people in them, and who owns which criterion."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.services.history import record_change
from selfeval.services.judgements import check_criterion
from selfeval.services.plain_names import plain_name
from selfeval.services.vocabulary import ORGANISATION_KINDS, OWNER_ROLES
from selfeval.services.workspace import Workspace
from selfeval.store.models import Organisation, Ownership, Person
from selfeval.store.types import new_id
from selfeval.store.upsert import insert_missing


@dataclass(frozen=True)
class OrganisationView:
    id: str
    name: str
    kind: str


@dataclass(frozen=True)
class PersonView:
    id: str
    name: str
    role: str
    organisation: str
    email: str


@dataclass(frozen=True)
class OwnerView:
    criterion_id: str
    person_id: str
    name: str
    organisation: str
    role: str


def find_organisation(session: Session, name: str) -> Organisation | None:
    return session.scalars(select(Organisation).where(Organisation.name == name.strip())).first()


def checked_organisation(name: str, kind: str) -> str:
    """The name to store, after the checks every organisation passes (added or edited)."""
    name = plain_name(name, "the organisation name")
    if kind not in ORGANISATION_KINDS:
        raise InputError(f"unknown organisation type '{kind}' ({', '.join(ORGANISATION_KINDS)})")
    return name


def add_organisation(workspace: Workspace, name: str, kind: str = "other") -> OrganisationView:
    name = checked_organisation(name, kind)
    with workspace.transaction() as session:
        if find_organisation(session, name):
            raise InputError(f"there is already an organisation called '{name}'")
        row = Organisation(name=name, kind=kind)
        session.add(row)
        session.flush()
        record_change(session, workspace.user, "organisation", row.id, "created", None, name)
        return OrganisationView(row.id, row.name, row.kind)


def list_organisations(workspace: Workspace) -> list[OrganisationView]:
    with workspace.transaction(read_only=True) as session:
        rows = session.scalars(select(Organisation).order_by(Organisation.name))
        return [OrganisationView(r.id, r.name, r.kind) for r in rows]


def add_person(
    workspace: Workspace, name: str, role: str = "", organisation: str = "", email: str = ""
) -> PersonView:
    """`organisation` is the name of an existing organisation, or empty."""
    name = plain_name(name, "the person's name")
    role = plain_name(role, "the person's role", required=False)
    if email and "@" not in email:
        raise InputError(f"'{email}' is not an email address")
    with workspace.transaction() as session:
        organisation_id = None
        if organisation.strip():
            found = find_organisation(session, organisation)
            if found is None:
                raise InputError(f"no organisation called '{organisation}'; add it first")
            organisation_id = found.id
        row = Person(name=name, role=role.strip(), organisation_id=organisation_id, email=email)
        session.add(row)
        session.flush()
        record_change(session, workspace.user, "person", row.id, "created", None, name)
        return PersonView(row.id, row.name, row.role, organisation.strip(), row.email)


def list_people(workspace: Workspace) -> list[PersonView]:
    with workspace.transaction(read_only=True) as session:
        rows = session.execute(
            select(Person, Organisation.name)
            .outerjoin(Organisation, Person.organisation_id == Organisation.id)
            .order_by(Person.name)
        )
        return [PersonView(p.id, p.name, p.role, org or "", p.email) for p, org in rows]


def assign_owner(
    workspace: Workspace, criterion_id: str, person_id: str, role: str = "lead"
) -> None:
    """A criterion has at most one lead: naming a new lead makes the old one a contributor."""
    check_criterion(workspace, criterion_id)
    if role not in OWNER_ROLES:
        raise InputError(f"owner role must be one of {', '.join(OWNER_ROLES)}, not '{role}'")
    with workspace.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise InputError(f"no person with id '{person_id}'")
        current = session.scalars(
            select(Ownership).where(
                Ownership.assessment_id == workspace.assessment_id,
                Ownership.criterion_id == criterion_id,
            )
        ).all()
        if role == "lead":
            for other in current:
                if other.role == "lead" and other.person_id != person_id:
                    other.role = "contributor"
                    _record_owner(
                        session, workspace, criterion_id, other.person_id, "lead", "contributor"
                    )
        mine = next((o for o in current if o.person_id == person_id), None)
        if mine is None:
            inserted = insert_missing(
                session,
                Ownership,
                {
                    "id": new_id(),
                    "assessment_id": workspace.assessment_id,
                    "criterion_id": criterion_id,
                    "person_id": person_id,
                    "role": role,
                },
                ("assessment_id", "criterion_id", "person_id"),
            )
            if inserted:
                _record_owner(session, workspace, criterion_id, person_id, None, role)
        elif mine.role != role:
            _record_owner(session, workspace, criterion_id, person_id, mine.role, role)
            mine.role = role


def remove_owner(workspace: Workspace, criterion_id: str, person_id: str) -> None:
    with workspace.transaction() as session:
        row = session.scalars(
            select(Ownership).where(
                Ownership.assessment_id == workspace.assessment_id,
                Ownership.criterion_id == criterion_id,
                Ownership.person_id == person_id,
            )
        ).first()
        if row is None:
            raise InputError("that person is not an owner of this criterion")
        _record_owner(session, workspace, criterion_id, person_id, row.role, None)
        session.delete(row)


def _record_owner(
    session: Session,
    workspace: Workspace,
    criterion_id: str,
    person_id: str,
    old: str | None,
    new: str | None,
) -> None:
    record_change(
        session,
        workspace.user,
        "ownership",
        person_id,
        "role",
        old,
        new,
        assessment_id=workspace.assessment_id,
        criterion_id=criterion_id,
    )


def list_owners(workspace: Workspace, criterion_id: str | None = None) -> list[OwnerView]:
    query = (
        select(Ownership, Person, Organisation.name)
        .join(Person, Ownership.person_id == Person.id)
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .where(Ownership.assessment_id == workspace.assessment_id)
        .order_by(Ownership.criterion_id, Ownership.role.desc(), Person.name)
    )
    if criterion_id is not None:
        query = query.where(Ownership.criterion_id == criterion_id)
    with workspace.transaction(read_only=True) as session:
        return [
            OwnerView(o.criterion_id, p.id, p.name, org or "", o.role)
            for o, p, org in session.execute(query)
        ]


def owner_state(workspace: Workspace, criterion_id: str) -> dict[str, str]:
    """{person id: role} for one criterion: what an undo puts back."""
    return {o.person_id: o.role for o in list_owners(workspace, criterion_id)}


def replace_owners(workspace: Workspace, criterion_id: str, owners: dict[str, str]) -> None:
    """Make a criterion's owners exactly `owners` ({person id: role}), recording each change."""
    check_criterion(workspace, criterion_id)
    if list(owners.values()).count("lead") > 1:
        raise InputError("a criterion has at most one lead owner")
    with workspace.transaction() as session:
        current = {
            o.person_id: o
            for o in session.scalars(
                select(Ownership).where(
                    Ownership.assessment_id == workspace.assessment_id,
                    Ownership.criterion_id == criterion_id,
                )
            )
        }
        for person_id, row in current.items():
            if person_id not in owners:
                _record_owner(session, workspace, criterion_id, person_id, row.role, None)
                session.delete(row)
            elif row.role != owners[person_id]:
                _record_owner(
                    session, workspace, criterion_id, person_id, row.role, owners[person_id]
                )
                row.role = owners[person_id]
        session.flush()
        for person_id, role in owners.items():
            if person_id not in current:
                if session.get(Person, person_id) is None:
                    raise InputError(f"no person with id '{person_id}'")
                session.add(
                    Ownership(
                        assessment_id=workspace.assessment_id,
                        criterion_id=criterion_id,
                        person_id=person_id,
                        role=role,
                    )
                )
                _record_owner(session, workspace, criterion_id, person_id, None, role)


def update_person(
    workspace: Workspace,
    person_id: str,
    name: str,
    role: str = "",
    organisation: str = "",
    email: str = "",
) -> None:
    name = plain_name(name, "the person's name")
    role = plain_name(role, "the person's role", required=False)
    if email and "@" not in email:
        raise InputError(f"'{email}' is not an email address")
    with workspace.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise InputError(f"no person with id '{person_id}'")
        organisation_id = None
        if organisation.strip():
            found = find_organisation(session, organisation)
            if found is None:
                raise InputError(f"no organisation called '{organisation}'; add it first")
            organisation_id = found.id
        for field, value in (
            ("name", name),
            ("role", role.strip()),
            ("organisation_id", organisation_id),
            ("email", email.strip()),
        ):
            old = getattr(person, field)
            if old != value:
                record_change(session, workspace.user, "person", person_id, field, old, value)
                setattr(person, field, value)
