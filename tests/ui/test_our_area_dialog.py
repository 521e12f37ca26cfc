"""File > Our area: a refused logo is said in the dialog; OK keeps foreword, context and logo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from selfeval.services.our_area import our_area
from selfeval.ui.dialogs.our_area_dialog import OurAreaDialog
from tests.test_our_area import image_bytes
from tests.ui.conftest import when_dialog_opens


def test_foreword_context_and_logo_are_kept(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, open_window
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    (tmp_path / "logo.gif").write_bytes(b"GIF89a" + b"\0" * 50)
    (tmp_path / "logo.png").write_bytes(image_bytes())
    said: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, OurAreaDialog)
        dialog.foreword.setPlainText("Written with families.")
        dialog.context.setPlainText("A large rural county.")
        dialog.choose_file(tmp_path / "logo.gif")
        said.append(dialog.error.text())
        dialog.choose_file(tmp_path / "logo.png")
        assert dialog.error.isHidden() and dialog.preview.pixmap() is not None
        dialog.accept()

    when_dialog_opens(qtbot, fill)
    window.controller.our_area()
    assert said == ["logo.gif: is not a PNG or JPEG image"]
    area = our_area(window.workspace)
    assert (area.foreword, area.context) == ("Written with families.", "A large rural county.")
    assert area.logo == image_bytes()


def test_the_executive_summary_is_written_with_a_preview_and_kept(
    qtbot,
    demo_path,
    open_window,  # type: ignore[no-untyped-def]
) -> None:
    from selfeval.services.our_area import our_area
    from selfeval.ui.dialogs.our_area_dialog import OurAreaDialog

    window = open_window(demo_path)
    dialog = OurAreaDialog(window.workspace, our_area(window.workspace), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.summary.setPlainText("# Our strengths\n- **Early** help\n- Forum at every ")
    dialog.summary.setFocus()
    dialog.summary.moveCursor(dialog.summary.textCursor().MoveOperation.End)
    qtbot.keyClicks(dialog.summary, "board")  # typed: the preview follows
    shown = dialog.summary_preview.toHtml()
    assert "Our strengths" in shown and "Early" in shown and "font-weight" in shown
    assert dialog.summary_preview.toPlainText().splitlines()[0] == "Our strengths"
    assert "Forum at every board" in dialog.summary_preview.toPlainText()
    dialog.accept()
    assert our_area(window.workspace).summary.startswith("# Our strengths\n- **Early** help")
