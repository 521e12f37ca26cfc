"""One file-name sanitiser for local files and packages: nothing climbs out, hides or collides."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfeval.files.names import MAX_NAME_BYTES, safe_filename


@pytest.mark.parametrize(
    ("given_name", "expected"),
    [
        ("Audit 2026.pdf", "Audit 2026.pdf"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system.ini", "system.ini"),
        ("C:\\Users\\lead\\report.docx", "report.docx"),
        ("Macintosh HD:Users:report.docx", "report.docx"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("a\u2066b\u2067c\u2068d\u2069.txt", "abcd.txt"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("NUL.tar.gz", "_NUL.tar.gz"),
        ("com1.pdf", "_com1.pdf"),
        ("LPT9", "_LPT9"),
        ("console.txt", "console.txt"),
        ("report.pdf.", "report.pdf"),
        ("report.pdf . . ", "report.pdf"),
        ("  spaced  ", "spaced"),
        ('a<b>c"d|e?f*g.txt', "a_b_c_d_e_f_g.txt"),
        ("tab\there\x00.txt", "tab_here_.txt"),
        ("..", "attachment"),
        ("", "attachment"),
        ("/", "attachment"),
        (".hidden", "hidden"),
        ("Gwasanaethau ŵ ŷ.pdf", "Gwasanaethau ŵ ŷ.pdf"),
    ],
)
def test_names(given_name: str, expected: str) -> None:
    assert safe_filename(given_name) == expected


def test_a_long_name_keeps_its_extension_within_the_byte_limit() -> None:
    name = safe_filename("ł" * 400 + ".xlsx")
    assert name.endswith(".xlsx")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES


@given(st.text(max_size=300))
def test_any_name_is_one_harmless_component(name: str) -> None:
    cleaned = safe_filename(name)
    assert cleaned and cleaned not in (".", "..")
    assert not any(c in cleaned for c in '/\\:<>"|?*')
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in cleaned)
    assert not any(ord(c) < 32 for c in cleaned)
    assert not cleaned.endswith((".", " "))
    assert len(cleaned.encode("utf-8")) <= MAX_NAME_BYTES
    assert cleaned.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
