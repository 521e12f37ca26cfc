"""The app's process ends cleanly after showing long lists.

PySide6 6.12.0 on Python 3.11 over-releases None once per item added to a list or model, and the
process then dies at exit ("Fatal Python error: none_dealloc") after a few thousand items, such
as a dashboard listing thousands of stale evidence items. We pin 6.11.3; this test guards any
upgrade of the pin.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListWidget
app = QApplication([])
widget = QListWidget()
model = QStandardItemModel()
for i in range(5000):
    widget.addItem(f"item {i}")
    model.appendRow(QStandardItem(f"item {i}"))
print("shown")
"""


def test_process_with_thousands_of_list_items_exits_cleanly() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == "shown"
    assert "Fatal Python error" not in result.stderr
    assert result.returncode == 0
