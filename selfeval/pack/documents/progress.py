"""The "progress since the last board" report: its model and its composition into blocks."""

from __future__ import annotations

from dataclasses import dataclass

from selfeval.pack.blocks import Block, Bullets, Document, Heading, Para, counted_heading


@dataclass(frozen=True)
class ProgressReport:
    area_name: str
    since: str
    """The snapshot compared from ("Board, 1 October")."""
    since_taken: str
    """When that snapshot was taken, as printed ("1 October 2026")."""
    until: str
    """"now" or the later snapshot's name."""
    personal_data_included: bool
    personal_data_left_out: int
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    """(heading, lines), in the report's order; a section with no lines says "None."."""
    author: str

    @property
    def title(self) -> str:
        return f"{self.area_name}: progress since {self.since}"

    @property
    def intro(self) -> str:
        from selfeval.words import counted

        text = (
            f"What changed in the self-evaluation between '{self.since}' ({self.since_taken}) and "
            f"{self.until}: ratings, evidence, actions and indicators."
        )
        if self.personal_data_included:
            text += " Evidence marked as personal data is included."
        elif self.personal_data_left_out:
            items = counted(self.personal_data_left_out, "new evidence item")
            text += f" Left out: {items} marked as personal data."
        return text


def compose_progress(report: ProgressReport) -> Document:
    blocks: list[Block] = [Heading(report.title, 1, in_contents=False), Para(report.intro)]
    for heading, lines in report.sections:
        blocks.append(Heading(counted_heading(heading, len(lines)), 2, in_contents=False))
        blocks.append(Bullets(lines))
    return Document(
        title=report.title,
        subject="Progress report",
        author=report.author,
        marking="OFFICIAL",
        blocks=tuple(blocks),
    )
