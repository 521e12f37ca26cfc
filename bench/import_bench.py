"""Evidence tracker import: selfeval against bare sqlite3 doing the same work, in the same run.

    .venv/bin/python bench/import_bench.py [--rows 10000] [--repeat 5]

Both sides start from a fresh workspace file (same schema, indexes and pragmas: WAL, foreign keys,
synchronous=FULL), read the same generated CSV with the csv module, and insert the same evidence
rows and criterion links in one transaction. selfeval also validates every row (dates, kinds,
criterion ids, lengths), resolves organisations and writes the history line. Reported: the median
of --repeat runs of each, and their ratio (goal: <= 3x).
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selfeval.services.evidence_import import import_evidence  # noqa: E402
from selfeval.services.frameworks import framework_library  # noqa: E402
from selfeval.services.tracker_columns import FIELDS  # noqa: E402
from selfeval.services.users import CurrentUser  # noqa: E402
from selfeval.services.workspace import create_workspace  # noqa: E402
from selfeval.store.types import new_id  # noqa: E402

KINDS = ["data", "audit", "survey", "case-study", "strategy", "minutes", "co-production", "other"]
ORGANISATIONS = ["Anyshire Council", "Anyshire ICB", "Anyshire PCF", "Anyshire College"]
AS_NEW = {name: "" for name in ORGANISATIONS}
"""The import's answer for names nearly like the demo's organisations: each a new one."""


def make_csv(path: Path, rows: int, criteria: list[str]) -> None:
    rng = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        for i in range(rows):
            writer.writerow(
                [
                    f"Evidence item {i}",
                    "Audit of EHC plans issued in the quarter, with findings and actions. " * 2,
                    rng.choice(KINDS),
                    rng.choice(ORGANISATIONS),
                    f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    ";".join(rng.sample(criteria, 2)),
                    rng.choice(["yes", "no"]),
                    "https://example.org/evidence",
                ]
            )


def fresh_workspace(folder: Path, name: str) -> Path:
    path = folder / f"{name}.selfeval"
    framework = framework_library().get("area-send-2023")
    create_workspace(path, "Benchshire", framework, CurrentUser("Bench")).close()
    return path


def run_selfeval(folder: Path, tracker: Path, index: int) -> float:
    from selfeval.services.workspace import open_workspace

    path = fresh_workspace(folder, f"ours-{index}")
    with open_workspace(path, CurrentUser("Bench")) as workspace:
        start = time.perf_counter()
        import_evidence(workspace, tracker, organisations=AS_NEW)
        return time.perf_counter() - start


def tracker_rows(tracker: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """Each row of the generated tracker with a new id, read with the csv module."""
    with tracker.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield new_id(), row


def item_values(
    evidence_id: str, row: dict[str, str], organisation: str | None, now: str
) -> tuple[object, ...]:
    return (
        evidence_id,
        row["title"],
        row["description"],
        row["kind"],
        organisation,
        row["date"],
        row["link"],
        row["personal_data"] == "yes",
        "Bench",
        now,
        now,
    )


def run_bare_sqlite(folder: Path, tracker: Path, index: int) -> float:
    path = fresh_workspace(folder, f"bare-{index}")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=FULL")
    assessment = connection.execute("SELECT id FROM assessment").fetchone()[0]
    start = time.perf_counter()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    items, links = [], []
    for evidence_id, row in tracker_rows(tracker):
        items.append(item_values(evidence_id, row, None, now))
        links.extend((evidence_id, assessment, c, "") for c in row["criteria"].split(";"))
    with connection:
        connection.executemany(
            "INSERT INTO evidence_item (id, title, description, kind, organisation_id, "
            "evidence_date, link, personal_data, created_by, created_at, updated_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            items,
        )
        connection.executemany("INSERT INTO evidence_link VALUES (?,?,?,?)", links)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def run_plain_tables(folder: Path, tracker: Path, index: int) -> float:
    """The floor issue 16 names: plain csv + executemany into two plain tables (no indexes, no
    foreign keys), same pragmas, same rows."""
    path = folder / f"plain-{index}.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute(
        "CREATE TABLE item (id, title, description, kind, organisation, evidence_date, link, "
        "personal_data, created_by, created_at, updated_at)"
    )
    connection.execute("CREATE TABLE link (evidence_id, criterion_id)")
    start = time.perf_counter()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    items, links = [], []
    for evidence_id, row in tracker_rows(tracker):
        items.append(item_values(evidence_id, row, row["organisation"], now))
        links.extend((evidence_id, c) for c in row["criteria"].split(";"))
    with connection:
        connection.executemany("INSERT INTO item VALUES (?,?,?,?,?,?,?,?,?,?,?)", items)
        connection.executemany("INSERT INTO link VALUES (?,?)", links)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    criteria = [c.id for c in framework_library().get("area-send-2023").criteria]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tracker = folder / "tracker.csv"
        make_csv(tracker, args.rows, criteria)
        ours, bare, plain = [], [], []
        for i in range(args.repeat):  # interleaved, so drift in machine load hits all alike
            plain.append(run_plain_tables(folder, tracker, i))
            bare.append(run_bare_sqlite(folder, tracker, i))
            ours.append(run_selfeval(folder, tracker, i))
    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    plain_median = statistics.median(plain)
    print(f"rows: {args.rows:,}  runs: {args.repeat}")
    print(f"plain tables (csv + executemany):    {plain_median * 1000:8.1f} ms")
    print(f"same schema (csv + executemany):     {bare_median * 1000:8.1f} ms")
    print(f"selfeval import_evidence:            {ours_median * 1000:8.1f} ms")
    print(
        f"ratio: {ours_median / plain_median:.2f}x plain tables (issue 16 goal <= 3x), "
        f"{ours_median / bare_median:.2f}x same schema"
    )


if __name__ == "__main__":
    main()
