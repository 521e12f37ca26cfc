"""A list of the framework's criteria with a tick box each: used wherever the user picks criteria
(evidence, actions, exports, contribution requests, priorities, voices, case studies)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from selfeval.framework.model import Framework
from selfeval.ui.widgets.tick_list import TickList


class CriteriaChecklist(TickList):
    def __init__(
        self,
        framework: Framework,
        ticked: Iterable[str],
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        rows = ((f"{framework.numbers[c.id]}. {c.title}", c.id) for c in framework.criteria)
        super().__init__(rows, ticked, accessible_name, parent)
