"""What every command-line verb shares: exit codes and opening the workspace named on the line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selfeval.services.workspace import Workspace

EXIT_OK, EXIT_FAULT, EXIT_BAD_INPUT = 0, 1, 2
MAX_SECRET_FILE = 64 * 1024


def first_line_of(name: str, what: str) -> str:
    """The first line of the file that holds a passphrase or a password (a secret given on the
    command line itself is visible to everyone on the computer, in the process list)."""
    from pathlib import Path

    from selfeval.errors import InputError
    from selfeval.files.faults import os_fault
    from selfeval.files.input_file import open_input

    path = Path(name)
    try:
        with open_input(path, f"the file that holds the {what}") as handle:
            data = handle.read(MAX_SECRET_FILE + 1)
    except OSError as err:
        raise os_fault(path, err) from None
    if len(data) > MAX_SECRET_FILE:
        raise InputError(f"{path}: is too long for a {what} file (the limit is 64 KB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: byte {err.start + 1} is not UTF-8; save the {what} file as UTF-8 text"
        ) from None
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise InputError(f"{path}: the first line should hold the {what}")
    return lines[0].strip()


def _address_field(args: argparse.Namespace) -> str:
    """Which argument of the verb names a shared workspace's server, if any."""
    from selfeval.store.addresses import looks_like_url

    return next((f for f in ("url", "workspace") if looks_like_url(getattr(args, f, ""))), "")


def warn_of_passwords_on_the_line(argv: list[str]) -> None:
    """A password in an address on the command line can be read by anyone on this computer
    (the process list, the shell's history): said, once, on the error stream."""
    from selfeval.store.passwords_hidden import carries_password

    if any(carries_password(arg) for arg in argv):
        print(
            "selfeval: warning: the password in the address can be seen by others on this "
            "computer; use --password-file, PGPASSFILE, PGPASSWORD or the keyring instead",
            file=sys.stderr,
        )


def password_from_file(args: argparse.Namespace) -> None:
    """--password-file: the server's password, put into the address for this run only."""
    name = getattr(args, "password_file_for_server", None)
    field = _address_field(args)
    if not name or not field:
        return
    from selfeval.store.server_passwords import with_password

    password = first_line_of(name, "password")
    setattr(args, field, with_password(str(getattr(args, field)), password))


def open_from_args(args: argparse.Namespace) -> Workspace:
    from selfeval.services.users import current_user
    from selfeval.services.workspace import open_workspace

    # the address as typed: a file path, or a postgresql:// URL (Path() would mangle a URL)
    return open_workspace(
        args.workspace, current_user(args.user), getattr(args, "assessment", None)
    )


def run_asking_password(
    handler: Callable[[argparse.Namespace], int], args: argparse.Namespace
) -> int:
    """Run a verb; when a shared workspace's server wants a password that was not given (none
    in the address, PGPASSWORD or the keyring) and someone is at the keyboard, ask once, then
    run the verb again (nothing was done the first time: the connection was refused)."""
    from selfeval.errors import PasswordNeeded

    password_from_file(args)
    try:
        return handler(args)
    except PasswordNeeded:
        field = _address_field(args)
        if not field or not sys.stdin.isatty():
            raise
    import getpass

    from selfeval.store.server_passwords import keyring_name, with_password

    address = str(getattr(args, field))
    password = getpass.getpass(f"Password for {keyring_name(address)}: ")
    setattr(args, field, with_password(address, password))
    return handler(args)


def option_date(text: str | None, option: str) -> date | None:
    """A date given on the command line (31/01/2027 or 2027-01-31), refused naming its option."""
    from selfeval.errors import InputError
    from selfeval.services.evidence_import import parse_date

    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as err:
        raise InputError(f"{option}: {err}") from None
