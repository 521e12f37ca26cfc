"""Carrying an assessment to a new edition of the criteria, against bare sqlite3 writing the same
rows, same run.

    .venv/bin/python bench/edition_bench.py [--items 5000] [--repeat 5]

The workspace: the Anyshire demo plus --items generated evidence items, each linked to criteria
(tests/next_edition.py's test edition is the new one). "selfeval" is `carry_to_edition`: read
the crosswalk, the judgements, links, owners, comments and open actions, write the new
assessment and one history row per carried value, in one transaction. "Bare" is plain sqlite3
copying the same number of link rows and history rows with executemany in one transaction: the
least the writes cost. Each run works on a fresh copy of the file. Medians of interleaved runs;
goal (issue 15): under 2 s for 5,000 items.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.import_bench import make_csv  # noqa: E402


def make_workspace(folder: Path, items: int) -> Path:
    from bench.import_bench import AS_NEW
    from selfeval.services.demo import create_demo_workspace
    from selfeval.services.evidence_import import import_evidence

    path = folder / "bench.selfeval"
    tracker = folder / "tracker.csv"
    with create_demo_workspace(path) as workspace:
        make_csv(tracker, items, [c.id for c in workspace.framework.criteria])
        import_evidence(workspace, tracker, organisations=AS_NEW)
    return path


def selfeval_run(path: Path) -> tuple[float, int]:
    from selfeval.services.frameworks import framework_library
    from selfeval.services.improvement.edition_carry import carry_to_edition
    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import open_workspace

    new = framework_library().get("area-send-next")
    with open_workspace(path, CurrentUser("Bench", "Anyshire")) as workspace:
        began = time.perf_counter()
        carry_to_edition(workspace, new, "Carried")
        took = time.perf_counter() - began
        with workspace.transaction(read_only=True) as session:
            from sqlalchemy import func, select

            from selfeval.store.models import EvidenceLink

            links = session.scalar(
                select(func.count()).where(EvidenceLink.assessment_id == workspace.assessment_id)
            )
    return took, int(links or 0)


def bare_run(path: Path, links: int) -> float:
    """The same number of link rows and as many history rows, written with plain sqlite3."""
    connection = sqlite3.connect(path)
    began = time.perf_counter()
    with connection:
        rows = connection.execute(
            "SELECT evidence_id, criterion_id, bullet_id FROM evidence_link LIMIT ?", (links,)
        ).fetchall()
        assessment = str(uuid.uuid4())
        connection.execute(
            "INSERT INTO assessment (id, partnership_id, framework_edition_id, title, created_at)"
            " SELECT ?, partnership_id, framework_edition_id, 'bare', created_at FROM assessment"
            " LIMIT 1",
            (assessment,),
        )
        connection.executemany(
            "INSERT INTO evidence_link VALUES (?, ?, ?, ?)",
            [(e, assessment, c, b) for e, c, b in rows],
        )
        connection.executemany(
            "INSERT INTO change_record (id, changed_at, changed_by, organisation, origin, entity,"
            " entity_id, field, old_value, new_value, assessment_id, criterion_id)"
            " VALUES (?, '2026-11-24 00:00:00', 'Bench', 'Anyshire', 'edition', 'evidence_link',"
            " ?, 'linked', NULL, ?, ?, ?)",
            [(str(uuid.uuid4()), e, b or c, assessment, c) for e, c, b in rows],
        )
    took = time.perf_counter() - began
    connection.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["SELFEVAL_HOME"] = home
        from selfeval.locations import user_frameworks_dir
        from tests.next_edition import write_next_edition

        write_next_edition(user_frameworks_dir())
        source = make_workspace(Path(home), args.items)
        ours, bare, links = [], [], 0
        for n in range(args.repeat):
            copy = Path(home) / f"run{n}.selfeval"
            shutil.copy(source, copy)
            took, links = selfeval_run(copy)
            ours.append(took)
            other = Path(home) / f"bare{n}.selfeval"
            shutil.copy(source, other)
            bare.append(bare_run(other, links))
        mine, floor = statistics.median(ours), statistics.median(bare)
        print(f"evidence items: {args.items:,}; links carried: {links:,}")
        print(f"carry to a new edition: {mine * 1000:.0f} ms (median of {args.repeat})")
        print(f"bare sqlite3, same link and history rows: {floor * 1000:.0f} ms")
        print(f"ratio: {mine / floor:.2f}x; goal: under 2 s")


if __name__ == "__main__":
    main()
