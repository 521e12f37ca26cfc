"""Everything a pack renderer needs, as plain immutable data: no database, no Qt.

Renderers (PDF, Word, Excel) read this and nothing else, so what the board reads in each format
is the same content, and a renderer can be tested from a hand-made pack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from selfeval.pack.model_heard import CaseStudyLine, SurveyLine, VoiceLine

Status = Literal["draft", "final"]
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"


@dataclass(frozen=True)
class PackOptions:
    criteria: tuple[str, ...] | None = None
    """Criterion ids to include, in framework order; None for the whole framework."""
    status: Status = "draft"
    marking: str = DEFAULT_MARKING
    include_personal_data: bool = False
    version: str = "1.0"
    issued: date | None = None
    """The date on the cover; None for today."""
    include_headlines: bool = True
    """The context headlines near the front: the latest published figure of each imported
    indicator beside its comparators and its direction, with the source."""
    include_comments: bool = False
    """An appendix with each criterion's comment thread (off by default: comments are a
    working conversation, and can say more than a published pack should)."""
    fold_bullets: bool = False
    """The framework's bullets as a short reference after the partnership's own text, instead
    of leading each criterion's section."""


@dataclass(frozen=True)
class Rating:
    id: str
    label: str
    colour: str


@dataclass(frozen=True)
class BulletLine:
    number: int
    text: str
    rating: Rating | None
    note: str


@dataclass(frozen=True)
class OwnerLine:
    name: str
    organisation: str
    role: str  # "lead" or "contributor"


@dataclass(frozen=True)
class EvidenceEntry:
    ref: str  # "E1", "E2" ... in order of first citation
    title: str
    kind: str
    organisation: str
    evidence_date: date | None
    link: str
    description: str
    attachments: tuple[str, ...]
    personal_data: bool
    cited_by: tuple[int, ...]  # criterion numbers


def evidence_line(entry: EvidenceEntry) -> str:
    """How a criterion names its evidence: "E3 - Multi-agency EHC plan audit (Oct 2026)"."""
    when = f" ({entry.evidence_date:%b %Y})" if entry.evidence_date else ""
    return f"{entry.ref} - {entry.title}{when}"


@dataclass(frozen=True)
class CriterionSection:
    number: int
    id: str
    title: str
    group_title: str
    paragraph: int | None
    lead_in: str
    bullets: tuple[BulletLine, ...]
    rating: Rating
    rationale: str
    strengths: str
    areas_for_development: str
    impact: str
    owners: tuple[OwnerLine, ...]
    evidence_refs: tuple[str, ...]
    updated_by: str
    updated_at: datetime | None
    what_good_looks_like: str = ""
    """The partnership's own statement, printed before its self-evaluation."""


@dataclass(frozen=True)
class GroupSummary:
    title: str
    counts: dict[str, int]  # rating id -> number of criteria


@dataclass(frozen=True)
class LikelyOutcome:
    rank: int
    text: str
    consequence: str
    reasons: tuple[str, ...]
    provisional: bool


@dataclass(frozen=True)
class ActionLine:
    title: str
    description: str
    criteria: tuple[int, ...]
    owner: str
    due_date: date | None
    status: str
    priority: str
    overdue: bool
    latest_note: str


@dataclass(frozen=True)
class PriorityLine:
    """One of the partnership's strategic priorities with its thread: the criteria it serves
    (by number), the current actions on them and the indicators that measure it (by name)."""

    number: int
    title: str
    description: str
    owner: str
    board: str
    criteria: tuple[int, ...]
    actions: tuple[tuple[str, str, date | None], ...]
    """(title, status in words, due date)."""
    indicators: tuple[str, ...]
    risks: tuple[tuple[str, str, str], ...] = ()
    """(title, rating in words, status)."""


