"""Merging partner returns: 10 returns of 500 new evidence items each (goal: < 2 s in all).

    .venv/bin/python bench/merge_bench.py [--returns 10] [--items 500] [--repeat 3]

Each return comes from its own partner workspace (a request for two criteria, opened, given
--items new evidence items, one rating and one narrative change, returned). The timed part is
what the lead does: read the package (hashes checked), plan the three-way merge, apply it.
For comparison, in the same run: bare sqlite3 inserting the same evidence and link rows.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.import_bench import AS_NEW
from selfeval.services import contributions
from selfeval.services.contributions import merge  # noqa: E402
from selfeval.services.contributions.package_format import read_package  # noqa: E402
from selfeval.services.demo import create_demo_workspace  # noqa: E402
from selfeval.services.evidence_import import import_evidence  # noqa: E402
from selfeval.services.judgements import set_judgement  # noqa: E402
from selfeval.services.users import CurrentUser  # noqa: E402
from selfeval.store.types import new_id  # noqa: E402

CRITERIA = [["right-help", "needs-identified"], ["participation", "next-steps"]]


def make_returns(folder: Path, lead_path: Path, returns: int, items: int) -> list[Path]:
    from bench.import_bench import make_csv
    from selfeval.services.workspace import open_workspace

    paths = []
    with open_workspace(lead_path, CurrentUser("Lead")) as lead:
        for index in range(returns):
            scope = CRITERIA[index % 2]
            request = folder / f"request-{index}.sefpack"
            contributions.create_request(lead, f"Partner {index}", scope, request)
            partner = contributions.open_request(
                request, folder / f"partner-{index}.selfeval", CurrentUser(f"Partner {index}")
            )
            tracker = folder / f"tracker-{index}.csv"
            make_csv(tracker, items, scope)
            import_evidence(partner, tracker, organisations=AS_NEW)
            set_judgement(partner, scope[0], rating="amber", impact=f"Partner {index} view")
            path = folder / f"return-{index}.sefpack"
            contributions.create_return(partner, path, include_personal_data=True)
            partner.close()
            paths.append(path)
    return paths


def merge_all(lead_path: Path, returns: list[Path]) -> float:
    from selfeval.services.workspace import open_workspace

    with open_workspace(lead_path, CurrentUser("Lead")) as lead:
        start = time.perf_counter()
        for path in returns:
            package = read_package(path)
            merge.apply_merge(lead, package, merge.plan_merge(lead, package))
        return time.perf_counter() - start


def bare(lead_path: Path, returns: list[Path]) -> float:
    """Bare sqlite3 inserting the same evidence rows and links (packages already parsed)."""
    packages = [read_package(p) for p in returns]
    connection = sqlite3.connect(lead_path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    assessment = connection.execute("SELECT id FROM assessment").fetchone()[0]
    start = time.perf_counter()
    with connection:
        for package in packages:
            assert package.content.current is not None
            rows, links = [], []
            for item in package.content.current.evidence:
                evidence_id = new_id()
                rows.append(
                    (
                        evidence_id,
                        item.title,
                        item.description,
                        item.kind,
                        item.link,
                        int(item.personal_data),
                        "x",
                        "2026-01-01 00:00:00",
                        "2026-01-01 00:00:00",
                    )
                )
                links.extend((evidence_id, assessment, c, b) for c, b in item.links)
            connection.executemany(
                "INSERT INTO evidence_item (id, title, description, kind, link, personal_data, "
                "created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
                rows,
            )
            connection.executemany("INSERT INTO evidence_link VALUES (?,?,?,?)", links)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description="selfeval merge benchmark")
    parser.add_argument("--returns", type=int, default=10)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SELFEVAL_HOME"] = tmp
        folder = Path(tmp)
        template = folder / "lead.selfeval"
        create_demo_workspace(template, CurrentUser("Lead")).close()
        returns = make_returns(folder, template, args.returns, args.items)
        ours, baseline = [], []
        for run in range(args.repeat):
            lead = folder / f"lead-{run}.selfeval"
            shutil.copyfile(template, lead)
            ours.append(merge_all(lead, returns))
            other = folder / f"bare-{run}.selfeval"
            shutil.copyfile(template, other)
            baseline.append(bare(other, returns))
    o, b = statistics.median(ours), statistics.median(baseline)
    total = args.returns * args.items
    print(
        f"{args.returns} returns x {args.items} new evidence items ({total:,}); {args.repeat} runs"
    )
    print(f"selfeval read + plan + apply, all returns: {o * 1000:7.0f} ms (goal < 2,000 ms)")
    print(f"bare sqlite3 inserting the same rows:      {b * 1000:7.0f} ms  (ratio {o / b:.1f}x)")


if __name__ == "__main__":
    main()
