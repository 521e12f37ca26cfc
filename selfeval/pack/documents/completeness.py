"""What a criterion's section leaves for the end: the framework's bullets folded into a short
reference after the partnership's own text, and a draft's annex of what is still to write."""

from __future__ import annotations

from selfeval.pack.blocks import Block, Heading, PageBreak, Para, Table
from selfeval.pack.model import CriterionSection, Pack
from selfeval.pack.text import clip


def folded_bullets(section: CriterionSection) -> list[Block]:
    """The framework's bullets after the partnership's text, as a short reference: each one
    numbered and shortened, with its rating in words where the partnership gave one."""
    where = f" (framework paragraph {section.paragraph})" if section.paragraph else ""
    items = []
    for bullet in section.bullets:
        said = f"{section.number}.{bullet.number} {clip(bullet.text, 90)}"
        if bullet.rating is not None:
            said += f" ({bullet.rating.label})"
        items.append(said)
    return [Para(f"What inspectors look at{where}: " + "; ".join(items) + ".", "muted")]


def still_to_write(pack: Pack) -> list[Block]:
    """A draft's completeness annex: each criterion's empty fields, and any criterion not yet
    rated, so the writers see what is left (a Final pack prints neither gaps nor this)."""
    rows = []
    for section in pack.sections:
        empty = [label for field, label in pack.headings if not getattr(section, field).strip()]
        if section.rating.id == pack.scale[0].id:
            empty.insert(0, f"no {pack.rating_word.lower()}")
        if empty:
            rows.append((f"{section.number}. {clip(section.title, 90)}", "; ".join(empty)))
    if not rows:
        return []
    return [
        PageBreak(),
        Heading("Appendix: still to write", 1, key="still-to-write"),
        Para(
            "This draft leaves these out of the criteria's sections because nothing is written "
            "in them yet. The final version prints only what is written."
        ),
        Table(("Criterion", "Not yet written"), tuple(rows), (60, 40)),
    ]