@dataclass(frozen=True)
class IndicatorLine:
    name: str
    unit: str
    better: str  # "higher is better" / "lower is better"
    period: str
    area: float | None
    comparators: tuple[tuple[str, float | None, str], ...]  # (name, value, better/worse/...)
    target: float | None
    trend: tuple[tuple[str, float | None], ...]  # (period, area value), oldest first
    comparator_trends: tuple[tuple[str, tuple[float | None, ...]], ...] = ()
    source: str = ""
    """The publication of the latest figures, when imported from published statistics."""
    series_break: str = ""
    """The first period of a new series (figures before it are not comparable), or ""."""
    criteria: tuple[str, ...] = ()
    """The criteria the indicator usually evidences (selfeval/resources/indicators.yaml)."""


@dataclass(frozen=True)
class RiskLine:
    title: str
    description: str
    mitigation: str
    owner: str
    impact: int
    likelihood: int
    score: int
    rating: str
    colour: str
    review_date: date | None


@dataclass(frozen=True)
class DataRequestLine:
    title: str
    kind: str
    owner: str
    held_where: str
    refreshed_on: date | None
    within_notice: str  # "Yes", "No", "Not known"
    evidence_refs: tuple[str, ...]
    """Refs of the pack's evidence index ("E3"); items left out of the pack are not named."""
    not_ready: tuple[str, ...]


@dataclass(frozen=True)
class CommentLine:
    author: str
    organisation: str
    written: datetime
    text: str


@dataclass(frozen=True)
class CommentThread:
    number: int
    title: str
    comments: tuple[CommentLine, ...]


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str
    organisation: str
    signed_on: date


@dataclass(frozen=True)
class SignOffSummary:
    """The last version signed off, who signed it, and whether this pack's content differs."""

    version_label: str
    content_hash: str
    signatories: tuple[Signatory, ...]
    changed_since: bool

    @property
    def signed_on(self) -> date:
        return max(s.signed_on for s in self.signatories)

    @property
    def statement(self) -> str:
        when = self.signed_on.strftime("%d %B %Y").lstrip("0")
        if self.changed_since:
            return f"Changed since signed off on {when} (version {self.version_label})"
        people = len(self.signatories)
        return (
            f"Signed off: version {self.version_label}, {people} "
            f"{'signatory' if people == 1 else 'signatories'}, {when}"
        )


