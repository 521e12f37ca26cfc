"""Importing an evidence tracker: every row is checked first, then all are written or none.

The write goes through SQLAlchemy Core in one transaction (not ``add_all``): GUIDE.md §5 measured
the ORM unit of work at 40x raw SQLite for bulk rows.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
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
from selfeval.services.tracker_columns import (
    ColumnUses,
    check_names,
    row_values,
    suggest,
    uses_from_arguments,
)
from selfeval.services.tracker_file import RawTable, read_table
from selfeval.services.tracker_likeness import (
    OrganisationMatch,
    near_duplicate_titles,
    organisation_matches,
)
from selfeval.services.workspace import Workspace
from selfeval.store.bulk_rows import insert_rows
from selfeval.store.models import EvidenceItem, EvidenceLink, Organisation
from selfeval.store.types import new_id, utc_now
from selfeval.words import counted

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


@dataclass(frozen=True)
class TrackerPlan:
    """What importing a tracker would do, decided before anything is written: the items (row
    number, item, criteria links), each row's problems, the organisations the workspace lacks
    as written (with those they are nearly), and titles nearly another's."""

    path: Path
    table: RawTable = field(repr=False, compare=False)
    """The file as read, kept so that a change of the columns' uses needs no second read."""
    uses: ColumnUses
    items: list[tuple[int, EvidenceInput, list[tuple[str, str]]]]
    problems: list[str]
    organisations: list[OrganisationMatch]
    library: list[str] = field(repr=False, compare=False)
    """The titles already in the library, to compare the tracker's with."""

    @property
    def header(self) -> list[str]:
        return self.table.header

    @property
    def links(self) -> int:
        return sum(len(targets) for _n, _i, targets in self.items)

    @cached_property
    def near_duplicates(self) -> list[str]:
        """Titles nearly another row's or an item's in the library: worked out when shown (a
        review, a preview), not for an import nobody looks at."""
        return near_duplicate_titles([(n, i.title) for n, i, _t in self.items], self.library)

    def to_ask(self) -> list[OrganisationMatch]:
        """The organisations someone must decide: nearly one the workspace has."""
        return [m for m in self.organisations if m.near]


def plan_tracker(
    workspace: Workspace, path: Path, uses: ColumnUses | None = None, table: RawTable | None = None
) -> TrackerPlan:
    """Read and check every row under the columns' uses (the suggestion for known names when
    none are given; an unknown column is then refused), and find what needs asking."""
    table = table if table is not None else read_table(path)
    try:
        if uses is None:
            uses = uses_from_arguments(table.header, [], ignore_unknown=False)
        uses.check(table.header)
    except InputError as err:
        raise InputError(f"{path}: row 1: {err}") from None
    return _planned(workspace, path, table, uses)


def review_tracker(
    workspace: Workspace, path: Path, uses: ColumnUses | None = None, table: RawTable | None = None
) -> TrackerPlan:
    """A plan to show the person importing, who decides the columns' uses: the suggestion when
    none are given, and uses that cannot work (no title column) said as a problem, not raised,
    so they can be changed."""
    table = table if table is not None else read_table(path)
    try:
        check_names(table.header)
    except InputError as err:
        raise InputError(f"{path}: row 1: {err}") from None
    uses = uses if uses is not None else ColumnUses(suggest(table.header))
    try:
        uses.check(table.header)
    except InputError as err:
        return TrackerPlan(path, table, uses, [], [f"row 1: {err}"], [], [])
    return _planned(workspace, path, table, uses)


def _planned(workspace: Workspace, path: Path, table: RawTable, uses: ColumnUses) -> TrackerPlan:
    items, problems = _check_rows(workspace, table, uses)
    with workspace.transaction(read_only=True) as session:
        organisations = list(session.scalars(select(Organisation.name)))
        library = list(session.scalars(select(EvidenceItem.title)))
    named: dict[str, list[int]] = {}
    for number, item, _targets in items:
        if item.organisation:
            named.setdefault(item.organisation, []).append(number)
    return TrackerPlan(
        path,
        table,
        uses,
        items,
        problems,
        organisation_matches(named, organisations),
        library,
    )


def import_evidence(
    workspace: Workspace,
    path: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    uses: ColumnUses | None = None,
    organisations: dict[str, str] | None = None,
) -> ImportResult:
    """Every row checked, then all written or none. `organisations` answers each name the
    tracker spells nearly as an organisation the workspace has: the existing name to use, or
    "" to add it as a new organisation."""
    with _collector_paused():
        plan = plan_tracker(workspace, path, uses)
        return apply_tracker(workspace, plan, organisations or {}, progress, cancelled)


def apply_tracker(
    workspace: Workspace,
    plan: TrackerPlan,
    organisations: dict[str, str],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    if plan.problems:
        raise ImportProblems(plan.path, plan.problems)
    undecided = [m for m in plan.to_ask() if m.name not in organisations]
    if undecided:
        raise InputError(
            f"{plan.path}: nothing was imported; say which organisation each of these is: "
            + "; ".join(
                f"'{m.name}' (row {m.rows[0]}) is nearly '{m.near[0]}'" for m in undecided[:20]
            )
            + " (in the app, in the import's organisations step; on the command line, with "
            "--organisation or --new-organisation)"
        )
    wrong = [n for n in organisations.values() if n and n not in _names(plan)]
    if wrong:
        raise InputError(f"{plan.path}: '{wrong[0]}' is not an organisation it could be")
    items = [(_answered(item, organisations), targets) for _n, item, targets in plan.items]
    with _collector_paused():
        return _write(workspace, plan.path, items, progress, cancelled)


def _answered(item: EvidenceInput, organisations: dict[str, str]) -> EvidenceInput:
    """The item with the organisation its row's name was answered as (a copy only then)."""
    chosen = organisations.get(item.organisation)
    return item.model_copy(update={"organisation": chosen}) if chosen else item


def _names(plan: TrackerPlan) -> set[str]:
    return {name for match in plan.organisations for name in match.near}


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


def _check_rows(
    workspace: Workspace, table: RawTable, uses: ColumnUses
) -> tuple[list[tuple[int, EvidenceInput, list[tuple[str, str]]]], list[str]]:
    framework = workspace.framework
    items: list[tuple[int, EvidenceInput, list[tuple[str, str]]]] = []
    problems: list[str] = []
    for number, cells in table.rows:
        row = row_values(table.header, cells, uses)
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
        items.append((number, item, list(dict.fromkeys(targets))))
    return items, problems


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
