"""The one file-name sanitiser, for names typed locally and names that arrive in packages.

A name that came from outside (a partner's package, a tracker, a drag and drop) is later written
to disk when someone opens the attachment, on Windows as often as on Linux. It must not climb out
of the folder, hide its real extension behind a right-to-left override, or be a name Windows
reserves for a device.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 200  # well inside every file system's 255-byte limit, with room for " (2)"
FALLBACK = "attachment"

# Control characters, the characters Windows forbids, and every platform's path separators
# (Windows "\", POSIX "/", classic Mac ":").
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f<>:\"/\\|?*]")
# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), and the marks
# that do the same job invisibly (LRM, RLM, ALM).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_RESERVED = re.compile(
    r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])$",
    re.IGNORECASE,
)


def safe_filename(name: str, fallback: str = FALLBACK) -> str:
    """A name safe to write on Windows, macOS and Linux alike, keeping what it can of `name`.

    Only the last path component is kept (a package saying ``../../x`` gets ``x``), forbidden
    characters become ``_``, bidirectional controls are removed, trailing dots and spaces go
    (Windows drops them, so ``report.pdf.`` and ``report.pdf`` would collide), and a reserved
    device name such as ``CON.txt`` gets a leading underscore.
    """
    text = unicodedata.normalize("NFC", str(name))
    text = _BIDI.sub("", text)
    text = text.replace("\\", "/").replace(":", "/").rstrip("/")
    text = text.rsplit("/", 1)[-1]
    text = _FORBIDDEN.sub("_", text)
    text = text.strip().rstrip(". ").lstrip(". ")
    if not text or set(text) <= {"_", "."}:
        return fallback
    stem = text.split(".", 1)[0].rstrip(" ")
    if _RESERVED.match(stem):
        text = f"_{text}"
    return _fit(text)


def _fit(text: str) -> str:
    """Shorten to MAX_NAME_BYTES of UTF-8, keeping the extension (it decides what opens it)."""
    if len(text.encode("utf-8")) <= MAX_NAME_BYTES:
        return text
    stem, dot, suffix = text.rpartition(".")
    if not dot or len(suffix) > 16:
        stem, suffix = text, ""
    tail = f".{suffix}" if suffix else ""
    budget = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    cut = stem.encode("utf-8")[:budget].decode("utf-8", errors="ignore").rstrip(". ")
    return f"{cut or FALLBACK}{tail}"
