"""PDF pack export against bare reportlab rendering the same paragraphs and tables, same run.

    .venv/bin/python bench/pack_bench.py [--items 1000] [--actions 200] [--repeat 5]

The workspace: the Anyshire demo plus --items generated evidence items (all linked, all
included) and --actions actions. "Bare" is reportlab's SimpleDocTemplate building, once, the same
text as plain full-width paragraphs (`bench/pdf_floor.py`: no tables, no contents page numbers,
no "page N of M", no bookmarks): the least any PDF of this text costs. "selfeval" is the full
export: building the pack model from the workspace, laying it out, header/footer, outline,
written atomically. Medians of interleaved runs; goal: <= 1.5x and < 5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.import_bench import make_csv  # noqa: E402
from bench.pdf_floor import build_plain, plain_texts  # noqa: E402
from selfeval.pack.builders.export import export_pack  # noqa: E402
from selfeval.pack.builders.pack_builder import build_pack  # noqa: E402
from selfeval.pack.documents.pack import compose_pack  # noqa: E402
from selfeval.pack.model import PackOptions  # noqa: E402
from selfeval.services.workspace import Workspace  # noqa: E402


def make_workspace(folder: Path, items: int, actions: int) -> Path:
    from bench.import_bench import AS_NEW
    from selfeval.services.demo import create_demo_workspace
    from selfeval.services.evidence_import import import_evidence
    from selfeval.store.models_plan import Action

    path = folder / "bench.selfeval"
    tracker = folder / "tracker.csv"
    with create_demo_workspace(path) as workspace:
        criteria = [c.id for c in workspace.framework.criteria]
        make_csv(tracker, items, criteria)
        import_evidence(workspace, tracker, organisations=AS_NEW)
        with workspace.transaction() as session:
            session.add_all(
                Action(
                    assessment_id=workspace.assessment_id,
                    title=f"Action {i}: improve timeliness of annual reviews",
                    due_date=date(2026, 1, 1) + timedelta(days=i),
                )
                for i in range(actions)
            )
    return path


def bare_reportlab(workspace: Workspace, out: Path) -> float:
    pack = build_pack(workspace, PackOptions(include_personal_data=True))
    texts = plain_texts(compose_pack(pack))
    start = time.perf_counter()
    build_plain(texts, out)
    return time.perf_counter() - start


def ours(workspace: Workspace, out: Path) -> float:
    start = time.perf_counter()
    export_pack(workspace, "pdf", out, PackOptions(include_personal_data=True))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description="selfeval PDF pack benchmark")
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from selfeval.services.workspace import open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SELFEVAL_HOME"] = tmp
        folder = Path(tmp)
        path = make_workspace(folder, args.items, args.actions)
        with open_workspace(path) as workspace:
            bare, full = [], []
            for i in range(args.repeat):
                bare.append(bare_reportlab(workspace, folder / f"bare-{i}.pdf"))
                full.append(ours(workspace, folder / f"ours-{i}.pdf"))
            pages = len(__import__("pypdf").PdfReader(folder / "ours-0.pdf").pages)
            evidence = len(build_pack(workspace, PackOptions(include_personal_data=True)).evidence)
    b, o = statistics.median(bare), statistics.median(full)
    print(f"pack: {evidence} evidence items in the index, {pages} pages; {args.repeat} runs")
    print(f"bare reportlab, the same text as plain paragraphs: {b * 1000:7.0f} ms")
    print(f"selfeval export pdf (model, layout, outline):    {o * 1000:7.0f} ms")
    print(f"ratio: {o / b:.2f}x (goal <= 1.5x and < 5 s)")


if __name__ == "__main__":
    main()
