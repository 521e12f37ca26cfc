"""Tagged PDF (PDF/UA-1): the structure a screen reader follows, recorded as the pages are drawn.

reportlab draws but does not tag. Each flowable we draw carries a `Tag` (what it is: a
paragraph, a heading, a list item, a table, a figure); when it is drawn, `Tagger` wraps what it
draws in a marked-content sequence (`/P <</MCID 4>> BDC ... EMC`) and records that sequence
under the tag's structure element. Page furniture (header, footer, marking, watermark, rules,
cell backgrounds, header rows repeated on later pages) is wrapped as `/Artifact` instead. The
tree is written when the last page is out (`pdf_tree.py`).

A flowable split across pages hands its `Tag` to its pieces, so a paragraph over two pages is
one element with a sequence on each. Content inside a sequence is never tagged again (a table
cell's paragraph is the cell's content), so sequences do not nest.

A county's pack has hundreds of thousands of elements, so they are numbers in flat arrays, not
objects: an element is its index, with its role and parent, and its kids are a log of
(owner, kid) pairs in the order they came. Nothing here is for the garbage collector to walk.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

ROLES = (
    *("Document", "Sect", "Div", "P", "H1", "H2", "H3", "L", "LI", "Lbl", "LBody", "Table"),
    *("THead", "TBody", "TR", "TH", "TD", "TOC", "TOCI", "Figure", "Link", "Caption"),
)
CODES = {role: code for code, role in enumerate(ROLES)}
LEAF_ROLES = frozenset(
    {"P", "H1", "H2", "H3", "Lbl", "LBody", "TH", "TD", "TOCI", "Figure", "Link", "Caption"}
)
"""Roles whose element holds drawn content; the others (Document, Sect, Div, L, LI, Table,
THead, TBody, TR, TOC) hold elements."""

ARTIFACT = "Artifact"
PAGINATION = "/Artifact <</Type /Pagination /Subtype /{}>> BDC"
LAYOUT = "/Artifact <</Type /Layout>> BDC"

ELEMENT, MARKED, ANNOTATION = 0, 1, 2
"""A kid in the log is `value << 2 | kind`: an element's index, a sequence (its page number
shifted 20 bits, with its MCID), or a link annotation's index."""
NO_ELEMENT = -1


def marked_kid(page: int, mcid: int) -> int:
    return ((page << 20 | mcid) << 2) | MARKED


class Extra:
    """What few elements carry beside their role: alternative text, language, the words as
    typed (ActualText), attributes (a header cell's scope, a figure's box)."""

    __slots__ = ("alt", "lang", "actual", "attributes")

    def __init__(self, alt: str, lang: str, actual: str, attributes: str) -> None:
        self.alt, self.lang, self.actual, self.attributes = alt, lang, actual, attributes


class Tag:
    """What a flowable is in the structure; its pieces on later pages share it (and its
    element, made when the first piece is drawn)."""

    __slots__ = ("role", "alt", "lang", "actual", "attributes", "element", "label", "body")

    def __init__(
        self, role: str, *, alt: str = "", lang: str = "", actual: str = "", attributes: str = ""
    ) -> None:
        """`actual`: the words as typed, when the page draws them otherwise (right-to-left
        text is drawn in visual order); `attributes`: PDF text such as a header cell's scope."""
        self.role, self.alt, self.lang, self.actual = role, alt, lang, actual
        self.attributes = attributes
        self.element = self.label = self.body = NO_ELEMENT
        """Its element, and a list item's label and body, once drawn."""

    def extra(self) -> Extra | None:
        if self.alt or self.lang or self.actual or self.attributes:
            return Extra(self.alt, self.lang, self.actual, self.attributes)
        return None


