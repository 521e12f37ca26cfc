"""A server's password never shows: not in a message, a log, the recent list or a warning, in
any form an address can carry it; one given on the command line is warned about."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.fault_log import PasswordsHidden
from selfeval.store.passwords_hidden import hide_passwords, without_password
from tests.server_fixtures import ThrowAwayServer

SECRET = "s3cr3t"
ADDRESSES = [
    f"postgresql://amara:{SECRET}@db.example/selfeval",
    f"postgresql://amara:{SECRET}@x@db.example/selfeval",  # an unencoded @
    f"postgresql://amara:{SECRET}#x@db.example/selfeval",  # an unencoded #
    f"postgresql://amara:{SECRET}/x@db.example/selfeval?sslmode=require",
    f"postgresql://amara@db.example/selfeval?password={SECRET}",
    f"postgresql://amara@db.example/selfeval?sslmode=require&PASSWORD={SECRET}&x=1",
    f"postgres://amara:{SECRET}@/selfeval?host=/nowhere/at/all",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_no_form_of_address_keeps_its_password(address: str) -> None:
    shown = without_password(address)
    assert SECRET not in shown
    assert shown.startswith(address.split("://")[0] + "://amara")
    assert SECRET not in hide_passwords(f"cannot reach {address}: refused")
    assert SECRET not in str(InputError(f"'{address}': is not a valid server address"))


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_command_line_warns_and_never_echoes(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["server", "who", address]) == 2
    err = capsys.readouterr().err
    assert SECRET not in err
    assert "can be seen by others on this computer" in err


def test_a_log_line_and_its_traceback_hide_passwords() -> None:
    try:
        raise RuntimeError(f"connection to {ADDRESSES[1]} failed")
    except RuntimeError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", None, None)
        import sys

        record.exc_info = sys.exc_info()
    assert SECRET not in PasswordsHidden().format(record)


def test_a_password_file_opens_the_server_and_shows_no_warning(
    pg_server: ThrowAwayServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_server.new_database()
    assert main(["server", "init", url, "--area", "Anyshire"]) == 0
    owner = pg_server.login_with_password(url, "pw_filed_owner", SECRET)
    assert main(["server", "who", owner]) == 2  # no password anywhere: asked for, in words
    assert "password" in capsys.readouterr().err
    secret = tmp_path / "password.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    assert main(["--password-file", str(secret), "server", "who", owner]) == 0
    captured = capsys.readouterr()
    assert "can be seen" not in captured.err and SECRET not in captured.out + captured.err
    folder = tmp_path / "folder"
    folder.mkdir()
    assert main(["--password-file", str(folder), "server", "who", owner]) == 2
    assert "is a folder, not a file" in capsys.readouterr().err
