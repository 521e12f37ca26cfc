"""A shared workspace in the app: the connect dialog's address, and a window on the server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from selfeval.errors import InputError
from selfeval.store.addresses import server_url
from selfeval.store.passwords_hidden import without_password
from selfeval.ui.dialogs.server_dialog import ServerDialog
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


def test_a_lost_connection_shows_a_banner_keeps_the_typing_and_saves_it_when_back(
    qtbot: QtBot,
    pg_server: ThrowAwayServer,
    open_window,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from selfeval.services.demo import create_demo_workspace
    from selfeval.services.judgements import get_judgement
    from selfeval.ui.widgets.connection_banner import ConnectionBanner

    url = pg_server.new_database()
    create_demo_workspace(url).close()
    window = open_window(url)
    window.navigate("criterion", "participation")
    banner = window.findChild(ConnectionBanner)
    assert banner is not None and banner.isHidden()
    boxes: list[str] = []  # a dialog per pause in typing would be the wrong answer
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: boxes.append(str(args[2])))
    with qtbot.waitSignal(window.watch.lost, timeout=5_000):
        pg_server.cut_off(url)
    assert banner.isVisible()
    assert banner.text.text().startswith(f"Not connected to {window.workspace.name} since")
    editor = window.criterion_page.texts["strengths"]
    editor.setPlainText("Written while the server was away")
    editor.commit()
    assert editor.unsaved and boxes == []
    assert editor.toPlainText() == "Written while the server was away"
    assert window.status.saved_state.text() == (
        "Last change not saved: the server cannot be reached; it is kept on screen"
    )
    pg_server.let_back(url)
    with qtbot.waitSignal(window.watch.back, timeout=10_000):
        qtbot.mouseClick(banner.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Try now
    assert banner.isHidden() and not editor.unsaved and boxes == []
    stored = get_judgement(window.workspace, "participation").strengths
    assert stored == "Written while the server was away"
    assert window.status.saved_state.text().startswith("Connected again at")


def test_a_password_the_server_wants_is_asked_for_and_kept_only_if_ticked(
    qtbot: QtBot,
    pg_server: ThrowAwayServer,
    keyring_for_tests,  # type: ignore[no-untyped-def]
) -> None:
    from selfeval.services.demo import create_demo_workspace
    from selfeval.ui.window.opening import open_workspace_window

    database = pg_server.new_database()
    create_demo_workspace(database).close()
    url = pg_server.login_with_password(database, "pw_jo", "letmein")
    asked: list[str] = []

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ServerDialog)
        asked.append(dialog.problem.text())
        assert dialog.login.text() == "pw_jo" and dialog.focusWidget() is dialog.password
        dialog.password.setText("letmein")
        dialog.keep.setChecked(True)
        dialog.accept()

    when_dialog_opens(qtbot, answer)
    window = open_workspace_window(url)
    assert window is not None and asked and "was not given" in asked[0]
    qtbot.addWidget(window)
    assert list(keyring_for_tests.kept.values()) == ["letmein"]
    assert "letmein" not in " ".join(recent_workspaces())
    window.close()
    again = open_workspace_window(url)  # from the recent list: the keyring answers, no dialog
    assert again is not None and len(asked) == 1
    qtbot.addWidget(again)
    again.close()


def test_a_server_workspace_opens_on_a_task_and_cancel_opens_nothing(
    qtbot: QtBot, pg_server: ThrowAwayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Connecting to a server can take seconds: it happens on a worker while the window system
    is served, behind a progress box whose Cancel leaves no window and no open connection."""
    import threading

    from PySide6.QtWidgets import QApplication, QProgressDialog

    from selfeval.services.demo import create_demo_workspace
    from selfeval.ui.tasks import live_runs
    from selfeval.ui.window import opening

    url = pg_server.new_database()
    create_demo_workspace(url).close()
    real, release, threads = opening._open, threading.Event(), []

    def watched(address: str, assessment: str | None):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        assert release.wait(10)
        return real(address, assessment)

    monkeypatch.setattr(opening, "_open", watched)
    release.set()
    window = opening.open_workspace_window(url)
    assert window is not None and window.progress.text() == "11 of 11 criteria rated"
    assert threads[-1] is not threading.main_thread()

    release.clear()

    def progress_box() -> QProgressDialog | None:
        return next(
            (w for w in QApplication.topLevelWidgets()
             if isinstance(w, QProgressDialog) and w.isVisible()),
            None,
        )  # fmt: skip

    def cancel_when_shown() -> None:
        qtbot.waitUntil(lambda: progress_box() is not None, timeout=5_000)
        box = progress_box()
        assert box is not None and box.accessibleName().startswith("Opening ")
        (cancel,) = [b for b in box.findChildren(QPushButton) if b.text() == "Cancel"]
        cancel.click()
        release.set()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, cancel_when_shown)
    assert opening.open_workspace_window(url, parent=window) is None  # File > Open's way
    qtbot.waitUntil(lambda: not live_runs(), timeout=10_000)
    window.close()
