"""The Word pack: the pack composed into blocks (documents/pack.py), written by the Word back-end
on A4 with real headings, tables and a contents field, for partners who edit the narrative."""

from __future__ import annotations

from pathlib import Path

from selfeval.files.output import CancelCheck, Progress
from selfeval.pack.documents.pack import compose_pack
from selfeval.pack.docx_blocks import render_document_docx
from selfeval.pack.model import Pack


def render_docx(
    pack: Pack,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    return render_document_docx(compose_pack(pack), path, progress, cancelled)
