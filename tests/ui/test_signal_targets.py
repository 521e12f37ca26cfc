"""Qt's `clicked(bool)` and `triggered(bool)` pass a `checked` flag to whatever they are connected
to. A slot with a parameter of its own (`import_file(path=None)`) then receives False as its path
and does nothing, or fails (issue 24: "Import figures..." did nothing, "Import tracker..."
failed). Every such connection in the app is checked here: its target is a lambda, or a method of
the same class that takes nothing but `checked`."""

from __future__ import annotations

import ast
from pathlib import Path

import selfeval

UI = Path(selfeval.__file__).parent / "ui"
SIGNALS = {"clicked", "triggered", "toggled"}
FLAG_NAMES = {"checked", "_checked", "on", "_"}


def _methods(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {
        node.name: node
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, ast.FunctionDef)
    }


def _wrong(target: ast.expr, methods: dict[str, ast.FunctionDef]) -> str | None:
    if isinstance(target, ast.Lambda | ast.Call):
        return None
    if isinstance(target, ast.Attribute):
        method = methods.get(target.attr)
        if not isinstance(target.value, ast.Name) or target.value.id != "self" or method is None:
            return None  # another object's slot (a dialog's accept, a widget's setFocus)
        params = [a.arg for a in method.args.args[1:]]
        if all(p in FLAG_NAMES for p in params):
            return None
        return f"self.{target.attr}({', '.join(params)})"
    return f"{ast.unparse(target)} (a slot chosen at run time: wrap it in a lambda)"


def test_no_checked_flag_reaches_a_parameter_that_means_something_else() -> None:
    found = []
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods = _methods(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            signal = node.func.value
            if not (
                node.func.attr == "connect"
                and isinstance(signal, ast.Attribute)
                and signal.attr in SIGNALS
                and node.args
            ):
                continue
            wrong = _wrong(node.args[0], methods)
            if wrong:
                found.append(f"{path.relative_to(UI)}:{node.lineno} {signal.attr} -> {wrong}")
    assert not found, "\n".join(found)


def test_no_file_picker_starts_in_the_programs_working_folder() -> None:
    """A picker given "" opens wherever selfeval was started (Program Files on a council
    laptop): each starts in the workspace's folder, the last one used, or the person's own."""
    found = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr.startswith(("getOpenFileName", "getSaveFileName", "getExisting"))
                and len(node.args) >= 3
                and isinstance(node.args[2], ast.Constant)
                and not node.args[2].value
            ):
                found.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert not found, "\n".join(found)
