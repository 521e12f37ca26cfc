"""No filler (issue 26, item 6): a field with nothing in it is left out of every document; a
draft lists what is still empty in an annex, a final version prints only what is written."""

from __future__ import annotations

from pathlib import Path

from selfeval.pack.builders.export import export_pack
from selfeval.pack.model import PackOptions
from selfeval.services.judgements import set_judgement
from selfeval.services.workspace import Workspace
from tests.test_documents import docx_text, pdf_text


def test_an_empty_field_is_never_printed_and_a_draft_says_what_is_left(
    workspace: Workspace, tmp_path: Path
) -> None:
    set_judgement(workspace, "right-help", rating="amber", strengths="Therapy waits halved.")
    final = PackOptions(status="final")
    for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
        text = read(export_pack(workspace, fmt, tmp_path / f"final.{fmt}", final))
        assert "Not recorded" not in text
        assert "Therapy waits halved." in text and "Strengths" in text
        for heading in ("How we know", "Areas for development", "Impact on children"):
            assert heading not in text, (fmt, heading)
        assert "still to write" not in text.lower()
    draft = pdf_text(export_pack(workspace, "pdf", tmp_path / "draft.pdf", PackOptions()))
    flat = " ".join(draft.split())
    assert "Appendix: still to write" in flat
    assert "How we know; Areas for development; Impact on children and young people" in flat
    assert "no rating; How we know; Strengths" in flat  # an unrated, empty criterion


def test_the_framework_bullets_can_follow_the_partnerships_text_as_a_reference(
    workspace: Workspace, tmp_path: Path, demo_path: Path
) -> None:
    from selfeval.cli import main

    set_judgement(workspace, "right-help", rationale="Our own account comes first.")
    set_judgement(workspace, "right-help", "right-help.2", rating="red")
    options = PackOptions(status="final", criteria=("right-help",), fold_bullets=True)
    flat = " ".join(pdf_text(export_pack(workspace, "pdf", tmp_path / "f.pdf", options)).split())
    own = flat.index("Our own account comes first.")
    reference = flat.index("What inspectors look at (framework paragraph 52): 3.1 plans are")
    assert own < reference and "3.2 children and young people receive support" in flat
    assert "(Red)" in flat[reference:]
    leading = PackOptions(status="final", criteria=("right-help",))
    flat = " ".join(pdf_text(export_pack(workspace, "pdf", tmp_path / "l.pdf", leading)).split())
    assert flat.index("plans are developed") < flat.index("Our own account comes first.")
    assert "What inspectors look at" not in flat
    out = tmp_path / "cli.docx"
    assert main(["export", "docx", str(demo_path), "-o", str(out), "--fold-bullets"]) == 0
    assert "What inspectors look at (framework paragraph" in docx_text(out)
    assert main(["export", "parents", str(demo_path), "-o", str(tmp_path / "p.pdf"),
                 "--fold-bullets"]) == 2  # fmt: skip
