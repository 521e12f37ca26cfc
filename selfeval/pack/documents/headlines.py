"""The pack's "Context: the latest published figures": each published indicator's latest figure
beside its comparators (like with like), how it moved, and the publications named once."""

from __future__ import annotations

from selfeval.pack.blocks import Block, CellText, Heading, PageBreak, Para, Table
from selfeval.pack.model import IndicatorLine, Pack
from selfeval.pack.text import figure


def direction(line: IndicatorLine) -> str:
    """How the area's figure moved since the period before: words, never a judgement."""
    known = [(p, v) for p, v in line.trend if v is not None]
    if len(known) < 2:
        return "-"
    (before_period, before), (_now_period, now) = known[-2], known[-1]
    if abs(now - before) < 1e-9:
        return f"the same as {before_period}"
    word = "up" if now > before else "down"
    return f"{word} from {figure(before, line.unit)} ({before_period})"


def sources_line(lines: list[IndicatorLine]) -> str:
    """Every publication a table draws on, named once (a table of ten SEN2 rows says SEN2 once)."""
    named = list(dict.fromkeys(line.source for line in lines))
    return ("Source: " if len(named) == 1 else "Sources: ") + "; ".join(named) + "."


def headlines(pack: Pack) -> list[Block]:
    """Context headlines: each published indicator's latest figure beside its comparators."""
    published = [line for line in pack.indicators if line.source] if pack.headlines else []
    if not published:
        return []
    rows = []
    for line in published:
        comparators = {name: value for name, value, _verdict in line.comparators}
        notes = []
        if any(verdict == "not compared" for _n, _v, verdict in line.comparators):
            notes.append("a count: the others' totals are context, not a comparison")
        if line.series_break and any(p < line.series_break for p, _v in line.trend):
            notes.append(f"a new series from {line.series_break}: earlier years are not comparable")
        note = "; ".join(notes).capitalize()
        rows.append(
            (
                CellText(line.name, (), note),
                line.period,
                figure(line.area, line.unit) if line.area is not None else "not published",
                figure(comparators.get("Statistical neighbours"), line.unit),
                figure(comparators.get("Region"), line.unit),
                figure(comparators.get("England"), line.unit),
                direction(line),
            )
        )
    return [
        Heading("Context: the latest published figures", 1, key="context"),
        Para(
            "Each indicator's latest figure as published, beside the mean of our statistical "
            "neighbours, the region and England, and how it moved since the year before. "
            "Prevalence and demand are context, not a judgement."
        ),
        Table(
            ("Indicator", "Period", "Area", "Neighbours", "Region", "England", "Since"),
            tuple(rows),
            (44, 17, 17, 26, 18, 19, 29),
        ),
        Para(sources_line(published), "muted"),
        PageBreak(),
    ]
