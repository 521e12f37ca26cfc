"""The summary for parents and carers, built from the statements written for families."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from selfeval.files.output import check_destination
from selfeval.pack.documents.parents import FamilySection, ParentsSummary, compose_parents
from selfeval.services.families import family_contact
from selfeval.services.judgements import list_judgements
from selfeval.services.people import list_owners, list_people
from selfeval.services.readability import EASY_ENOUGH, readability
from selfeval.services.workspace import Workspace


def build_parents(workspace: Workspace, issued: date | None = None) -> ParentsSummary:
    framework = workspace.framework
    with workspace.one_moment():
        judgements = list_judgements(workspace)
        people = {p.id: p for p in list_people(workspace)}
        leads = {o.criterion_id: o.person_id for o in list_owners(workspace) if o.role == "lead"}
        contact = family_contact(workspace)
    sections = []
    for criterion in framework.criteria:
        judgement = judgements.get((criterion.id, ""))
        if judgement is None:
            continue
        texts = (
            judgement.family_statement.strip(),
            judgement.family_going_well.strip(),
            judgement.family_working_on.strip(),
        )
        if not any(texts):
            continue
        lead = people.get(leads.get(criterion.id, ""))
        who = ", ".join(x for x in (lead.role, lead.organisation) if x) if lead else ""
        sections.append(FamilySection(criterion.plain_title or criterion.title, *texts, who))
    return ParentsSummary(
        area_name=workspace.area_name,
        issued=issued or date.today(),
        contact=contact,
        sections=tuple(sections),
        author=workspace.area_name,  # the partnership publishes it: never a login's name
    )


@dataclass(frozen=True)
class ParentsCheck:
    """What a lead should know before the summary is written (the app shows it first)."""

    without_statement: tuple[str, ...]
    """Criteria (as headed in the summary) with nothing written for families: left out."""
    hard_to_read: tuple[tuple[str, float], ...]
    """(heading, reading ease) of statements below a reading ease of 60."""
    long_sentences: int
    contact: str

    def said(self) -> str:
        """In words, for the export dialog."""
        parts = []
        if not self.contact:
            parts.append("No contact details yet: families would not know how to reach you.")
        if self.without_statement:
            parts.append(
                "Left out, nothing written for families yet: "
                + "; ".join(self.without_statement)
                + "."
            )
        if self.hard_to_read:
            parts.append(
                "Hard to read (aim for a reading ease of 60 or more): "
                + "; ".join(f"{h} ({e:.0f})" for h, e in self.hard_to_read)
                + "."
            )
        if self.long_sentences:
            parts.append(f"Sentences over 25 words: {self.long_sentences}.")
        return " ".join(parts) or "Every criterion has words for families."


def check_summary(summary: ParentsSummary, workspace: Workspace) -> ParentsCheck:
    written = {s.heading for s in summary.sections}
    missing = tuple(
        c.plain_title or c.title
        for c in workspace.framework.criteria
        if (c.plain_title or c.title) not in written
    )
    hard, long = [], 0
    for section in summary.sections:
        measured = readability(
            "\n".join((section.statement, section.going_well, section.working_on))
        )
        long += len(measured.long_sentences)
        if measured.ease < EASY_ENOUGH:
            hard.append((section.heading, round(measured.ease, 1)))
    return ParentsCheck(missing, tuple(hard), long, summary.contact)


def check_parents(workspace: Workspace) -> ParentsCheck:
    return check_summary(build_parents(workspace), workspace)


@dataclass(frozen=True)
class ParentsExport:
    path: Path
    without_statement: tuple[str, ...]
    hard_to_read: tuple[tuple[str, float], ...]
    long_sentences: int


def export_parents(workspace: Workspace, path: Path, issued: date | None = None) -> ParentsExport:
    from selfeval.pack.render import render_document

    check_destination(path)
    if path.suffix.lower() not in (".pdf", ".docx"):
        from selfeval.errors import InputError

        raise InputError(f"{path.name}: the summary for parents is written as .pdf or .docx")
    summary = build_parents(workspace, issued)
    render_document(compose_parents(summary), path)
    checked = check_summary(summary, workspace)
    return ParentsExport(
        path, checked.without_statement, checked.hard_to_read, checked.long_sentences
    )
