"""The edition-difference report: for the board, what a new edition of the criteria changed,
criterion by criterion and bullet by bullet (word by word), and which of the partnership's own
ratings have to be confirmed again because the words they were given against have changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from selfeval.pack.blocks import (
    Block,
    ChangedText,
    ChangeKind,
    Document,
    Heading,
    KeyValues,
    Para,
)

RELATIONSHIP_WORDS = {
    "same": "unchanged",
    "reworded": "reworded",
    "split": "split",
    "merged": "merged",
    "new": "new",
    "removed": "removed",
}


@dataclass(frozen=True)
class ChangedItem:
    where: str
    """ "3.1 (was 3.1)", "Criterion 8 (from 7 and 8)", "5.3 of 2023-01 (removed)"."""
    relationship: str
    runs: tuple[tuple[ChangeKind, str], ...]
    note: str = ""
    to_confirm: str = ""
    """Our rating that has to be confirmed again ("Green (as 2)"), or ""."""


@dataclass(frozen=True)
class CriterionChanges:
    heading: str
    items: tuple[ChangedItem, ...]


@dataclass(frozen=True)
class EditionChanges:
    area_name: str
    old_label: str
    new_label: str
    issued: date
    prepared_by: str
    marking: str
    counts: tuple[tuple[str, int], ...]
    criteria: tuple[CriterionChanges, ...]
    ratings_to_confirm: int
    rating_word: str
    """What the new edition calls a rating ("evaluation")."""

    @property
    def title(self) -> str:
        return f"What the new edition changes: {self.old_label} to {self.new_label}"


def compose_edition_changes(report: EditionChanges) -> Document:
    blocks: list[Block] = [
        Heading(report.title, 1, in_contents=False),
        Para(
            f"{report.area_name}. {report.issued:%d %B %Y}".replace(" 0", " ")
            + f". Prepared by {report.prepared_by}.",
            "muted",
        ),
        KeyValues(
            (
                *((RELATIONSHIP_WORDS[k].capitalize(), str(n)) for k, n in report.counts),
                (f"Our {report.rating_word}s to confirm again", str(report.ratings_to_confirm)),
            )
        ),
        Para(
            "Words taken out are struck through; words put in are underlined and bold. Our "
            f"{report.rating_word}s carry over as they were only where the words are unchanged.",
            "small",
        ),
    ]
    if not report.criteria:
        blocks.append(Para("The new edition changes no words of the criteria."))
    for criterion in report.criteria:
        blocks.append(Heading(criterion.heading, 2))
        for item in criterion.items:
            blocks.append(Para(f"{item.where}: {RELATIONSHIP_WORDS[item.relationship]}", "lead"))
            if item.runs:
                blocks.append(ChangedText(item.runs))
            if item.note:
                blocks.append(Para(f"Note: {item.note}", "muted", italic=True))
            if item.to_confirm:
                blocks.append(Para(f"Our {report.rating_word} to confirm again: {item.to_confirm}"))
    return Document(
        title=report.title,
        subject=f"Edition changes for {report.area_name}",
        author=report.prepared_by,
        marking=report.marking,
        blocks=tuple(blocks),
    )
