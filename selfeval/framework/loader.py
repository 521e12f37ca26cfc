"""Load and validate framework files, with `file:line: field: problem` messages.

Every way a file can be wrong ends in a FrameworkError listing each problem on its own line; no
exception from YAML or pydantic ever reaches the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from selfeval.errors import InputError, SelfevalError
from selfeval.files.input_file import open_input
from selfeval.framework.crosswalk import problems_in_file
from selfeval.framework.model import Framework
from selfeval.framework.yaml_lines import (
    Path_,
    YamlProblem,
    format_path,
    line_for,
    load_with_lines,
)

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_PROBLEMS = 20


class FrameworkError(InputError):
    """A framework file is not valid; ``problems`` holds one `file:line: field: message` each."""

    def __init__(self, problems: list[str]) -> None:
        shown = problems[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            shown.append(f"... and {len(problems) - MAX_PROBLEMS} more problems")
        super().__init__("\n".join(shown))
        self.problems = problems


_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "unknown key",
    "string_type": "must be text (put it in quotes)",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "model_type": "must be a mapping of keys to values",
    "dict_type": "must be a mapping of keys to values",
    "tuple_type": "must be a list",
    "list_type": "must be a list",
}


def _message(error: Any) -> str:
    kind = error["type"]
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "too_short":
        n = error.get("ctx", {}).get("min_length", 1)
        return f"must have at least {n} item{'s' if n != 1 else ''}"
    if kind == "too_long":
        n = error.get("ctx", {}).get("max_length")
        return f"must have at most {n} items"
    message = str(error["msg"])
    return message.removeprefix("Value error, ")


def parse_framework(data: bytes | str, source: str = "<framework>") -> Framework:
    """Validate a framework file's content; `source` names it in messages."""
    return parse_framework_with_lines(data, source)[0]


def parse_framework_with_lines(
    data: bytes | str, source: str = "<framework>"
) -> tuple[Framework, dict[Path_, int]]:
    """The framework and the line of each of its keys (for problems found later, such as a
    crosswalk checked against the edition it supersedes)."""
    if isinstance(data, bytes):
        if len(data) > MAX_FILE_BYTES:
            raise FrameworkError(
                [f"{source}:1: file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}"]
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            raise FrameworkError(
                [f"{source}:{line}: not UTF-8 text (byte {err.start}); save the file as UTF-8"]
            ) from None
    else:
        text = data
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            raise FrameworkError([f"{source}:1: file is over the {MAX_FILE_BYTES:,} byte limit"])
    try:
        content, lines = load_with_lines(text)
    except YamlProblem as problem:
        where = f"{format_path(problem.path)}: " if problem.path else ""
        raise FrameworkError([f"{source}:{problem.line}: {where}{problem.message}"]) from None
    if not isinstance(content, dict):
        raise FrameworkError(
            [f"{source}:1: the file must be a YAML mapping (keys such as id, title, groups)"]
        )
    try:
        framework = Framework.model_validate(content)
    except ValidationError as err:
        problems = []
        for error in err.errors():
            path = tuple(error["loc"])
            problems.append(
                f"{source}:{line_for(path, lines)}: {format_path(path)}: {_message(error)}"
            )
        raise FrameworkError(problems) from None
    problems = [
        *_duplicate_ids(framework, lines, source),
        *_duplicate_numbers(framework, lines, source),
        *problems_in_file(framework, lines, source),
    ]
    if problems:
        raise FrameworkError(problems)
    return framework, lines


def _duplicate_ids(framework: Framework, lines: dict[Path_, int], source: str) -> Iterable[str]:
    seen: dict[tuple[str, str], Path_] = {}

    def check(kind: str, value: str, path: Path_) -> str | None:
        first = seen.setdefault((kind, value), path)
        if first == path:
            return None
        return (
            f"{source}:{line_for(path, lines)}: {format_path(path)}: duplicate {kind} id "
            f"'{value}' (first used at line {line_for(first, lines)})"
        )

    candidates: list[tuple[str, str, Path_]] = []
    for gi, group in enumerate(framework.groups):
        candidates.append(("group", group.id, ("groups", gi, "id")))
        for ci, criterion in enumerate(group.criteria):
            cpath: Path_ = ("groups", gi, "criteria", ci)
            candidates.append(("criterion", criterion.id, (*cpath, "id")))
            for bi, bullet in enumerate(criterion.bullets):
                candidates.append(("bullet", bullet.id, (*cpath, "bullets", bi, "id")))
    for oi, outcome in enumerate(framework.outcomes):
        candidates.append(("outcome", outcome.id, ("outcomes", oi, "id")))
    for kind, value, path in candidates:
        problem = check(kind, value, path)
        if problem:
            yield problem


def _duplicate_numbers(framework: Framework, lines: dict[Path_, int], source: str) -> Iterable[str]:
    """Two criteria both called "3" would make every "criterion 3" in a pack ambiguous."""
    first: dict[int, Path_] = {}
    position = 0
    for gi, group in enumerate(framework.groups):
        for ci, criterion in enumerate(group.criteria):
            position += 1
            cpath: Path_ = ("groups", gi, "criteria", ci)
            path: Path_ = (*cpath, "number") if criterion.number else (*cpath, "id")
            number = criterion.number or position
            earlier = first.setdefault(number, path)
            if earlier != path:
                yield (
                    f"{source}:{line_for(path, lines)}: {format_path((*cpath, 'number'))}: "
                    f"number {number} is already used at line {line_for(earlier, lines)} "
                    "(without a number, a criterion is numbered by its position in the file)"
                )


def load_framework(path: Path) -> Framework:
    """Read and validate one framework file from disk."""
    return read_framework(path)[0]


def read_framework(path: Path) -> tuple[Framework, dict[Path_, int]]:
    """One framework file from disk, with the line of each key (a folder, device or pipe is
    refused at once by the one reader of user-named files)."""
    if not path.exists():
        raise FrameworkError([f"{path}: no such file"])
    if path.is_dir():
        raise FrameworkError([f"{path}: is a folder, not a framework file"])
    try:
        with open_input(path, "a framework file (.yaml)") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FrameworkError:
        raise
    except SelfevalError as err:
        raise FrameworkError([str(err)]) from None
    except OSError as err:
        raise FrameworkError([f"{path}: cannot be read ({err.strerror})"]) from None
    if len(data) > MAX_FILE_BYTES:
        size = path.stat().st_size
        raise FrameworkError([f"{path}:1: file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"])
    return parse_framework_with_lines(data, str(path))
