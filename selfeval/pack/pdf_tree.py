"""The tagged PDF's tree, written when the last page is out: the structure elements `Tagger`
recorded, the parent tree (from a page's MCID or a link back to its element), /MarkInfo, and the
XMP packet that names the title and claims PDF/UA-1.

The elements take a block of object numbers in one go and one shared object writes each in
turn (reportlab writes objects in number order): no object or table entry per element, and each
reference is arithmetic.
"""

from __future__ import annotations

from array import array
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP, PDFDictionary, PDFName, PDFObject, PDFString

from selfeval.pack.pdf_tags import ANNOTATION, ELEMENT, MARKED, NO_ELEMENT, ROLES, Extra, Tagger

ROOT_NAME = "StructTreeRoot"
LANGUAGE = "en-GB"


def _number(document: Any, name: object) -> int:
    number: int = document.idToObjectNumberAndVersion[name][0]
    return number


class _Elements(PDFObject):
    """Every structure element, numbered from `first`; reportlab asks for each in turn."""

    def __init__(self, tags: Tagger, document: Any, root: int) -> None:
        self.tags, self.root = tags, root
        self.order = _grouped(tags.owners, len(tags.roles))
        """The kid log's entries, grouped by their element (in the order they came)."""
        self.next_kid = 0
        self.next_element = 0
        self.first: int = document.objectcounter + 1
        self.last = self.first + len(tags.roles) - 1
        _reserve(document, self.first, self.last, self)
        self.pages: dict[int, int] = {}

    def number(self, element: int) -> int:
        return self.first + element

    def format(self, document: Any) -> bytes:
        element = self.next_element
        self.next_element += 1
        tags = self.tags
        parent = tags.parents[element]
        up = self.root if parent == NO_ELEMENT else self.first + parent
        kids = self._kids(element)
        first_page = next((kid >> 22 for kid in kids if kid & 3 == MARKED), 0)
        text = f"<</Type/StructElem/S/{ROLES[tags.roles[element]]}/P {up} 0 R"
        if first_page:
            text += f"/Pg {self._page(document, first_page)} 0 R"
        shown = [self._kid(document, kid, first_page) for kid in kids]
        if len(shown) == 1:
            text += f"/K {shown[0]}"
        elif shown:
            text += f"/K[{' '.join(shown)}]"
        extra = tags.extras.get(element)
        return text.encode("latin-1") + (_extra(extra, document) if extra else b"") + b">>"

    def _kids(self, element: int) -> list[int]:
        owners, order, kids = self.tags.owners, self.order, self.tags.kids
        found = []
        while self.next_kid < len(order) and owners[order[self.next_kid]] == element:
            found.append(kids[order[self.next_kid]])
            self.next_kid += 1
        return found

    def _kid(self, document: Any, kid: int, first_page: int) -> str:
        kind, value = kid & 3, kid >> 2
        if kind == ELEMENT:
            return f"{self.first + value} 0 R"
        if kind == ANNOTATION:
            name, page = self.tags.annotations[value]
            annotation = _number(document, name)
            return f"<</Type/OBJR/Obj {annotation} 0 R/Pg {self._page(document, page)} 0 R>>"
        page, mcid = value >> 20, value & 0xFFFFF
        if page == first_page:
            return str(mcid)
        return f"<</Type/MCR/Pg {self._page(document, page)} 0 R/MCID {mcid}>>"

    def _page(self, document: Any, page: int) -> int:
        if page not in self.pages:
            self.pages[page] = _number(document, f"Page{page}")
        return self.pages[page]


def _grouped(owners: array[int], elements: int) -> array[int]:
    """The indices of `owners` ordered by owner, in their order within each (a counting sort
    in arrays: a county's pack logs a million kids)."""
    starts = array("i", bytes(4 * (elements + 1)))
    for owner in owners:
        starts[owner + 1] += 1
    for element in range(elements):
        starts[element + 1] += starts[element]
    order = array("i", bytes(4 * len(owners)))
    for index, owner in enumerate(owners):
        order[starts[owner]] = index
        starts[owner] += 1
    return order


class _Numbers(dict[object, object]):
    """One of reportlab's tables of objects by name or number, answering for a block of
    numbers kept for the structure elements without holding an entry for each (a county's
    pack has hundreds of thousands; three entries each would cost more than its pages)."""

    def __init__(self, table: dict[object, object], first: int, last: int, answer: Any) -> None:
        super().__init__(table)
        self.first, self.last, self.answer = first, last, answer

    def _kept(self, key: object) -> bool:
        return type(key) is int and self.first <= key <= self.last

    def __contains__(self, key: object) -> bool:
        return self._kept(key) or dict.__contains__(self, key)

    def __getitem__(self, key: object) -> object:
        if self._kept(key):
            return self.answer(key)
        return dict.__getitem__(self, key)

    def __len__(self) -> int:
        return dict.__len__(self) + self.last - self.first + 1


