"""Working offline across agencies: requests, partners' copies, returns, and the lead's merge.

The rooms: ``requests`` (ask, open, return), ``package_format`` (the .sefpack file, read
defensively), ``registry`` (the requests this workspace issued and their secrets),
``return_checks`` (what a return may change), ``state`` (a few criteria out of or into a
workspace), ``merge``, ``merge_plan`` and ``merge_writes`` (the lead's three-way merge).
"""

from selfeval.services.contributions.requests import (
    REQUEST_SETTING,
    ReturnWritten,
    create_request,
    create_return,
    open_request,
    request_of,
    scoped_framework,
)

__all__ = [
    "REQUEST_SETTING",
    "ReturnWritten",
    "create_request",
    "create_return",
    "open_request",
    "request_of",
    "scoped_framework",
]
