"""A rating click is one write transaction and at most one read, on a file and on a server
(issue 29): the write returns what changed and the window shows it (the tree's row, the
progress line, the page), reading nothing again. A counter on the workspace's engines fails
the test above that; the count is of real transactions on a real store."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import event

from selfeval.services.judgements import get_judgement
from tests.server_fixtures import ThrowAwayServer


def _counted_click(window, rating: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return _counted(window, window.criterion_page.rating.buttons[rating].click)


def _counted(window, act) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The transactions and writing statements `act` runs on the window's store."""
    store = window.workspace.store
    counts = {"transactions": 0, "writes": 0}

    def begun(_connection: object) -> None:
        counts["transactions"] += 1

    def statement(_c: object, _cursor: object, sql: str, *_rest: object) -> None:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            counts["writes"] += 1

    engines = {id(e): e for e in (store.engine, store.read_engine)}.values()
    for engine in engines:
        event.listen(engine, "begin", begun)
        event.listen(engine, "before_cursor_execute", statement)
    try:
        act()
    finally:
        for engine in engines:
            event.remove(engine, "begin", begun)
            event.remove(engine, "before_cursor_execute", statement)
    return counts


def _check(window) -> None:  # type: ignore[no-untyped-def]
    window.navigate("criterion", "participation")
    before = window.progress.text()
    counts = _counted_click(window, "red")
    assert counts["transactions"] <= 2 and counts["writes"] >= 1, counts  # one write, one read
    assert get_judgement(window.workspace, "participation").rating == "red"
    index = window.tree_model.index_of("criterion", "participation").siblingAtColumn(1)
    assert index.data() == "Red" and window.progress.text() == before
    assert window.criterion_page.updated.text().startswith("Last changed by")
    window.undo_stack.undo()  # shown the same way, and correct
    assert index.data() == "Green"
    assert get_judgement(window.workspace, "participation").rating == "green"


def test_a_rating_click_on_a_file(qtbot: QtBot, demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    _check(open_window(demo_path))


def test_a_rating_click_on_a_server(qtbot: QtBot, pg_server: ThrowAwayServer, open_window) -> None:  # type: ignore[no-untyped-def]
    from selfeval.services.demo import create_demo_workspace

    url = pg_server.new_database()
    create_demo_workspace(url).close()
    _check(open_window(url))


def test_the_counter_sees_a_full_refresh(qtbot: QtBot, demo_path: Path, open_window) -> None:  # type: ignore[no-untyped-def]
    """The count can fail: the window's full refresh after a change reads far more."""
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    window.context.judgement_saved = None  # as before: every view read again
    counts = _counted_click(window, "amber")
    assert counts["transactions"] > 2, counts


def test_a_narrative_saved_at_a_pause_is_one_write_and_one_read(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    editor = window.criterion_page.texts["impact"]

    def type_and_pause() -> None:
        editor.setPlainText("Families now say they are heard at every review.")
        editor.commit()

    counts = _counted(window, type_and_pause)
    assert counts["transactions"] <= 2 and counts["writes"] >= 1, counts
    stored = get_judgement(window.workspace, "participation").impact
    assert stored == "Families now say they are heard at every review."
    window.undo_stack.undo()  # the box shows what is stored again, read from nothing
    assert editor.toPlainText() == get_judgement(window.workspace, "participation").impact
    assert editor.toPlainText() != stored


def test_a_bullets_rating_is_one_write_and_shown_from_it(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    bullet = window.workspace.framework.criterion("participation").bullets[0].id
    combo = window.criterion_page.bullets.ratings[bullet]
    counts = _counted(window, lambda: combo.setCurrentIndex(combo.findData("amber")))
    assert counts["transactions"] <= 1, counts  # the write alone: nothing read again
    assert get_judgement(window.workspace, "participation", bullet).rating == "amber"
    window.undo_stack.undo()
    stored = get_judgement(window.workspace, "participation", bullet).rating
    assert stored != "amber" and combo.currentData() == stored


def test_an_owner_added_reads_only_the_owners_again(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    """Other edits say what they touch (ui/touches.py) and the window reads only that again:
    an owner added is its write and the owners' read, not every view's."""
    from PySide6.QtWidgets import QDialogButtonBox

    from selfeval.services.people import list_people
    from selfeval.ui.touches import EVERYTHING
    from tests.ui.conftest import when_dialog_opens

    window = open_window(demo_path)
    window.navigate("criterion", "valued-included")
    owners = window.criterion_page.owners
    farah = next(p for p in list_people(window.workspace) if p.name == "Farah Ahmed")

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.person.setCurrentIndex(dialog.person.findData(farah.id))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, choose)
    counts = _counted(window, owners.add_button.click)
    assert any("Farah Ahmed" in owners.list.item(i).text() for i in range(owners.list.count()))
    refresh = _counted(window, lambda: window.changed("valued-included", EVERYTHING))
    # the dialog's list of people, the owners before (for Undo), the write, the owners after
    # (for Redo), the owners shown: five, where the full refresh alone reads twelve
    assert counts["writes"] >= 1 and counts["transactions"] <= 5, counts
    assert refresh["transactions"] >= 10, refresh  # what it read again before
