"""An indicator's latest figure in one line, beside only the comparators it is like (a count is
never set against another area's total): what the Priorities page shows for each measure."""

from __future__ import annotations

from selfeval.services.improvement.indicators import (
    NOT_COMPARED,
    how_we_compare,
    indicator_library,
    latest_values,
)
from selfeval.services.workspace import Workspace

VERDICT_WORDS = {"better": "we are better", "worse": "we are worse", "same": "the same"}


def _figure(value: float, unit: str) -> str:
    said = f"{value:,.1f}".removesuffix(".0")
    return f"{said}%" if unit == "%" else f"{said} {unit}".strip()


def headline_figures(workspace: Workspace, indicator_ids: tuple[str, ...]) -> list[str]:
    """Each indicator's name and latest figure with its period, and each like-for-like
    comparator with how the area stands against it; the name alone when it has no figure."""
    library = indicator_library()
    latest = {row.indicator_id: row for row in latest_values(workspace)}
    lines = []
    for indicator_id in indicator_ids:
        indicator = library.get(indicator_id)
        name = indicator.name if indicator else indicator_id
        row = latest.get(indicator_id)
        if indicator is None or row is None or row.area is None:
            lines.append(f"{name}: no figure yet")
            continue
        said = f"{name}: {_figure(row.area, indicator.unit)} ({row.period})"
        compared = [
            f"{c.comparator} {_figure(c.value, indicator.unit)}"
            + (f", {VERDICT_WORDS[c.verdict]}" if c.verdict in VERDICT_WORDS else "")
            for c in how_we_compare(row)
            if c.value is not None and c.verdict != NOT_COMPARED
        ]
        lines.append(said + ("; " + "; ".join(compared) if compared else ""))
    return lines
