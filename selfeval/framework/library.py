"""The set of framework files selfeval knows: the bundled ones plus the partnership's own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfeval.errors import InputError
from selfeval.framework.loader import FrameworkError, load_framework
from selfeval.framework.model import Framework


@dataclass(frozen=True)
class LibraryEntry:
    path: Path
    framework: Framework


class FrameworkLibrary:
    """Framework files found in some folders, first folder winning on an id clash.

    A broken file does not hide the good ones: its problems are kept in ``problems`` so the
    faces can show them, and ``frameworks validate`` explains them line by line.
    """

    def __init__(self, folders: list[Path]) -> None:
        self.entries: dict[str, LibraryEntry] = {}
        self.problems: list[str] = []
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
                try:
                    framework = load_framework(path)
                except FrameworkError as err:
                    self.problems.extend(err.problems)
                    continue
                self.entries.setdefault(framework.id, LibraryEntry(path, framework))

    def ids(self) -> list[str]:
        return list(self.entries)

    def get(self, framework_id: str) -> Framework:
        try:
            return self.entries[framework_id].framework
        except KeyError:
            known = ", ".join(self.entries) or "none"
            raise InputError(f"no framework with id '{framework_id}' (known: {known})") from None
