"""A partner's copy offers only what their return carries back (issue 23): the pages and boxes
whose work would be typed and never arrive are not shown; the lead's copy shows them all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from selfeval.services import contributions
from selfeval.services.record_fields import JUDGEMENT
from selfeval.services.record_fields import Path as RecordPath
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace
from selfeval.ui.pages.criterion_page import FAMILY_TEXT_FIELDS, TEXT_FIELDS
from selfeval.ui.widgets.criteria_tree import PAGES
from selfeval.ui.window.main_window import MainWindow
from tests.conftest import TEST_USER


def _shown_pages(window: MainWindow) -> set[str]:
    return {
        page_id
        for _title, page_id, _table in PAGES
        if not window.tree.isRowHidden(
            window.tree_model.index_of("page", page_id).row(), window.tree.rootIndex()
        )
    }


def test_every_box_of_a_criterion_page_comes_back_in_a_return() -> None:
    assert set(TEXT_FIELDS) | set(FAMILY_TEXT_FIELDS) <= set(JUDGEMENT.carried(RecordPath.RETURN))


def test_a_partners_window_shows_only_what_comes_back(
    demo_path: Path, tmp_path: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    request = tmp_path / "request.sefpack"
    with open_workspace(demo_path, TEST_USER) as lead:
        contributions.create_request(lead, "Forum", ["right-help"], request)
    contributions.open_request(
        request, tmp_path / "partner.selfeval", CurrentUser("Lisa Wynne", "Forum")
    ).close()
    partner = open_window(tmp_path / "partner.selfeval")
    assert _shown_pages(partner) == {"evidence", "mywork"}
    partner.navigate("criterion", "right-help")
    assert partner.criterion_page.actions_panel.parentWidget().isHidden()
    assert not partner.criterion_page.texts["rationale"].isHidden()

    lead_window = open_window(demo_path)
    assert _shown_pages(lead_window) == {page_id for _t, page_id, _table in PAGES}
    lead_window.navigate("criterion", "right-help")
    assert not lead_window.criterion_page.actions_panel.parentWidget().isHidden()
