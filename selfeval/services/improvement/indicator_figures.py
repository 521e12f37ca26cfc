"""Indicator figures typed by hand: one period of one indicator, added, corrected or removed.

Most areas have a handful of local figures that no published file carries (a local survey,
the parent carer forum's own count), and a typo in an imported one should not need a new CSV.
Each change returns what was there before so the window's undo can put it back exactly.
"""

from __future__ import annotations

import math

from sqlalchemy import select
from sqlalchemy.orm import Session

from selfeval.errors import InputError
from selfeval.services.history import record_change
from selfeval.services.improvement.indicators import (
    COMPARATORS,
    LARGEST,
    ValueRow,
    indicator_library,
)
from selfeval.services.workspace import Workspace
from selfeval.store.models_plan import IndicatorValue

FIGURE_FIELDS = ("area", *COMPARATORS)


def _row(session: Session, indicator_id: str, period: str) -> IndicatorValue | None:
    return session.scalars(
        select(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator_id, IndicatorValue.period == period
        )
    ).first()


def _view(row: IndicatorValue) -> ValueRow:
    return ValueRow(
        row.indicator_id,
        row.period,
        row.area,
        row.statistical_neighbours,
        row.region,
        row.england,
        row.source,
    )


def _checked(indicator_id: str, period: str) -> str:
    if indicator_id not in indicator_library():
        raise InputError(f"unknown indicator '{indicator_id}'")
    period = period.strip()
    if not period or len(period) > 40:
        raise InputError("period: must be given (up to 40 characters), e.g. 2024 or Q3 2025")
    return period


def figures_for(workspace: Workspace, indicator_id: str, period: str) -> ValueRow | None:
    with workspace.transaction(read_only=True) as session:
        row = _row(session, indicator_id, period.strip())
        return _view(row) if row else None


def set_figures(workspace: Workspace, figures: ValueRow) -> ValueRow | None:
    """Store one period's figures (a blank is no figure); returns what was there before."""
    period = _checked(figures.indicator_id, figures.period)
    for field in FIGURE_FIELDS:
        value = getattr(figures, field)
        if value is not None and (not math.isfinite(value) or abs(value) > LARGEST):
            raise InputError(f"{field}: {value} is not a usable number")
    with workspace.transaction() as session:
        row = _row(session, figures.indicator_id, period)
        before = _view(row) if row else None
        if row is None:
            row = IndicatorValue(indicator_id=figures.indicator_id, period=period)
            session.add(row)
        for field in FIGURE_FIELDS:
            old, new = getattr(row, field), getattr(figures, field)
            if old != new or before is None:
                record_change(
                    session,
                    workspace.user,
                    "indicator",
                    f"{figures.indicator_id}:{period}"[:80],
                    field,
                    None if old is None else str(old),
                    None if new is None else str(new),
                )
                setattr(row, field, new)
        # A figure typed over a published one is no longer the publication's: the source
        # line goes (an undo puts the published figures, and their source, back).
        changed = before is None or any(
            getattr(before, f) != getattr(figures, f) for f in FIGURE_FIELDS
        )
        if figures.source:
            row.source = figures.source
        elif changed:
            row.source = ""
        return before


def remove_figures(workspace: Workspace, indicator_id: str, period: str) -> ValueRow:
    period = _checked(indicator_id, period)
    with workspace.transaction() as session:
        row = _row(session, indicator_id, period)
        if row is None:
            raise InputError(f"there are no figures for {indicator_id} in {period}")
        before = _view(row)
        record_change(
            session,
            workspace.user,
            "indicator",
            f"{indicator_id}:{period}"[:80],
            "deleted",
            period,
            None,
        )
        session.delete(row)
        return before


def put_back(workspace: Workspace, indicator_id: str, period: str, before: ValueRow | None) -> None:
    """Undo: the period as it was, or gone again if it did not exist."""
    if before is None:
        remove_figures(workspace, indicator_id, period)
    else:
        set_figures(workspace, before)
