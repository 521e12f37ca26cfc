"""The set of framework files selfeval knows: the bundled ones plus the partnership's own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfeval.errors import InputError
from selfeval.framework.crosswalk import problems_against, supersession_cycles
from selfeval.framework.loader import FrameworkError, read_framework
from selfeval.framework.model import Framework
from selfeval.framework.yaml_lines import Path_, line_for


@dataclass(frozen=True)
class LibraryEntry:
    path: Path
    framework: Framework


class FrameworkLibrary:
    """Framework files found in some folders, first folder winning on an id clash.

    A broken file does not hide the good ones: its problems are kept in ``problems`` so the
    faces can show them, and ``frameworks validate`` explains them line by line.
    """

    def __init__(self, folders: list[Path], extra: list[Path] | None = None) -> None:
        """`extra`: files read before the folders, so they win on an id clash (``frameworks
        validate`` checks a new edition against the library as it would be with it)."""
        self.entries: dict[str, LibraryEntry] = {}
        self.problems: list[str] = []
        lines: dict[str, dict[Path_, int]] = {}
        paths = [
            path
            for folder in folders
            if folder.is_dir()
            for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        ]
        for path in [*(extra or []), *paths]:
            try:
                framework, where = read_framework(path)
            except FrameworkError as err:
                self.problems.extend(err.problems)
                continue
            except Exception as err:  # one broken file never breaks the library
                self.problems.append(
                    f"{path}: cannot be read as a framework ({type(err).__name__})"
                )
                continue
            if framework.id not in self.entries:
                self.entries[framework.id] = LibraryEntry(path, framework)
                lines[framework.id] = where
        self._check_crosswalks(lines)

    def _check_crosswalks(self, lines: dict[str, dict[Path_, int]]) -> None:
        """A new edition is checked against the one it supersedes; one that does not fit is
        left out (with its problems), like any other broken file."""
        broken: dict[str, list[str]] = {}
        for framework_id, entry in self.entries.items():
            new, where = entry.framework, lines[framework_id]
            if new.supersedes is None:
                continue
            old = self.entries.get(new.supersedes)
            if old is None:
                known = ", ".join(i for i in self.entries if i != framework_id) or "none"
                broken[framework_id] = [
                    f"{entry.path}:{line_for(('supersedes',), where)}: supersedes: "
                    f"'{new.supersedes}' is not a framework selfeval knows (known: {known})"
                ]
                continue
            found = problems_against(new, old.framework, where, str(entry.path))
            if found:
                broken[framework_id] = found
        chains = {i: e.framework.supersedes for i, e in self.entries.items()}
        for cycle in supersession_cycles({k: v for k, v in chains.items() if v}):
            for framework_id in cycle:
                entry = self.entries[framework_id]
                broken.setdefault(framework_id, []).append(
                    f"{entry.path}:{line_for(('supersedes',), lines[framework_id])}: "
                    f"supersedes: editions supersede each other in a circle "
                    f"({' -> '.join([*cycle, cycle[0]])})"
                )
        for framework_id, found in broken.items():
            self.problems.extend(found)
            del self.entries[framework_id]

    def ids(self) -> list[str]:
        return list(self.entries)

    def path_of(self, framework_id: str) -> Path | None:
        entry = self.entries.get(framework_id)
        return entry.path if entry is not None else None

    def get(self, framework_id: str) -> Framework:
        try:
            return self.entries[framework_id].framework
        except KeyError:
            known = ", ".join(self.entries) or "none"
            raise InputError(f"no framework with id '{framework_id}' (known: {known})") from None
