"""A process killed in the middle of a burst of writes loses nothing it reported as saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from selfeval.services.evidence import list_evidence
from selfeval.services.workspace import open_workspace
from selfeval.store.workspace_file import inspect_workspace
from tests.conftest import TEST_USER

WRITER = """
import sys
from pathlib import Path
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.judgements import set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace

ws = open_workspace(Path(sys.argv[1]), CurrentUser("Writer"))
i = 0
while True:
    add_evidence(ws, EvidenceInput(title=f"burst {i}", description="x" * 2000), ["needs-identified"])
    set_judgement(ws, "participation", rationale=f"rationale {i}")
    print(i, flush=True)
    i += 1
"""


def test_sigkill_mid_burst_keeps_every_reported_write(workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = Path(workspace.address)
    workspace.close()
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert child.stdout is not None
    reported: list[int] = []
    for line in child.stdout:
        reported.append(int(line))
        if len(reported) == 60:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    assert inspect_workspace(path)  # integrity_check ok, schema known
    with open_workspace(path, TEST_USER) as ws:
        titles = {item.title for item in list_evidence(ws)}
        from selfeval.services.judgements import get_judgement

        last_rationale = get_judgement(ws, "participation").rationale
    assert {f"burst {i}" for i in reported} <= titles
    assert int(last_rationale.split()[-1]) >= reported[-1]
