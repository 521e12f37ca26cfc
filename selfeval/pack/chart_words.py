"""A chart's figures in words: what a screen reader says for a chart in the PDF (its
alternative text), the same figures the Word document gives in its tables."""

from __future__ import annotations

from selfeval.pack.blocks import HeatMap, RatingsChart, TrendChart
from selfeval.pack.model import IndicatorLine
from selfeval.pack.text import figure


def chart_title(indicator: IndicatorLine) -> str:
    """The indicator's name, and the series break when the chart spans one (in words)."""
    title = indicator.name[:90]
    if indicator.series_break and any(p < indicator.series_break for p, _ in indicator.trend):
        title += f" (new series from {indicator.series_break}: earlier years not comparable)"
    return title


def chart_words(block: RatingsChart | TrendChart | HeatMap) -> str:
    if isinstance(block, RatingsChart):
        return _ratings_words(block)
    if isinstance(block, TrendChart):
        return _trend_words(block.indicator)
    return _heat_words(block)


def _ratings_words(block: RatingsChart) -> str:
    groups = [
        f"{group.title}: "
        + ", ".join(f"{group.counts.get(level.id, 0)} {level.label}" for level in block.scale)
        for group in block.groups
    ]
    return "Chart of criteria by rating in each group. " + "; ".join(groups) + "."


def _trend_words(indicator: IndicatorLine) -> str:
    periods = [period for period, _ in indicator.trend]
    lines = [_series("Our area", periods, [v for _, v in indicator.trend], indicator.unit)]
    lines += [
        _series(name, periods, list(values), indicator.unit)
        for name, values in indicator.comparator_trends
        if any(v is not None for v in values)
    ]
    better = f" ({indicator.better})" if indicator.better else ""
    return f"Chart of {chart_title(indicator)}{better}. " + "; ".join(lines) + "."


def _series(name: str, periods: list[str], values: list[float | None], unit: str) -> str:
    pairs = zip(periods, values, strict=False)
    return f"{name}: " + ", ".join(f"{period} {figure(value, unit)}" for period, value in pairs)


def _heat_words(block: HeatMap) -> str:
    if not block.risks:
        return "Risk heat map of impact against likelihood: no risks recorded."
    risks = [
        f"{risk.title}: impact {risk.impact}, likelihood {risk.likelihood}, "
        f"score {risk.score} ({risk.rating})"
        for risk in block.risks
    ]
    return "Risk heat map of impact against likelihood. " + "; ".join(risks) + "."
