"""Importing an evidence tracker: every row is checked first, then all are written or none.

The write goes through SQLAlchemy Core in one transaction (not ``add_all``): GUIDE.md §5 measured
the ORM unit of work at 40x raw SQLite for bulk rows.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import func, select

from selfeval.errors import InputError
from selfeval.services.evidence import (
    EvidenceInput,
    describe_validation_error,
    organisation_id_for,
)
from selfeval.services.evidence_links import resolve_link_target
from selfeval.services.history import record_change
from selfeval.services.tracker_file import read_rows
from selfeval.services.workspace import Workspace
from selfeval.store.bulk_rows import insert_rows
from selfeval.store.models import EvidenceItem, EvidenceLink, Organisation
from selfeval.store.types import new_id, utc_now
from selfeval.words import counted

COLUMNS = (
    "title",
    "description",
    "kind",
    "organisation",
    "date",
    "criteria",
    "personal_data",
    "link",
)
MAX_REPORTED_ROWS = 50
_UK_DATE = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\Z")
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0", ""}

Progress = Callable[[int, int], None]


class ImportProblems(InputError):
    """Rows that failed their checks; nothing was imported."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        shown = problems[:MAX_REPORTED_ROWS]
        if len(problems) > MAX_REPORTED_ROWS:
            shown.append(
                f"... and {counted(len(problems) - MAX_REPORTED_ROWS, 'more row')} with problems"
            )
        rows = counted(len(problems), "row") + (" needs" if len(problems) == 1 else " need")
        header = f"{path}: nothing was imported; {rows} fixing:"
        super().__init__("\n".join([header, *shown]))
        self.problems = problems


@dataclass(frozen=True)
class ImportResult:
    imported: int
    links: int
    organisations_created: int


def parse_date(text: str) -> date | None:
    """ISO (2024-03-31) or UK (31/03/2024) dates, exactly; empty means no date. Anything after
    the date ("2026-03-31 (draft)") makes it not a date: a guess would be a wrong fact."""
    text = text.strip()
    if not text:
        return None
    uk = _UK_DATE.match(text)
    iso = _ISO_DATE.match(text)
    try:
        if uk:
            return date(int(uk[3]), int(uk[2]), int(uk[1]))
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        pass
    raise ValueError(f"'{text}' is not a date (write 2024-03-31 or 31/03/2024)")


def parse_yes_no(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    raise ValueError(f"'{text}' is not yes or no")


def import_evidence(
    workspace: Workspace,
    path: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    with _collector_paused():
        return _import(workspace, path, progress, cancelled)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """A tracker's rows are many small objects that live until they are written; Python's cycle
    collector would walk them all again and again for cycles they cannot have (a fifth of
    importing 50,000 rows, and the part that grew faster than the rows)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(
    workspace: Workspace,
    path: Path,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> ImportResult:
    rows = read_rows(path, COLUMNS, required=("title",))
    framework = workspace.framework
    items: list[tuple[EvidenceInput, list[tuple[str, str]]]] = []
    problems: list[str] = []
    for number, row in rows:
        try:
            evidence_date = parse_date(row.get("date", ""))
            personal = parse_yes_no(row.get("personal_data", ""))
        except ValueError as err:
            column = "date" if "date" in str(err) else "personal_data"
            problems.append(f"row {number}: {column}: {err}")
            continue
        try:
            item = EvidenceInput(
                title=row.get("title", ""),
                description=row.get("description", ""),
                kind=row.get("kind", "") or "other",
                organisation=row.get("organisation", ""),
                evidence_date=evidence_date,
                link=row.get("link", ""),
                personal_data=personal,
            )
        except ValidationError as err:
            problems.append(f"row {number}: {describe_validation_error(err)}")
            continue
        targets: list[tuple[str, str]] = []
        try:
            for part in row.get("criteria", "").split(";"):
                if part.strip():
                    targets.append(resolve_link_target(framework, part.strip()))
        except InputError as err:
            problems.append(f"row {number}: criteria: {err}")
            continue
        items.append((item, list(dict.fromkeys(targets))))
    if problems:
        raise ImportProblems(path, problems)
    return _write(workspace, path, items, progress, cancelled)


ITEM_COLUMNS = (
    "id",
    "title",
    "description",
    "kind",
    "organisation_id",
    "evidence_date",
    "link",
    "personal_data",
    "created_by",
    "created_at",
    "updated_at",
)
LINK_COLUMNS = ("evidence_id", "assessment_id", "criterion_id", "bullet_id")


def _write(
    workspace: Workspace,
    path: Path,
    items: list[tuple[EvidenceInput, list[tuple[str, str]]]],
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> ImportResult:
    now = utc_now()
    user = workspace.user
    origin = f"import:{path.name}"[:80]
    organisations: dict[str, str] = {}
    item_rows: list[tuple[object, ...]] = []
    link_rows: list[tuple[str, str, str, str]] = []
    with workspace.transaction() as session:
        before = session.scalar(select(func.count()).select_from(Organisation)) or 0
        for index, (item, targets) in enumerate(items):
            if cancelled is not None and index % 500 == 0 and cancelled():
                raise InputError("import cancelled; nothing was imported")
            evidence_id = new_id()
            item_rows.append(
                (
                    evidence_id,
                    item.title,
                    item.description,
                    item.kind,
                    organisation_id_for(session, item.organisation, organisations),
                    item.evidence_date,
                    item.link,
                    item.personal_data,
                    user.name,
                    now,
                    now,
                )
            )
            for criterion_id, bullet_id in targets:
                link_rows.append((evidence_id, workspace.assessment_id, criterion_id, bullet_id))
            if progress is not None and index % 500 == 0:
                progress(index, len(items))
        connection = session.connection()
        insert_rows(connection, EvidenceItem, ITEM_COLUMNS, item_rows)
        insert_rows(connection, EvidenceLink, LINK_COLUMNS, link_rows)
        created = (session.scalar(select(func.count()).select_from(Organisation)) or 0) - before
        # Each item carries its own created_by/created_at; the history gets one line per import.
        record_change(
            session,
            user,
            "evidence",
            origin,
            "imported",
            None,
            f"{counted(len(item_rows), 'item')} from {path.name}",
            origin=origin,
            when=now,
        )
    if progress is not None:
        progress(len(items), len(items))
    return ImportResult(len(item_rows), len(link_rows), created)
