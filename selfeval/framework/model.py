"""pydantic models of a framework file (format documented in selfeval/criteria/README.md).

The models are frozen: a framework edition never changes once an assessment is pinned to it.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
)

FORMAT_VERSION = 1
NOT_RATED = "not-rated"

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _valid_id(value: str) -> str:
    if not _ID_RE.match(value):
        raise ValueError(
            f"'{value}' is not a valid id: use 1-80 lower-case letters, digits, '.', '-' or '_', "
            "starting with a letter or digit"
        )
    return value


def _valid_colour(value: str) -> str:
    if not _COLOUR_RE.match(value):
        raise ValueError(f"'{value}' is not a colour: write it as #RRGGBB")
    return value


Text = Annotated[StrictStr, AfterValidator(_non_empty)]
Id = Annotated[StrictStr, AfterValidator(_valid_id)]
Colour = Annotated[StrictStr, AfterValidator(_valid_colour)]
Paragraph = Annotated[StrictInt, Field(ge=1, le=9999)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RatingLevel(_Strict):
    id: Id
    label: Text
    colour: Colour = "#9E9E9E"


class RatingScale(_Strict):
    """Levels ordered from weakest to strongest; "not rated" is always added by us."""

    id: Id
    label: Text = "Rating"
    levels: list[RatingLevel] = Field(min_length=1, max_length=12)

    @field_validator("levels")
    @classmethod
    def _no_reserved_level(cls, levels: list[RatingLevel]) -> list[RatingLevel]:
        ids = [level.id for level in levels]
        if NOT_RATED in ids:
            raise ValueError(f"'{NOT_RATED}' is added to every scale by selfeval; remove it")
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate level id '{duplicates[0]}'")
        return levels

    @property
    def choices(self) -> tuple[RatingLevel, ...]:
        """Every level a judgement may take, "not rated" first."""
        return (RatingLevel(id=NOT_RATED, label="Not rated", colour="#757575"), *self.levels)

    def level(self, level_id: str) -> RatingLevel:
        for level in self.choices:
            if level.id == level_id:
                return level
        known = ", ".join(level.id for level in self.choices)
        raise KeyError(f"'{level_id}' is not a rating of the {self.label} scale ({known})")


BUILT_IN_SCALES: dict[str, RatingScale] = {
    "rag": RatingScale(
        id="rag",
        label="RAG rating",
        levels=[
            RatingLevel(id="red", label="Red", colour="#C62828"),
            RatingLevel(id="amber", label="Amber", colour="#EF8F00"),
            RatingLevel(id="green", label="Green", colour="#2E7D32"),
        ],
    ),
    "developmental": RatingScale(
        id="developmental",
        label="Developmental scale",
        levels=[
            RatingLevel(id="emerging", label="Emerging", colour="#C62828"),
            RatingLevel(id="developing", label="Developing", colour="#EF8F00"),
            RatingLevel(id="established", label="Established", colour="#2E7D32"),
            RatingLevel(id="enhanced", label="Enhanced", colour="#1565C0"),
        ],
    ),
}


class Bullet(_Strict):
    id: Id
    text: Text


class Criterion(_Strict):
    id: Id
    title: Text
    number: Annotated[StrictInt, Field(ge=1, le=999)] | None = None
    """How the criterion is numbered to readers; by default its position in the file."""
    paragraph: Paragraph | None = None
    lead_in: Text | None = None
    bullets: list[Bullet] = []
    plain_title: Text | None = None
    """A heading in plain English for families (ours, not the publisher's: see
    `plain_titles_are_ours`)."""


class Group(_Strict):
    id: Id
    title: Text
    criteria: list[Criterion] = Field(min_length=1)


class ScopeNote(_Strict):
    paragraph: Paragraph | None = None
    text: Text


class Outcome(_Strict):
    id: Id
    rank: Annotated[StrictInt, Field(ge=1, le=10)]
    text: Text
    consequence: Text | None = None


Relationship = Literal["same", "reworded", "split", "merged", "new", "removed"]
CONFIRMED_OVER = ("same",)
"""The only relationship a rating is carried over as it was; over the others it is shown as
"previous, to confirm"."""


class CrosswalkEntry(_Strict):
    """One line of the map from the edition a file supersedes to this one."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    from_: Id | None = Field(default=None, alias="from")
    to: list[Id] = []
    relationship: Relationship
    note: Text | None = None


