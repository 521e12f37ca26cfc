"""The dependencies are locked (issue 27, item 5): every version pyproject.toml pins is the one
both lock files hold, every locked file carries its hash, and the programs' lock holds no test
tool. `make lock` writes both again after a change to pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = re.compile(r"^([A-Za-z0-9._-]+(?:\[[^\]]*\])?)==([^\s;\\]+)", re.M)


def _pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        name, _, version = requirement.split("#")[0].strip().partition("==")
        pins[_normal(name.split("[")[0])] = version.strip()
    return pins


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked(file: str) -> tuple[dict[str, str], str]:
    text = (ROOT / file).read_text("utf-8")
    return {_normal(n.split("[")[0]): v for n, v in ENTRY.findall(text)}, text


def test_every_pin_is_the_locked_version_and_every_file_has_its_hash() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    runtime = _pins(project["dependencies"])
    extras = {k: _pins(v) for k, v in project["optional-dependencies"].items()}
    for file, wanted in (
        ("requirements.lock", {**runtime, **extras["test"], **extras["package"]}),
        ("requirements-app.lock", {**runtime, **extras["package"]}),
    ):
        locked, text = _locked(file)
        assert {n: locked.get(n) for n in wanted} == wanted, file
        entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
        unhashed = [e.split()[0] for e in entries if e.strip() and "--hash=sha256:" not in e]
        assert unhashed == [], file
    app, _ = _locked("requirements-app.lock")
    assert not (set(extras["test"]) - {"setuptools"}) & set(app), "a test tool in the programs lock"
