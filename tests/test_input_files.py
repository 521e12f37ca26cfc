"""Every file the user names goes through one reader (files/input_file.py): a folder, a device
or a named pipe is refused in words at once, never waited on (a pipe blocks a plain reader
until someone writes to it), and nothing is changed."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from selfeval.cli import main
from selfeval.services.dump import dump_json
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace

VERBS: dict[str, Callable[[str, str], list[str]]] = {
    "tracker": lambda ws, f: ["import", "evidence", ws, f],
    "indicator figures": lambda ws, f: ["import", "indicators", ws, f],
    "statistics": lambda ws, f: ["import", "statistics", ws, f],
    "neighbours": lambda ws, f: ["neighbours", "import", ws, f],
    "logo": lambda ws, f: ["ourarea", ws, "--logo", f],
    "foreword": lambda ws, f: ["ourarea", ws, "--foreword-file", f],
    "executive summary": lambda ws, f: ["ourarea", ws, "--summary-file", f],
    "word self-evaluation": lambda ws, f: ["import", "sef", ws, f, "--preview"],
    "framework": lambda ws, f: ["frameworks", "validate", f],
    "package": lambda ws, f: ["contribution", "merge", ws, f],
    "passphrase": lambda ws, f: ["contribution", "merge", ws, ws, "--passphrase-file", f],
    "password": lambda ws, f: ["--password-file", f, "status", "postgresql://x@/y?host=/no"],
    "workspace": lambda ws, f: ["status", f],
}


def _hostile(tmp_path: Path, kind: str) -> str:
    if kind == "folder":
        folder = tmp_path / "a-folder.csv"
        folder.mkdir()
        return str(folder)
    if kind == "pipe":
        pipe = tmp_path / "a-pipe.csv"
        os.mkfifo(pipe)
        return str(pipe)
    return "/dev/zero"


def _run_bounded(args: list[str]) -> int:
    """The verb's exit code; a verb still reading after 20 s has waited on the file: failed."""
    result: list[int] = []
    runner = threading.Thread(target=lambda: result.append(main(args)), daemon=True)
    runner.start()
    runner.join(20)
    assert result, f"{args} was still waiting on the file after 20 seconds"
    return result[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
@pytest.mark.parametrize("reader", sorted(VERBS))
def test_a_folder_device_or_pipe_is_refused_in_words_at_once(
    demo_path: Path, tmp_path: Path, reader: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from selfeval.services.first_run import LA_CODE_SETTING
    from selfeval.services.settings import write_setting

    with open_workspace(demo_path, CurrentUser("Test", "")) as workspace:
        write_setting(workspace, LA_CODE_SETTING, "E10000008")  # neighbours need the area's
        before = dump_json(workspace)
    target = _hostile(tmp_path, kind)
    assert _run_bounded(VERBS[reader](str(demo_path), target)) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    assert target in err or Path(target).name in err, err
    with open_workspace(demo_path, CurrentUser("Test", "")) as workspace:
        assert dump_json(workspace) == before


def test_a_file_to_attach_that_is_a_pipe_is_refused(demo_path: Path, tmp_path: Path) -> None:
    from selfeval.errors import InputError
    from selfeval.services.attachments import add_attachment
    from selfeval.services.evidence import list_evidence

    pipe = tmp_path / "report.pdf"
    os.mkfifo(pipe)
    with open_workspace(demo_path, CurrentUser("Test", "")) as workspace:
        item = list_evidence(workspace)[0]
        with pytest.raises(InputError, match="is a named pipe, not a file"):
            add_attachment(workspace, item.id, pipe)
