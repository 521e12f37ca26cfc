"""Making typed text safe for every export format.

XML (Word, Excel) and PDF text cannot hold control characters or lone surrogates; people paste
them in from other systems without knowing. They are removed, and nothing else is changed.
"""

from __future__ import annotations

import re

_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _UNWRITABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, an ellipsis marking a cut."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def figure(value: float | None, unit: str = "", missing: str = "-") -> str:
    """A figure as the documents print it: thousands apart, no trailing zeros, "%" when a rate."""
    if value is None:
        return missing
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text}%" if unit == "%" else text
