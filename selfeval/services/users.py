"""Who is making changes: recorded in the change history against every edit."""

from __future__ import annotations

import getpass
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from selfeval.locations import settings_file

_WITH_ORGANISATION = re.compile(r"^\s*(?P<name>.*?)\s*\((?P<organisation>[^()]*)\)\s*$")


@dataclass(frozen=True)
class CurrentUser:
    name: str
    organisation: str = ""

    @classmethod
    def parse(cls, text: str) -> CurrentUser:
        """'Jo Bloggs (Anyshire ICB)' gives a name and an organisation; plain text a name."""
        from selfeval.services.plain_names import plain_name

        match = _WITH_ORGANISATION.match(text)
        if match and match["name"]:
            return cls(
                plain_name(match["name"], "the user name"),
                plain_name(match["organisation"], "the user's organisation", required=False),
            )
        return cls(plain_name(text, "the user name"))

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


def _os_account() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no account name (some containers)
        return "unknown user"


def load_saved_user(path: Path | None = None) -> CurrentUser | None:
    path = path or settings_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        user = data["user"]
        return CurrentUser(str(user["name"]), str(user.get("organisation", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_user(user: CurrentUser, path: Path | None = None) -> None:
    path = path or settings_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data["user"] = {"name": user.name, "organisation": user.organisation}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(data, indent=2), encoding="utf-8")
    partial.replace(path)


def current_user(explicit: str | None = None) -> CurrentUser:
    """--user, else SELFEVAL_USER, else the saved setting, else the operating-system account."""
    if explicit:
        return CurrentUser.parse(explicit)
    from_env = os.environ.get("SELFEVAL_USER", "").strip()
    if from_env:
        return CurrentUser.parse(from_env)
    return load_saved_user() or CurrentUser(_os_account())
