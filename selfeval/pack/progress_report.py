"""The "progress since the last board" report, in PDF and Word, from a snapshot comparison."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.output import check_destination, safe_output
from selfeval.pack.text import clean
from selfeval.services.improvement.snapshots import (
    NOW,
    Progress,
    compare_snapshots,
    snapshot_taken_at,
)
from selfeval.services.workspace import Workspace
from selfeval.words import counted


def _value(value: float | None) -> str:
    return "-" if value is None else f"{value:,.2f}".rstrip("0").rstrip(".")


def progress_sections(progress: Progress) -> list[tuple[str, list[str]]]:
    """The report's content as (heading, lines): the same in PDF and Word."""
    return [
        ("Ratings that improved", [f"{t}: {a} to {b}" for t, a, b in progress.ratings_up]),
        ("Ratings that fell", [f"{t}: {a} to {b}" for t, a, b in progress.ratings_down]),
        ("New evidence", progress.new_evidence),
        ("Actions completed", progress.actions_completed),
        ("New actions", progress.new_actions),
        ("Actions overdue", progress.actions_overdue),
        (
            "Indicators",
            [
                f"{name}: {_value(old)} ({old_period or 'no figure'}) to {_value(new)} "
                f"({new_period}) - {verdict}"
                for name, old_period, old, new_period, new, verdict in progress.indicator_changes
            ],
        ),
    ]


def export_progress(
    workspace: Workspace,
    since: str,
    path: Path,
    until: str = NOW,
    include_personal_data: bool = False,
) -> Path:
    """The report as PDF or Word. Personal-data evidence is left out (and the report says how
    many items) unless the user asked to include it for this report."""
    check_destination(path)
    progress = compare_snapshots(
        workspace, since, until, include_personal_data=include_personal_data
    )
    start = snapshot_taken_at(workspace, since).strftime("%d %B %Y").lstrip("0")
    end = "now" if until == NOW else until
    title = f"{workspace.area_name}: progress since {since}"
    intro = (
        f"What changed in the self-evaluation between '{since}' ({start}) and {end}: ratings, "
        "evidence, actions and indicators."
    )
    if include_personal_data:
        intro += " Evidence marked as personal data is included."
    elif progress.personal_data_left_out:
        count = progress.personal_data_left_out
        items = counted(count, "new evidence item")
        intro += f" Left out: {items} marked as personal data."
    sections = progress_sections(progress)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        _pdf(path, title, intro, sections, str(workspace.user))
    elif suffix == ".docx":
        _docx(path, title, intro, sections, str(workspace.user))
    else:
        raise InputError(f"{path.name}: the progress report is written as .pdf or .docx")
    return path


def _pdf(
    path: Path, title: str, intro: str, sections: Iterable[tuple[str, list[str]]], author: str
) -> None:
    from reportlab.platypus import Spacer

    from selfeval.pack.pdf_doc import CachedParagraph as Paragraph
    from selfeval.pack.pdf_doc import PackDocument, PageCount
    from selfeval.pack.pdf_style import safe, styles

    s = styles()
    with safe_output(path) as handle:
        doc = PackDocument(
            handle,
            title=clean(title),
            marking="OFFICIAL",
            draft=False,
            author=clean(author),
            subject="Progress report",
        )
        story = [PageCount(doc), Paragraph(safe(title), s["h1"]), Paragraph(safe(intro), s["body"])]
        for heading, lines in sections:
            story.append(Paragraph(f"{safe(heading)} ({len(lines)})", s["h2"]))
            if not lines:
                story.append(Paragraph("<i>None.</i>", s["body"]))
            for line in lines:
                story.append(Paragraph(safe(line), s["bullet"], bulletText="\u2022"))
            story.append(Spacer(1, 4))
        doc.multiBuild(story, maxPasses=4)


def _docx(
    path: Path, title: str, intro: str, sections: Iterable[tuple[str, list[str]]], author: str
) -> None:
    from docx import Document

    document = Document()
    document.core_properties.title = clean(title)
    document.core_properties.author = clean(author)
    document.add_heading(clean(title), level=1)
    document.add_paragraph(clean(intro))
    for heading, lines in sections:
        document.add_heading(f"{heading} ({len(lines)})", level=2)
        if not lines:
            document.add_paragraph("None.")
        for line in lines:
            document.add_paragraph(clean(line), style="List Bullet")
    with safe_output(path) as handle:
        document.save(handle)
