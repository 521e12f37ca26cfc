"""Where a shared workspace's password comes from, in order: the address itself (scripts),
PGPASSWORD (libpq's own), the operating system's keyring (only if the person ticked "remember"),
or the person, asked by the face that opened it (a prompt on the command line, the connect
dialog in the app).

The keyring entry is named by login, server and database, never by anything holding a secret.
A computer without a usable keyring (a server with no desktop session, say) is not an error: the
password is simply not remembered, and the person is told so.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, quote, unquote, urlsplit, urlunsplit

SERVICE = "selfeval shared workspace"


def login_of(url: str) -> str:
    return unquote(urlsplit(url.strip()).username or "")


def password_in(url: str) -> str | None:
    password = urlsplit(url.strip()).password
    return unquote(password) if password else None


def keyring_name(url: str) -> str:
    """login@host:port/database (a socket folder stands for the host)."""
    parts = urlsplit(url.strip())
    host = parts.hostname or parse_qs(parts.query).get("host", ["this computer"])[0]
    port = f":{parts.port}" if parts.port else ""
    return f"{login_of(url)}@{host}{port}/{parts.path.lstrip('/')}"


def with_password(url: str, password: str) -> str:
    """The same address with this password in it (for this run only: never written anywhere)."""
    parts = urlsplit(url.strip())
    host_part = parts.netloc.rsplit("@", 1)[-1]
    login = quote(login_of(url), safe="")
    credentials = f"{login}:{quote(password, safe='')}" if password else login
    return urlunsplit(parts._replace(netloc=f"{credentials}@{host_part}"))


def remembered(url: str) -> str | None:
    """The password kept for this address, or None; a keyring that fails counts as none."""
    try:
        import keyring

        return keyring.get_password(SERVICE, keyring_name(url))
    except Exception:  # no keyring on this computer, or it is locked: ask instead
        return None


def remember(url: str, password: str) -> str | None:
    """Keep the password; None when kept, else why not (for the person, in words)."""
    try:
        import keyring

        keyring.set_password(SERVICE, keyring_name(url), password)
    except Exception as err:
        reason = str(err).split(".")[0].strip() or type(err).__name__
        return (
            f"The password for {keyring_name(url)} could not be kept in this computer's "
            f"keyring ({reason}); you will be asked for it next time."
        )
    return None


def forget(url: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, keyring_name(url))
    except Exception:  # nothing kept, or no keyring: nothing to forget
        return None


def connection_password(url: str) -> str | None:
    """The password to connect with when the address holds none: PGPASSWORD is left to libpq;
    otherwise the keyring's, if one was kept."""
    if password_in(url) is not None or os.environ.get("PGPASSWORD"):
        return None
    return remembered(url)


def connection_url(url: str) -> str:
    """The address to hand to the driver: with the kept password filled in when needed."""
    password = connection_password(url)
    return with_password(url, password) if password else url
