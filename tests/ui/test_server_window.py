"""A shared workspace in the app: the connect dialog's address, and a window on the server."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from selfeval.errors import InputError
from selfeval.store.postgres_server import without_password
from selfeval.ui.dialogs.server_dialog import ServerDialog, server_url
from selfeval.ui.window.recent_files import recent_workspaces, remember_workspace
from tests.server_fixtures import ThrowAwayServer
from tests.ui.conftest import when_dialog_opens


def test_the_address_is_built_and_the_password_never_remembered() -> None:
    url = server_url("db.anyshire.example", 5432, "selfeval", "jo.bloggs", "p@ss w:rd", True)
    assert url == (
        "postgresql://jo.bloggs:p%40ss%20w%3Ard@db.anyshire.example:5432/selfeval?sslmode=require"
    )
    assert without_password(url) == (
        "postgresql://jo.bloggs@db.anyshire.example:5432/selfeval?sslmode=require"
    )
    assert server_url("/run/postgresql", 5432, "selfeval", "jo", "", False) == (
        "postgresql://jo@/selfeval?host=/run/postgresql"
    )
    with pytest.raises(InputError, match="Login: must be given"):
        server_url("db", 5432, "selfeval", " ", "", True)
    remember_workspace(url)
    assert recent_workspaces()[0] == without_password(url)  # listed, without the secret


def test_tls_stays_required_for_another_computer(qtbot: QtBot) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("db.anyshire.example")
    assert dialog.tls.isChecked() and not dialog.tls.isEnabled()
    dialog.host.setText("localhost")
    assert dialog.tls.isEnabled()


def test_a_window_opens_on_a_server_workspace(
    qtbot: QtBot, pg_server: ThrowAwayServer, open_window
) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services.demo import create_demo_workspace

    url = pg_server.new_database()
    create_demo_workspace(url).close()
    window = open_window(url)
    from urllib.parse import urlsplit

    database = urlsplit(url).path.lstrip("/")
    assert window.windowTitle().startswith(f"{database} on /")  # no login, no password
    assert window.progress.text() == "11 of 11 criteria rated"
    window.navigate("criterion", "participation")
    window.criterion_page.rating.buttons["amber"].click()
    from selfeval.services.judgements import get_judgement

    assert get_judgement(window.workspace, "participation").rating == "amber"
    seen: list[str] = []

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, ServerDialog)
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_dialog_opens(qtbot, cancel)
    window.controller.open_shared()
    assert seen == ["Open a shared workspace"]


def test_two_people_on_one_server_see_each_other_within_a_second(
    qtbot: QtBot, pg_server: ThrowAwayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from selfeval.app import build_main_window
    from selfeval.services.demo import create_demo_workspace
    from tests.ui.test_workbench import rating_word

    url = pg_server.new_database()
    create_demo_workspace(url).close()
    windows = []
    for person in ("Helen Whitfield (Anyshire County Council)", "Dr Amara Okafor (ICB)"):
        monkeypatch.setenv("SELFEVAL_USER", person)
        window = build_main_window(url)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
    helen, amara = windows
    assert rating_word(amara, "participation") == "Green"
    helen.navigate("criterion", "participation")
    began = time.monotonic()
    helen.criterion_page.rating.buttons["amber"].click()
    qtbot.waitUntil(lambda: rating_word(amara, "participation") == "Amber", timeout=3_000)
    assert time.monotonic() - began < 1.5
    assert amara.status.saved_state.text().startswith("Helen Whitfield changed criterion 2")
    assert not helen.status.saved_state.text().startswith("Helen")  # not told of its own change
    for window in windows:
        window.close()
