"""Other people's changes to a shared workspace, as they are saved (PostgreSQL LISTEN/NOTIFY).

Any login may send a notice on any channel, so a notice is never believed: it carries only the
id of a history row, and the listener reads that row through the login's own policies. A notice
that names no row the login may see (forged, or about another organisation's personal data) is
dropped; what is shown is what the server stamped (who, where), never what the notice said.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from selfeval.store.server_functions import NOTICE_CHANNEL

POLL_SECONDS = 0.3


@dataclass(frozen=True)
class SeenChange:
    criterion: str | None
    entity: str
    field: str
    who: str
    organisation: str
    mine: bool
    """Saved by this login (its own windows have shown it already)."""


_ROW = (
    "SELECT criterion_id, entity, field, changed_by, organisation FROM change_record WHERE id = %s"
)
_ME = (
    "SELECT p.name FROM selfeval_grant g JOIN person p ON p.id = g.person_id "
    "WHERE g.login = session_user"
)


def _my_names(connection: object, fallback: str) -> set[str]:
    import psycopg

    assert isinstance(connection, psycopg.Connection)
    try:
        row = connection.execute(_ME).fetchone()
    except psycopg.Error:  # the owner's login has no grant to read
        return {fallback}
    return {fallback, str(row[0])} if row else {fallback}


def listen(
    url: str,
    me: str,
    stop: threading.Event,
    connected: Callable[[], None],
    seen: Callable[[SeenChange], None],
) -> None:
    """Listen until `stop` is set (it is looked at every POLL_SECONDS); `connected` once the
    connection is made, `seen` for each change the notices name. A dropped connection raises
    (the caller says so and calls again)."""
    import psycopg

    from selfeval.store.server_passwords import connection_url

    with psycopg.connect(connection_url(url), autocommit=True, connect_timeout=10) as connection:
        connection.execute(f"LISTEN {NOTICE_CHANNEL}")
        mine = _my_names(connection, me)
        connected()
        while not stop.is_set():
            # Gathered first: the connection is busy while `notifies` runs.
            notices = list(connection.notifies(timeout=POLL_SECONDS, stop_after=20))
            for notice in notices:
                change = _resolve(connection, notice.payload, mine)
                if change is not None and not stop.is_set():
                    seen(change)


def _resolve(connection: object, payload: str, mine: set[str]) -> SeenChange | None:
    import psycopg

    assert isinstance(connection, psycopg.Connection)
    if not 1 <= len(payload) <= 80:
        return None
    try:
        row = connection.execute(_ROW, (payload,)).fetchone()
    except psycopg.errors.DataError:
        return None
    if row is None:
        return None
    criterion, entity, field, who, organisation = (None if v is None else str(v) for v in row)
    return SeenChange(
        criterion, entity or "", field or "", who or "", organisation or "", who in mine
    )
