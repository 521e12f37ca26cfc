"""The framework library as the faces see it: bundled files plus the partnership's own."""

from __future__ import annotations

from pathlib import Path

from selfeval.framework.library import FrameworkLibrary
from selfeval.locations import bundled_criteria_dir, user_frameworks_dir

DEFAULT_FRAMEWORK = "area-send-2023"


def framework_library(extra: list[Path] | None = None) -> FrameworkLibrary:
    """`extra`: files not (yet) in a folder, read first (checking a file before adding it)."""
    return FrameworkLibrary([bundled_criteria_dir(), user_frameworks_dir()], extra)
