"""One measure of bench/scale_bench.py, run in a process of its own (so its peak memory is its own).

    python -m bench.scale_measures MEASURE WORKSPACE FOLDER

Prints `RESULT {"seconds": ..., "peak_mb": ...}`. The request/open/return/merge measures are a
chain through FOLDER: a request for every criterion, the partner opening it, the partner rating
one criterion and returning (no files changed), the lead merging that return.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.peak_memory import peak_mb
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace

PARTNER = CurrentUser("Amara Okafor", "Anyshire ICB")


def measure(name: str, path: Path, folder: Path) -> float:
    from selfeval.services.workspace import open_workspace

    if name == "import":
        return _import(path, folder)
    if name == "import-floor":
        from bench.import_bench import run_plain_tables

        return run_plain_tables(folder, path.parent / "tracker.csv", time.time_ns())
    if name == "open":
        from selfeval.services.contributions import open_request

        start = time.perf_counter()
        open_request(folder / "request.sefpack", folder / "partner.selfeval", PARTNER).close()
        return time.perf_counter() - start
    if name == "return":
        from selfeval.services.contributions import create_return
        from selfeval.services.judgements import set_judgement

        with open_workspace(folder / "partner.selfeval", PARTNER) as partner:
            set_judgement(partner, "right-help", rating="amber", rationale="From the ICB.")
            start = time.perf_counter()
            create_return(partner, folder / "return.sefpack")
            return time.perf_counter() - start
    with open_workspace(path) as workspace:
        start = time.perf_counter()
        if name == "status":
            from selfeval.services.readiness import readiness

            readiness(workspace)
        elif name == "dump":
            from selfeval.services.dump import write_dump

            with (folder / "dump.json").open("w", encoding="utf-8") as handle:
                write_dump(workspace, handle)
        elif name == "pdf-floor":
            from bench.pdf_floor import build_plain, plain_texts
            from selfeval.pack.builders.pack_builder import build_pack
            from selfeval.pack.documents.pack import compose_pack
            from selfeval.pack.model import PackOptions

            texts = plain_texts(compose_pack(build_pack(workspace, PackOptions())))
            start = time.perf_counter()  # the floor: reportlab's work only
            build_plain(texts, folder / "floor.pdf")
        elif name in ("pdf", "xlsx", "docx"):
            from selfeval.pack.builders.export import export_pack
            from selfeval.pack.model import PackOptions

            export_pack(workspace, name, folder / f"pack.{name}", PackOptions())
        elif name == "pdf-untagged":
            untagged_pack(workspace, folder / "untagged.pdf")
        elif name == "request":
            from selfeval.services.contributions import create_request

            criteria = [c.id for c in workspace.framework.criteria]
            create_request(workspace, "Anyshire ICB", criteria, folder / "request.sefpack")
        elif name == "merge":
            from selfeval.services.contributions import merge
            from selfeval.services.contributions.package_format import read_package

            with read_package(folder / "return.sefpack") as package:
                merge.apply_merge(workspace, package, merge.plan_merge(workspace, package))
        else:
            raise SystemExit(f"no measure '{name}'")
        return time.perf_counter() - start


def untagged_pack(workspace: Workspace, out: Path) -> None:
    """The same pack drawn on reportlab's own canvas, which records no structure: what tagging
    costs is `pdf` against this, in the same run (issue 28)."""
    from reportlab.pdfgen.canvas import Canvas

    from selfeval.pack import pdf_doc
    from selfeval.pack.builders.export import export_pack
    from selfeval.pack.model import PackOptions

    def plain(*args: object, tags: object, **kwargs: object) -> Canvas:
        return Canvas(*args, **kwargs)

    pdf_doc.TaggingCanvas = plain  # type: ignore[assignment,misc]
    pdf_doc.prepare_structure = lambda *_args: None  # type: ignore[assignment]
    export_pack(workspace, "pdf", out, PackOptions())


def _import(path: Path, folder: Path) -> float:
    from bench.import_bench import AS_NEW, fresh_workspace
    from selfeval.services.evidence_import import import_evidence
    from selfeval.services.workspace import open_workspace

    target = fresh_workspace(folder, f"import-{time.time_ns()}")
    with open_workspace(target) as workspace:
        start = time.perf_counter()
        import_evidence(workspace, path.parent / "tracker.csv", organisations=AS_NEW)
        took = time.perf_counter() - start
    target.unlink()
    return took


def main() -> None:
    name, path, folder = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    seconds = measure(name, path, folder)
    print("RESULT " + json.dumps({"seconds": seconds, "peak_mb": peak_mb()}), flush=True)


if __name__ == "__main__":
    main()
