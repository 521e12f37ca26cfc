"""Type one period's figures for an indicator: the area and its three comparators.

Choosing an indicator and a period that already have figures fills them in, so the same dialog
adds a period and corrects one; blanks are "no figure". A refusal (a figure that is not a
number) is said beside the form, which stays open with everything as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from selfeval.errors import InputError
from selfeval.services.improvement.indicator_figures import FIGURE_FIELDS
from selfeval.services.improvement.indicators import (
    COMPARATORS,
    ValueRow,
    indicator_library,
    read_figure,
)
from selfeval.ui.dialogs.checked_dialog import CheckedDialog

LABELS = {"area": "Our area", **COMPARATORS}


def _typed(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class IndicatorFiguresDialog(CheckedDialog):
    def __init__(
        self,
        lookup: Callable[[str, str], ValueRow | None],
        start: ValueRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lookup = lookup
        self.setWindowTitle("Indicator figures")
        self.setAccessibleName("Indicator figures")
        self.indicator = QComboBox()
        self.indicator.setAccessibleName("Indicator")
        for indicator in indicator_library().values():
            self.indicator.addItem(f"{indicator.name} ({indicator.unit})", indicator.id)
        self.period = QLineEdit()
        self.period.setAccessibleName("Period")
        self.period.setPlaceholderText("e.g. 2024 or 2024/25 or Q3 2025")
        self.period.setMaxLength(40)
        self.fields = {name: QLineEdit() for name in FIGURE_FIELDS}
        form = QFormLayout(self)
        form.addRow("&Indicator:", self.indicator)
        form.addRow("&Period:", self.period)
        for name, field in self.fields.items():
            field.setAccessibleName(LABELS[name])
            field.setPlaceholderText("blank: no figure")
            form.addRow(f"{LABELS[name]}:", field)
        self.finish_form(form)
        for field in self.fields.values():
            field.textChanged.connect(lambda _text: self.error.hide())
        if start is not None:
            self.indicator.setCurrentIndex(max(0, self.indicator.findData(start.indicator_id)))
            self.period.setText(start.period)
            self._fill(start)
        self.indicator.currentIndexChanged.connect(lambda _index: self._existing())
        self.period.editingFinished.connect(self._existing)
        self.result_figures: ValueRow | None = None

    def _fill(self, row: ValueRow) -> None:
        for name, field in self.fields.items():
            field.setText(_typed(getattr(row, name)))

    def _existing(self) -> None:
        """Show what is stored for this indicator and period, unless something was typed."""
        if any(field.text().strip() for field in self.fields.values()):
            return
        found = self.lookup(str(self.indicator.currentData()), self.period.text())
        if found is not None:
            self._fill(found)

    def figures(self) -> ValueRow:
        values = {
            name: read_figure(field.text(), LABELS[name]) for name, field in self.fields.items()
        }
        if not self.period.text().strip():
            raise InputError("Period: give the year or quarter these figures are for")
        return ValueRow(
            str(self.indicator.currentData()),
            self.period.text().strip(),
            values["area"],
            values["statistical_neighbours"],
            values["region"],
            values["england"],
        )

    def check(self) -> None:
        self.result_figures = self.figures()
