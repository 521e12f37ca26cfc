"""Opening a workspace with gigabytes of attachments: the quick check on open against the full
check, and against reading the file once (the floor of any check that reads every page).

    .venv/bin/python bench/open_bench.py [--megabytes 500] [--repeat 3]

The workspace: the Anyshire demo plus --megabytes of attachments (random bytes, 5 MB a file).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["SELFEVAL_HOME"] = home
        from selfeval.services.attachments import add_attachment_bytes
        from selfeval.services.demo import create_demo_workspace
        from selfeval.services.evidence import list_evidence
        from selfeval.store.workspace_file import inspect_workspace

        path = Path(home) / "big.selfeval"
        with create_demo_workspace(path) as workspace:
            items = list_evidence(workspace)
            for n in range(args.megabytes // 5):
                data = os.urandom(5 * 1024 * 1024)
                add_attachment_bytes(workspace, items[n % len(items)].id, f"scan-{n}.pdf", data)
        timings: dict[str, list[float]] = {"quick": [], "full": [], "read": []}
        for _ in range(args.repeat):
            for name in timings:
                start = time.perf_counter()
                if name == "read":
                    with path.open("rb") as handle:
                        while handle.read(1 << 20):
                            pass
                else:
                    inspect_workspace(path, full=name == "full")
                timings[name].append(time.perf_counter() - start)
        size = path.stat().st_size / 2**20
        print(f"workspace: {size:,.0f} MB; medians of {args.repeat}")
        for name, label in (
            ("quick", "quick check on open (all but the files' bytes)"),
            ("full", "full check (every page)"),
            ("read", "reading the file once, bare"),
        ):
            print(f"{label:<50} {statistics.median(timings[name]) * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
