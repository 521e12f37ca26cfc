"""The canvas a tagged PDF is drawn on: reportlab's, telling the `Tagger` what it draws.

Three things reach the canvas without passing a flowable we made: the text objects of a list
item (its label and its words go into sequences of their own), link annotations (each goes into
the structure, with words saying where it leads), and the end of a page (it names its entry in
the parent tree and takes its tab order from the structure). Saving writes reportlab's file and
then the structure tree after it (`pdf_tree.py`).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import LinkAnnotation, PDFDictionary, PDFPage
from reportlab.pdfgen.canvas import Canvas

from selfeval.pack.pdf_tags import Tagger
from selfeval.pack.pdf_tree import append_structure, mark_page

SOMEWHERE = "Go to another part of this document"


class TaggingCanvas(Canvas):
    def __init__(self, *args: Any, tags: Tagger, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tags = tags

    def drawText(self, aTextObject: Any) -> None:  # noqa: N802, N803 (reportlab's names)
        self.tags.drawn_text(self, lambda: Canvas.drawText(self, aTextObject))

    def linkRect(  # noqa: N802 (reportlab's name)
        self, contents: str, destinationname: str, *args: Any, **kwargs: Any
    ) -> Any:
        """A link with no words of its own says where it goes (PDF/UA asks every link for
        a description)."""
        words = contents or self.tags.link_words.get(destinationname, SOMEWHERE)
        return super().linkRect(words, destinationname, *args, **kwargs)

    def _addAnnotation(self, annotation: Any, name: str | None = None, addtopage: int = 1) -> None:  # noqa: N802
        count = self._annotationCount + 1
        if name:  # a name of its own, kept (reportlab's own naming is rebuilt from the count)
            self.tags.annotation_names[count] = name
        name = name or f"NUMBER{count}"
        key = self.tags.link(self, count)
        if isinstance(annotation, LinkAnnotation):
            annotation.permitted = (*annotation.permitted, "StructParent")
            annotation.otherkw["StructParent"] = key
        elif isinstance(annotation, PDFDictionary):
            annotation["StructParent"] = key
        super()._addAnnotation(annotation, name, addtopage)

    def _setAnnotations(self, page: Any) -> None:  # noqa: N802 (reportlab's name)
        """Called as each page (or form) is finished."""
        super()._setAnnotations(page)
        if isinstance(page, PDFPage):
            mark_page(page, self.tags, self._doc.pageCounter)

    def save(self) -> None:
        """reportlab's file, then the structure tree appended to the same file."""
        if len(self._code):
            self.showPage()
        written: bytes = self._doc.GetPDFData(self)
        target = self._filename  # the open file the document was given
        target.write(written)
        append_structure(self._doc, self.tags, written, target.write)