@dataclass(frozen=True)
class Pack:
    title: str
    area_name: str
    local_authority: str
    icb: str
    framework_title: str
    framework_edition: str
    framework_publisher: str
    framework_source: str
    group_titles_are_ours: bool
    issued: date
    version: str
    status: Status
    marking: str
    prepared_by: str
    personal_data_included: bool
    personal_data_left_out: int
    scale: tuple[Rating, ...]  # "not rated" first, then weakest to strongest
    groups: tuple[GroupSummary, ...]
    sections: tuple[CriterionSection, ...]
    evidence: tuple[EvidenceEntry, ...]
    likely_outcome: LikelyOutcome | None
    whole_framework: bool = True
    notes: tuple[str, ...] = field(default=())
    actions: tuple[ActionLine, ...] = ()
    indicators: tuple[IndicatorLine, ...] = ()
    risks: tuple[RiskLine, ...] = ()
    risk_bands: tuple[tuple[int, str, str], ...] = ()
    data_request: tuple[DataRequestLine, ...] = ()
    area_foreword: str = ""
    area_context: str = ""
    priorities: tuple[PriorityLine, ...] = ()
    voices: tuple[VoiceLine, ...] = ()
    surveys: tuple[SurveyLine, ...] = ()
    case_studies: tuple[CaseStudyLine, ...] = ()
    heard_left_out: int = 0
    """Voices and case studies marked as personal data that this pack leaves out."""
    executive_summary: str = ""
    """The partnership's written summary (documents/written.py), printed first in the
    executive summary."""
    logo: bytes | None = None
    """A checked PNG or JPEG (services/our_area.py), printed on the cover."""
    comment_threads: tuple[CommentThread, ...] | None = None
    headlines: bool = True
    """None when the user did not ask for the comments appendix."""
    signoff: SignOffSummary | None = None
    content_hash: str = ""
    """SHA-256 of the self-evaluation's content this pack was made from (services/signoff.py)."""
    rating_word: str = "rating"
    judgement_word: str = "judgement"
    fold_bullets: bool = False
    """See PackOptions.fold_bullets."""
    headings: tuple[tuple[str, str], ...] = (
        ("rationale", "How we know"),
        ("strengths", "Strengths"),
        ("areas_for_development", "Areas for development"),
        ("impact", "Impact on children and young people"),
    )
    """(field, the partnership's heading) of each narrative field it uses, in order; the
    builder sets it from services/field_headings.py (a test holds this default to that one)."""
    outcome_heading: str = "Likely outcome"
    """The edition's own words (framework `terms`): "evaluation" where the 2025 handbook
    says so."""
    """(lowest score, word, colour), highest band first: the heat map's cells."""

    def risk_band(self, score: int) -> tuple[str, str]:
        for lowest, label, colour in self.risk_bands:
            if score >= lowest:
                return label, colour
        return "", "#FFFFFF"

    @property
    def counts(self) -> dict[str, int]:
        totals = {r.id: 0 for r in self.scale}
        for section in self.sections:
            totals[section.rating.id] = totals.get(section.rating.id, 0) + 1
        return totals

    @property
    def no_outcome_line(self) -> str:
        """Said where the likely-outcome box would be, when it is not shown."""
        unrated = self.counts.get("not-rated", 0)
        if self.likely_outcome is not None or not self.whole_framework or not unrated:
            return ""
        which = "criterion is" if unrated == 1 else "criteria are"
        return (
            f"{unrated} {which} not rated yet, so no likely outcome is suggested: the "
            "partnership's view of the outcome comes once every criterion is rated."
        )

    @property
    def status_label(self) -> str:
        return "Final" if self.status == "final" else "Draft"

    @property
    def personal_data_statement(self) -> str:
        if self.personal_data_included:
            return "Included: evidence marked as personal data is in this pack."
        count, heard = self.personal_data_left_out, self.heard_left_out
        parts = [f"{count} evidence item{'' if count == 1 else 's'}"] if count or not heard else []
        if heard:
            parts.append(f"{heard} voice{'' if heard == 1 else 's'} or case stud")
            parts[-1] += "y" if heard == 1 else "ies"
        items = " and ".join(parts)
        verb = "is" if count + heard == 1 else "are"
        return f"Left out: {items} marked as personal data {verb} not in this pack."

    @property
    def cover_details(self) -> list[tuple[str, str]]:
        """The cover's table, the same in every format."""
        return [
            ("Partnership", self.area_name),
            ("Local authority", self.local_authority or "-"),
            ("Integrated care board", self.icb or "-"),
            ("Framework", f"{self.framework_title} ({self.framework_edition})"),
            ("Date", self.issued.strftime("%d %B %Y").lstrip("0")),
            ("Version", self.version),
            ("Status", self.status_label),
            ("Protective marking", self.marking or "None"),
            ("Personal data", self.personal_data_statement),
            ("Prepared by", self.prepared_by),
            ("Sign-off", self.signoff_statement),
        ]

    @property
    def signoff_statement(self) -> str:
        """For the cover: each hash on a line of its own, so it is never broken across lines."""
        if self.signoff is None:
            return f"Not signed off yet.\nContent SHA-256:\n{self.content_hash}"
        if self.signoff.changed_since:
            return (
                f"{self.signoff.statement}.\nContent SHA-256 of this pack:\n"
                f"{self.content_hash}\nSigned:\n{self.signoff.content_hash}"
            )
        return f"{self.signoff.statement}.\nContent SHA-256:\n{self.content_hash}"
