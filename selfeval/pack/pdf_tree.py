"""The tagged PDF's tree, written when the last page is out: the structure elements `Tagger`
recorded, the parent tree (from a page's MCID or a link back to its element), /MarkInfo, and the
XMP packet that names the title and claims PDF/UA-1.

reportlab keeps every object of a file, and a table entry or two for each, until it writes the
whole file at once; a county's pack has hundreds of thousands of structure elements, which
that way would cost more time and memory than its pages. So reportlab writes the file with the
catalog pointing at a structure tree root that is still empty, and the tree follows as an
update appended to the same file (PDF's incremental update: new objects, the root redefined, a
cross-reference section for them, a trailer pointing back to reportlab's), written a megabyte
at a time as it is made.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP, PDFDictionary, PDFName, PDFObject, PDFString

from selfeval.pack.pdf_tags import ANNOTATION, ELEMENT, MARKED, NO_ELEMENT, ROLES, Extra, Tagger

ROOT_NAME = "StructTreeRoot"
LANGUAGE = "en-GB"
CHUNK = 1 << 20


class _EmptyRoot(PDFObject):
    """The root in reportlab's part of the file: redefined by the update that follows."""

    def format(self, _document: Any) -> bytes:
        return b"<</Type/StructTreeRoot>>"


def prepare_structure(canvas: Any, title: str, author: str, subject: str) -> None:
    """Before reportlab writes the file: the catalog points at the tree's root, says the file
    is tagged, and carries the XMP packet."""
    document = canvas._doc
    root = _EmptyRoot()
    document.Reference(root, ROOT_NAME)
    catalog = document.Catalog
    catalog.StructTreeRoot = root
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Metadata = _xmp(title, author, subject)


def append_structure(
    document: Any, tags: Tagger, written: bytes, write: Callable[[bytes], None]
) -> None:
    """After reportlab's file (`written`, already out): the tree as an incremental update."""
    trailer = written[written.rindex(b"trailer") :]
    previous = int(trailer.rsplit(b"startxref", 1)[1].split()[0])
    first = int(_entry(trailer, rb"/Size (\d+)"))
    out = _Out(write, len(written))
    tree = _Tree(document, tags, first)
    for number, text in tree.objects():
        out.add(number, text)
    xref = out.offset
    out.cross_reference()
    root, info = _entry(trailer, rb"/Root (\d+ \d+ R)"), _entry(trailer, rb"/Info (\d+ \d+ R)")
    identity = _entry(trailer, rb"/ID\s*(\[[^\]]*\])")
    out.write(
        (
            f"trailer\n<</Size {tree.next_number}/Root {root}/Info {info}/ID {identity}"
            f"/Prev {previous}>>\nstartxref\n{xref}\n%%EOF\n"
        ).encode("latin-1")
    )
    out.flush()


def _entry(trailer: bytes, pattern: bytes) -> str:
    found = re.search(pattern, trailer)
    if found is None:
        raise AssertionError(f"reportlab's trailer has no {pattern!r}")  # a new reportlab
    return found.group(1).decode("latin-1")


class _Out:
    """Bytes to the file a megabyte at a time, each object's number and offset noted."""

    def __init__(self, write: Callable[[bytes], None], offset: int) -> None:
        self.sink, self.offset = write, offset
        self.pending: list[bytes] = []
        self.size = 0
        self.numbers = array("q")
        self.offsets = array("q")

    def add(self, number: int, text: bytes) -> None:
        self.numbers.append(number)
        self.offsets.append(self.offset)
        self.write(b"%d 0 obj\n%s\nendobj\n" % (number, text))

    def write(self, data: bytes) -> None:
        self.pending.append(data)
        self.offset += len(data)
        self.size += len(data)
        if self.size > CHUNK:
            self.flush()

    def flush(self) -> None:
        self.sink(b"".join(self.pending))
        self.pending, self.size = [], 0

    def cross_reference(self) -> None:
        """The update's cross-reference section: a subsection per run of consecutive numbers
        (the objects came in runs), in order of number."""
        runs: list[tuple[int, int]] = []  # first and last index into `numbers`
        for index, number in enumerate(self.numbers):
            if runs and number == self.numbers[runs[-1][1]] + 1:
                runs[-1] = (runs[-1][0], index)
            else:
                runs.append((index, index))
        self.write(b"xref\n")
        for start, end in sorted(runs, key=lambda run: self.numbers[run[0]]):
            self.write(b"%d %d\n" % (self.numbers[start], end - start + 1))
            for index in range(start, end + 1):
                self.write(b"%010d 00000 n \n" % self.offsets[index])