class Tagger:
    """Records the structure of one PDF while reportlab draws it (`pdf_canvas.TaggingCanvas`)."""

    def __init__(self) -> None:
        self.roles = array("B")
        self.parents = array("i")
        self.extras: dict[int, Extra] = {}
        self.owners = array("i")
        self.kids = array("q")
        """The kid log: `kids[n]` belongs to element `owners[n]`, in the order they came."""
        self.open: list[int] = [self.new("Document", NO_ELEMENT)]
        self.in_sequence = False
        self.page = 0
        """The number of the page being drawn (reportlab's, from 1)."""
        self.on_page = array("i")
        """The element of each MCID on the page being drawn."""
        self.parent_tree = array("i")
        """By key: a link's element, or (as -1 - n) the n-th page's elements by MCID."""
        self.pages: list[array[int]] = []
        self.page_keys: dict[int, int] = {}
        self.annotations = array("i")
        """Each link annotation as reportlab counts them, then its page, in turn."""
        self.annotation_names: dict[int, str] = {}
        """The few annotations given a name of their own, by count (the rest are NUMBERn)."""
        self.text_queue: list[int] = []
        """Elements the next texts a list item draws belong to (its label, then its body)."""
        self.link_words: dict[str, str] = {}
        """What a link's destination is called (a heading's text, an evidence item's title)."""

    def new(self, role: str, parent: int, extra: Extra | None = None) -> int:
        """A new element, the last kid of `parent` so far."""
        element = len(self.roles)
        self.roles.append(CODES[role])
        self.parents.append(parent)
        if parent != NO_ELEMENT:
            self.owners.append(parent)
            self.kids.append(element << 2 | ELEMENT)
        if extra is not None:
            self.extras[element] = extra
        return element

    # -- drawing ---------------------------------------------------------------------------

    def draw(self, canvas: Any, tag: Tag | None, draw: Callable[[], None], label: bool) -> None:
        """Draw inside the sequence or group `tag` says; untagged inside another sequence.
        `label`: the piece draws a list item's label first."""
        if tag is None or self.in_sequence:
            draw()
        elif tag.role == ARTIFACT:
            with self.artifact(canvas, LAYOUT):
                draw()
        elif tag.role == "LI":
            self._list_item(tag, draw, label)
        elif tag.role in LEAF_ROLES:
            self.begin(canvas, self.element(tag))
            try:
                draw()
            finally:
                self.end(canvas)
        else:
            with self.group(tag):
                draw()

    def element(self, tag: Tag) -> int:
        if tag.element == NO_ELEMENT:
            tag.element = self.new(tag.role, self.open[-1], tag.extra())
        return tag.element

    @contextmanager
    def group(self, tag: Tag) -> Iterator[int]:
        """What is drawn inside belongs to the tag's element; anything opened inside and left
        open ends with it."""
        element = self.element(tag)
        depth = len(self.open)
        self.open.append(element)
        try:
            yield element
        finally:
            del self.open[depth:]

    def push(self, tag: Tag) -> None:
        """A group opened by a mark in the story (a section), closed by `pop`."""
        self.open.append(self.element(tag))

    def pop(self) -> None:
        if len(self.open) > 1:
            self.open.pop()

    def begin(self, canvas: Any, element: int) -> None:
        page: int = canvas._doc.pageCounter
        if page != self.page:
            self.page, self.on_page = page, array("i")
            self.page_keys[page] = len(self.parent_tree)
            self.parent_tree.append(-1 - len(self.pages))
            self.pages.append(self.on_page)
        mcid = len(self.on_page)
        self.on_page.append(element)
        self.owners.append(element)
        self.kids.append(marked_kid(page, mcid))
        canvas._code.append(f"/{ROLES[self.roles[element]]} <</MCID {mcid}>> BDC")
        self.in_sequence = True

    def end(self, canvas: Any) -> None:
        canvas._code.append("EMC")
        self.in_sequence = False

    @contextmanager
    def artifact(self, canvas: Any, opening: str) -> Iterator[None]:
        """Furniture: read by no one, never inside a tagged sequence."""
        opened = self.open_artifact(canvas, opening)
        try:
            yield
        finally:
            if opened:
                self.end(canvas)

    def open_artifact(self, canvas: Any, opening: str) -> bool:
        """False when already inside a sequence (what is drawn belongs to it)."""
        if self.in_sequence:
            return False
        canvas._code.append(opening)
        self.in_sequence = True
        return True

    def _list_item(self, tag: Tag, draw: Callable[[], None], label: bool) -> None:
        """A list item draws its label ("1.", a bullet) as one text object and its words as
        the next: each goes into its own sequence as the canvas draws it (`drawn_text`)."""
        if tag.element == NO_ELEMENT:  # its words' language and typed text go on its body
            tag.element = self.new("LI", self.open[-1])
        if label and tag.body == NO_ELEMENT:
            tag.label = self.new("Lbl", tag.element)
        if tag.body == NO_ELEMENT:
            tag.body = self.new("LBody", tag.element, tag.extra())
        self.text_queue = [tag.label, tag.body] if label and tag.label != NO_ELEMENT else [tag.body]
        try:
            draw()
        finally:
            self.text_queue = []

    def drawn_text(self, canvas: Any, draw: Callable[[], None]) -> None:
        """A text object drawn by the canvas: a list item's label or body gets its own sequence."""
        if not self.text_queue or self.in_sequence:
            draw()
            return
        element = self.text_queue.pop(0) if len(self.text_queue) > 1 else self.text_queue[0]
        self.begin(canvas, element)
        try:
            draw()
        finally:
            self.end(canvas)

    def link(self, canvas: Any, count: int) -> int:
        """An annotation made now (reportlab's `count`-th) belongs to the element being drawn
        (a Link within it, or the element itself when it is a Link); returns its key in the
        parent tree."""
        owner = self.on_page[-1] if self.in_sequence and len(self.on_page) else self.open[-1]
        if ROLES[self.roles[owner]] != "Link":
            owner = self.new("Link", owner)
        self.owners.append(owner)
        self.kids.append(len(self.annotations) // 2 << 2 | ANNOTATION)
        self.annotations.extend((count, canvas._doc.pageCounter))
        self.parent_tree.append(owner)
        return len(self.parent_tree) - 1


def tagged_draw(
    canvas: Any, tag: Tag | None, draw: Callable[[], None], label: bool = False
) -> None:
    """Draw through the canvas's tagger, or plainly on a canvas that records no structure."""
    tags: Tagger | None = getattr(canvas, "tags", None)
    if tags is None:
        draw()
    else:
        tags.draw(canvas, tag, draw, label)
