"""Two programs writing one workspace at once: both succeed, the last one wins, the history keeps
every change; and an undo never throws away what someone else wrote meanwhile."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from selfeval.services.history import history
from selfeval.services.judgements import ChangedElsewhere, get_judgement, set_judgement_field
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import Workspace, open_workspace

ON_BOTH_STORES = True  # on a server the writers truly run at once: rows must be locked as read

HAMMER = """
import json, sys, time
from selfeval.services.judgements import set_judgement
from selfeval.services.people import add_person, assign_owner
from selfeval.services.evidence import EvidenceInput, add_evidence
from selfeval.services.evidence_links import link_evidence
from selfeval.services.users import CurrentUser
from selfeval.services.workspace import open_workspace

path, name, start, seconds, evidence_id = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
ws = open_workspace(path, CurrentUser(name, "Org " + name))
person = add_person(ws, "Person " + name).id
while time.time() < start:
    time.sleep(0.001)
writes, errors, n = [], [], 0
while time.time() < start + seconds:
    n += 1
    text = f"{name} {n}"
    try:
        set_judgement(ws, "participation", "participation.1", rationale=text, rating="amber" if n % 2 else "green")
        set_judgement(ws, "participation", rationale=text)
        assign_owner(ws, "participation", person, "lead" if n % 2 else "contributor")
        link_evidence(ws, evidence_id, "participation.2")
        writes.append(text)
    except Exception as err:
        errors.append(f"{type(err).__name__}: {err}")
print(json.dumps({"writes": writes, "errors": errors[:5], "error_count": len(errors)}))
ws.close()
"""


def test_two_programs_hammering_one_criterion(workspace: Workspace, tmp_path: Path) -> None:
    from selfeval.services.evidence import EvidenceInput, add_evidence

    evidence_id = add_evidence(workspace, EvidenceInput(title="Shared audit"))
    path = workspace.address
    workspace.close()
    start = time.time() + 3  # both programs have started and opened the workspace by then
    seconds = 10
    programs = [
        subprocess.Popen(
            [sys.executable, "-c", HAMMER, path, name, str(start), str(seconds), evidence_id],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        for name in ("Ada", "Bea")
    ]
    results = []
    for program in programs:
        out, err = program.communicate(timeout=120)
        assert program.returncode == 0, err
        results.append(json.loads(out))
    for result in results:
        assert result["error_count"] == 0, result["errors"]
        assert len(result["writes"]) > 20  # both really wrote, many times
    written = [w for result in results for w in result["writes"]]
    with open_workspace(path, CurrentUser("Check")) as ws:
        lines = [
            c
            for c in history(ws, "participation", limit=1_000_000)
            if c.field == "rationale" and c.entity == "judgement"
        ]
        # every write of each program is in the history, criterion and bullet alike
        assert sorted(c.new_value or "" for c in lines) == sorted(written + written)
        # nothing lost: in the order they were made, each change replaced exactly the value
        # the one before it wrote, and the last one is what is stored
        row_id = next(c.entity_id for c in lines if c.new_value == written[0])
        chain = sorted((c for c in lines if c.entity_id == row_id), key=lambda c: c.changed_at)
        for before, after in zip(chain, chain[1:], strict=False):
            assert after.old_value == before.new_value
        stored = get_judgement(ws, "participation", "participation.1").rationale
        criterion = get_judgement(ws, "participation").rationale
        assert chain[-1].new_value in (stored, criterion)


def test_an_undo_is_refused_after_someone_else_changed_the_field(demo: Workspace) -> None:
    before = get_judgement(demo, "right-help").rating
    set_judgement_field(demo, "right-help", "", "rating", "green")  # my change
    with open_workspace(demo.address, CurrentUser("Amara Okafor", "ICB")) as other:
        set_judgement_field(other, "right-help", "", "rating", "amber")  # theirs, meanwhile
    with pytest.raises(ChangedElsewhere) as caught:
        set_judgement_field(demo, "right-help", "", "rating", before, expect="green")  # my undo
    assert str(caught.value).startswith("right-help: rating was changed by Amara Okafor at ")
    assert "was not saved; their value is kept" in str(caught.value)
    assert get_judgement(demo, "right-help").rating == "amber"
    # with the value it expects, the same compare-and-set applies
    set_judgement_field(demo, "right-help", "", "rating", before, expect="amber")
    assert get_judgement(demo, "right-help").rating == before


def test_an_edit_from_a_stale_view_of_an_action_risk_or_evidence_item_is_refused(
    demo: Workspace,
) -> None:
    from selfeval.services.evidence import edit_evidence, list_evidence
    from selfeval.services.improvement.actions import list_actions, update_action
    from selfeval.services.improvement.risks import list_risks, update_risk

    action, risk, evidence = list_actions(demo)[0], list_risks(demo)[0], list_evidence(demo)[0]
    seen_action, seen_risk, seen_evidence = (v.as_input() for v in (action, risk, evidence))
    with open_workspace(demo.address, CurrentUser("Amara Okafor", "ICB")) as other:
        update_action(other, action.id, seen_action.model_copy(update={"title": "Amara's"}))
        update_risk(other, risk.id, seen_risk.model_copy(update={"likelihood": 1}))
        edit_evidence(other, evidence.id, seen_evidence.model_copy(update={"title": "Hers"}))
    mine = {"title": "My title"}
    with pytest.raises(ChangedElsewhere, match="title changed by someone else"):
        update_action(demo, action.id, seen_action.model_copy(update=mine), expect=seen_action)
    with pytest.raises(ChangedElsewhere, match="likelihood changed by someone else"):
        update_risk(demo, risk.id, seen_risk.model_copy(update=mine), expect=seen_risk)
    with pytest.raises(ChangedElsewhere, match="title changed by someone else"):
        edit_evidence(demo, evidence.id, seen_evidence.model_copy(update=mine), seen_evidence)
    assert [a.title for a in list_actions(demo) if a.id == action.id] == ["Amara's"]
    assert [e.title for e in list_evidence(demo) if e.id == evidence.id] == ["Hers"]
    # a blind write (the command line) always applies; so does one made over what is stored
    update_risk(demo, risk.id, seen_risk.model_copy(update=mine))
    assert [r.title for r in list_risks(demo) if r.id == risk.id] == ["My title"]
    hers = [e for e in list_evidence(demo) if e.id == evidence.id][0].as_input()
    edit_evidence(demo, evidence.id, hers.model_copy(update=mine), expect=hers)