def _one_word(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z -]{0,39}", value):
        raise ValueError(
            f"'{value[:40]}' must be a lower-case word or two (letters, spaces, hyphens; at "
            "most 40), as it is used inside sentences and headings"
        )
    return value


Word = Annotated[StrictStr, AfterValidator(_one_word)]


class Terms(_Strict):
    """The edition's own words (the June 2025 handbook says "evaluate" and "outcome" where the
    2023 one said "judge" and "judgement"): the app, the pack, the CLI and the workbook use them."""

    rating: Word = "rating"
    """What one criterion's rating is called, in lower case ("judgement", "evaluation")."""
    judgement: Word = "judgement"
    """What the partnership's record on one criterion (rating and narrative) is called."""
    outcome_section: Annotated[Text, Field(max_length=80)] = "Likely outcome"
    """The heading of the section on the overall inspection outcome."""


class Framework(_Strict):
    format: StrictInt
    id: Id
    edition: Text
    title: Text
    short_title: Text | None = None
    publisher: Text
    source: Text
    rating_scale: RatingScale
    group_titles_are_ours: StrictBool = False
    plain_titles_are_ours: StrictBool = False
    scope_notes: list[ScopeNote] = []
    outcomes: list[Outcome] = []
    groups: list[Group] = Field(min_length=1)
    supersedes: Id | None = None
    """The id of the framework this edition replaces; `crosswalk` maps every id of that one."""
    crosswalk: list[CrosswalkEntry] = []
    terms: Terms = Terms()

    @field_validator("format")
    @classmethod
    def _known_format(cls, value: int) -> int:
        if value != FORMAT_VERSION:
            raise ValueError(
                f"format {value} is not supported (this version of selfeval reads format "
                f"{FORMAT_VERSION})"
            )
        return value

    @field_validator("rating_scale", mode="before")
    @classmethod
    def _named_scale(cls, value: Any) -> Any:
        if isinstance(value, str):
            if value not in BUILT_IN_SCALES:
                known = ", ".join(sorted(BUILT_IN_SCALES))
                raise ValueError(
                    f"unknown rating scale '{value}' (built in: {known}; or define one "
                    "with id, label and levels)"
                )
            return BUILT_IN_SCALES[value]
        return value

    @cached_property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for g in self.groups for c in g.criteria)

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Each criterion's number as readers know it (kept in partial copies of a framework)."""
        return {c.id: c.number or n for n, c in enumerate(self.criteria, start=1)}

    @cached_property
    def link_targets(self) -> dict[str, tuple[str, str]]:
        """Every criterion id and bullet id, as the (criterion, bullet) pair it stands for."""
        targets: dict[str, tuple[str, str]] = {}
        for criterion in self.criteria:
            targets[criterion.id] = (criterion.id, "")
            for bullet in criterion.bullets:
                targets[bullet.id] = (criterion.id, bullet.id)
        return targets

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(f"'{criterion_id}' is not a criterion of {self.id}")

    def group_of(self, criterion_id: str) -> Group:
        for group in self.groups:
            if any(c.id == criterion_id for c in group.criteria):
                return group
        raise KeyError(f"'{criterion_id}' is not a criterion of {self.id}")

    @property
    def label(self) -> str:
        return self.short_title or self.title

    def canonical_json(self) -> str:
        """A stable text form: stored in workspaces, and the basis of the content hash. Keys
        added to the format later are left out while they hold their default, so the hash of
        every edition already in a workspace, a package or a sign-off stays what it was."""
        data = self.model_dump(mode="json", by_alias=True)
        for key, default in (("supersedes", None), ("crosswalk", []), ("terms", Terms())):
            if getattr(self, key) == default:
                del data[key]
        return json.dumps(data, sort_keys=True, ensure_ascii=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()
