"""How selfeval grows with a county's library: time and peak memory of each measure at several
library sizes, and the growth exponent between the two largest.

    .venv/bin/python bench/scale_bench.py [--sizes 1000,5000,20000,50000]
        [--measures status,dump,xlsx]

For each size: the Anyshire demo plus that many generated evidence items (each linked to
criteria, as bench/ui_bench.py makes them). Each measure runs in a fresh process, so its peak
resident memory is its own. The growth exponent between sizes a < b is log(t_b / t_a) /
log(b / a): 1.0 is linear. Measures: `status` (readiness, as `selfeval status` reads it),
`dump` (the whole workspace as JSON to a file), `xlsx` and `pdf` (the pack; the PDF is slow at
the largest sizes: ask for it by name). The first slice of issue 16; the rest of its table
(search, merge, first paint, a rating click) is measured by ui_bench.py and merge_bench.py.
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

MEASURE = """
import json, sys, time
from bench.peak_memory import peak_mb
from pathlib import Path
from selfeval.services.workspace import open_workspace
path, measure, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
with open_workspace(path) as workspace:
    start = time.perf_counter()
    if measure == "status":
        from selfeval.services.readiness import readiness
        readiness(workspace)
    elif measure == "pdf-floor":
        from bench.pdf_floor import build_plain, plain_texts
        from selfeval.pack.builders.pack_builder import build_pack
        from selfeval.pack.documents.pack import compose_pack
        from selfeval.pack.model import PackOptions
        texts = plain_texts(compose_pack(build_pack(workspace, PackOptions())))
        start = time.perf_counter()  # the floor: reportlab's work only
        build_plain(texts, out)
    elif measure == "dump":
        from selfeval.services.dump import write_dump
        with out.open("w", encoding="utf-8") as handle:
            write_dump(workspace, handle)
    else:
        from selfeval.pack.builders.export import export_pack
        from selfeval.pack.model import PackOptions
        export_pack(workspace, measure, out, PackOptions())
    took = time.perf_counter() - start
print("RESULT " + json.dumps({"seconds": took,
      "peak_mb": peak_mb()}), flush=True)
"""


def run(path: Path, measure: str, folder: Path) -> dict[str, float]:
    suffix = {"xlsx": "xlsx", "pdf": "pdf", "pdf-floor": "pdf"}.get(measure, "json")
    out = folder / f"out-{measure}.{suffix}"
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), measure, str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    result: dict[str, float] = json.loads(line.removeprefix("RESULT "))
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,5000,20000,50000")
    parser.add_argument("--measures", default="status,dump,xlsx")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    measures = [m.strip() for m in args.measures.split(",") if m.strip()]
    table: dict[str, dict[int, dict[str, float]]] = {m: {} for m in measures}
    with tempfile.TemporaryDirectory() as home:
        os.environ["SELFEVAL_HOME"] = home
        from bench.ui_bench import make_workspace

        for size in sizes:
            folder = Path(home) / str(size)
            folder.mkdir()
            path = make_workspace(folder, size)
            for measure in measures:
                table[measure][size] = run(path, measure, folder)
    print("| measure | " + " | ".join(f"{s:,}" for s in sizes) + " | exponent |")
    print("| --- | " + " | ".join("---" for _ in sizes) + " | --- |")
    for measure in measures:
        cells = [
            f"{table[measure][s]['seconds']:.2f} s, {table[measure][s]['peak_mb']:.0f} MB"
            for s in sizes
        ]
        a, b = sizes[-2:] if len(sizes) > 1 else (sizes[0], sizes[0])
        ta, tb = table[measure][a]["seconds"], table[measure][b]["seconds"]
        exponent = math.log(tb / ta) / math.log(b / a) if b != a and ta > 0 else float("nan")
        print(f"| {measure} | " + " | ".join(cells) + f" | {exponent:.2f} |")


if __name__ == "__main__":
    main()
