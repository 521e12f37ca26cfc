"""Hostile inputs: what refusing them costs, against the bare library reading them.

    .venv/bin/python bench/hostile_bench.py

1. A 600 KB workbook whose shared strings inflate to 600 MB (GUIDE.md §5): selfeval's import
   refuses it; bare openpyxl (read-only mode, as selfeval used it before) opens it and reads the
   first row. Each runs in its own process; time and peak resident memory of each are printed.
2. A good 10,000-row workbook: selfeval's import (zip checks, then openpyxl) against bare openpyxl
   reading every row, to show what the checks cost on honest files.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD_SELFEVAL = """
import sys, time
from pathlib import Path
from selfeval.errors import SelfevalError
from selfeval.services.evidence_import import import_evidence
from selfeval.services.workspace import open_workspace
ws = open_workspace(Path(sys.argv[1]))
start = time.perf_counter()
try:
    result = import_evidence(ws, Path(sys.argv[2]))
    outcome = f"imported {result.imported}"
except SelfevalError as err:
    outcome = "refused: " + str(err).split(": ", 1)[1][:70]
from bench.peak_memory import peak_mb
peak = peak_mb()
print(f"{(time.perf_counter() - start) * 1000:.0f}|{peak:.0f}|{outcome}")
"""

CHILD_OPENPYXL = """
import sys, time
from openpyxl import load_workbook
start = time.perf_counter()
book = load_workbook(sys.argv[2], read_only=True, data_only=True)
rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
from bench.peak_memory import peak_mb
peak = peak_mb()
print(f"{(time.perf_counter() - start) * 1000:.0f}|{peak:.0f}|read {rows} rows")
"""


def run(code: str, workspace: Path, workbook: Path) -> tuple[str, str, str]:
    """(milliseconds, peak resident MB of that process, outcome)."""
    out = subprocess.run(
        [sys.executable, "-c", code, str(workspace), str(workbook)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.strip()
    millis, peak, outcome = out.split("|", 2)
    return millis, peak, outcome


def bomb(folder: Path) -> Path:
    from tests.test_import_bounds import shared_strings_workbook

    good = shared_strings_workbook(
        folder / "good.xlsx", [["EHCP audit", "", "audit", "", "", "", "", ""]]
    )
    target = folder / "bomb.xlsx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != "xl/sharedStrings.xml":
                new.writestr(info.filename, old.read(info.filename))
        with new.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            for _ in range(600):
                member.write(b"<si><t>" + b"A" * 1_000_000 + b"</t></si>")
            member.write(b"</sst>")
    return target


def honest(folder: Path, rows: int = 10_000) -> Path:
    from openpyxl import Workbook

    from tests.test_evidence_import import HEADER

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Evidence")
    sheet.append(HEADER)
    for n in range(rows):
        sheet.append(
            [
                f"Audit {n}",
                "Quarterly audit of plans",
                "audit",
                "Anyshire Council",
                "2026-03-31",
                "right-help",
                "no",
                "",
            ]
        )
    path = folder / "honest.xlsx"
    book.save(path)
    return path


def main() -> None:
    import os

    from selfeval.services.demo import create_demo_workspace

    with tempfile.TemporaryDirectory() as home:
        os.environ["SELFEVAL_HOME"] = home
        folder = Path(home)
        workspace = folder / "lead.selfeval"
        create_demo_workspace(workspace).close()
        honest_book = honest(folder)
        for label, book in (
            ("honest 10,000-row workbook", honest_book),
            ("600 MB shared-strings bomb", bomb(folder)),
        ):
            size = book.stat().st_size
            print(f"{label} ({size:,} bytes on disk)")
            for who, code in (
                ("selfeval import", CHILD_SELFEVAL),
                ("bare openpyxl", CHILD_OPENPYXL),
            ):
                copy = folder / f"{who.split()[0]}-{book.stem}.selfeval"
                copy.write_bytes(workspace.read_bytes())
                millis, peak, outcome = run(code, copy, book)
                print(f"  {who:16} {millis:>6} ms  peak {peak:>5} MB  {outcome}")


if __name__ == "__main__":
    main()
