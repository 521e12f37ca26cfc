"""Sign-off: who agreed a version, the content hash printed on the pack, and the line a pack
made from changed content carries."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.errors import InputError
from selfeval.pack.builders.export import export_pack
from selfeval.pack.model import PackOptions
from selfeval.services.comments import add_comment
from selfeval.services.improvement.snapshots import list_snapshots
from selfeval.services.judgements import set_judgement
from selfeval.services.signoff import content_hash, list_signatures, sign_off, signoff_state
from selfeval.services.workspace import Workspace
from tests.test_documents import docx_text, pdf_text

ON_BOTH_STORES = True  # every test with a workspace runs on a file and on a server


def test_three_signatories_sign_one_version_and_its_snapshot_is_frozen(demo: Workspace) -> None:
    before = content_hash(demo)
    first = sign_off(demo, "Helen Whitfield", "Director of Children's Services", "Anyshire CC")
    sign_off(demo, "Amara Okafor", "Executive lead", "NHS Anyshire and Wessex ICB")
    sign_off(demo, "Lisa Wynne", "Chair", "Anyshire Parent Carer Forum", date(2026, 11, 20))
    assert first.version_label == "1.0" and first.content_hash == before
    assert len(before) == 64 and re.fullmatch(r"[0-9a-f]{64}", before)
    state = signoff_state(demo)
    assert state is not None and not state.changed_since
    assert [s.name for s in state.signatures] == ["Helen Whitfield", "Amara Okafor", "Lisa Wynne"]
    assert [s.name for s in list_snapshots(demo)] == ["Signed off: version 1.0"]
    with pytest.raises(InputError, match="has already signed off version 1.0"):
        sign_off(demo, "helen whitfield", "DCS", "anyshire cc")


def test_what_is_not_content_does_not_change_the_hash_and_content_does(demo: Workspace) -> None:
    signed = content_hash(demo)
    add_comment(demo, "right-help", "A comment is conversation, not content.")
    assert content_hash(demo) == signed
    set_judgement(demo, "right-help", rationale="Same words.")
    changed = content_hash(demo)
    assert changed != signed
    set_judgement(demo, "right-help", rationale="Same words.")  # saved again, same words
    assert content_hash(demo) == changed


def test_a_changed_version_needs_a_new_label(demo: Workspace) -> None:
    sign_off(demo, "Helen Whitfield", "DCS", "Anyshire CC")
    set_judgement(demo, "right-help", rating="amber")
    state = signoff_state(demo)
    assert state is not None and state.changed_since
    with pytest.raises(InputError, match=r"version 1.0 was signed off on .* with other content"):
        sign_off(demo, "Amara Okafor", "Executive lead", "ICB", version_label="1.0")
    again = sign_off(demo, "Amara Okafor", "Executive lead", "ICB")
    assert again.version_label == "2.0"
    assert signoff_state(demo).changed_since is False  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": " "}, "name: must be given"),
        ({"role": ""}, "role: must be given"),
        ({"organisation": "x" * 201}, "organisation: is limited to 200 characters"),
        ({"signed_on": date.today() + timedelta(days=1)}, "is in the future"),
        ({"signed_on": date(1999, 12, 31)}, "before any Area SEND framework"),
        ({"version_label": "v" * 81}, "version label: is limited to 80"),
    ],
)
def test_bad_signatures_are_refused_and_nothing_is_written(
    demo: Workspace, kwargs: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {"name": "Jo", "role": "Chair", "organisation": "Forum"}
    values.update(kwargs)
    with pytest.raises(InputError, match=message):
        sign_off(demo, **values)  # type: ignore[arg-type]
    assert list_signatures(demo) == [] and list_snapshots(demo) == []


def test_the_pack_prints_the_signatories_and_the_hash_in_pdf_and_word(
    demo: Workspace, tmp_path: Path
) -> None:
    sign_off(demo, "Helen Whitfield", "Director of Children's Services", "Anyshire CC")
    sign_off(demo, "Lisa Wynne", "Chair", "Anyshire Parent Carer Forum")
    signed = content_hash(demo)
    pdf = export_pack(demo, "pdf", tmp_path / "p.pdf", PackOptions())
    docx = export_pack(demo, "docx", tmp_path / "p.docx", PackOptions())
    for text in (pdf_text(pdf), docx_text(docx)):
        assert "Sign-off" in text
        assert "Helen Whitfield" in text and "Director of Children's Services" in text
        assert "Lisa Wynne" in text and "Anyshire Parent Carer Forum" in text
        assert "Signed off: version 1.0, 2 signatories" in text  # on the cover
        # the cover and the sign-off page (PDF text extraction may split a long word: join it)
        assert re.sub(r"\s+", "", text).count(signed) >= 2
        assert "Changed since signed off" not in text

    set_judgement(demo, "participation", strengths="Added after the board agreed it.")
    later = export_pack(demo, "pdf", tmp_path / "later.pdf", PackOptions())
    later_docx = export_pack(demo, "docx", tmp_path / "later.docx", PackOptions())
    today = date.today().strftime("%d %B %Y").lstrip("0")
    for text in (pdf_text(later), docx_text(later_docx)):
        assert f"Changed since signed off on {today}" in text
        joined = re.sub(r"\s+", "", text)
        assert content_hash(demo) in joined and signed in joined


def test_signoff_from_the_command_line(demo: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    address = str(demo.address)
    code = main(
        [
            "signoff",
            "add",
            address,
            "--name",
            "Helen Whitfield",
            "--role",
            "Director of Children's Services",
            "--organisation",
            "Anyshire County Council",
            "--date",
            "2026-11-20",
            "--version-label",
            "March 2027",
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith("Signed off version March 2027: Helen Whitfield")
    assert main(["signoff", "list", address, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    (signature,) = listed["signatures"]
    assert signature["signed_on"] == "2026-11-20" and signature["version_label"] == "March 2027"
    assert signature["content_hash"] == content_hash(demo)
    assert listed["changed_since_signed_off"] is False
    code = main(["signoff", "add", address, "--name", "X", "--role", "Y", "--organisation", "Z",
                 "--date", "31/02/2026"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith("selfeval: --date: ")
    assert main(["signoff", "list", address]) == 0
    assert "Helen Whitfield" in capsys.readouterr().out


def _signed(demo: Workspace) -> None:
    sign_off(demo, "Jo Bloggs", "Director of Children's Services", "Anyshire County Council")
    state = signoff_state(demo)
    assert state is not None and not state.changed_since


def _changes_after_signing() -> list[tuple[str, object]]:
    from selfeval.services.improvement.indicator_figures import set_figures
    from selfeval.services.improvement.indicators import indicator_values
    from selfeval.services.improvement.risks import RiskInput, add_risk
    from selfeval.services.our_area import set_our_area

    def figure(ws: Workspace) -> None:
        row = indicator_values(ws)[0]
        set_figures(ws, row.__class__(**{**row.__dict__, "area": (row.area or 0) + 1}))

    return [
        ("foreword", lambda ws: set_our_area(ws, foreword="A new foreword.")),
        ("context", lambda ws: set_our_area(ws, context="A new context.")),
        ("risk", lambda ws: add_risk(ws, RiskInput(title="Sufficiency", impact=4, likelihood=3))),
        ("figure", figure),
    ]


@pytest.mark.parametrize(("what", "change"), _changes_after_signing())
def test_the_signature_covers_what_the_documents_print(
    demo: Workspace, what: str, change: object
) -> None:
    _signed(demo)
    change(demo)  # type: ignore[operator]
    state = signoff_state(demo)
    assert state is not None and state.changed_since, what


def test_a_signature_made_under_the_earlier_cover_still_matches(demo: Workspace) -> None:
    from selfeval.services.signoff import BEFORE_WIDER_COVER, _digest, signed_content
    from selfeval.store.models_plan import SignOff

    _signed(demo)
    earlier = _digest({k: signed_content(demo)[k] for k in BEFORE_WIDER_COVER})
    with demo.transaction() as session:
        for row in session.query(SignOff):
            row.content_hash = earlier
    state = signoff_state(demo)
    assert state is not None and not state.changed_since
    set_judgement(demo, "right-help", rationale="Changed after signing.")
    state = signoff_state(demo)
    assert state is not None and state.changed_since


def test_signing_a_workspace_with_a_damaged_file_is_refused(demo_path: Path) -> None:
    import sqlite3

    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import open_workspace

    with sqlite3.connect(demo_path) as raw:
        raw.execute(
            "UPDATE blob SET data = zeroblob(length(data)) WHERE rowid = (SELECT min(rowid) FROM blob)"
        )
    with open_workspace(demo_path, CurrentUser("Jo", "")) as workspace:
        with pytest.raises(InputError, match="is damaged .* a signature cannot certify it"):
            sign_off(workspace, "Jo Bloggs", "DCS", "Anyshire County Council")
        assert list_signatures(workspace) == []


def test_a_signed_version_exports_as_final_unless_draft_is_asked(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    from selfeval.cli import main
    from selfeval.services.signoff import usual_status
    from selfeval.services.workspace import open_workspace

    with open_workspace(demo_path) as ws:
        assert usual_status(ws) == ("draft", "1.0")
        sign_off(ws, "Helen Whitfield", "DCS", "Anyshire CC", version_label="March 2027")
        assert usual_status(ws) == ("final", "March 2027")
    out = tmp_path / "board.pdf"
    assert main(["export", "pdf", str(demo_path), "-o", str(out)]) == 0
    assert "(final, without personal data)" in capsys.readouterr().out
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "DRAFT" not in text and "March 2027" in text
    assert main(["export", "pdf", str(demo_path), "-o", str(out), "--status", "draft"]) == 0
    assert "(draft," in capsys.readouterr().out


def test_signing_with_criteria_unrated_is_warned_of(
    workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.cli import main
    from selfeval.services.judgements import set_judgement
    from selfeval.services.signoff import unrated_warning

    count = len(workspace.framework.criteria)
    assert unrated_warning(workspace).startswith(f"Not rated yet: {count} criteria (1, 2, 3")
    for criterion in workspace.framework.criteria:
        set_judgement(workspace, criterion.id, rating="green")
    assert unrated_warning(workspace) == ""
    set_judgement(workspace, workspace.framework.criteria[0].id, rating="not-rated")
    assert unrated_warning(workspace).startswith("Not rated yet: 1 criterion (1).")
    address = str(workspace.address)
    workspace.close()
    assert main(["signoff", "add", address, "--name", "Helen Whitfield", "--role", "DCS",
                 "--organisation", "Anyshire CC"]) == 0  # fmt: skip
    assert "Warning: Not rated yet: 1 criterion (1)." in capsys.readouterr().err
