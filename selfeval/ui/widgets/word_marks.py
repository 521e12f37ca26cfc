"""Two versions of a text side by side, the changed words marked so a reader sees them without
colour: struck through on the side that loses them, underlined and bold on the side that gains
them (the tint behind is a second cue, never the only one)."""

from __future__ import annotations

import html

from selfeval.services.improvement.edition_review import word_changes


def marked_html(old: str, new: str, side: str) -> str:
    """One side ("old" or "new") of a word-level comparison of `old` with `new`."""
    parts = []
    for kind, text in word_changes(old, new):
        escaped = html.escape(text)
        if kind == "same":
            parts.append(escaped)
        elif kind == "removed" and side == "old":
            parts.append(f"<s style='background:#fde0dc'>{escaped}</s>")
        elif kind == "added" and side == "new":
            parts.append(f"<u><b style='background:#e0f2e9'>{escaped}</b></u>")
    return "".join(parts)
