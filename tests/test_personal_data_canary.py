"""One canary item marked as personal data, and every output that can leave the machine.

The canary's title, description, file name and file bytes must appear in none of them unless the
user included personal data for that output; where they did, it must appear (so the detector
itself is shown to work).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from selfeval.cli import main
from selfeval.services.attachments import add_attachment_bytes
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.improvement.snapshots import take_snapshot
from selfeval.services.voices.case_studies import add_case_study, parse_case_study
from selfeval.services.voices.voices import add_voice, parse_voice
from selfeval.services.workspace import open_workspace
from tests.conftest import TEST_USER

MARK = "QZKANARYX"  # letters no hex id, hash or date can hold (a digit run would be flaky)
CANARY = EvidenceInput(
    title=f"CANARY-TITLE-{MARK} case review of child A",
    description=f"CANARY-DESC-{MARK} lives at 1 Example Road",
    kind="case-study",
    personal_data=True,
)


PERSONAL_VOICE = parse_voice(
    words=f"CANARY-VOICE-{MARK} my son Jack waited a year",
    speaker_kind="parent-carer",
    consent=True,
    personal_data=True,
    criteria=["right-help", "participation"],
)
PERSONAL_CASE = parse_case_study(
    title=f"CANARY-CASE-{MARK}",
    needed="Jack, born on 3 March 2015, needed a place near 12 Acacia Avenue.",
    difference=f"CANARY-DIFFERENCE-{MARK} he is back in school.",
    de_identified=False,
    criteria=["right-help", "participation"],
)


def text_of(path: Path) -> str:
    """Everything a reader of the file could get at: PDF text and metadata, every zip member."""
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        reader = PdfReader(path)
        parts = [page.extract_text() or "" for page in reader.pages]
        parts.append(json.dumps({k: str(v) for k, v in (reader.metadata or {}).items()}))
        parts.append(json.dumps([str(o) for o in reader.outline], default=str))
        return "\n".join(parts)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return "\n".join(
                archive.read(name).decode("utf-8", errors="replace") + name
                for name in archive.namelist()
            )
    return data.decode("utf-8", errors="replace")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(["--user", "Lead (Anyshire)", *argv])
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return out


@pytest.fixture
def lead(demo_path: Path) -> Path:
    with open_workspace(demo_path, TEST_USER) as ws:
        take_snapshot(ws, "Board")
        canary = add_evidence(ws, CANARY, ["right-help", "needs-identified", "participation"])
        add_attachment_bytes(ws, canary, f"canary-{MARK}.txt", f"CANARY-BYTES-{MARK}".encode())
        add_voice(ws, PERSONAL_VOICE)
        add_case_study(ws, PERSONAL_CASE)
    return demo_path


def test_no_output_leaks_personal_data_unless_asked(
    lead: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(lead)
    outputs: dict[str, Path] = {}
    for fmt in ("pdf", "docx", "xlsx"):
        outputs[f"pack.{fmt}"] = tmp_path / f"pack.{fmt}"
        run(capsys, "export", fmt, ws, "-o", str(outputs[f"pack.{fmt}"]))
    for fmt in ("pdf", "docx"):
        outputs[f"progress.{fmt}"] = tmp_path / f"progress.{fmt}"
        run(
            capsys,
            "export",
            "progress",
            ws,
            "--since",
            "Board",
            "-o",
            str(outputs[f"progress.{fmt}"]),
        )
    for document in ("parents", "brief", "summary"):
        for fmt in ("pdf", "docx"):
            outputs[f"{document}.{fmt}"] = tmp_path / f"{document}.{fmt}"
            run(capsys, "export", document, ws, "-o", str(outputs[f"{document}.{fmt}"]))
    outputs["request"] = tmp_path / "request.sefpack"
    run(
        capsys,
        "contribution",
        "request",
        ws,
        "--to",
        "ICB",
        "--criteria",
        "right-help,participation",
        "-o",
        str(outputs["request"]),
    )
    partner = tmp_path / "partner.selfeval"
    run(capsys, "contribution", "open", str(outputs["request"]), str(partner))
    with open_workspace(partner, TEST_USER) as copy:
        own = add_evidence(
            copy,
            EvidenceInput(title=f"CANARY-PARTNER-{MARK}", kind="case-study", personal_data=True),
            ["right-help"],
        )
        add_attachment_bytes(copy, own, f"partner-{MARK}.txt", f"PARTNER-BYTES-{MARK}".encode())
    outputs["return"] = tmp_path / "return.sefpack"
    # the partner ticks "include", but the request did not carry personal data: nothing goes
    out = run(
        capsys,
        "contribution",
        "return",
        str(partner),
        "-o",
        str(outputs["return"]),
        "--include-personal-data",
    )
    assert "(without personal data)" in out and "Left out: 1 personal-data evidence item (" in out
    outputs["merge report"] = tmp_path / "merge.json"
    run(
        capsys,
        "contribution",
        "merge",
        ws,
        str(outputs["return"]),
        "--accept-non-conflicting",
        "--report",
        str(outputs["merge report"]),
    )
    for name, path in outputs.items():
        assert MARK not in text_of(path), f"personal data leaked into the {name}"


def test_personal_data_goes_where_it_was_asked_for_and_no_further(
    lead: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(lead)
    pack = tmp_path / "pack.pdf"
    run(capsys, "export", "pdf", ws, "-o", str(pack), "--include-personal-data")
    for canary in ("TITLE", "VOICE", "CASE", "DIFFERENCE"):
        assert f"CANARY-{canary}-{MARK}" in text_of(pack), canary
    word = tmp_path / "pack.docx"
    run(capsys, "export", "docx", ws, "-o", str(word), "--include-personal-data")
    assert f"CANARY-VOICE-{MARK}" in text_of(word) and f"CANARY-CASE-{MARK}" in text_of(word)
    progress = tmp_path / "progress.docx"
    run(
        capsys,
        "export",
        "progress",
        ws,
        "--since",
        "Board",
        "-o",
        str(progress),
        "--include-personal-data",
    )
    assert f"CANARY-TITLE-{MARK}" in text_of(progress)

    request = tmp_path / "request.sefpack"
    run(
        capsys,
        "contribution",
        "request",
        ws,
        "--to",
        "ICB",
        "--criteria",
        "right-help",
        "-o",
        str(request),
        "--include-personal-data",
    )
    assert f"CANARY-BYTES-{MARK}" in text_of(request)
    partner = tmp_path / "partner.selfeval"
    run(capsys, "contribution", "open", str(request), str(partner))
    run(capsys, "judge", str(partner), "right-help", "--rating", "amber")
    plain_return = tmp_path / "plain-return.sefpack"
    run(capsys, "contribution", "return", str(partner), "-o", str(plain_return))
    assert MARK not in text_of(plain_return)  # the partner did not include it this time
    with zipfile.ZipFile(plain_return) as archive:
        assert json.loads(archive.read("manifest.json"))["includes_personal_data"] is False

    from selfeval.services.evidence import edit_evidence, list_evidence

    with open_workspace(partner, TEST_USER) as copy:
        item = next(e for e in list_evidence(copy) if e.personal_data)
        edit_evidence(copy, item.id, CANARY.model_copy(update={"title": f"EDITED-{MARK}"}))
    full_return = tmp_path / "full-return.sefpack"
    run(
        capsys,
        "contribution",
        "return",
        str(partner),
        "-o",
        str(full_return),
        "--include-personal-data",
    )
    assert f"EDITED-{MARK}" in text_of(full_return)
    with zipfile.ZipFile(full_return) as archive:
        assert json.loads(archive.read("manifest.json"))["includes_personal_data"] is True
    report = tmp_path / "merge.json"
    out = run(capsys, "contribution", "merge", ws, str(full_return), "--report", str(report))
    assert MARK not in text_of(report) and MARK not in out
    assert "evidence marked as personal data: title" in text_of(report)
    named = tmp_path / "named.json"
    run(
        capsys,
        "contribution",
        "merge",
        ws,
        str(full_return),
        "--report",
        str(named),
        "--include-personal-data",
    )
    assert f"EDITED-{MARK}" in text_of(named)
