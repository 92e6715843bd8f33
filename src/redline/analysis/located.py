"""YAML read with its line numbers kept, so a data-file error can name the line to fix.

`load_located` turns a YAML text into `Node`s (value plus line and column, from yaml's node
marks); the `Problems` collector gathers every error of a file before reporting them at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml

from redline.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Node:
    """A YAML value with where it starts: dict[str, Node], list[Node] or a plain scalar."""

    value: Any
    line: int
    column: int = 1
    key_lines: dict[str, int] | None = None  # for a mapping: the line of each key


class Problems:
    """The errors found in one file, each with its line."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.found: list[tuple[int, str]] = []

    def add(self, node: Node | int, message: str) -> None:
        """Record an error at a node (or a line number)."""
        line = node.line if isinstance(node, Node) else node
        self.found.append((line, message))

    def check(self) -> None:
        """Raise one `DataFileError` listing every error, in line order, if there are any."""
        if self.found:
            lines = [f"{self.name}:{line}: {message}" for line, message in sorted(self.found)]
            raise DataFileError("invalid file\n" + "\n".join(lines))


MAX_DEPTH = 32  # data files nest a few levels; deeper YAML would only exhaust the parser's stack
_OPENS = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def screen(text: str, name: str) -> None:
    """Refuse what a rules, playbook or ladder file never needs and the parser handles badly.

    Anchors and aliases (one alias can expand to an exponential tree, a self-referencing one
    never ends), nesting deeper than `MAX_DEPTH` (yaml's composer recurses), and characters
    YAML does not accept. yaml's scanner is iterative, so this pass is safe on any text.
    """
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            line = token.start_mark.line + 1
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                raise DataFileError(
                    f"{name}:{line}: anchors and aliases (&name, *name) are not accepted; "
                    "write the values out"
                )
            depth += isinstance(token, _OPENS) - isinstance(token, _CLOSES)
            if depth > MAX_DEPTH:
                raise DataFileError(f"{name}:{line}: nested more than {MAX_DEPTH} levels deep")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}" if mark else ""
        raise DataFileError(f"{name}{where}: YAML syntax error: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: {' '.join(str(exc).split())}") from exc


def load_located(text: str, name: str) -> Node | None:
    """Parse YAML into located nodes; None for an empty document. Syntax errors name the line."""
    screen(text, name)
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        return None if root is None else _convert(root, loader, Problems(name))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DataFileError(f"{name}:{line}: YAML syntax error: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: YAML error: {exc}") from exc
    finally:
        loader.dispose()


def _convert(node: yaml.Node, loader: yaml.SafeLoader, problems: Problems) -> Node:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                problems.add(key_node.start_mark.line + 1, f"field names must be text: {key!r}")
            elif key in mapping:
                problems.add(key_node.start_mark.line + 1, f"duplicate field '{key}'")
            else:
                mapping[key] = _convert(value_node, loader, problems)
                key_lines[key] = key_node.start_mark.line + 1
        problems.check()
        return Node(mapping, line, column, key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, loader, problems) for item in node.value], line, column)
    return Node(loader.construct_object(node), line, column)


def fields(
    node: Node,
    problems: Problems,
    what: str,
    allowed: Iterable[str],
    required: Iterable[str] = (),
) -> dict[str, Node]:
    """The fields of a mapping node; unknown and missing fields are reported."""
    if not isinstance(node.value, dict):
        problems.add(node, f"{what} must be a mapping, not {_kind(node.value)}")
        return {}
    known = list(allowed)
    for key, value in node.value.items():
        if key not in known:
            hint = difflib.get_close_matches(key, known, n=1)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
            line = (node.key_lines or {}).get(key, value.line)
            problems.add(line, f"unknown field '{key}' in {what}{suggestion}")
    for key in required:
        if key not in node.value:
            problems.add(node, f"{what} needs the field '{key}'")
    return {k: v for k, v in node.value.items() if k in known}


def text(node: Node, problems: Problems, what: str) -> str | None:
    """A non-empty string value."""
    if isinstance(node.value, str) and node.value.strip():
        return node.value.strip()
    problems.add(node, f"{what} must be non-empty text, not {_kind(node.value)}")
    return None


def text_list(node: Node, problems: Problems, what: str) -> list[str]:
    """A list of strings; a single string is taken as a list of one."""
    return [value for _, value in _located_texts(node, problems, what)]


def _located_texts(node: Node, problems: Problems, what: str) -> list[tuple[Node, str]]:
    items = node.value if isinstance(node.value, list) else [node]
    out: list[tuple[Node, str]] = []
    for item in items:
        value = item.value
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            out.append((item, str(value).strip()))
        else:
            problems.add(item, f"{what} must be text, not {_kind(value)}")
    return out


def choice_list(node: Node, problems: Problems, what: str, choices: Iterable[str]) -> list[str]:
    """A list of strings each one of `choices` (compared case-insensitively, kept upper/lower)."""
    options = {c.lower(): c for c in choices}
    out: list[str] = []
    for item, value in _located_texts(node, problems, what):
        if value.lower() in options:
            out.append(options[value.lower()])
            continue
        hint = difflib.get_close_matches(value.lower(), list(options), n=1)
        suggestion = f" (did you mean '{options[hint[0]]}'?)" if hint else ""
        problems.add(item, f"unknown {what} '{value}'{suggestion}")
    return out


def integer(node: Node, problems: Problems, what: str, low: int, high: int) -> int | None:
    """An integer within [low, high]."""
    value = node.value
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    problems.add(node, f"{what} must be a whole number from {low} to {high}, not {value!r}")
    return None


def boolean(node: Node, problems: Problems, what: str) -> bool | None:
    """A true/false value."""
    if isinstance(node.value, bool):
        return node.value
    problems.add(node, f"{what} must be true or false, not {node.value!r}")
    return None


def patterns(node: Node, problems: Problems, what: str) -> list[re.Pattern[str]]:
    """Case-insensitive regular expressions; one that does not compile is reported."""
    out: list[re.Pattern[str]] = []
    for item, value in _located_texts(node, problems, what):
        try:
            out.append(re.compile(value, re.IGNORECASE))
        except re.error as exc:
            problems.add(item, f"{what} '{value}' is not a valid regular expression: {exc}")
    return out


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"
