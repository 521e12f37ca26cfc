"""Right-to-left scripts (Urdu, Arabic, Hebrew) written out in the order a PDF draws them.

reportlab draws characters left to right as stored, one isolated letter after another. Urdu
typed by a parent carer forum ("عائشہ خان") would print backwards and unjoined. Before a line
is laid out, Arabic-script letters are replaced by their joined forms (arabic-reshaper), the
line is put in visual order (python-bidi), and Arabic-script runs are set in Noto Naskh Arabic,
which has every Urdu letter and joined form (DejaVu Sans lacks heh goal, common in Urdu). A
joined form the font has no glyph for falls back to its plain letter rather than a box.
Only lines holding such letters are touched: English text costs one regex test.
Word and Excel packs keep the typed order: their readers shape and order text themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_ARABIC = re.compile(r"[\u0600-\u08ff]")
_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RUN = re.compile(f"[{_LETTERS}]+(?:[ \u00a0]+[{_LETTERS}]+)*")


def is_right_to_left(line: str) -> bool:
    return _RIGHT_TO_LEFT.search(line) is not None


def visual_order(line: str, has_glyph: Callable[[int], bool]) -> str:
    """One line (no newlines) as it should be drawn left to right."""
    if not is_right_to_left(line):
        return line
    from bidi import get_display

    shaped = _reshaper()(line) if _ARABIC.search(line) else line
    shaped = "".join(c if has_glyph(ord(c)) else _plain_letter(c) for c in shaped)
    return str(get_display(shaped, base_dir="L" if _starts_left_to_right(line) else "R"))


def arabic_runs(markup: str, font_name: str) -> str:
    """Paragraph markup with each run of Arabic-script words set in `font_name`."""
    return _ARABIC_RUN.sub(lambda m: f'<font name="{font_name}">{m.group(0)}</font>', markup)


def _starts_left_to_right(line: str) -> bool:
    for c in line:
        direction = unicodedata.bidirectional(c)
        if direction == "L":
            return True
        if direction in ("R", "AL"):
            return False
    return True


def _plain_letter(c: str) -> str:
    """A joined (presentation) form as its plain letter: "<final> 06C1" -> "ہ"."""
    parts = unicodedata.decomposition(c).split()
    if len(parts) == 2 and parts[0] in ("<initial>", "<medial>", "<final>", "<isolated>"):
        return chr(int(parts[1], 16))
    return c


@lru_cache(maxsize=1)
def _reshaper() -> Callable[[str], str]:
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(  # type: ignore[no-any-return]
        configuration={"delete_harakat": False, "support_ligatures": False}
    ).reshape
