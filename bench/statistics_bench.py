"""Importing a published SEN2 file: 150 areas, 9 regions and England over 10 years (about
1,600 rows by 60 columns), against the bare csv module reading the same file and converting the
same mapped columns to numbers, in the same run.

    .venv/bin/python bench/statistics_bench.py [--repeat 5]

"selfeval" is plan (read, recognise, filter, pick the area, England, region, the neighbour mean
of ten neighbours, every area's figures) and apply (one transaction into a real workspace).
Goal: under 1 s.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selfeval.services.statistics.importer import apply_statistics, plan_statistics  # noqa: E402
from selfeval.services.statistics.neighbours import set_neighbours  # noqa: E402
from selfeval.services.workspace import open_workspace  # noqa: E402

MAPPED = ["no_exc_20week_rate", "inc_exc_20week_rate", "ass_refused_ehc_pc", "inreq_ehc",
          "new_all_ehc", "total_tribunal_pc"]  # fmt: skip
GEOGRAPHY = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name",
             "region_code", "region_name", "new_la_code", "old_la_code", "la_name"]  # fmt: skip


def make_file(path: Path) -> int:
    others = [f"other_{n}" for n in range(60 - len(GEOGRAPHY) - len(MAPPED))]
    header = GEOGRAPHY + MAPPED + others
    rows = []
    for year in range(2015, 2025):
        rows.append([str(year), "Calendar year", "National", "E92000001", "England", "", "", "",
                     "", ""] + [f"{50 + year % 7}.5"] * len(MAPPED) + ["z"] * len(others))  # noqa: E501  # fmt: skip
        for region in range(9):
            code = f"E1200000{region + 1}"
            rows.append([str(year), "Calendar year", "Regional", "E92000001", "England", code,
                         f"Region {region}", "", "", ""] + [f" {40 + region}.25"] * len(MAPPED)
                        + ["x"] * len(others))  # fmt: skip
        for area in range(150):
            code = f"E10{area:06d}"
            rows.append([str(year), "Calendar year", "Local authority", "E92000001", "England",
                         f"E1200000{area % 9 + 1}", f"Region {area % 9}", code, str(800 + area),
                         f"Area {area}"] + [f"{(area * 7 + year) % 90}.125"] * len(MAPPED)
                        + ["c"] * len(others))  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def bare(path: Path, database: Path) -> float:
    """The csv module reads and converts; sqlite3 stores every area's figures in one
    transaction: the least this import can cost."""
    import sqlite3

    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    connection.execute(
        "CREATE TABLE figure (indicator TEXT, period TEXT, level TEXT, code TEXT, value REAL)"
    )
    connection.commit()
    start = time.perf_counter()
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        at = [header.index(c) for c in MAPPED]
        kept = []
        for row in reader:
            values = []
            for i in at:
                try:
                    values.append(float(row[i]))
                except ValueError:
                    values.append(None)
            kept.append((row[0], row[2], row[7], values))
    with connection:
        connection.executemany(
            "INSERT INTO figure VALUES (?, ?, ?, ?, ?)",
            [(MAPPED[i], p, level, code, v) for p, level, code, vs in kept
             for i, v in enumerate(vs)],
        )  # fmt: skip
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "sen2_mi.csv"
        rows = make_file(source)
        from selfeval.services.demo import create_demo_workspace

        create_demo_workspace(root / "w.selfeval").close()
        ours, theirs = [], []
        with open_workspace(root / "w.selfeval") as workspace:
            set_neighbours(workspace, [f"E10{n:06d}" for n in range(1, 11)])
            for _ in range(args.repeat):
                theirs.append(bare(source, root / "bare.sqlite"))
                start = time.perf_counter()
                plan = plan_statistics(workspace, [source], "E10000000")
                apply_statistics(workspace, plan)
                ours.append(time.perf_counter() - start)
        a, b = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
        print(f"file: {rows:,} rows x 60 columns; {len(plan.values)} values, "
              f"{len(plan.figures):,} published figures")  # fmt: skip
        print(f"bare csv + sqlite3 (read, convert, store): {b:6.0f} ms")
        print(f"selfeval plan + apply into a workspace:  {a:6.0f} ms")
        print(f"ratio {a / b:.2f}x (goal: under 1 s)")


if __name__ == "__main__":
    main()
