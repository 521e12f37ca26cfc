"""One entry to write a composed document in the format its file name asks for."""

from __future__ import annotations

from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.output import CancelCheck, Progress
from selfeval.pack.blocks import Document

DOCUMENT_FORMATS = (".pdf", ".docx")


def render_document(
    document: Document,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    # Each back-end's library loads only when that format is asked for.
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from selfeval.pack.pdf_blocks import render_document_pdf

        return render_document_pdf(document, path, progress, cancelled)
    if suffix == ".docx":
        from selfeval.pack.docx_blocks import render_document_docx

        return render_document_docx(document, path, progress, cancelled)
    raise InputError(f"{path.name}: this document is written as .pdf or .docx")
