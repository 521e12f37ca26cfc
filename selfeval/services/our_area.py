"""The pack's optional "Our area" section: the partnership's context, a foreword, and its logo.

The logo is checked before it is kept: a PNG or JPEG by its first bytes, at most 2 MB, and at
most 4,000 pixels a side once opened (a small file can still claim a huge picture). It is kept
as a workspace setting, so removing an evidence file can never take the logo with it.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

from selfeval.errors import InputError
from selfeval.files.faults import os_fault
from selfeval.files.input_file import open_input
from selfeval.services.settings import read_setting, write_setting
from selfeval.services.workspace import Workspace

CONTEXT, FOREWORD, LOGO = "our_area_context", "our_area_foreword", "our_area_logo"
SUMMARY = "executive_summary"
"""The partnership's written executive summary, in the small text format of
pack/documents/written.py: what a board reads first."""
TEXT_LIMIT = 20_000
LOGO_LIMIT = 2 * 1024 * 1024
LOGO_SIDE_LIMIT = 4_000
SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


@dataclass(frozen=True)
class OurArea:
    context: str
    foreword: str
    logo: bytes | None
    summary: str = ""

    @property
    def empty(self) -> bool:
        return not (self.context.strip() or self.foreword.strip() or self.logo)


def our_area(workspace: Workspace) -> OurArea:
    logo = read_setting(workspace, LOGO)
    return OurArea(
        read_setting(workspace, CONTEXT) or "",
        read_setting(workspace, FOREWORD) or "",
        base64.b64decode(logo) if logo else None,
        read_setting(workspace, SUMMARY) or "",
    )


def check_logo(data: bytes, name: str = "the logo") -> bytes:
    """The image as given, or a refusal that says what is wrong with it (decoded whole)."""
    if len(data) > LOGO_LIMIT:
        raise InputError(f"{name}: is {len(data) / 1_048_576:.1f} MB; a logo is at most 2 MB")
    kind = next((k for magic, k in SIGNATURES.items() if data.startswith(magic)), None)
    if kind is None:
        raise InputError(f"{name}: is not a PNG or JPEG image")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if max(width, height) > LOGO_SIDE_LIMIT:
                raise InputError(
                    f"{name}: is {width} x {height} pixels; a logo is at most "
                    f"{LOGO_SIDE_LIMIT:,} pixels a side"
                )
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # every pixel decoded now, not when a pack is printed: a cut-off file
            image.convert("RGB")  # or one in a mode no document can draw fails here, in words
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise InputError(f"{name}: is a damaged {kind} image") from None
    return data


def read_logo_file(path: Path) -> bytes:
    try:
        with open_input(path, "the image file") as handle:
            data = handle.read(LOGO_LIMIT + 1)
    except OSError as err:
        raise os_fault(path, err) from None
    return check_logo(data, path.name)


def set_our_area(
    workspace: Workspace,
    context: str | None = None,
    foreword: str | None = None,
    logo: bytes | None = None,
    remove_logo: bool = False,
    summary: str | None = None,
) -> None:
    """Change what is given (None leaves a part as it is); all checked before anything is kept."""
    for label, text in (("context", context), ("foreword", foreword), ("summary", summary)):
        if text is not None and len(text) > TEXT_LIMIT:
            raise InputError(f"the {label} is {len(text):,} characters; the limit is 20,000")
    if logo is not None:
        check_logo(logo)
    if context is not None:
        write_setting(workspace, CONTEXT, context.strip() or None)
    if foreword is not None:
        write_setting(workspace, FOREWORD, foreword.strip() or None)
    if summary is not None:
        write_setting(workspace, SUMMARY, summary.strip() or None)
    if remove_logo:
        write_setting(workspace, LOGO, None)
    elif logo is not None:
        write_setting(workspace, LOGO, base64.b64encode(logo).decode("ascii"))
