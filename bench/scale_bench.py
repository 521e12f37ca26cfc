"""How selfeval grows with a county's library: time and peak memory of each measure at several
library sizes, the bare floor beside it where there is one, and the growth exponent between the
two largest sizes (issue 16).

    .venv/bin/python bench/scale_bench.py [--sizes 1000,5000,20000,50000]
        [--measures import,import-floor,status,dump,xlsx,request,open,return,merge]
        [--attachments-gb 0]

For each size: the Anyshire demo plus that many generated evidence items (each linked to two
criteria, as bench/ui_bench.py makes them) and, with --attachments-gb, that many gigabytes of
attachments (50 MB files that cost the disk nothing until stored: a label, then a hole).
Each measure runs in a fresh process (bench/scale_measures.py), so its peak resident memory is
its own. Measures: `import` (the size's tracker into a fresh workspace; floor `import-floor`,
plain csv + executemany into plain tables), `status`, `dump`, `xlsx`, `docx`, `pdf` (floor
`pdf-floor`: the same text as plain reportlab paragraphs; `pdf-untagged`: the same pack on
reportlab's own canvas, recording no structure, for what tagging costs), `request` (every
criterion), `open`,
`return` (one rating changed, no files), `merge`, and `ui` (first paint against a bare PySide6
window, the worst rating click and the worst search keystroke, from bench/ui_bench.py). The
growth exponent between sizes a < b is log(t_b / t_a) / log(b / a): 1.0 is linear.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MB = 1024 * 1024
Cell = dict[str, float]


def run(path: Path, measure: str, folder: Path) -> Cell:
    done = subprocess.run(
        [sys.executable, "-m", "bench.scale_measures", measure, str(path), str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{measure} failed:\n{done.stderr[-3000:]}")
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    result: Cell = json.loads(line.removeprefix("RESULT "))
    return result


def run_ui(path: Path) -> dict[str, Cell]:
    from bench.ui_bench import BARE, OURS, timed

    bare, _ = timed(BARE)
    marks, result = timed(OURS, str(path))
    peak = float(result["rss_mb"])  # type: ignore[arg-type]
    return {
        "ui: first paint": {"seconds": marks["READY"], "peak_mb": peak},
        "ui: first paint floor (bare window)": {"seconds": bare["READY"], "peak_mb": 0.0},
        "ui: rating click, worst": {"seconds": max(result["edits"]), "peak_mb": peak},  # type: ignore[type-var]
        "ui: search keystroke, worst": {"seconds": max(result["timings"]), "peak_mb": peak},  # type: ignore[type-var]
    }


def add_attachments(path: Path, folder: Path, gigabytes: float) -> None:
    from selfeval.services.attachments import MAX_ATTACHMENT_BYTES, add_attachment
    from selfeval.services.evidence import EvidenceInput, add_evidence
    from selfeval.services.workspace import open_workspace

    files = math.ceil(gigabytes * 1024 * MB / MAX_ATTACHMENT_BYTES)
    scratch = folder / "scan.pdf"
    with open_workspace(path) as workspace:
        for number in range(files):
            item = add_evidence(
                workspace, EvidenceInput(title=f"Case file scan {number}"), ["right-help"]
            )
            with scratch.open("wb") as handle:
                handle.write(f"scan {number}".encode())
                handle.truncate(MAX_ATTACHMENT_BYTES)
            add_attachment(workspace, item, scratch)
    scratch.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,5000,20000,50000")
    parser.add_argument(
        "--measures", default="import,import-floor,status,dump,xlsx,request,open,return,merge"
    )
    parser.add_argument("--attachments-gb", type=float, default=0.0)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    measures = [m.strip() for m in args.measures.split(",") if m.strip()]
    table: dict[str, dict[int, Cell]] = {}
    with tempfile.TemporaryDirectory() as home:
        os.environ["SELFEVAL_HOME"] = home
        from bench.ui_bench import make_workspace

        for size in sizes:
            folder = Path(home) / str(size)
            folder.mkdir()
            path = make_workspace(folder, size)
            if args.attachments_gb:
                add_attachments(path, folder, args.attachments_gb)
            for measure in measures:
                if measure == "ui":
                    for row, cell in run_ui(path).items():
                        table.setdefault(row, {})[size] = cell
                else:
                    table.setdefault(measure, {})[size] = run(path, measure, folder)
            for leftover in folder.glob("*.sefpack"):
                leftover.unlink()
    extra = f", {args.attachments_gb:g} GB of attachments" if args.attachments_gb else ""
    print(f"evidence items (plus the demo's){extra}")
    print("| measure | " + " | ".join(f"{s:,}" for s in sizes) + " | exponent |")
    print("| --- | " + " | ".join("---" for _ in sizes) + " | --- |")
    for measure, cells in table.items():
        shown = [
            f"{cells[s]['seconds']:.2f} s, {cells[s]['peak_mb']:.0f} MB"
            if cells[s]["peak_mb"]
            else f"{cells[s]['seconds']:.2f} s"
            for s in sizes
        ]
        a, b = sizes[-2:] if len(sizes) > 1 else (sizes[0], sizes[0])
        ta, tb = cells[a]["seconds"], cells[b]["seconds"]
        exponent = math.log(tb / ta) / math.log(b / a) if b != a and ta > 0 else float("nan")
        print(f"| {measure} | " + " | ".join(shown) + f" | {exponent:.2f} |")


if __name__ == "__main__":
    main()
