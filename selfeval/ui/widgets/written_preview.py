"""How a written page will print (selfeval/written_text.py), shown beside the box it is typed
in: the same parts the documents print, as simple HTML with every word escaped."""

from __future__ import annotations

import html

from selfeval.written_text import Runs, parts

_MARKS = {"plain": "{}", "bold": "<b>{}</b>", "italic": "<i>{}</i>"}


def _html(runs: Runs) -> str:
    return "".join(_MARKS[kind].format(html.escape(text)) for kind, text in runs)


def preview_html(text: str) -> str:
    out = []
    for part in parts(text):
        if part.kind == "heading":
            level = min(part.depth + 2, 5)
            out.append(f"<h{level}>{_html(part.runs)}</h{level}>")
        elif part.kind == "list":
            tag = "ol" if part.numbered else "ul"
            items = "".join(f"<li>{_html(item)}</li>" for item in part.items)
            out.append(f"<{tag}>{items}</{tag}>")
        else:
            out.append(f"<p>{_html(part.runs)}</p>")
    return "".join(out) or "<p><i>Nothing written yet.</i></p>"
