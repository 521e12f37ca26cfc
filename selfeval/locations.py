"""Where selfeval keeps things, frozen or not, installed or portable.

``SELFEVAL_HOME`` overrides every per-user folder at once: tests point it at a temporary folder
and a portable install points it beside the program.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "selfeval"
WORKSPACE_SUFFIX = ".selfeval"


def resource_path(*parts: str) -> Path:
    """A file shipped inside the package (`resources/`, `criteria/`): found through
    importlib.resources, so a wheel, an editable install, the Linux folder and the Windows
    folder (PyInstaller keeps package data beside the package) all find the same files."""
    from importlib.resources import files

    return Path(str(files("selfeval"))).joinpath(*parts)


def bundled_criteria_dir() -> Path:
    return resource_path("criteria")


def home() -> Path:
    override = os.environ.get("SELFEVAL_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_frameworks_dir() -> Path:
    return home() / "frameworks"


def backups_dir() -> Path:
    return home() / "backups"


def settings_file() -> Path:
    return home() / "settings.json"


def default_workspace() -> Path:
    return home() / f"Anyshire demo{WORKSPACE_SUFFIX}"
