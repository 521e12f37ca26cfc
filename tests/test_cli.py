"""The command line: each verb works, bad input exits 2 with one clear line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from selfeval.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--user", "Cli User (Testshire)", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_new_judge_status_dump(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(tmp_path / "t.selfeval")
    assert run(capsys, "new", ws, "--area", "Testshire")[0] == 0
    code, out, _ = run(
        capsys, "judge", ws, "participation", "--rating", "green", "--rationale", "SENDIASS 88%"
    )
    assert (code, out) == (0, "participation: Green\n")
    code, out, _ = run(capsys, "judge", ws, "participation", "--strengths", "SEND Council")
    assert code == 0
    code, out, _ = run(capsys, "status", ws, "--json")
    status = json.loads(out)
    assert status["rated"] == 1 and status["ratings"]["participation"] == "green"
    code, out, _ = run(capsys, "status", ws)
    assert "1 of 11 criteria rated" in out
    code, out, _ = run(capsys, "dump", ws, "--json")
    content = json.loads(out)
    (judgement,) = content["judgements"]
    assert (judgement["rationale"], judgement["strengths"]) == ("SENDIASS 88%", "SEND Council")
    assert {c["changed_by"] for c in content["changes"]} == {"Cli User"}


def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = str(tmp_path / "t.selfeval")
    run(capsys, "new", ws, "--area", "Testshire")
    code, _, err = run(capsys, "judge", ws, "participation", "--rating", "purple")
    assert code == 2
    assert err == (
        "selfeval: 'purple' is not a rating of the RAG rating scale (not-rated, red, amber, green)\n"
    )
    code, _, err = run(capsys, "status", str(tmp_path / "missing.selfeval"))
    assert (code, err) == (
        2,
        f"selfeval: {tmp_path / 'missing.selfeval'}: no such workspace file\n",
    )
    code, _, err = run(capsys, "new", ws, "--area", "Again")
    assert code == 2 and "already exists" in err
    code, _, err = run(
        capsys, "new", str(tmp_path / "x.selfeval"), "--area", "X", "--framework", "nope"
    )
    assert code == 2 and "no framework with id 'nope'" in err


def test_demo_and_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(tmp_path / "demo.selfeval")
    code, out, _ = run(capsys, "demo", ws)
    assert code == 0
    tracker = tmp_path / "t.csv"
    tracker.write_text("title,criteria\nNew audit,leaders-evaluate\nBad,nope\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "evidence", ws, str(tracker))
    assert code == 2
    assert "row 3: criteria: 'nope' is not a criterion or bullet" in err
    tracker.write_text("title,criteria\nNew audit,leaders-evaluate\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", "evidence", ws, str(tracker))
    assert (code, out) == (0, "Imported 1 evidence item with 1 link to criteria\n")


def test_frameworks_list_show_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "frameworks", "list")
    assert code == 0 and "area-send-2023\t2023-01\t11 criteria" in out
    code, out, _ = run(capsys, "frameworks", "show", "area-send-2023", "--json")
    assert len(json.loads(out)["groups"][1]["criteria"]) == 6
    bad = tmp_path / "bad.yaml"
    bad.write_text("- not a mapping\n", encoding="utf-8")
    code, out, err = run(capsys, "frameworks", "validate", str(bad))
    assert code == 2
    assert err == f"{bad}:1: the file must be a YAML mapping (keys such as id, title, groups)\n"


def test_user_setting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["user", "--set", "Lisa Wynne (Anyshire PCF)"]) == 0
    assert main(["user"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Lisa Wynne (Anyshire PCF)"


def test_unknown_verb_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate", "x"])
    assert caught.value.code == 2


def test_console_entry_point_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "selfeval", "status", str(tmp_path / "none.selfeval")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().endswith("no such workspace file")
    assert "Traceback" not in result.stderr


def test_every_verbs_help_prints_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse formats help with %: a stray % prints a Python dict instead of the words."""
    from selfeval.cli.main import VERBS

    with pytest.raises(SystemExit):
        main(["--help"])
    said = capsys.readouterr().out
    assert "'option_strings'" not in said
    for verb in VERBS:
        with pytest.raises(SystemExit):
            main([verb, "--help"])
        assert "'option_strings'" not in capsys.readouterr().out, verb
