"""Read YAML into plain data while remembering the line of every value.

PyYAML's safe loader forgets where things were; a council user editing a framework file needs
`file:line` in every message, so we compose the node tree ourselves. Anchors, aliases and
tags (on any node) are refused: a framework file has no need of them, and aliases are how a
small hostile file expands into gigabytes. Nesting deeper than a framework ever needs, and
numbers longer than any a framework holds, are refused with their line before anything is
built from them (the YAML composer recurses once per level; Python refuses to read an int of
thousands of digits).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


MAX_DEPTH = 32
"""A framework file nests about six deep (groups, criteria, bullets); 32 is generous."""
MAX_NUMBER_TEXT = 30
"""Characters of the longest number a framework file may hold (a paragraph, a rank)."""

_OPENS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, path: Path_ = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.path = path


def load_with_lines(text: str) -> tuple[Any, dict[Path_, int]]:
    """Return the document's data and a map from each value's path to its 1-based line."""
    _refuse_tags_and_depth(text)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise YamlProblem(line, f"not valid YAML: {err.problem or err.context}") from None
    except yaml.YAMLError as err:
        raise YamlProblem(1, f"not valid YAML: {err}") from None
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    seen: set[int] = set()
    data = _convert(node, (), lines, seen)
    return data, lines


def _refuse_tags_and_depth(text: str) -> None:
    """Read the file's tokens (the scanner does not recurse): a tag anywhere, or nesting past
    MAX_DEPTH, is refused with its line. Syntax errors are left to the composer to report."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            line = token.start_mark.line + 1
            if isinstance(token, yaml.TagToken):
                raise YamlProblem(line, "YAML tags (! and !!) are not allowed")
            if isinstance(token, _OPENS):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(line, f"nested more than {MAX_DEPTH} levels deep")
            elif isinstance(token, _CLOSES):
                depth -= 1
    except yaml.YAMLError:
        return


def _number(node: yaml.ScalarNode, path: Path_, line: int) -> Any:
    if len(str(node.value)) > MAX_NUMBER_TEXT:
        raise YamlProblem(line, f"a number longer than {MAX_NUMBER_TEXT} characters", path)
    value = _CONSTRUCTOR.construct_object(node)
    _CONSTRUCTOR.constructed_objects.clear()
    if isinstance(value, float) and not math.isfinite(value):
        raise YamlProblem(line, "a number must be finite (not .inf or .nan)", path)
    return value


def _convert(node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise YamlProblem(line, "anchors and aliases (&, *) are not allowed", path)
    seen.add(id(node))
    lines[path] = line
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, "keys must be plain words", path)
            key = str(key_node.value)
            if key == "<<":
                raise YamlProblem(key_node.start_mark.line + 1, "merge keys (<<) are not allowed")
            if key in result:
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    "duplicate key (already given above)",
                    (*path, key),
                )
            if id(value_node) in seen:
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    "anchors and aliases (&, *) are not allowed",
                    (*path, key),
                )
            result[key] = _convert(value_node, (*path, key), lines, seen)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), lines, seen) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:timestamp":
        return str(node.value)  # a date-like edition stays the text the author wrote
    if node.tag not in _SCALAR_TAGS:
        raise YamlProblem(line, f"YAML tag {node.tag} is not allowed", path)
    if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        return _number(node, path, line)  # type: ignore[arg-type]
    value = _CONSTRUCTOR.construct_object(node)
    _CONSTRUCTOR.constructed_objects.clear()
    return value


_CONSTRUCTOR = yaml.SafeLoader("")


def format_path(path: Iterable[str | int]) -> str:
    """groups[0].criteria[2].bullets[1].text: how a problem names where it is."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def line_for(path: Path_, lines: dict[Path_, int]) -> int:
    """The line of the deepest part of `path` that exists in the file."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1
