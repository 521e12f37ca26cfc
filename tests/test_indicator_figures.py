"""Indicator figures typed by hand: added, corrected, removed, and put back exactly."""

from __future__ import annotations

import pytest

from selfeval.errors import InputError
from selfeval.services.history import history
from selfeval.services.improvement.indicator_figures import (
    figures_for,
    put_back,
    remove_figures,
    set_figures,
)
from selfeval.services.improvement.indicators import (
    ValueRow,
    indicator_values,
    latest_values,
    read_figure,
)
from selfeval.services.workspace import Workspace

ON_BOTH_STORES = True  # every test with a workspace runs on a file and on a server


@pytest.mark.parametrize(
    ("typed", "value"),
    [("12.5", 12.5), (" 12.5% ", 12.5), ("1,204", 1204.0), ("", None), ("  ", None), ("-3", -3.0)],
)
def test_figures_are_read_as_typed_and_blank_is_no_figure(typed: str, value: float | None) -> None:
    assert read_figure(typed, "Our area") == value


@pytest.mark.parametrize("typed", ["twelve", "12..5", "nan", "inf", "1e400", "1e13", "0x10"])
def test_what_is_not_a_usable_number_is_refused_by_name(typed: str) -> None:
    with pytest.raises(InputError, match=r"^England: '.*' is not a (usable )?number$"):
        read_figure(typed, "England")


def test_a_new_period_is_added_corrected_and_undone(demo: Workspace) -> None:
    new = ValueRow("ehcp-20-weeks", "2031", 61.0, None, 55.5, 50.3)
    assert set_figures(demo, new) is None
    assert figures_for(demo, "ehcp-20-weeks", " 2031 ") == new
    assert next(r for r in latest_values(demo) if r.indicator_id == "ehcp-20-weeks") == new
    corrected = ValueRow("ehcp-20-weeks", "2031", 16.0, 48.0, 55.5, 50.3)
    assert set_figures(demo, corrected) == new
    fields = {c.field for c in history(demo) if c.entity == "indicator" and "2031" in c.entity_id}
    assert {"area", "statistical_neighbours"} <= fields
    put_back(demo, "ehcp-20-weeks", "2031", new)
    assert figures_for(demo, "ehcp-20-weeks", "2031") == new
    put_back(demo, "ehcp-20-weeks", "2031", None)  # undo of the first add: gone again
    assert figures_for(demo, "ehcp-20-weeks", "2031") is None


def test_an_imported_period_is_removed_and_restored(demo: Workspace) -> None:
    row = indicator_values(demo)[0]
    assert remove_figures(demo, row.indicator_id, row.period) == row
    assert figures_for(demo, row.indicator_id, row.period) is None
    with pytest.raises(InputError, match="there are no figures for"):
        remove_figures(demo, row.indicator_id, row.period)
    set_figures(demo, row)
    assert figures_for(demo, row.indicator_id, row.period) == row


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (ValueRow("no-such-indicator", "2024", 1.0, None, None, None), "unknown indicator"),
        (ValueRow("ehcp-20-weeks", "  ", 1.0, None, None, None), "period: must be given"),
        (ValueRow("ehcp-20-weeks", "x" * 41, 1.0, None, None, None), "period: must be given"),
        (ValueRow("ehcp-20-weeks", "2024", float("nan"), None, None, None), "not a usable"),
    ],
)
def test_bad_figures_change_nothing(demo: Workspace, row: ValueRow, message: str) -> None:
    before = indicator_values(demo)
    with pytest.raises(InputError, match=message):
        set_figures(demo, row)
    assert indicator_values(demo) == before
