"""Importing a Word self-evaluation of about 50 pages (goal: preview and import under 3 s, under
200 MB).

    .venv/bin/python bench/sef_bench.py [--paragraphs 30] [--repeat 3]

The document is tests/sef_documents.section_per_criterion with --paragraphs paragraphs of about
65 words under each criterion's "how we know" (30 gives about 20,000 words, 50 pages), with
the partnership's sub-headings, lists, ratings and a picture. Timed: the preview (read, check,
plan) and the import (plan, decide, write in one transaction) into a copy of the demo
workspace. For comparison, in the same run: python-docx alone opening the same file and reading
every paragraph's text (the floor: no check, no matching, no writing). Peak memory is measured
in a fresh process (bench/peak_memory.py).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from selfeval.services.demo import create_demo_workspace  # noqa: E402
from selfeval.services.sef_import.importing import apply_sef, decide_all, plan_sef  # noqa: E402
from selfeval.services.workspace import open_workspace  # noqa: E402
from tests.sef_documents import every_text, section_per_criterion  # noqa: E402


def bare(path: Path) -> float:
    from docx import Document

    start = time.perf_counter()
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [c.text for row in table.rows for c in row.cells]
    assert texts
    return time.perf_counter() - start


def preview(demo: Path, path: Path) -> float:
    with open_workspace(demo) as workspace:
        start = time.perf_counter()
        plan_sef(workspace, path)
        return time.perf_counter() - start


def imported(demo: Path, path: Path, folder: Path) -> float:
    target = folder / "target.selfeval"
    shutil.copy(demo, target)
    with open_workspace(target) as workspace:
        start = time.perf_counter()
        plan = plan_sef(workspace, path)
        apply_sef(workspace, plan, decide_all(plan, "notes"), make_evidence=True)
        took = time.perf_counter() - start
    target.unlink()
    return took


PEAK = """
import sys, shutil
sys.path.insert(0, {root!r})
from pathlib import Path
from bench.peak_memory import peak_mb
from selfeval.services.sef_import.importing import apply_sef, decide_all, plan_sef
from selfeval.services.workspace import open_workspace
shutil.copy({demo!r}, {target!r})
with open_workspace(Path({target!r})) as workspace:
    plan = plan_sef(workspace, Path({path!r}))
    apply_sef(workspace, plan, decide_all(plan, "notes"), make_evidence=True)
print(peak_mb())
"""


def peak(demo: Path, path: Path, folder: Path) -> float:
    root = str(Path(__file__).resolve().parent.parent)
    code = PEAK.format(
        root=root, demo=str(demo), target=str(folder / "peak.selfeval"), path=str(path)
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        demo = folder / "demo.selfeval"
        create_demo_workspace(demo).close()
        path = section_per_criterion(folder / "sef.docx", paragraphs=args.paragraphs)
        words = sum(len(t.split()) for t in every_text(path))
        floors = [bare(path) for _ in range(args.repeat)]
        previews = [preview(demo, path) for _ in range(args.repeat)]
        imports = [imported(demo, path, folder) for _ in range(args.repeat)]
        memory = peak(demo, path, folder)
        size = path.stat().st_size
    floor, shown, written = (statistics.median(x) for x in (floors, previews, imports))
    print(f"Word SEF: {words:,} words (about {words // 400} pages), {size:,} bytes")
    print(f"  python-docx reading every paragraph:     {floor:.3f} s  (the floor)")
    print(f"  preview (check, read, plan):             {shown:.3f} s  ({shown / floor:.1f}x)")
    print(f"  import (plan, decide, write, evidence):  {written:.3f} s  ({written / floor:.1f}x)")
    print(f"  peak memory of an import, own process:   {memory:.0f} MB")


if __name__ == "__main__":
    main()
