"""The layering rules of docs/architecture.md, checked on every run: data flows one way and no
module imports another that imports it back."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "selfeval"


def _graph() -> dict[str, set[str]]:
    modules: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("selfeval")
            ):
                targets.append(node.module)
                targets += [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets += [a.name for a in node.names if a.name.startswith("selfeval")]
            for target in targets:
                while target not in modules and "." in target:
                    target = target.rsplit(".", 1)[0]
                if target in modules and target != name:
                    graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_circles() -> None:
    assert _cycles(_graph()) == []


def test_layers_only_import_downwards() -> None:
    ground = (
        "selfeval.errors",
        "selfeval.store.passwords_hidden",
        "selfeval.words",
    )  # import nothing of ours
    below = {
        "selfeval.framework": ("selfeval.framework", "selfeval.files.input_file", *ground),
        "selfeval.files": ("selfeval.files", *ground),
        "selfeval.store": ("selfeval.store", "selfeval.files", *ground),
        "selfeval.services": (
            "selfeval.services",
            "selfeval.store",
            "selfeval.framework",
            "selfeval.files",
            *ground,
            "selfeval.locations",
            "selfeval.words",
        ),
    }
    graph = _graph()
    for module, targets in graph.items():
        for layer, allowed in below.items():
            if module.startswith(layer):
                wrong = sorted(t for t in targets if not t.startswith(allowed))
                assert not wrong, f"{module} imports {wrong} from above its layer"


def test_services_know_nothing_of_files_or_sqlite() -> None:
    """Sidecars and PRAGMAs belong to the store (the storage seam)."""
    pattern = re.compile(r"\b(wal|shm)\b|-wal|-shm|PRAGMA|journal_mode", re.IGNORECASE)
    hits = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in (PACKAGE / "services").rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert hits == []


def test_only_the_builders_of_documents_read_services_or_the_store() -> None:
    """Renderers read a document model, never the database (issue 12's grep, kept true)."""
    graph = _graph()
    readers = sorted(
        name
        for name, targets in graph.items()
        if name.startswith("selfeval.pack.")
        and not name.startswith("selfeval.pack.builders")
        and any(t.startswith(("selfeval.services", "selfeval.store")) for t in targets)
    )
    assert readers == []


def test_services_import_no_qt() -> None:
    code = (
        "import sys, importlib, pkgutil, selfeval.services as s\n"
        "for m in pkgutil.walk_packages(s.__path__, 'selfeval.services.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_first_paint_does_not_wait_for_sqlalchemy() -> None:
    """The window shows the criteria tree from a standard-library look at the workspace; the
    database layer loads meanwhile (bench/ui_bench.py: start-up within 2x bare PySide6)."""
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from selfeval.app import _application\n"
        "_application()\n"
        "from selfeval.ui.window.opening import open_workspace_window\n"
        "from selfeval.services.overview import first_overview\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & {'sqlalchemy', 'pydantic', 'alembic'}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_the_ground_modules_import_nothing_of_ours() -> None:
    graph = _graph()
    for module in ("selfeval.store.passwords_hidden", "selfeval.words"):
        assert [t for t in graph.get(module, ()) if t.startswith("selfeval")] == [], module
    assert [t for t in graph["selfeval.errors"] if t.startswith("selfeval")] == [
        "selfeval.store.passwords_hidden"
    ]


def test_only_the_store_tells_a_server_from_a_file() -> None:
    """No layer above the store looks for "://" in an address: it asks store.addresses (and a
    password is hidden by store/passwords_hidden.py)."""
    hits = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        if "store" not in path.relative_to(PACKAGE).parts[:1]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if '"://"' in line
    ]
    assert hits == []


def test_no_dead_code() -> None:
    """vulture, at 80% confidence, finds nothing never used (issue 29): a function nothing calls
    is removed, not kept 'in case'; a parameter a framework's signature needs starts with _."""
    found = subprocess.run(
        [sys.executable, "-m", "vulture", str(PACKAGE), "--min-confidence", "80"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert found.returncode == 0, found.stdout + found.stderr


def test_the_store_says_what_it_can_do_and_nothing_else_guesses() -> None:
    """Whether a workspace is shared, and has live changes, is the store's to say (issue 29):
    no module outside store/ tells a server from a file by its address's text."""
    from selfeval.store.addresses import capabilities_of, store_for
    from selfeval.store.workspace_store import FILE, SERVER

    assert store_for("postgresql://lead@db.example/anyshire").capabilities == SERVER
    assert store_for("/tmp/anyshire.selfeval").capabilities == FILE
    assert capabilities_of("postgres://lead@db.example/x") == SERVER
    assert capabilities_of("C:\\\\Users\\\\Jo\\\\anyshire.selfeval") == FILE
    guessing = re.compile(r'"://"|import is_server\b|"postgres(ql)?:')
    outside = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if not path.is_relative_to(PACKAGE / "store") and guessing.search(path.read_text("utf-8"))
    ]
    assert outside == []


def test_one_name_one_home() -> None:
    """No module re-exports another's names (`import X as X`): each is imported from where it
    is declared (issue 29), so a reader finds it where the import says."""
    shim = re.compile(r"^\s*from selfeval\S* import (\w+) as \1$", re.M)
    found = [
        f"{path.relative_to(PACKAGE)}: {match}"
        for path in PACKAGE.rglob("*.py")
        for match in shim.findall(path.read_text("utf-8"))
    ]
    assert found == []
