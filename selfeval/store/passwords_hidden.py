"""Server addresses as they may be shown: never with a password, in any form.

A password can sit in an address as `login:secret@`, unencoded (holding "@", "#" or "/"), or as
a `password=` parameter. Messages, logs, the recent list and every error the faces print pass
through here. Imports nothing of ours, so any layer (and errors.py) may use it.
"""

from __future__ import annotations

import re


def without_password(url: str) -> str:
    """The same address with no secret in it: for the recent list, messages and logs. The
    credentials end at the last "@" (a password may hold an unencoded "@", "#" or "/"), and a
    `password=` parameter goes too."""
    head, sep, rest = url.partition("://")
    if not sep:
        return url
    userinfo, at, after = rest.rpartition("@")
    if at and ":" in userinfo:
        rest = f"{userinfo.split(':', 1)[0]}@{after}"
    return head + sep + _PASSWORD_PARAMETER.sub("", rest)


_PASSWORD_PARAMETER = re.compile(r"(?i)(?<=[?&])password=[^&]*&?|[?&]password=[^&]*$")
_ADDRESS = re.compile(r"(?i)postgres(?:ql)?://\S+")


def hide_passwords(text: str) -> str:
    """Any server address in `text` (a message, a log line) without its password."""
    return _ADDRESS.sub(lambda found: without_password(found.group(0)), text)


def carries_password(url: str) -> bool:
    """Whether the address holds a password that is not empty."""
    head, sep, rest = url.partition("://")
    userinfo, at, _ = rest.rpartition("@")
    in_userinfo = bool(at) and bool(userinfo.partition(":")[2])
    return bool(sep) and (in_userinfo or _NON_EMPTY_PARAMETER.search(rest) is not None)


_NON_EMPTY_PARAMETER = re.compile(r"(?i)[?&]password=[^&]")
