"""Framework files: the evaluation criteria as validated data.

This package imports nothing else of selfeval's (bar the shared error base) so that every other
layer can depend on it.
"""

from selfeval.framework.loader import FrameworkError, load_framework, parse_framework
from selfeval.framework.model import (
    Bullet,
    Criterion,
    Framework,
    Group,
    Outcome,
    RatingLevel,
    RatingScale,
)

__all__ = [
    "Bullet",
    "Criterion",
    "Framework",
    "FrameworkError",
    "Group",
    "Outcome",
    "RatingLevel",
    "RatingScale",
    "load_framework",
    "parse_framework",
]