def _reserve(document: Any, first: int, last: int, elements: _Elements) -> None:
    """Numbers `first` to `last` are the elements': each its own name, each written by
    `elements`, in turn (reportlab writes objects in number order)."""
    document.numberToId = _Numbers(document.numberToId, first, last, lambda n: n)
    document.idToObject = _Numbers(document.idToObject, first, last, lambda _n: elements)
    document.idToObjectNumberAndVersion = _Numbers(
        document.idToObjectNumberAndVersion, first, last, lambda n: (n, 0)
    )
    document.objectcounter = last


def _extra(extra: Extra, document: Any) -> bytes:
    out = extra.attributes.encode("latin-1")
    for key, value in (("Alt", extra.alt), ("ActualText", extra.actual), ("Lang", extra.lang)):
        if value:
            out += f"/{key} ".encode("latin-1") + PDFString(value).format(document)
    return out


class _Root(PDFObject):
    def __init__(self, tags: Tagger) -> None:
        self.tags = tags
        self.elements: _Elements | None = None
        self.parent_tree: PDFObject | None = None

    def format(self, document: Any) -> bytes:
        assert self.elements is not None and self.parent_tree is not None
        tree = _number(document, self.parent_tree.__InternalName__)
        return (
            f"<</Type/StructTreeRoot/K {self.elements.number(0)} 0 R/ParentTree {tree} 0 R"
            f"/ParentTreeNextKey {len(self.tags.parent_tree)}>>"
        ).encode("latin-1")


class _ParentTree(PDFObject):
    """A number tree of one node: a page's key leads to its elements by MCID, a link's key to
    its element."""

    def __init__(self, entries: dict[int, PDFObject | int], elements: _Elements) -> None:
        self.entries, self.elements = entries, elements

    def format(self, document: Any) -> bytes:
        nums = " ".join(
            f"{key} {self._number(document, value)} 0 R" for key, value in self.entries.items()
        )
        return f"<</Nums[{nums}]>>".encode("latin-1")

    def _number(self, document: Any, value: PDFObject | int) -> int:
        if isinstance(value, int):
            return self.elements.number(value)
        return _number(document, value.__InternalName__)


class _PageElements(PDFObject):
    def __init__(self, elements: array[int], numbered: _Elements) -> None:
        self.elements, self.numbered = elements, numbered

    def format(self, document: Any) -> bytes:
        first = self.numbered.first
        return ("[" + " ".join(f"{first + e} 0 R" for e in self.elements) + "]").encode("latin-1")


def write_structure(canvas: Any, tags: Tagger, title: str, author: str, subject: str) -> None:
    """Add the tree and the document-level declarations to the file the canvas will save."""
    document = canvas._doc
    root = _Root(tags)
    document.Reference(root, ROOT_NAME)
    elements = _Elements(tags, document, _number(document, ROOT_NAME))
    entries: dict[int, PDFObject | int] = {}
    for key, value in tags.parent_tree.items():
        if isinstance(value, int):
            entries[key] = value
        else:
            entries[key] = _PageElements(value, elements)
            document.Reference(entries[key])
    tree = _ParentTree(entries, elements)
    document.Reference(tree)
    root.elements, root.parent_tree = elements, tree
    catalog = document.Catalog
    catalog.StructTreeRoot = root
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Metadata = _xmp(title, author, subject)


def _xmp(title: str, author: str, subject: str) -> XMP:
    """The XMP packet PDF/UA-1 asks for: its identification (part 1) and the title."""
    words = {key: escape(value) for key, value in (("t", title), ("a", author), ("s", subject))}
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about=""'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        "<pdfuaid:part>1</pdfuaid:part>\n"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{words["t"]}</rdf:li></rdf:Alt>'
        "</dc:title>\n"
        f"<dc:creator><rdf:Seq><rdf:li>{words['a']}</rdf:li></rdf:Seq></dc:creator>\n"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{words["s"]}</rdf:li>'
        "</rdf:Alt></dc:description>\n"
        f"<dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>\n"
        "<xmp:CreatorTool>selfeval</xmp:CreatorTool>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    metadata = XMP(creator=lambda _doc: packet.encode("utf-8"))
    metadata.filters = []  # read as it is, not compressed
    return metadata


def mark_page(page: Any, tags: Tagger, number: int) -> None:
    """A finished page names its entry in the parent tree, and its tab order follows the
    structure."""
    page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
    page.Tabs = PDFName("S")
    page.StructParents = tags.page_keys.get(number)
