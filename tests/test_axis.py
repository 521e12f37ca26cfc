"""Chart axes in round steps, the same in the app and the documents (issue 24)."""

from __future__ import annotations

import math

import pytest

from selfeval.axis import round_axis


@pytest.mark.parametrize(
    ("highest", "labels"),
    [
        (76.25, ["0", "20", "40", "60", "80", "100"]),
        (114_482, ["0", "25,000", "50,000", "75,000", "100,000", "125,000"]),
        (0.96, ["0.00", "0.25", "0.50", "0.75", "1.00", "1.25"]),
        (2.2, ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"]),
        (690, ["0", "200", "400", "600", "800"]),
    ],
)
def test_round_steps_with_readable_labels(highest: float, labels: list[str]) -> None:
    axis = round_axis(highest)
    assert [axis.label(t) for t in axis.ticks] == labels


def test_every_figure_fits_under_a_round_top_in_at_most_five_steps() -> None:
    for highest in [0.0, 0.003, 0.5, 1, 3, 7.7, 19, 87.7, 99.9, 100, 101, 999, 12_345, 9e6]:
        axis = round_axis(highest)
        assert axis.top >= highest and len(axis.ticks) <= 6
        mantissa = axis.step / 10 ** math.floor(math.log10(axis.step))
        assert round(mantissa, 6) in (1.0, 2.0, 2.5, 5.0)


def test_a_charts_title_fits_its_width_and_its_axis_is_round() -> None:
    from reportlab.graphics.shapes import String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from selfeval.pack.model import IndicatorLine
    from selfeval.pack.pdf_chart import trend_chart

    line = IndicatorLine(
        "% of EHC plans issued within 20 weeks (excluding exceptions), a long name",
        "%",
        "higher is better",
        "2024",
        62.25,
        (),
        None,
        (("2019", 40.0), ("2023", 58.0), ("2024", 62.25)),
        (("England", (None, 46.0, 49.25)),),
        series_break="2023",
    )
    drawing = trend_chart(line)
    titles = [s for s in drawing.contents if isinstance(s, String)]
    assert len(titles) >= 2  # the series-break note wrapped onto a second line, not cut off
    assert all(stringWidth(s.text, s.fontName, s.fontSize) <= drawing.width for s in titles)
    chart = next(c for c in drawing.contents if hasattr(c, "valueAxis"))
    assert (chart.valueAxis.valueMax, chart.valueAxis.valueStep) == (80, 20)
