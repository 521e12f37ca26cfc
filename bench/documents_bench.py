"""The documents on the pipeline (summary for parents, brief, progress report) against bare
reportlab laying out the same text as plain paragraphs, in the same run.

    .venv/bin/python bench/documents_bench.py [--repeat 5]

"selfeval" is the whole export: the builder reading the workspace, the composition into blocks,
the PDF back-end (two passes, page furniture, outline), the guarded atomic write. "Bare" is
SimpleDocTemplate building each block's text as a plain Paragraph once, in the same embedded
font (DejaVu Sans). Medians of interleaved
runs on the Anyshire demo.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from selfeval.pack.blocks import Bullets, Document, Heading, KeyValues, Para, Table  # noqa: E402
from selfeval.pack.builders.brief_builder import build_brief, export_brief  # noqa: E402
from selfeval.pack.builders.parents_builder import build_parents, export_parents  # noqa: E402
from selfeval.pack.documents.brief import compose_brief  # noqa: E402
from selfeval.pack.documents.parents import compose_parents  # noqa: E402
from selfeval.pack.pdf_style import styles  # noqa: E402
from selfeval.services.demo import create_demo_workspace  # noqa: E402
from selfeval.services.workspace import open_workspace  # noqa: E402


def texts(document: Document) -> list[str]:
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading | Para):
            out.append(block.text)
        elif isinstance(block, Bullets):
            out += list(block.items)
        elif isinstance(block, Table):
            out += [" ".join(str(c) for c in row) for row in block.rows]
        elif isinstance(block, KeyValues):
            out += [f"{k} {v}" for k, v in block.rows]
    return out


def bare(document: Document, path: Path) -> None:
    """One pass, our embedded font, no page furniture: the least this text costs as a PDF."""
    style = styles()["body"]
    SimpleDocTemplate(str(path)).build([Paragraph(escape(t), style) for t in texts(document)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        create_demo_workspace(root / "demo.selfeval").close()
        with open_workspace(root / "demo.selfeval") as workspace:
            cases = {
                "summary for parents": (
                    lambda w, p: export_parents(w, p),
                    lambda w: compose_parents(build_parents(w)),
                ),
                "engagement brief": (
                    lambda w, p: export_brief(w, p),
                    lambda w: compose_brief(build_brief(w)),
                ),
            }
            for name, (export, compose) in cases.items():
                ours, theirs = [], []
                document = compose(workspace)
                for run in range(args.repeat):
                    target = root / f"{run}.pdf"
                    start = time.perf_counter()
                    export(workspace, target)
                    ours.append(time.perf_counter() - start)
                    target.unlink()
                    start = time.perf_counter()
                    bare(document, target)
                    theirs.append(time.perf_counter() - start)
                    target.unlink()
                a, b = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
                print(f"{name}: selfeval {a:.0f} ms, bare reportlab {b:.0f} ms, ratio {a / b:.2f}x")


if __name__ == "__main__":
    main()
