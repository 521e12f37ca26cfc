"""The partner's way in (issue 24): a request opened from the start window or by double-clicking
it (`selfeval FILE.sefpack`), asking who they are and the passphrase before anything is saved;
a wrong passphrase is asked again in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from selfeval.services import contributions
from selfeval.services.users import load_saved_user
from selfeval.services.workspace import open_workspace
from selfeval.ui.dialogs.open_request_dialog import OpenRequestDialog
from tests.conftest import TEST_USER
from tests.ui.conftest import when_dialog_opens

PASSPHRASE = "amber kestrel 42"


def _request(demo_path: Path, folder: Path, passphrase: str | None = None) -> Path:
    request = folder / "Anyshire request.sefpack"
    with open_workspace(demo_path, TEST_USER) as lead:
        contributions.create_request(lead, "Forum", ["right-help"], request, passphrase=passphrase)
    return request


def _window_on(qtbot: QtBot, copy: Path) -> QWidget:
    def found() -> QWidget | None:
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and str(getattr(w, "address", "")) == str(copy):
                return w
        return None

    qtbot.waitUntil(lambda: found() is not None, timeout=10_000)  # the copy is made on a task
    window = found()
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: getattr(window, "attached", False), timeout=10_000)
    return window


def test_a_double_clicked_sealed_request_asks_again_for_a_wrong_passphrase(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    from selfeval.ui.window.opening import launch

    request = _request(demo_path, tmp_path, PASSPHRASE)
    copy = tmp_path / "mine.selfeval"
    seen: list[tuple[bool, str, bool]] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, OpenRequestDialog) and dialog.sealed
        dialog.name.setText("Lisa Wynne")
        dialog.organisation.setText("Anyshire Parent Carer Forum")
        dialog.path.setText(str(copy))
        dialog.passphrase.setText("amber kestrel 24")
        dialog.accept()
        seen.append((dialog.isVisible(), dialog.error.text(), copy.exists()))
        dialog.passphrase.setText(PASSPHRASE)
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    start = launch(request)  # what `selfeval FILE.sefpack` (a double-click) runs
    assert start is not None
    qtbot.addWidget(start)
    window = _window_on(qtbot, copy)
    assert seen == [(True, "Passphrase: it does not open this request; type it again", False)]
    assert str(load_saved_user()) == "Lisa Wynne (Anyshire Parent Carer Forum)"
    with open_workspace(copy, TEST_USER) as mine:
        assert [c.id for c in mine.framework.criteria] == ["right-help"]
    window.close()


def test_the_start_window_opens_a_request(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from selfeval.ui.window.opening import show_start_window

    request = _request(demo_path, tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(request), ""))
    )
    start = show_start_window()
    qtbot.addWidget(start)
    suggested: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, OpenRequestDialog) and not dialog.sealed
        suggested.append(dialog.path.text())
        dialog.name.setText("Dr Sam Patel")
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    start.request_button.click()
    copy = tmp_path / "Anyshire request.selfeval"
    window = _window_on(qtbot, copy)
    assert suggested == [str(copy)]  # beside the request, named after it
    assert not start.isVisible()
    window.close()


def test_the_dialog_refuses_an_empty_name_and_a_copy_over_a_file(
    qtbot: QtBot, demo_path: Path, tmp_path: Path
) -> None:
    request = _request(demo_path, tmp_path)
    from tests.ui.mnemonics import clashes

    fresh = OpenRequestDialog(request)
    fresh.show()
    assert clashes(fresh) == {}
    fresh.close()  # nothing typed: closes without asking
    dialog = OpenRequestDialog(request)
    qtbot.addWidget(dialog)
    dialog.name.setText("  ")
    dialog.accept()
    assert dialog.error.text() == "your name must not be empty"
    dialog.name.setText("Lisa Wynne")
    dialog.path.setText(str(demo_path))
    dialog.accept()
    assert "is there already" in dialog.error.text() and dialog.result() == 0


@pytest.mark.parametrize("kind", ["folder", "fifo", "missing", "not a package", "empty"])
def test_a_request_that_is_not_one_is_said_in_words(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    import os

    from PySide6.QtWidgets import QMessageBox

    from selfeval.ui.window.partner_way_in import open_request_file

    package = tmp_path / "request.sefpack"
    if kind == "folder":
        package.mkdir()
    elif kind == "fifo":
        os.mkfifo(package)
    elif kind == "not a package":
        package.write_bytes(b"PK\x03\x04 not really a zip" * 100)
    elif kind == "empty":
        package.write_bytes(b"")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, m: said.append(m)))
    opened: list[str] = []

    def fill(dialog: QDialog) -> None:  # an unsealed-looking file gets as far as the dialog
        dialog.name.setText("Lisa Wynne")  # type: ignore[attr-defined]
        dialog.path.setText(str(tmp_path / "mine.selfeval"))  # type: ignore[attr-defined]
        dialog.accept()

    parent = QWidget()
    qtbot.addWidget(parent)
    if kind in ("not a package", "empty"):  # read as unsealed: refused when the copy is made
        when_dialog_opens(qtbot, fill)
    open_request_file(parent, package, opened.append)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert opened == [] and not (tmp_path / "mine.selfeval").exists()
    assert "Traceback" not in said[0] and ("request.sefpack" in said[0] or str(package) in said[0])