class _Tree:
    """The update's objects: the elements numbered from `first`, each page's elements by MCID,
    the parent tree, and the root (reportlab's number, redefined)."""

    def __init__(self, document: Any, tags: Tagger, first: int) -> None:
        self.document, self.tags, self.first = document, tags, first
        self.root = _number(document, ROOT_NAME)
        self.order = _grouped(tags.owners, len(tags.roles))
        """The kid log's entries, grouped by their element (in the order they came)."""
        self.next_kid = 0
        self.page_numbers: dict[int, int] = {}
        self.next_number = first + len(tags.roles)

    def objects(self) -> Iterator[tuple[int, bytes]]:
        for element in range(len(self.tags.roles)):
            yield self.first + element, self._element(element)
        entries: list[str] = []
        for key, value in enumerate(self.tags.parent_tree):
            if value >= 0:  # a link's element
                entries.append(f"{key} {self.first + value} 0 R")
                continue
            number = self._number()
            page = self.tags.pages[-1 - value]
            yield number, ("[" + " ".join(f"{self.first + e} 0 R" for e in page) + "]").encode()
            entries.append(f"{key} {number} 0 R")
        tree = self._number()
        yield tree, f"<</Nums[{' '.join(entries)}]>>".encode("latin-1")
        yield (
            self.root,
            (
                f"<</Type/StructTreeRoot/K {self.first} 0 R/ParentTree {tree} 0 R"
                f"/ParentTreeNextKey {len(self.tags.parent_tree)}>>"
            ).encode("latin-1"),
        )

    def _number(self) -> int:
        self.next_number += 1
        return self.next_number - 1

    def _element(self, element: int) -> bytes:
        tags = self.tags
        parent = tags.parents[element]
        up = self.root if parent == NO_ELEMENT else self.first + parent
        kids = self._kids(element)
        first_page = next((kid >> 22 for kid in kids if kid & 3 == MARKED), 0)
        text = f"<</Type/StructElem/S/{ROLES[tags.roles[element]]}/P {up} 0 R"
        if first_page:
            text += f"/Pg {self._page(first_page)} 0 R"
        shown = [self._kid(kid, first_page) for kid in kids]
        if len(shown) == 1:
            text += f"/K {shown[0]}"
        elif shown:
            text += f"/K[{' '.join(shown)}]"
        extra = tags.extras.get(element)
        return text.encode("latin-1") + (_extra(extra, self.document) if extra else b"") + b">>"

    def _kids(self, element: int) -> list[int]:
        owners, order, kids = self.tags.owners, self.order, self.tags.kids
        found = []
        while self.next_kid < len(order) and owners[order[self.next_kid]] == element:
            found.append(kids[order[self.next_kid]])
            self.next_kid += 1
        return found

    def _kid(self, kid: int, first_page: int) -> str:
        kind, value = kid & 3, kid >> 2
        if kind == ELEMENT:
            return f"{self.first + value} 0 R"
        if kind == ANNOTATION:
            count, page = self.tags.annotations[2 * value], self.tags.annotations[2 * value + 1]
            name = self.tags.annotation_names.get(count, f"NUMBER{count}")
            annotation = _number(self.document, self.document.annotationName(name))
            return f"<</Type/OBJR/Obj {annotation} 0 R/Pg {self._page(page)} 0 R>>"
        page, mcid = value >> 20, value & 0xFFFFF
        if page == first_page:
            return str(mcid)
        return f"<</Type/MCR/Pg {self._page(page)} 0 R/MCID {mcid}>>"

    def _page(self, page: int) -> int:
        if page not in self.page_numbers:
            self.page_numbers[page] = _number(self.document, f"Page{page}")
        return self.page_numbers[page]


def _number(document: Any, name: str) -> int:
    number: int = document.idToObjectNumberAndVersion[name][0]
    return number


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


def _extra(extra: Extra, document: Any) -> bytes:
    out = extra.attributes.encode("latin-1")
    for key, value in (("Alt", extra.alt), ("ActualText", extra.actual), ("Lang", extra.lang)):
        if value:
            out += f"/{key} ".encode("latin-1") + PDFString(value).format(document)
    return out


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
