"""Paragraphs of our own few shapes, made without reportlab's markup parser.

A pack of 50,000 evidence items has some 400,000 paragraphs, and reportlab reads each one's
markup with Python's HTML parser: almost half the time of laying out the evidence index. The
index cells and evidence bullets come in a handful of shapes (plain text, a bold title, line
breaks, a muted note, a link on the first word, a link target), so each shape is parsed once,
from placeholder text, and its fragments are copied with the real text put in. The result is
what the parser would have made (tests compare the two); text in a right-to-left script, which
`safe()` reorders and sets in another font, takes the markup path.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal

from reportlab.lib.abag import ABag
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import _wsc as _SPACES
from reportlab.platypus.paraparser import ParaParser

from selfeval.pack.pdf_cached import CachedParagraph
from selfeval.pack.pdf_script import is_right_to_left
from selfeval.pack.pdf_style import safe
from selfeval.pack.text import clean

RunKind = Literal["text", "bold", "muted", "link", "anchor", "break"]
Run = tuple[RunKind, str, str]
"""(kind, text, target): `target` is a link's or an anchor's name, else ""."""

MUTED_HEX = "#505050"
LINK_HEX = "#1D4F91"
_WHITESPACE = re.compile(f"[{re.escape(_SPACES)}]+")
"""What reportlab's cleaner counts as a space (not the no-break space)."""
_ESCAPED = re.compile("([&<>])")
_PLACEHOLDER = {
    "text": "x",
    "bold": "<b>x</b>",
    "muted": f'<font color="{MUTED_HEX}">x</font>',
    "link": f'<a href="#x" color="{LINK_HEX}">x</a>',
    "anchor": '<a name="x"/>',
    "break": "<br/>",
}


def runs_paragraph(
    runs: Sequence[Run], style: ParagraphStyle, bullet: str | None = None
) -> CachedParagraph:
    """A paragraph of these runs of user text; the markup parser only for right-to-left text."""
    lines = [_lines(run) for run in runs]
    if any(part is None for part in lines):
        return CachedParagraph(runs_markup(runs), style, bulletText=bullet)
    shape = _merged([run for part in lines for run in part or ()])
    template = _template(
        style, tuple((kind, target if kind == "break" else "") for kind, _text, target in shape)
    )
    frags = [
        filled for frag, run in zip(template, shape, strict=True) for filled in _filled(frag, run)
    ]
    return CachedParagraph("", style, bulletText=bullet, frags=frags)


def runs_markup(runs: Sequence[Run]) -> str:
    """The same runs as paragraph markup, user text through `safe()`."""
    return "".join(_markup(run) for run in runs)


def _markup(run: Run) -> str:
    kind, text, target = run
    if kind == "anchor":
        return f'<a name="{target}"/>'
    if kind == "break":
        return "<br/>"
    words = safe(text)
    if kind == "bold":
        return f"<b>{words}</b>"
    if kind == "muted":
        return f'<font color="{MUTED_HEX}">{words}</font>'
    if kind == "link":
        return f'<a href="#{target}" color="{LINK_HEX}">{words}</a>'
    return words


def _lines(run: Run) -> list[Run] | None:
    """A run's lines as runs with breaks between; None when a line is in a right-to-left
    script (`safe()` reorders it and sets it in another font)."""
    kind, text, target = run
    if kind in ("anchor", "break"):
        return [run]
    out: list[Run] = []
    for number, line in enumerate(clean(text).split("\n")):
        if is_right_to_left(line):
            return None
        if number:  # a break inside bold or muted text takes its style, as in markup
            out.append(("break", "", "" if kind in ("text", "link") else kind))
        out.append((kind, line, target))
    return out


def _merged(runs: Sequence[Run]) -> list[Run]:
    """The runs as the parser would see them: neighbours of one kind joined (one fragment),
    whitespace collapsed and stripped at the two ends (reportlab cleans the markup so), empty
    text dropped."""
    merged: list[Run] = []
    for kind, text, target in runs:
        if merged and kind in ("text", "bold", "muted") and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + text, target)
        else:
            merged.append((kind, text, target))
    merged = [(kind, _WHITESPACE.sub(" ", text), target) for kind, text, target in merged]
    if merged and merged[0][0] == "text":
        merged[0] = ("text", merged[0][1].lstrip(_SPACES), "")
    if merged and merged[-1][0] == "text":
        merged[-1] = ("text", merged[-1][1].rstrip(_SPACES), "")
    return [run for run in merged if run[0] in ("break", "anchor") or run[1]]


def _filled(frag: Any, run: Run) -> list[Any]:
    """The template's fragment with the run's text: split where the parser splits, at each
    character that markup escapes (its entities are read one fragment each)."""
    kind, text, target = run
    if kind == "anchor":
        return [frag.clone(cbDefn=ABag(kind="anchor", label="anchor", name=target))]
    if kind == "break":
        return [frag.clone()]  # its style came with the template
    extra = {"link": [(frag.link[0][0], f"#{target}")]} if kind == "link" else {}
    return [frag.clone(text=piece, **extra) for piece in _ESCAPED.split(text) if piece]


@lru_cache(maxsize=256)
def _template(style: ParagraphStyle, kinds: tuple[tuple[RunKind, str], ...]) -> tuple[Any, ...]:
    """`kinds`: each run's kind, with the style a break sits in."""
    markup = "".join(
        _PLACEHOLDER[inside or kind].replace("x", "<br/>" if inside else "x")
        for kind, inside in kinds
    )
    _style, frags, _bullet = ParaParser().parse(markup, style)
    if frags is None or len(frags) != len(kinds):
        raise AssertionError(f"reportlab parsed {markup!r} into {frags!r}")  # a new reportlab
    return tuple(frags)
