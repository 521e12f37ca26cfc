"""The progress report, built from a snapshot comparison and written as PDF or Word."""

from __future__ import annotations

from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.output import check_destination
from selfeval.pack.documents.progress import ProgressReport, compose_progress
from selfeval.services.improvement.snapshots import (
    NOW,
    Progress,
    compare_snapshots,
    snapshot_taken_at,
)
from selfeval.services.workspace import Workspace


def _value(value: float | None) -> str:
    return "-" if value is None else f"{value:,.2f}".rstrip("0").rstrip(".")


def progress_sections(progress: Progress) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The report's content as (heading, lines): the same in PDF and Word."""
    sections = [
        ("Rated for the first time", [f"{t}: {b}" for t, _a, b in progress.ratings_first]),
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
    return tuple((heading, tuple(lines)) for heading, lines in sections)


def build_progress(
    workspace: Workspace, since: str, until: str = NOW, include_personal_data: bool = False
) -> ProgressReport:
    progress = compare_snapshots(
        workspace, since, until, include_personal_data=include_personal_data
    )
    return ProgressReport(
        area_name=workspace.area_name,
        since=since,
        since_taken=snapshot_taken_at(workspace, since).strftime("%d %B %Y").lstrip("0"),
        until="now" if until == NOW else until,
        personal_data_included=include_personal_data,
        personal_data_left_out=progress.personal_data_left_out,
        sections=progress_sections(progress),
        author=str(workspace.user),
    )


def export_progress(
    workspace: Workspace,
    since: str,
    path: Path,
    until: str = NOW,
    include_personal_data: bool = False,
) -> Path:
    """The report as PDF or Word. Personal-data evidence is left out (and the report says how
    many items) unless the user asked to include it for this report."""
    from selfeval.pack.render import render_document

    check_destination(path)  # a workspace named as the output is refused first, whatever its name
    if path.suffix.lower() not in (".pdf", ".docx"):
        raise InputError(f"{path.name}: the progress report is written as .pdf or .docx")
    report = build_progress(workspace, since, until, include_personal_data)
    return render_document(compose_progress(report), path)
