"""The document model's part for what children, young people and families said, the surveys
they answered and case studies: plain values the documents print, chosen by the builder (a
voice without consent, or personal data the user did not include, never gets here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class VoiceLine:
    words: str
    speaker_kind: str
    """In words: "Parent or carer"."""
    speaker: str
    source: str
    said_on: date | None
    criteria: tuple[str, ...]
    """Criterion ids."""

    @property
    def attribution(self) -> str:
        """Who and where, in general terms: "Parent or carer: parent of a child with autism,
        secondary; Parent carer forum survey, 3 March 2026"."""
        who = f"{self.speaker_kind}: {self.speaker}" if self.speaker else self.speaker_kind
        where = ", ".join(part for part in (self.source, said_on(self.said_on)) if part)
        return f"{who}; {where}" if where else who


def said_on(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


@dataclass(frozen=True)
class SurveyLine:
    survey: str
    question: str
    responses: int
    agree_percent: float
    surveyed_on: date | None
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class CaseStudyLine:
    ref: str
    """"CS1", "CS2"...: how a criterion's section points to the appendix."""
    title: str
    parts: tuple[tuple[str, str], ...]
    """(heading, text) of each part written, in order."""
    criteria: tuple[str, ...]
    priorities: tuple[str, ...]
    """The priorities it shows, as "1. Title"."""
    personal_data: bool
    """Not de-identified: here only because the user included personal data."""
