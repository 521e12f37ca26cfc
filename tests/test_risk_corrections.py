"""Risks can be corrected: every field edited (in the history), closed (kept in the register, off
the heat map), deleted and put back with their own id."""

from __future__ import annotations

import pytest

from selfeval.errors import InputError
from selfeval.services.history import history
from selfeval.services.improvement.risks import (
    add_risk,
    delete_risk,
    heat_map,
    list_risks,
    update_risk,
)
from selfeval.services.workspace import Workspace

ON_BOTH_STORES = True  # every test with a workspace runs on a file and on a server


def test_edit_close_delete_and_restore(demo: Workspace) -> None:
    risk = list_risks(demo)[0]
    changed = risk.as_input().model_copy(update={"impact": 1, "likelihood": 2})
    update_risk(demo, risk.id, changed)
    now = next(r for r in list_risks(demo) if r.id == risk.id)
    assert (now.impact, now.likelihood, now.score) == (1, 2, 2)
    fields = {c.field for c in history(demo) if c.entity == "risk" and c.entity_id == risk.id}
    assert {"impact", "likelihood"} <= fields
    update_risk(demo, risk.id, changed.model_copy(update={"status": "closed"}))
    assert risk.id not in {r.id for cell in heat_map(list_risks(demo)).values() for r in cell}
    assert list_risks(demo)[-1].id == risk.id  # closed risks are listed last
    delete_risk(demo, risk.id)
    assert risk.id not in {r.id for r in list_risks(demo)}
    with pytest.raises(InputError, match="no risk with id"):
        update_risk(demo, risk.id, changed)
    add_risk(demo, risk.as_input(), risk.id)
    assert next(r for r in list_risks(demo) if r.id == risk.id) == risk
