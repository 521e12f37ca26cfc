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
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObject, PDFString

LEAF_ROLES = frozenset(
    {"P", "H1", "H2", "H3", "Lbl", "LBody", "TH", "TD", "TOCI", "Figure", "Link", "Caption"}
)
"""Roles whose element holds drawn content; the others (Document, Sect, Div, L, LI, Table,
THead, TBody, TR, TOC) hold elements."""

ROOT_NAME = "StructTreeRoot"
"""reportlab's name for the structure tree's root object (`pdf_tree.py` makes it)."""
ARTIFACT = "Artifact"
PAGINATION = "/Artifact <</Type /Pagination /Subtype /{}>> BDC"
LAYOUT = "/Artifact <</Type /Layout>> BDC"


class Marked:
    """One marked-content sequence: its number on a page."""

    __slots__ = ("page", "mcid")

    def __init__(self, page: str, mcid: int) -> None:
        self.page, self.mcid = page, mcid


class Annotated:
    """An annotation (a link) that belongs to an element, by reportlab's name for it."""

    __slots__ = ("name", "page")

    def __init__(self, name: str, page: str) -> None:
        self.name, self.page = name, page


class Element(PDFObject):
    """A structure element; reportlab writes it as an object of the file (`pdf_tree.py`)."""

    def __init__(self, role: str, parent: Element | None, tag: Tag | None = None) -> None:
        self.role, self.parent = role, parent
        self.kids: list[Element | Marked | Annotated] = []
        self.alt = tag.alt if tag else ""
        self.lang = tag.lang if tag else ""
        self.actual = tag.actual if tag else ""
        self.attributes = tag.attributes if tag else ""
        if parent is not None:
            parent.kids.append(self)

    def format(self, document: Any) -> bytes:
        """The element as the file holds it (made here directly: a county's pack has hundreds
        of thousands, and reportlab's general dictionaries would cost more than the pages)."""
        return element_bytes(self, document)


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
        self.element: Element | None = None
        self.label: Element | None = None
        self.body: Element | None = None
        """A list item's label and body, made when first drawn."""


class Tagger:
    """Records the structure of one PDF while reportlab draws it (`pdf_canvas.TaggingCanvas`)."""

    def __init__(self) -> None:
        self.root = Element("Document", None)
        self.open: list[Element] = [self.root]
        self.in_sequence = False
        self.page = ""
        """reportlab's name of the page being drawn ("Page3")."""
        self.on_page: list[Element] = []
        """The element of each MCID on the page being drawn."""
        self.parent_tree: dict[int, list[Element] | Element] = {}
        """Each page's elements by MCID, and each link's element, by key."""
        self.page_keys: dict[str, int] = {}
        self.text_queue: list[Element] = []
        """Elements the next texts a list item draws belong to (its label, then its body)."""
        self.link_words: dict[str, str] = {}
        """What a link's destination is called (a heading's text, an evidence item's title)."""

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
            self._list_item(canvas, tag, draw, label)
        elif tag.role in LEAF_ROLES:
            with self.sequence(canvas, self.element(tag)):
                draw()
        else:
            with self.group(tag):
                draw()

    def element(self, tag: Tag) -> Element:
        if tag.element is None:
            tag.element = Element(tag.role, self.open[-1], tag)
        return tag.element

    @contextmanager
    def group(self, tag: Tag) -> Iterator[Element]:
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

    @contextmanager
    def sequence(self, canvas: Any, element: Element) -> Iterator[None]:
        self.begin(canvas, element)
        try:
            yield
        finally:
            self.end(canvas)

    def begin(self, canvas: Any, element: Element) -> None:
        page = canvas._doc.thisPageName()
        if page != self.page:
            self.page, self.on_page = page, []
            self.page_keys[page] = len(self.parent_tree)
            self.parent_tree[len(self.parent_tree)] = self.on_page
        mcid = len(self.on_page)
        self.on_page.append(element)
        element.kids.append(Marked(page, mcid))
        canvas._code.append(f"/{element.role} <</MCID {mcid}>> BDC")
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

    def _list_item(self, canvas: Any, tag: Tag, draw: Callable[[], None], label: bool) -> None:
        """A list item draws its label ("1.", a bullet) as one text object and its words as
        the next: each goes into its own sequence as the canvas draws it (`drawn_text`)."""
        if tag.element is None:  # its words' language and typed text go on its body
            tag.element = Element("LI", self.open[-1])
        with self.group(tag) as item:
            if label and tag.body is None:
                tag.label = Element("Lbl", item)
            if tag.body is None:
                tag.body = Element("LBody", item, tag)
            self.text_queue = [tag.label, tag.body] if label and tag.label else [tag.body]
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
        with self.sequence(canvas, element):
            draw()

    def link(self, canvas: Any, name: str) -> int:
        """An annotation made now belongs to the element being drawn (a Link within it, or the
        element itself when it is a Link); returns its key in the parent tree."""
        owner = self.on_page[-1] if self.in_sequence and self.on_page else self.open[-1]
        if owner.role != "Link":
            owner = Element("Link", owner)
        owner.kids.append(Annotated(name, canvas._doc.thisPageName()))
        key = len(self.parent_tree)
        self.parent_tree[key] = owner
        return key


def tagged_draw(
    canvas: Any, tag: Tag | None, draw: Callable[[], None], label: bool = False
) -> None:
    """Draw through the canvas's tagger, or plainly on a canvas that records no structure."""
    tags: Tagger | None = getattr(canvas, "tags", None)
    if tags is None:
        draw()
    else:
        tags.draw(canvas, tag, draw, label)


def reference(document: Any, name: str) -> str:
    return f"{document.idToObjectNumberAndVersion[name][0]} 0 R"


def object_name(obj: PDFObject) -> str:
    name: str = obj.__InternalName__
    return name


def element_bytes(element: Element, document: Any) -> bytes:
    """One element as the file holds it: role, parent, first page, kids, and its alternative
    text, language and attributes when it has them."""
    parent = object_name(element.parent) if element.parent is not None else ROOT_NAME
    first = next((kid.page for kid in element.kids if isinstance(kid, Marked)), "")
    head = f"<< /Type /StructElem /S /{element.role} /P {reference(document, parent)}"
    if first:
        head += f" /Pg {reference(document, first)}"
    kids = " ".join(_kid(document, kid, first) for kid in element.kids)
    if len(element.kids) > 1:
        kids = f"[{kids}]"  # one kid stands alone (readers and checkers expect either)
    out = (head + (f" /K {kids}" if kids else "") + element.attributes).encode("latin-1")
    if element.alt:
        out += b" /Alt " + PDFString(element.alt).format(document)
    if element.actual:
        out += b" /ActualText " + PDFString(element.actual).format(document)
    if element.lang:
        out += b" /Lang " + PDFString(element.lang).format(document)
    return out + b" >>"


def _kid(document: Any, kid: Element | Marked | Annotated, first: str) -> str:
    if isinstance(kid, Element):
        return reference(document, object_name(kid))
    if isinstance(kid, Marked):
        if kid.page == first:
            return str(kid.mcid)
        return f"<< /Type /MCR /Pg {reference(document, kid.page)} /MCID {kid.mcid} >>"
    annotation, page = reference(document, kid.name), reference(document, kid.page)
    return f"<< /Type /OBJR /Obj {annotation} /Pg {page} >>"
