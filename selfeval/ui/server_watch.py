"""Listening for other people's changes on a shared workspace (PostgreSQL LISTEN/NOTIFY).

A thread the window owns holds one connection that listens; each notice becomes a Qt signal on
the GUI thread with who changed what. The window refreshes what it shows (typing in progress
is kept: the criterion page does not reload a box being edited) and says who changed what.
Stopped and awaited when the window closes.
"""

from __future__ import annotations

import json
import threading
from typing import Any

from PySide6.QtCore import QObject, Signal

POLL_SECONDS = 0.3


class ServerWatch(QObject):
    changed = Signal(dict)
    """{criterion, entity, field, who, organisation} of a change someone else made."""

    def __init__(self, url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._own_pids: set[int] = set()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._listen, name="selfeval-watch", daemon=True)
        self._thread.start()

    def _listen(self) -> None:
        import psycopg

        from selfeval.store.postgres_server import NOTICE_CHANNEL

        try:
            with psycopg.connect(self.url, autocommit=True) as connection:
                connection.execute(f"LISTEN {NOTICE_CHANNEL}")
                while not self._stop.is_set():
                    for notice in connection.notifies(timeout=POLL_SECONDS, stop_after=20):
                        self._deliver(notice.payload)
        except Exception:  # the server went away: the window's own saves will say so
            return

    def _deliver(self, payload: str) -> None:
        try:
            data: dict[str, Any] = json.loads(payload)
        except ValueError:
            return
        if not self._stop.is_set():
            self.changed.emit(data)

    def stop(self) -> None:
        """Stop listening and wait for the thread (it wakes at least every POLL_SECONDS)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2 * POLL_SECONDS + 1)
            self._thread = None
