"""Case studies: a child's or young person's journey in four parts (what they needed, what the
partnership did, what difference it made, what we learned), linked to criteria and priorities.

De-identified by default: a case study is marked de-identified only when the identifying check
(identifying.py) finds no name, date of birth, address or number in it, or the user has looked
at each word found and cleared it. One that is not de-identified is personal data: printed only
when the user includes personal data, and on a server seen only inside its organisation.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.services.checked_input import checked_input, input_of
from selfeval.services.evidence import organisation_id_for
from selfeval.services.links import check_links, joined, priorities_held, priorities_of, split
from selfeval.services.plain_names import NoControls
from selfeval.services.voices.identifying import Finding, described, details_in
from selfeval.services.voices.rows import add_row, delete_row, update_row
from selfeval.services.workspace import Workspace
from selfeval.store.models import Organisation
from selfeval.store.models_voices import CaseStudy

PART_LIMIT = 100_000
PARTS = {
    "needed": "What the child or young person needed",
    "did": "What the partnership did",
    "difference": "What difference it made",
    "learned": "What we learned",
}
"""The four parts, in order, with the headings they print under."""


class CaseStudyInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: NoControls = Field(min_length=1, max_length=500)
    needed: str = Field(default="", max_length=PART_LIMIT)
    did: str = Field(default="", max_length=PART_LIMIT)
    difference: str = Field(default="", max_length=PART_LIMIT)
    learned: str = Field(default="", max_length=PART_LIMIT)
    de_identified: bool = True
    organisation: NoControls = Field(default="", max_length=200)
    criteria: list[str] = []
    priorities: list[str] = []


@dataclass(frozen=True)
class CaseStudyView:
    id: str
    title: str
    needed: str
    did: str
    difference: str
    learned: str
    de_identified: bool
    organisation: str
    criteria: tuple[str, ...]
    priorities: tuple[str, ...]

    def as_input(self) -> CaseStudyInput:
        return input_of(self, CaseStudyInput)


def parse_case_study(**fields: object) -> CaseStudyInput:
    return checked_input(CaseStudyInput, fields)


def details_found(item: CaseStudyInput, cleared: frozenset[str] = frozenset()) -> list[Finding]:
    """What the identifying check finds in the title and the four parts."""
    parts = {"the title": item.title}
    parts |= {PARTS[name].lower(): getattr(item, name) for name in PARTS}
    return details_in(parts, cleared)


def check_case_study(
    workspace: Workspace, item: CaseStudyInput, cleared: frozenset[str] = frozenset()
) -> None:
    """Refuse, in words, links we do not know or a case study marked de-identified that may
    identify someone."""
    check_links(workspace, item.criteria, item.priorities)
    if not item.de_identified:
        return
    found = details_found(item, cleared)
    if found:
        raise InputError(
            f"it cannot be marked de-identified: {described(found)}. Take them out, or keep it "
            "as personal data (not de-identified: printed only when personal data is "
            "included); a word that identifies nobody can be cleared"
        )


def words_found(item: CaseStudyInput) -> frozenset[str]:
    """Every word the identifying check finds in it (see voices.words_found)."""
    return frozenset(f.words for f in details_found(item))


def _values(workspace: Workspace, item: CaseStudyInput) -> dict[str, object]:
    with workspace.transaction() as session:
        organisation_id = organisation_id_for(session, item.organisation)
    return {
        **item.model_dump(exclude={"criteria", "priorities", "organisation"}),
        "organisation_id": organisation_id,
        "criteria": joined(item.criteria),
        "priorities": joined(item.priorities),
    }


def add_case_study(
    workspace: Workspace,
    item: CaseStudyInput,
    study_id: str | None = None,
    cleared: frozenset[str] = frozenset(),
) -> str:
    check_case_study(workspace, item, cleared)
    return add_row(workspace, CaseStudy, _values(workspace, item), item.title, study_id)


def update_case_study(
    workspace: Workspace,
    study_id: str,
    item: CaseStudyInput,
    cleared: frozenset[str] = frozenset(),
) -> None:
    check_case_study(workspace, item, cleared)
    update_row(workspace, CaseStudy, study_id, _values(workspace, item))


def delete_case_study(workspace: Workspace, study_id: str) -> None:
    with workspace.transaction(read_only=True) as session:
        row = session.get(CaseStudy, study_id)
        label = row.title if row is not None else ""
    delete_row(workspace, CaseStudy, study_id, label)


def list_case_studies(workspace: Workspace) -> list[CaseStudyView]:
    with workspace.transaction(read_only=True) as session:
        names = dict(session.execute(select(Organisation.id, Organisation.name)).all())
        held = priorities_held(session)
        rows = session.scalars(select(CaseStudy).order_by(CaseStudy.title, CaseStudy.id)).all()
        return [
            CaseStudyView(
                r.id,
                r.title,
                r.needed,
                r.did,
                r.difference,
                r.learned,
                r.de_identified,
                names.get(r.organisation_id or "", ""),
                split(r.criteria),
                priorities_of(r.priorities, held),
            )
            for r in rows
        ]
