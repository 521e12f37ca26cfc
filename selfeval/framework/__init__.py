"""Framework files: the evaluation criteria as validated data.

This package imports nothing else of selfeval's (bar the shared error base) so that every other
layer can depend on it. The loader (and with it PyYAML) is imported only when a file is read:
opening a workspace needs only the models.
"""

from selfeval.framework.model import (
    Bullet,
    Criterion,
    Framework,
    Group,
    Outcome,
    RatingLevel,
    RatingScale,
)

__all__ = ["Bullet", "Criterion", "Framework", "Group", "Outcome", "RatingLevel", "RatingScale"]
