"""File > Export pack: the dialog, the worker, and Cancel leaving nothing behind."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from selfeval.ui.dialogs.export_dialog import ExportDialog
from tests.ui.conftest import when_dialog_opens


def make_dialog(qtbot: QtBot, window, path: Path) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    return dialog


def test_export_final_pdf_from_the_dialog(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    out = tmp_path / "out" / "board.pdf"
    out.parent.mkdir()
    dialog = make_dialog(qtbot, window, out)
    dialog.status.setCurrentIndex(dialog.status.findData("final"))
    dialog.marking.setEditText("OFFICIAL")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    text = PdfReader(out).pages[0].extract_text()
    assert "OFFICIAL" in text and "Final" in text and "DRAFT" not in text
    assert sorted(p.name for p in out.parent.iterdir()) == ["board.pdf"]


def test_switching_format_changes_the_file_name(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog = make_dialog(qtbot, window, tmp_path / "pack.pdf")
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    assert dialog.path.text().endswith("pack.xlsx")


def test_no_criteria_ticked_is_explained(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog = make_dialog(qtbot, window, tmp_path / "pack.pdf")
    dialog.some_criteria.setChecked(True)
    for i in range(dialog.criteria.count()):
        dialog.criteria.item(i).setCheckState(dialog.criteria.item(i).checkState().Unchecked)
    dialog.start()
    assert dialog.error.text() == "Tick at least one criterion, or choose All criteria."
    assert dialog.task is None


def test_cancel_leaves_no_partial_file(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = make_dialog(qtbot, window, folder / "pack.pdf")
    seen: list[str] = []

    def close(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_dialog_opens(qtbot, close)
    dialog.start()
    assert dialog.task is not None
    dialog.task.stop()  # the user's Cancel
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    assert seen == ["export cancelled; pack.pdf was not written"]
    assert list(folder.iterdir()) == []
    assert dialog.error.text() == seen[0]


def test_the_dialog_never_writes_over_the_open_workspace(
    qtbot: QtBot, demo_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    before = demo_path.read_bytes()
    for target in (demo_path, Path(f"{demo_path}-wal"), Path(f"{demo_path}-shm")):
        dialog = make_dialog(qtbot, window, target)
        dialog.start()
        assert dialog.task is None  # refused before any work started
        assert "it was not overwritten. Choose another name" in dialog.error.text()
        assert not dialog.error.isHidden()
    assert demo_path.read_bytes() == before


def test_an_export_to_a_new_folder_says_where_and_is_remembered(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    first = ExportDialog(window.context, window)
    qtbot.addWidget(first)
    assert Path(first.path.text()).parent == demo_path.parent  # beside the workspace at first
    target = tmp_path / "board" / "march" / "pack.xlsx"
    first.format.setCurrentIndex(first.format.findData("xlsx"))
    first.path.setText(str(target))

    def create(box: QDialog) -> None:
        assert isinstance(box, QMessageBox) and "does not exist. Create it?" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    when_dialog_opens(qtbot, create)
    first.start()
    qtbot.waitUntil(lambda: first.written is not None, timeout=30_000)
    assert target.is_file()
    notice = first.notice
    assert notice.text() == f"The pack was saved to:\n{target}"
    assert {b.text() for b in notice.buttons()} >= {"Open &file", "Open f&older"}
    notice.close()
    second = ExportDialog(window.context, window)
    qtbot.addWidget(second)
    assert Path(second.path.text()).parent == target.parent  # the folder is remembered


def test_shortcuts_work_at_once_after_an_export(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window = open_window(demo_path)
    window.navigate("criterion", "participation")
    window.tree.setFocus()

    def export(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.path.setText(str(tmp_path / "pack.pdf"))
        dialog.start()

    when_dialog_opens(qtbot, export)
    window.controller.export_pack()
    assert (tmp_path / "pack.pdf").is_file()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(window.tree.hasFocus)  # focus back where it was, not in a text box
    rationale = window.criterion_page.texts["rationale"].toPlainText()
    qtbot.keyClick(window.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.evidence_page
    assert window.criterion_page.texts["rationale"].toPlainText() == rationale


def test_the_summary_for_parents_is_exported_from_the_same_dialog(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog = make_dialog(qtbot, window, tmp_path / "pack.pdf")
    dialog.format.setCurrentIndex(dialog.format.findData("parents.docx"))
    assert dialog.path.text().endswith(".docx") and "summary for parents" in dialog.path.text()
    assert not dialog.personal.isEnabled() and not dialog.status.isEnabled()  # pack-only choices
    dialog.format.setCurrentIndex(dialog.format.findData("parents.pdf"))
    assert dialog.path.text().endswith(".pdf")
    assert not dialog.contact.isHidden()  # asked here, as the command line's --contact
    before = dialog.parents_check.text()
    assert "Left out, nothing written for families yet: " in before  # said before writing
    dialog.contact.setPlainText("Call the SEND team on 01234 567890")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    assert dialog.written is not None and dialog.written.suffix == ".pdf"
    text = " ".join(p.extract_text() for p in PdfReader(dialog.written).pages)
    assert "a summary of SEND for parents and carers" in text
    assert "01234 567890" in text
    from selfeval.services.families import family_contact

    assert family_contact(window.workspace) == "Call the SEND team on 01234 567890"  # kept
    assert dialog.notice.text().startswith("The summary for parents and carers was saved to")
    dialog.notice.close()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.personal.isEnabled() and "SEND self-evaluation" in dialog.path.text()
    assert dialog.contact.isHidden()


def test_the_bullets_folded_from_the_dialog(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    out = tmp_path / "folded.pdf"
    dialog = make_dialog(qtbot, window, out)
    assert not dialog.options().fold_bullets
    dialog.fold.click()
    assert dialog.options().fold_bullets
    dialog.start()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "What inspectors look at" in text


def test_the_executive_summary_from_the_dialog(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    dialog = make_dialog(qtbot, window, tmp_path / "pack.pdf")
    dialog.format.setCurrentIndex(dialog.format.findData("summary.pdf"))
    assert dialog.path.text().endswith("SEND self-evaluation executive summary "
                                       f"{__import__('datetime').date.today():%Y-%m-%d}.pdf")  # fmt: skip
    assert dialog.status.isEnabled() and dialog.marking.isEnabled()
    dialog.path.setText(str(tmp_path / "short.pdf"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30_000)
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "short.pdf").pages)
    assert "Executive summary" in text and "What we know about ourselves" in text
