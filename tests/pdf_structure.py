"""Reading a tagged PDF back, for the tests: what a screen reader would get, found with
pikepdf (the file's objects), poppler (`pdfinfo -struct-text`, `pdftotext -raw`) and the
`pdfua` checker, none of them ours."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pikepdf

PAINTING = frozenset(
    {"Tj", "TJ", "'", '"', "Do", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "BI"}
)
"""Operators that put something on the page (text, paths, images, forms, shadings)."""


@dataclass
class Sequences:
    """What a page's content stream marks: MCIDs and artifacts, and what it paints outside."""

    mcids: list[int] = field(default_factory=list)
    artifacts: int = 0
    unmarked: list[str] = field(default_factory=list)
    nested_mcids: int = 0


def page_sequences(page: pikepdf.Page) -> Sequences:
    found = Sequences()
    stack: list[str] = []  # "mcid", "artifact" or "other" for each open sequence
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            stack.append(_opened(operands, found, stack))
        elif op == "EMC":
            stack.pop()
        elif op in PAINTING and not any(kind in ("mcid", "artifact") for kind in stack):
            found.unmarked.append(op)
    return found


def _opened(operands: list[object], found: Sequences, stack: list[str]) -> str:
    tag = str(operands[0])
    if tag == "/Artifact":
        found.artifacts += 1
        return "artifact"
    if len(operands) > 1 and isinstance(operands[1], pikepdf.Dictionary):
        mcid = operands[1].get("/MCID")
        if mcid is not None:
            found.nested_mcids += "mcid" in stack
            found.mcids.append(int(mcid))
            return "mcid"
    return "other"


def elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element, in the tree's order (the reading order)."""
    for element, _parent in elements_in(pdf):
        yield element


def elements_in(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Dictionary, pikepdf.Dictionary]]:
    """Every structure element with the element (or root) whose kids name it."""
    root = pdf.Root.StructTreeRoot
    pending = [(kid, root) for kid in reversed(kids_of(root))]
    while pending:
        node, parent = pending.pop()
        if isinstance(node, pikepdf.Dictionary) and node.get("/S") is not None:
            yield node, parent
            pending.extend((kid, node) for kid in reversed(kids_of(node)))


def kids_of(node: pikepdf.Object) -> list[pikepdf.Object]:
    """An element's (or the root's) kids: /K is one kid or an array of them."""
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def role(element: pikepdf.Dictionary) -> str:
    return str(element.S)[1:]


def parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def outline(pdf: pikepdf.Pdf) -> list[tuple[int, str]]:
    """(depth from 0, title) of every outline entry, in order."""
    out: list[tuple[int, str]] = []

    def walk(items: list[pikepdf.OutlineItem], depth: int) -> None:
        for entry in items:
            out.append((depth, entry.title))
            walk(entry.children, depth + 1)

    with pdf.open_outline() as tree:
        walk(tree.root, 0)
    return out


def struct_text(path: Path) -> str:
    """The document's text in structure order, as poppler reads it."""
    lines = _struct_lines(path)
    return "".join(line[1:-1] for line in lines if line.startswith('"') and line.endswith('"'))


@lru_cache(maxsize=16)
def _struct_lines(path: Path) -> tuple[str, ...]:
    """poppler's reading of the structure with its text (slow on a long document: once)."""
    done = subprocess.run(
        ["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True
    )
    return tuple(line.strip() for line in done.stdout.splitlines())


def element_texts(path: Path) -> list[tuple[str, str]]:
    """(role, text) of every element in structure order, as poppler reads them: an element's
    text is what its own sequences hold."""
    out: list[tuple[str, str]] = []
    for line in _struct_lines(path):
        if line.startswith('"') and line.endswith('"') and out:
            out[-1] = (out[-1][0], out[-1][1] + line[1:-1])
        elif line and not line.startswith("/"):
            out.append((line.split()[0].rstrip(":"), ""))
    return out


def page_texts(path: Path, artifacts: bool) -> list[str]:
    """The text of each page as poppler reads it in the order it is drawn, of the content
    outside artifacts (what a screen reader should read) or of the artifacts alone."""
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            kept = _kept(pikepdf.parse_content_stream(page), artifacts)
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        copy = path.with_name(f"{path.stem}-{'artifacts' if artifacts else 'content'}.pdf")
        pdf.save(copy)
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(copy), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [squeezed(page) for page in done.stdout.split("\f")][:-1]  # a \f ends each page


def _kept(
    instructions: list[pikepdf.ContentStreamInstruction], artifacts: bool
) -> list[pikepdf.ContentStreamInstruction]:
    """The instructions inside artifacts, or outside them (marking operators dropped)."""
    kept, depth, inside = [], 0, 0
    for instruction in instructions:
        op = str(instruction.operator)
        if op in ("BDC", "BMC"):
            depth += 1
            if inside or str(instruction.operands[0]) == "/Artifact":
                inside += 1
            continue
        if op == "EMC":
            depth -= 1
            inside = max(0, inside - 1) if inside else 0
            continue
        if bool(inside) == artifacts or op not in PAINTING:
            kept.append(instruction)
    return kept


_DIRECTION_MARKS = dict.fromkeys(
    [0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)], None
)


def squeezed(text: str) -> str:
    """Text without its spaces, line ends and direction marks (readers differ in where they
    put them)."""
    return "".join(text.translate(_DIRECTION_MARKS).split())


_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def left_to_right(text: str) -> str:
    """Text without right-to-left letters: poppler orders them differently in its two readings
    (their typed order is the element's ActualText, checked on its own)."""
    return _RIGHT_TO_LEFT.sub("", text)
