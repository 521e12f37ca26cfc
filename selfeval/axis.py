"""A chart's value axis in round steps ("0, 25, 50, 75, 100"; "0, 2,500, 5,000"), for the app's
charts and the documents' alike: "87.7, 65.8, 43.8" gridlines read as noise, and a reader
compares a line with the gridline nearest it. Imports nothing of ours, so any layer may use it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MULTIPLES = (1.0, 2.0, 2.5, 5.0, 10.0)
HEADROOM = 1.05
"""The top gridline sits a little above the highest figure, so its marker is not cut off."""


@dataclass(frozen=True)
class Axis:
    top: float
    step: float

    @property
    def ticks(self) -> list[float]:
        count = round(self.top / self.step)
        return [self.step * n for n in range(count + 1)]

    def label(self, value: float) -> str:
        """With thousands separators and only the decimals the step needs (0.25: two)."""
        written = f"{self.step:.10g}"
        decimals = len(written.split(".")[1]) if "." in written else 0
        return f"{value:,.{decimals}f}"


def round_axis(highest: float, most_steps: int = 5) -> Axis:
    """From 0 to a round top above `highest`, in at most `most_steps` round steps."""
    wanted = max(highest, 0.0) * HEADROOM or 1.0
    magnitude = 10 ** math.floor(math.log10(wanted / most_steps))
    step = next(m * magnitude for m in MULTIPLES if m * magnitude * most_steps >= wanted - 1e-12)
    return Axis(math.ceil(wanted / step - 1e-9) * step, step)
