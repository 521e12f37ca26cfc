"""Fonts, paragraph styles and safe text for the PDF pack.

Every user string goes through ``safe()``: reportlab's Paragraph parses markup, so raw `<`, `&`,
an unclosed `<b>` or `<img src=...>` would break the export or open local files (GUIDE.md §5).
DejaVu Sans is embedded so Welsh, Polish, curly quotes and en dashes print; a character it has
no glyph for prints as the font's visible empty box, never a crash.
"""

from __future__ import annotations

from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

from selfeval.locations import resource_path
from selfeval.pack.model import Rating
from selfeval.pack.pdf_script import arabic_runs, is_right_to_left, visual_order
from selfeval.pack.text import clean

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_registered = False

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#505050")
ACCENT = colors.HexColor("#1D4F91")
RULE = colors.HexColor("#B0B7C3")


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    folder = resource_path("resources", "fonts")
    faces = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=FONT_BOLD,
        italic="DejaVuSans-Oblique",
        boldItalic="DejaVuSans-BoldOblique",
    )
    _registered = True


ARABIC_FONT = "NotoNaskhArabic"
_arabic_registered = False


def safe(text: str) -> str:
    """User text as Paragraph markup that shows exactly what was typed: right-to-left lines in
    drawing order (`pdf_script`), Arabic-script runs in Noto Naskh Arabic (DejaVu Sans lacks
    common Urdu letters such as heh goal)."""
    lines = []
    for line in clean(text).split("\n"):
        if is_right_to_left(line):
            lines.append(arabic_runs(escape(visual_order(line, _has_glyph)), _arabic_font()))
        else:
            lines.append(escape(line))
    return "<br/>".join(lines)


def _has_glyph(code_point: int) -> bool:
    return code_point in _arabic_glyphs()


@lru_cache(maxsize=1)
def _arabic_glyphs() -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(_arabic_font()).face.charToGlyph)


def _arabic_font() -> str:
    """Registered on first use: most packs hold no Arabic script and skip loading it."""
    global _arabic_registered
    if not _arabic_registered:
        register_fonts()
        folder = resource_path("resources", "fonts")
        bold = ARABIC_FONT + "-Bold"
        pdfmetrics.registerFont(TTFont(ARABIC_FONT, str(folder / "NotoNaskhArabic-Regular.ttf")))
        pdfmetrics.registerFont(TTFont(bold, str(folder / "NotoNaskhArabic-Bold.ttf")))
        pdfmetrics.registerFontFamily(
            ARABIC_FONT, normal=ARABIC_FONT, bold=bold, italic=ARABIC_FONT, boldItalic=bold
        )
        _arabic_registered = True
    return ARABIC_FONT


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        bulletFontName=FONT,
        fontSize=9.5,
        leading=13,
        textColor=INK,
        spaceAfter=4,
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=17,
            leading=21,
            spaceBefore=4,
            spaceAfter=10,
            textColor=ACCENT,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=8,
            spaceAfter=6,
            textColor=ACCENT,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=26,
            leading=32,
            textColor=ACCENT,
            spaceAfter=14,
        ),
        "cover_sub": ParagraphStyle(
            "cover_sub", parent=body, fontSize=14, leading=19, textColor=INK, spaceAfter=8
        ),
        "marking": ParagraphStyle(
            "marking",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#8B0000"),
        ),
        "toc1": ParagraphStyle("toc1", parent=body, fontName=FONT_BOLD, fontSize=10, leading=15),
        "toc2": ParagraphStyle("toc2", parent=body, fontSize=9, leading=12.5, leftIndent=14),
    }


def table_style(*commands: tuple[object, ...]) -> TableStyle:
    """A table style that names our font first: a Table otherwise sets Helvetica (unembedded)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8.5), *commands])


GRID = table_style(
    ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8.5),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EDF5")),
    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
)


def chip(rating: Rating | None) -> str:
    """A rating as a coloured square and its word (never colour alone)."""
    if rating is None:
        return "Not rated"
    return f'<font color="{rating.colour}">\u25a0</font> {safe(rating.label)}'


def chip_words(rating: Rating | None) -> str:
    """What a screen reader says for a chip: its word, not the square drawn before it."""
    return rating.label if rating is not None else "Not rated"
