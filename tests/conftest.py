"""Shared fixtures: a fresh home folder and real workspace files on disk for every test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, create_workspace, open_workspace

TEST_USER = CurrentUser("Test Lead", "Testshire Council")
FIXTURES = Path(__file__).parent / "fixtures"
pytest_plugins = ["tests.server_fixtures"]


def pytest_configure(config: pytest.Config) -> None:
    # Qt aborts without a display unless this is set before any QApplication exists.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings, backups and logs go to a fresh folder: no test sees another's, or the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SELFEVAL_HOME", str(home))
    monkeypatch.delenv("SELFEVAL_USER", raising=False)
    return home


class MemoryKeyring:
    """The tests never touch this computer's real keyring: each test gets an empty one here.
    (The operating system's keyring is outside selfeval, like the disk: this stands in for it.)"""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}
        self.works = True


@pytest.fixture(autouse=True)
def keyring_for_tests() -> Iterator[MemoryKeyring]:
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import NoKeyringError, PasswordDeleteError

    memory = MemoryKeyring()

    class Backend(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            if not memory.works:
                raise NoKeyringError("No recommended backend was available")
            return memory.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            if not memory.works:
                raise NoKeyringError("No recommended backend was available")
            memory.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if memory.kept.pop((service, username), None) is None:
                raise PasswordDeleteError("not kept")

    previous = keyring.get_keyring()
    keyring.set_keyring(Backend())
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture
def framework():  # type: ignore[no-untyped-def]
    from selfeval.services.frameworks import framework_library

    return framework_library().get("area-send-2023")


@pytest.fixture
def store_kind(request: pytest.FixtureRequest) -> str:
    """A workspace file, or a database on the test PostgreSQL server ("server") in modules
    that set `ON_BOTH_STORES = True`: their tests run on both."""
    return str(getattr(request, "param", "file"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if getattr(metafunc.module, "ON_BOTH_STORES", False) and "store_kind" in (
        metafunc.fixturenames
    ):
        metafunc.parametrize("store_kind", ["file", "server"], indirect=True)


@pytest.fixture
def workspace(tmp_path: Path, framework, store_kind: str, request) -> Iterator[Workspace]:  # type: ignore[no-untyped-def]
    address: str | Path = tmp_path / "test.selfeval"
    if store_kind == "server":
        address = request.getfixturevalue("pg_server").new_database()
    ws = create_workspace(address, "Testshire", framework, TEST_USER)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    from selfeval.services.demo import create_demo_workspace

    path = tmp_path_factory.mktemp("demo") / "demo.selfeval"
    create_demo_workspace(path, CurrentUser("Demo", "Anyshire"), today=date(2026, 11, 23)).close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo workspace (built once per run: it takes half a second)."""
    target = tmp_path / "anyshire.selfeval"
    shutil.copyfile(demo_template, target)
    return target


@pytest.fixture
def demo(demo_path: Path, store_kind: str, request) -> Iterator[Workspace]:  # type: ignore[no-untyped-def]
    address: str | Path = demo_path
    if store_kind == "server":
        from datetime import date

        from selfeval.services.demo import create_demo_workspace

        server = request.getfixturevalue("pg_server")
        template = server.template(
            "demo_template",
            lambda url: create_demo_workspace(
                url, CurrentUser("Demo", "Anyshire"), today=date(2026, 11, 23)
            ).close(),
        )
        address = server.new_database(template)
    ws = open_workspace(address, TEST_USER)
    yield ws
    ws.close()
