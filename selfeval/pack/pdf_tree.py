"""The tagged PDF's tree, written when the last page is out: the structure elements `Tagger`
recorded, the parent tree (from a page's MCID or a link back to its element), /MarkInfo, and the
XMP packet that names the title and claims PDF/UA-1."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import XMP, PDFDictionary, PDFName, PDFObject

from selfeval.pack.pdf_tags import ROOT_NAME, Element, Tagger, object_name, reference

LANGUAGE = "en-GB"


class _Root(PDFObject):
    def __init__(self, tags: Tagger, parent_tree: PDFObject) -> None:
        self.tags, self.parent_tree = tags, parent_tree

    def format(self, document: Any) -> bytes:
        root = reference(document, object_name(self.tags.root))
        tree = reference(document, object_name(self.parent_tree))
        return (
            f"<< /Type /StructTreeRoot /K [{root}] /ParentTree {tree}"
            f" /ParentTreeNextKey {len(self.tags.parent_tree)} >>"
        ).encode("latin-1")


class _ParentTree(PDFObject):
    """A number tree of one node: a page's key leads to its elements by MCID, a link's key to
    its element."""

    def __init__(self, entries: dict[int, PDFObject]) -> None:
        self.entries = entries

    def format(self, document: Any) -> bytes:
        nums = " ".join(
            f"{key} {reference(document, object_name(obj))}" for key, obj in self.entries.items()
        )
        return f"<< /Nums [{nums}] >>".encode("latin-1")


class _PageElements(PDFObject):
    def __init__(self, elements: list[Element]) -> None:
        self.elements = elements

    def format(self, document: Any) -> bytes:
        refs = " ".join(reference(document, object_name(element)) for element in self.elements)
        return f"[{refs}]".encode("latin-1")


def write_structure(canvas: Any, tags: Tagger, title: str, author: str, subject: str) -> None:
    """Add the tree and the document-level declarations to the file the canvas will save."""
    document = canvas._doc
    for element in _elements(tags.root):
        document.Reference(element)
    entries: dict[int, PDFObject] = {}
    for key, value in tags.parent_tree.items():
        entries[key] = value if isinstance(value, Element) else _PageElements(value)
        document.Reference(entries[key])
    tree = _ParentTree(entries)
    document.Reference(tree)
    root = _Root(tags, tree)
    document.Reference(root, ROOT_NAME)
    catalog = document.Catalog
    catalog.StructTreeRoot = root
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    catalog.Metadata = _xmp(title, author, subject)


def _elements(root: Element) -> list[Element]:
    """Every element, parents before their kids (any order would do; this one reads well)."""
    out, pending = [], [root]
    while pending:
        element = pending.pop()
        out.append(element)
        pending.extend(reversed([kid for kid in element.kids if isinstance(kid, Element)]))
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


def mark_page(page: Any, tags: Tagger, name: str) -> None:
    """A finished page names its entry in the parent tree, and its tab order follows the
    structure."""
    page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
    page.Tabs = PDFName("S")
    page.StructParents = tags.page_keys.get(name)
