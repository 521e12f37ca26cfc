"""The pack's "Our area" section: foreword, context and a logo checked before it is kept."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.pack.builders.export import export_pack
from selfeval.pack.model import PackOptions
from selfeval.services.our_area import check_logo, our_area, set_our_area
from selfeval.services.workspace import Workspace
from tests.test_documents import docx_text, pdf_text


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (300, 100)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (29, 79, 145)).save(buffer, kind)
    return buffer.getvalue()


def noisy(kind: str) -> bytes:
    """An image whose pixels do not compress away, so a cut keeps a valid header and loses
    pixels: a check that reads only the header passes it."""
    import random

    rng = random.Random(7)
    image = Image.frombytes("RGB", (200, 120), bytes(rng.randrange(256) for _ in range(72000)))
    buffer = io.BytesIO()
    image.save(buffer, kind)
    return buffer.getvalue()


def test_the_section_and_logo_appear_in_pdf_and_word(demo: Workspace, tmp_path: Path) -> None:
    set_our_area(
        demo,
        context="Anyshire is a large rural county with 9,400 children with EHC plans.",
        foreword="We wrote this together with families.",
        logo=image_bytes(),
    )
    pdf = export_pack(demo, "pdf", tmp_path / "p.pdf", PackOptions())
    docx = export_pack(demo, "docx", tmp_path / "p.docx", PackOptions())
    for text in (pdf_text(pdf), docx_text(docx)):
        assert "Our area" in text and "Foreword" in text
        assert "We wrote this together with families." in text
        assert "9,400 children with EHC plans" in text
    cover = PdfReader(pdf).pages[0]
    assert any(
        x.get_object()["/Subtype"] == "/Image" for x in cover["/Resources"]["/XObject"].values()
    )
    with zipfile.ZipFile(docx) as archive:
        assert any(name.startswith("word/media/") for name in archive.namelist())
    set_our_area(demo, context="", foreword="", remove_logo=True)
    assert our_area(demo).empty
    assert "Our area" not in pdf_text(export_pack(demo, "pdf", tmp_path / "q.pdf", PackOptions()))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\0" * 100, "is not a PNG or JPEG image"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "is a damaged PNG image"),
        (image_bytes("JPEG")[:200], "is a damaged JPEG image"),
        (noisy("JPEG")[: len(noisy("JPEG")) * 2 // 3], "is a damaged JPEG image"),
        (noisy("PNG")[: len(noisy("PNG")) * 2 // 3] + noisy("PNG")[-12:], "damaged PNG image"),
        (image_bytes(size=(5000, 10)), "5000 x 10 pixels; a logo is at most 4,000 pixels"),
        (b"\xff\xd8\xff" + b"\0" * (3 * 1024 * 1024), "a logo is at most 2 MB"),
    ],
)
def test_bad_logos_are_refused_and_nothing_is_kept(
    demo: Workspace, data: bytes, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        set_our_area(demo, foreword="Kept only if the logo is good.", logo=data)
    assert our_area(demo).empty


def test_a_jpeg_logo_is_accepted() -> None:
    data = image_bytes("JPEG")
    assert check_logo(data) == data


def test_our_area_from_the_command_line(
    demo: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "foreword.txt").write_text("Together with families.", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(image_bytes())
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    address = str(demo.address)
    code = main(
        ["ourarea", address, "--foreword-file", str(tmp_path / "foreword.txt"), "--logo",
         str(tmp_path / "logo.png")]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and "a logo" in out
    assert our_area(demo).foreword == "Together with families."
    assert main(["ourarea", address, "--context-file", str(tmp_path / "bad.txt")]) == 2
    assert "byte 4 is not UTF-8" in capsys.readouterr().err
    assert main(["ourarea", address, "--logo", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["ourarea", address, "--no-logo"]) == 0
    assert our_area(demo).logo is None
