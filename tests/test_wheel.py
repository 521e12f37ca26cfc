"""The package runs wherever it is installed (issue 27, item 5): a wheel built from
pyproject.toml, installed in a fresh virtual environment away from the checkout, finds its
criteria and resources (inside the package, through importlib.resources) and makes the demo and
its PDF."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_a_wheel_installed_elsewhere_makes_the_demo_and_its_pdf(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: building never writes into the checkout
    shutil.copytree(ROOT / "selfeval", source / "selfeval",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", dist, source, cwd=tmp_path)  # fmt: skip
    [wheel] = dist.glob("selfeval-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "selfeval/criteria/area-send-2023.yaml" in names
    assert "selfeval/resources/demo/anyshire.yaml" in names
    assert any(n.startswith("selfeval/resources/fonts/") for n in names)

    fresh = tmp_path / "fresh"
    _run(sys.executable, "-m", "venv", "--without-pip", fresh, cwd=tmp_path)
    python = fresh / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
         "--no-index", wheel, cwd=tmp_path)  # fmt: skip
    # the dependencies from the test environment, as a plain path: its editable selfeval is not
    # seen (a path from a .pth file is not a site folder, so its own .pth files are not read)
    [packages] = (fresh / "lib").glob("python3*/site-packages")
    (packages / "dependencies.pth").write_text(site.getsitepackages()[0] + "\n", "utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "SELFEVAL_HOME": str(tmp_path / "home"), "PYTHONPATH": ""}
    found = _run(python, "-c", "import selfeval; print(selfeval.__file__)", cwd=work, env=env)
    assert Path(found.strip()).is_relative_to(fresh), found
    program = fresh / "bin" / "selfeval"
    _run(program, "demo", "demo.selfeval", cwd=work, env=env)
    _run(program, "export", "pdf", "demo.selfeval", "-o", "pack.pdf", cwd=work, env=env)
    from pypdf import PdfReader

    text = " ".join((p.extract_text() or "") for p in PdfReader(work / "pack.pdf").pages)
    assert "Anyshire" in text and "What children, young people and families tell us" in text
