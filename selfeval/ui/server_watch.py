"""Listening for other people's changes on a shared workspace (PostgreSQL LISTEN/NOTIFY), and
noticing when the server goes away.

A thread the window owns runs the store's listener (store/change_notices.py: one connection,
each notice resolved to the history row it names, through the login's policies); each change
becomes a Qt signal on the GUI thread with who changed what, as the server stamped it. When that
connection drops, `lost` says so (the window shows a banner and keeps what is typed) and the
thread tries again, soon and then less often, until `back`. Stopped and awaited when the window
closes.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from selfeval.store.change_notices import POLL_SECONDS, SeenChange, listen

RETRY_SECONDS = (0.5, 1.0, 2.0, 5.0)
"""Waits between attempts to reconnect: the last one repeats until the server answers."""


class ServerWatch(QObject):
    changed = Signal(object)
    """The SeenChange of a change someone else made (never one of this login's own)."""
    lost = Signal(str)
    """The server cannot be reached (the reason, in the driver's words)."""
    back = Signal()
    """Connected again after `lost`."""

    def __init__(self, url: str, me: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.me = me
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = False
        self._ever_lost = False

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="selfeval-watch", daemon=True)
        self._thread.start()

    def try_now(self) -> None:
        """Reconnect without waiting for the next attempt (the banner's Try now)."""
        self._wake.set()

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                self._listen()
                return  # stopped while connected
            except Exception as err:  # the connection dropped, or could not be made
                if self._stop.is_set():
                    return
                if self.connected or not self._ever_lost:
                    self.connected, self._ever_lost = False, True
                    reason = str(err).strip().splitlines()[0] if str(err).strip() else ""
                    self.lost.emit(reason or type(err).__name__)
                    attempt = 0
                wait = RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)]
                attempt += 1
                self._wake.wait(wait)
                self._wake.clear()

    def _listen(self) -> None:
        listen(self.url, self.me, self._stop, self._connected, self._deliver)

    def _connected(self) -> None:
        was_lost, self.connected = self._ever_lost, True
        self._wake.clear()
        if was_lost and not self._stop.is_set():
            self.back.emit()

    def _deliver(self, change: SeenChange) -> None:
        if not change.mine and not self._stop.is_set():
            self.changed.emit(change)

    def stop(self) -> None:
        """Stop listening and wait for the thread (it wakes at least every POLL_SECONDS)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=2 * POLL_SECONDS + 1)
            self._thread = None
