"""A partner's copy offers only what their return carries back (issue 23): the pages and boxes
whose work would be typed and never arrive are not shown; the lead's copy shows them all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from selfeval.services import contributions
from selfeval.services.record_fields import JUDGEMENT
from selfeval.services.record_fields import Path as RecordPath
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace
from selfeval.ui.pages.criterion_page import FAMILY_TEXT_FIELDS, OWN_BAR_FIELDS, TEXT_FIELDS
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
    """The page's boxes are the declaration's texts (a bullet's note is on each bullet's row)
    and every one of them comes back in a partner's return."""
    from selfeval.services.judgements import NARRATIVE_FIELDS

    boxes = set(TEXT_FIELDS) | set(FAMILY_TEXT_FIELDS) | set(OWN_BAR_FIELDS)
    assert boxes == set(NARRATIVE_FIELDS) - {"note"}
    assert boxes <= set(JUDGEMENT.carried(RecordPath.RETURN))


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


def test_a_partners_window_offers_their_job_and_their_return_goes_sealed(
    demo_path: Path,
    tmp_path: Path,
    open_window: Callable[[Path], MainWindow],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog, QFileDialog, QToolBar

    from selfeval.services.contributions.package_format import package_is_sealed
    from selfeval.ui.dialogs.request_dialog import ReturnPassphraseDialog
    from selfeval.ui.window import contribution_actions
    from tests.ui.conftest import when_dialog_opens

    request = tmp_path / "request.sefpack"
    with open_workspace(demo_path, TEST_USER) as lead:
        contributions.create_request(lead, "Forum", ["right-help"], request, passphrase="kestrel")
    contributions.open_request(
        request, tmp_path / "partner.selfeval", CurrentUser("Lisa Wynne", "Forum"), "kestrel"
    ).close()
    partner = open_window(tmp_path / "partner.selfeval")
    (toolbar,) = partner.findChildren(QToolBar)
    tools = [a.text().replace("&", "") for a in toolbar.actions()]
    assert tools[0] == "Return my contribution..." and "Merge a return..." not in tools
    offered = {a.text().replace("&", "") for a in partner.findChildren(QAction) if a.isVisible()}
    for lead_only in ("Ask a partner to contribute...", "Merge a return...",
                      "Sign off this version...", "Import published statistics..."):  # fmt: skip
        assert lead_only not in offered
    asked: list[str] = []

    def save_as(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(Path(start).name)
        return str(tmp_path / asked[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    problems: list[str] = []

    def seal(dialog: QDialog) -> None:
        assert isinstance(dialog, ReturnPassphraseDialog) and dialog.required
        dialog.accept()  # nothing typed: refused, in words
        problems.append(dialog.error.text())
        dialog.passphrase.first.setText("kestrel")
        dialog.passphrase.again.setText("kestrel")
        dialog.accept()

    when_dialog_opens(qtbot, seal)
    contribution_actions.return_contribution(partner)
    qtbot.waitUntil(lambda: bool(asked) and (tmp_path / asked[0]).exists(), timeout=10_000)
    written = tmp_path / asked[0]
    who = partner.workspace.user.name
    assert written.name == f"{who} - Anyshire return.sefpack"  # who sends it, who asked
    assert problems == ["Passphrase: the request was sealed, so the return is sealed too; type one"]
    assert package_is_sealed(written)


def test_a_return_of_a_sealed_request_is_refused_unsealed(demo_path: Path, tmp_path: Path) -> None:
    from selfeval.errors import InputError

    request = tmp_path / "request.sefpack"
    with open_workspace(demo_path, TEST_USER) as lead:
        contributions.create_request(lead, "Forum", ["right-help"], request, passphrase="kestrel")
    with contributions.open_request(
        request, tmp_path / "partner.selfeval", CurrentUser("Lisa Wynne", "Forum"), "kestrel"
    ) as copy:
        with pytest.raises(InputError, match="the return is sealed too"):
            contributions.create_return(copy, tmp_path / "back.sefpack")
        assert not (tmp_path / "back.sefpack").exists()
