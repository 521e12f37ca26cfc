"""What children, young people, parents and carers and practitioners say: their words, who in
general terms, where and when they were heard, whether consent to quote was recorded, and the
criteria the words speak to.

A voice is printed in its criteria's sections only with consent recorded, and one marked as
personal data only when the user includes personal data. One not marked so must pass the
identifying check (identifying.py): words that may identify a child are refused in words,
unless the user has looked and cleared each one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select

from selfeval.errors import InputError
from selfeval.services.checked_input import checked_input, input_of
from selfeval.services.evidence import SaneDate, organisation_id_for
from selfeval.services.links import check_links, joined, split
from selfeval.services.plain_names import NoControls
from selfeval.services.vocabulary import SPEAKER_KINDS
from selfeval.services.voices.identifying import described, details_in
from selfeval.services.voices.rows import add_row, delete_row, update_row
from selfeval.services.workspace import Workspace
from selfeval.store.models import Organisation
from selfeval.store.models_voices import Voice

WORDS_LIMIT = 10_000


class VoiceInput(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    words: str = Field(min_length=1, max_length=WORDS_LIMIT)
    speaker_kind: str
    speaker: NoControls = Field(default="", max_length=300)
    source: NoControls = Field(default="", max_length=300)
    said_on: SaneDate = None
    consent: bool = False
    personal_data: bool = False
    organisation: NoControls = Field(default="", max_length=200)
    criteria: list[str] = []

    @field_validator("speaker_kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        key = value.strip().lower().replace(" ", "-")
        by_label = {label.lower(): k for k, label in SPEAKER_KINDS.items()}
        key = by_label.get(value.strip().lower(), key)
        if key not in SPEAKER_KINDS:
            raise ValueError(f"'{value}' is not one of: {', '.join(SPEAKER_KINDS)}")
        return key


@dataclass(frozen=True)
class VoiceView:
    id: str
    words: str
    speaker_kind: str
    speaker: str
    source: str
    said_on: date | None
    consent: bool
    personal_data: bool
    organisation: str
    criteria: tuple[str, ...]

    @property
    def printable(self) -> bool:
        """Consent to quote recorded: a voice without it is never printed."""
        return self.consent

    def as_input(self) -> VoiceInput:
        return input_of(self, VoiceInput)


def parse_voice(**fields: object) -> VoiceInput:
    return checked_input(VoiceInput, fields)


def check_voice(
    workspace: Workspace, item: VoiceInput, cleared: frozenset[str] = frozenset()
) -> None:
    """Refuse, in words, a voice that links to no criterion we know or may identify someone."""
    check_links(workspace, item.criteria)
    if item.personal_data:
        return
    found = details_in(_parts(item), cleared)
    if found:
        raise InputError(
            f"these words may identify someone: {described(found)}. Take them out, or mark "
            "the voice as personal data (it is then printed only when personal data is "
            "included); a word that identifies nobody can be cleared"
        )


def _values(workspace: Workspace, item: VoiceInput) -> dict[str, object]:
    with workspace.transaction() as session:
        organisation_id = organisation_id_for(session, item.organisation)
    return {
        **item.model_dump(exclude={"criteria", "organisation"}),
        "organisation_id": organisation_id,
        "criteria": joined(item.criteria),
    }


def words_found(item: VoiceInput) -> frozenset[str]:
    """Every word the identifying check finds in it: what a voice accepted once (cleared by the
    user) is written back with, when Undo puts it back as it was."""
    return frozenset(f.words for f in details_in(_parts(item)))


def _parts(item: VoiceInput) -> dict[str, str]:
    return {"their words": item.words, "who said it": item.speaker, "where": item.source}


def _label(item: VoiceInput) -> str:
    return item.words[:200]


def add_voice(
    workspace: Workspace,
    item: VoiceInput,
    voice_id: str | None = None,
    cleared: frozenset[str] = frozenset(),
) -> str:
    check_voice(workspace, item, cleared)
    return add_row(workspace, Voice, _values(workspace, item), _label(item), voice_id)


def update_voice(
    workspace: Workspace, voice_id: str, item: VoiceInput, cleared: frozenset[str] = frozenset()
) -> None:
    check_voice(workspace, item, cleared)
    update_row(workspace, Voice, voice_id, _values(workspace, item))


def delete_voice(workspace: Workspace, voice_id: str) -> None:
    with workspace.transaction(read_only=True) as session:
        row = session.get(Voice, voice_id)
        label = row.words[:200] if row is not None else ""
    delete_row(workspace, Voice, voice_id, label)


def list_voices(workspace: Workspace) -> list[VoiceView]:
    """Every voice the login may see, newest first (undated last)."""
    with workspace.transaction(read_only=True) as session:
        names = dict(session.execute(select(Organisation.id, Organisation.name)).all())
        rows = session.scalars(select(Voice)).all()
        views = [
            VoiceView(
                r.id,
                r.words,
                r.speaker_kind,
                r.speaker,
                r.source,
                r.said_on,
                r.consent,
                r.personal_data,
                names.get(r.organisation_id or "", ""),
                split(r.criteria),
            )
            for r in rows
        ]
    return sorted(
        views, key=lambda v: (v.said_on is None, -(v.said_on or date.min).toordinal(), v.id)
    )
