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

    try:
        return handler(args)
    except PasswordNeeded:
        field = next((f for f in ("url", "workspace") if "://" in str(getattr(args, f, ""))), "")
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
