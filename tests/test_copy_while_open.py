"""A workspace file copied while the app holds it open (e-mailed, put on a shared drive, synced
by OneDrive or Teams) holds every change saved so far: the copy is the file alone, without the
`-wal` beside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from selfeval.services.evidence import list_evidence
from selfeval.services.judgements import get_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace

HOLDER = """
import sys
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.judgements import set_judgement
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace

workspace = open_workspace(sys.argv[1], CurrentUser("Helen Whitfield", "Anyshire"))
for n in range(30):
    set_judgement(workspace, "right-help", rationale=f"Evidence of impact, take {n}.")
set_judgement(workspace, "right-help", rating="red")
add_evidence(workspace, EvidenceInput(title="Copied while open"), ["right-help"])
print("saved", flush=True)
sys.stdin.readline()  # held open until the test has copied the file
workspace.close()
"""


def test_a_copy_of_the_file_alone_taken_while_it_is_open_holds_every_saved_change(
    demo_path: Path, tmp_path: Path
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "saved"
        copy = tmp_path / "copied" / "anyshire.selfeval"
        copy.parent.mkdir()
        shutil.copyfile(demo_path, copy)  # the file alone, as a sync client or e-mail takes it
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=60) == 0
    with open_workspace(copy, CurrentUser("Someone", "")) as workspace:
        judgement = get_judgement(workspace, "right-help")
        assert judgement.rating == "red"
        assert judgement.rationale == "Evidence of impact, take 29."
        assert "Copied while open" in {e.title for e in list_evidence(workspace)}
