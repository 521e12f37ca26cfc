"""Export the pack in one format: the single entry point for the CLI and the GUI."""

from __future__ import annotations

from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.output import CancelCheck, Progress, check_destination
from selfeval.pack.builders.pack_builder import build_pack
from selfeval.pack.model import PackOptions
from selfeval.pack.render import render_pack
from selfeval.services.workspace import Workspace

FORMATS = ("pdf", "docx", "xlsx")


def export_pack(
    workspace: Workspace,
    fmt: str,
    path: Path,
    options: PackOptions,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}' (use {', '.join(FORMATS)})")
    if path.suffix.lower() != f".{fmt}":
        path = path.with_suffix(f".{fmt}") if not path.suffix else path
    check_destination(path)  # before the build: a refused destination costs nothing
    pack = build_pack(workspace, options)
    return render_pack(pack, fmt, path, progress, cancelled)


def export_executive(
    workspace: Workspace,
    path: Path,
    options: PackOptions,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> Path:
    """The executive version (pack/documents/executive.py), as PDF or Word."""
    from selfeval.pack.documents.executive import compose_executive
    from selfeval.pack.render import render_document

    if path.suffix.lower() not in (".pdf", ".docx"):
        raise InputError(f"{path.name}: the executive summary is written as .pdf or .docx")
    check_destination(path)
    pack = build_pack(workspace, options)
    return render_document(compose_executive(pack), path, progress, cancelled)
