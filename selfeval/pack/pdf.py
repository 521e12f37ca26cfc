"""The PDF pack: the pack composed into blocks (documents/pack.py), drawn by the PDF back-end."""

from __future__ import annotations

from pathlib import Path

from selfeval.files.output import CancelCheck, Progress
from selfeval.pack.documents.pack import compose_pack
from selfeval.pack.model import Pack
from selfeval.pack.pdf_blocks import render_document_pdf


def render_pdf(
    pack: Pack,
    path: Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """Write the pack as PDF to `path` (complete or not at all)."""
    return render_document_pdf(compose_pack(pack), path, progress, cancelled)
