"""The evidence table model and its filters, tested without a window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from selfeval.services.evidence import AttachmentView, EvidenceView
from selfeval.ui.widgets.evidence_model import EvidenceFilter, EvidenceTableModel

ROWS = [
    EvidenceView(
        "a",
        "EHCP audit Q2",
        "quality of plans",
        "audit",
        "Council",
        date(2026, 10, 1),
        "",
        False,
        (("needs-identified", ""),),
    ),
    EvidenceView(
        "b",
        "Parent survey",
        "PCF annual survey",
        "survey",
        "PCF",
        date(2024, 6, 1),
        "",
        False,
        (("participation", ""),),
    ),
    EvidenceView(
        "c",
        "Case study: Child A",
        "",
        "case-study",
        "School",
        None,
        "",
        True,
        (("right-help", "right-help.3"),),
        (AttachmentView("f", "a.pdf", 10, "0" * 64),),
    ),
]


def make() -> tuple[EvidenceTableModel, EvidenceFilter]:
    model = EvidenceTableModel({"needs-identified": 1, "participation": 2, "right-help": 3})
    model.set_rows(ROWS)
    proxy = EvidenceFilter(today=date(2026, 11, 23))
    proxy.setSourceModel(model)
    return model, proxy


def titles(proxy: EvidenceFilter) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_cells_show_words_not_codes() -> None:
    model, _ = make()
    row = [model.index(2, c).data() for c in range(model.columnCount())]
    assert row == ["Case study: Child A", "Case study", "School", "", "3", "Yes", "1"]
    assert model.index(0, 3).data() == "01/10/2026"


def test_criteria_are_listed_in_number_order() -> None:
    model, _ = make()
    linked_late = EvidenceView(
        "d", "Joint plan", "", "audit", "", None, "", False,
        (("right-help", ""), ("needs-identified", "")),
    )  # fmt: skip
    model.set_rows([linked_late])
    assert model.index(0, 4).data() == "1, 3"


def test_each_filter_and_their_combination() -> None:
    _, proxy = make()
    proxy.set_filters(text="SURVEY")
    assert titles(proxy) == ["Parent survey"]
    proxy.set_filters(text="", kind="audit")
    assert titles(proxy) == ["EHCP audit Q2"]
    proxy.set_filters(kind="", organisation="School")
    assert titles(proxy) == ["Case study: Child A"]
    proxy.set_filters(organisation="", criterion="right-help")
    assert titles(proxy) == ["Case study: Child A"]
    proxy.set_filters(criterion="", stale_only=True)
    assert titles(proxy) == ["Parent survey"]
    proxy.set_filters(stale_only=False, personal_only=True)
    assert titles(proxy) == ["Case study: Child A"]
    proxy.set_filters(personal_only=False, text="plans")  # descriptions are searched too
    assert titles(proxy) == ["EHCP audit Q2"]


def test_sorting_happens_in_the_model() -> None:
    model, proxy = make()
    proxy.sort(3, Qt.SortOrder.DescendingOrder)
    assert titles(proxy) == ["EHCP audit Q2", "Parent survey", "Case study: Child A"]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert titles(proxy) == ["Case study: Child A", "EHCP audit Q2", "Parent survey"]
    proxy.set_filters(text="a")
    assert titles(proxy) == ["Case study: Child A", "EHCP audit Q2", "Parent survey"]
    model.set_rows(list(reversed(ROWS)))  # a refresh keeps the chosen order
    assert titles(proxy)[0] == "Case study: Child A"
