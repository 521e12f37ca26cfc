"""The one dispatcher from a file name's format to the back-end that writes it: a composed
document (PDF or Word), or the pack, which is also a workbook (Excel reads the `Pack` model)."""

from __future__ import annotations

from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.output import CancelCheck, Progress
from selfeval.pack.blocks import Document
from selfeval.pack.model import Pack

DOCUMENT_FORMATS = (".pdf", ".docx")


def render_document(
    document: Document,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    fmt: str | None = None,
) -> Path:
    """`fmt` ("pdf" or "docx"; by default the file name's) picks the back-end."""
    # Each back-end's library loads only when that format is asked for.
    chosen = fmt or path.suffix.lower().lstrip(".")
    if chosen == "pdf":
        from selfeval.pack.pdf_blocks import render_document_pdf

        return render_document_pdf(document, path, progress, cancelled)
    if chosen == "docx":
        from selfeval.pack.docx_blocks import render_document_docx

        return render_document_docx(document, path, progress, cancelled)
    raise InputError(f"{path.name}: this document is written as .pdf or .docx")


def render_pack(
    pack: Pack,
    fmt: str,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """The pack in `fmt`: composed into blocks for PDF and Word, written as tables for Excel
    (the workbook reads the `Pack` model)."""
    if fmt == "xlsx":
        from selfeval.pack.xlsx_render import render_xlsx

        return render_xlsx(pack, path, progress, cancelled)
    from selfeval.pack.documents.pack import compose_pack

    return render_document(compose_pack(pack), path, progress, cancelled, fmt)
