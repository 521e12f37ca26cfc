"""docs/security.md names, for each promise, the test that proves it: every name it gives is a
test that exists, and every attack test of the server is named there (a promise nobody wrote
down, or a proof that no longer exists, fails here)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _defined_tests() -> set[str]:
    found: set[str] = set()
    for module in (ROOT / "tests").rglob("test_*.py"):
        found.update(re.findall(r"^def (test_\w+)", module.read_text(encoding="utf-8"), re.M))
    return found


def test_every_test_the_threat_model_names_exists() -> None:
    named = set(re.findall(r"`(test_\w+)`", (ROOT / "docs/security.md").read_text("utf-8")))
    assert named, "docs/security.md names no test"
    assert sorted(named - _defined_tests()) == []


def test_every_server_attack_is_in_the_threat_model() -> None:
    text = (ROOT / "docs/security.md").read_text("utf-8")
    attacks = re.findall(
        r"^def (test_\w+)", (ROOT / "tests/test_server_attacks.py").read_text("utf-8"), re.M
    )
    assert sorted(a for a in attacks if f"`{a}`" not in text) == []
