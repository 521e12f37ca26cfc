"""The summary for parents and carers: what the partnership says to families, per criterion.

The model has no place for a rating, an evidence item or anything about one child: only the
statements written for families, a plain heading, and whom to contact. So nothing else can
reach this document, whatever the workspace holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from selfeval.pack.blocks import Block, Document, Heading, PageBreak, Para, Spacer


@dataclass(frozen=True)
class FamilySection:
    heading: str
    statement: str
    going_well: str
    working_on: str
    contact: str
    """A role and an organisation ("Head of SEND, Anyshire County Council"), or ""."""


@dataclass(frozen=True)
class ParentsSummary:
    area_name: str
    issued: date
    contact: str
    """How families reach the partnership (SENDIASS, the local offer, the forum)."""
    sections: tuple[FamilySection, ...]
    author: str

    @property
    def title(self) -> str:
        # the area's name first, as written: "SEND in Anyshire SEND Partnership" read badly
        return f"{self.area_name}: a summary of SEND for parents and carers"


def compose_parents(summary: ParentsSummary) -> Document:
    when = summary.issued.strftime("%B %Y")
    blocks: list[Block] = [
        Para(summary.title, "title"),
        Para(
            f"This summary explains how help for children and young people with special "
            f"educational needs and disabilities (SEND) in {summary.area_name} is going: what "
            "is working well, and what we are doing to make things better. It was written by "
            "the local area partnership: the council, the NHS and the parent carer forum, "
            "working together.",
            "lead",
        ),
        Para(f"Written in {when}.", "muted"),
    ]
    if summary.contact:
        blocks += [
            Heading("If you need help or want to tell us something", 2),
            Para(summary.contact),
        ]
    if not summary.sections:
        blocks.append(Para("The partnership has not written its statements for families yet."))
    for section in summary.sections:
        blocks += [Spacer(4), Heading(section.heading, 2)]
        if section.statement:
            blocks.append(Para(section.statement))
        if section.going_well:
            blocks += [Heading("What is going well", 3), Para(section.going_well)]
        if section.working_on:
            blocks += [Heading("What we are working on", 3), Para(section.working_on)]
        if section.contact:
            blocks.append(Para(f"Who leads this: {section.contact}", "muted"))
    blocks += [
        PageBreak(),
        Heading("About this summary", 2),
        Para(
            "Inspectors from Ofsted and the Care Quality Commission (CQC) look at how well "
            "education, health and care services work together for children and young people "
            "with SEND. This summary is part of how we check ourselves before they visit. It "
            "does not describe any child."
        ),
    ]
    return Document(
        title=summary.title,
        subject="A summary for parents and carers",
        author=summary.author,
        blocks=tuple(blocks),
    )
