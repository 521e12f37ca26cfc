"""Counts that agree in number ("1 change", "2 changes"), for every face and document.

Imports nothing of ours, so any layer may use it.
"""


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """'1 evidence item', '3 evidence items'; `plural` when adding an s is wrong."""
    if count == 1:
        return f"1 {singular}"
    return f"{count:,} {plural or singular + 's'}"
