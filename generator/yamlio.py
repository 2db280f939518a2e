"""YAML that remembers line numbers, so config errors can say `file:line`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError


class LineDict(dict):
    """A mapping from YAML; `line` is where it starts, `key_lines` where each key is."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present: ~10x faster
    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, _ in node.value:
            if key_node.value in mapping.key_lines:  # YAML would silently keep the last value
                raise yaml.MarkedYAMLError(problem=f"key '{key_node.value}' appears twice in one mapping",
                                           problem_mark=key_node.start_mark)
            mapping.key_lines[key_node.value] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node, deep=False):  # type: ignore[override]
        items = LineList(super().construct_sequence(node, deep=True))
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


# Dates stay text: each consumer checks its own (a bare `2025-02-30` would otherwise make
# PyYAML fail without a line number).
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LineLoader.construct_sequence)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads YAML written for another program (mkdocs.yml: `!ENV`, `!!python/name:...`),
    taking every tag it does not know as null, to check the shape, not to use the values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def parse_foreign_yaml(text: str) -> Any:
    """YAML another program reads, its own tags ignored. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_AnyTagLoader)


def parse_yaml(text: str) -> Any:
    """YAML text with line numbers kept; dates stay text. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_LineLoader)


def load_yaml(path: Path, error: type[ConfigError] = ConfigError) -> Any:
    """Parse a YAML file; syntax and encoding errors name the file and line."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise error(path, line, "is not valid UTF-8; save the file as UTF-8") from None
    try:
        return parse_yaml(text)
    except yaml.YAMLError as exc:
        raise error(path, *yaml_problem(exc, text)) from None


def yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """The line and the words for a YAML error: a syntax error's mark, or the offset of a
    character YAML refuses (a NUL byte, a control character)."""
    if isinstance(exc, yaml.reader.ReaderError):
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return text[:exc.position].count("\n") + 1, f"holds a character YAML does not allow (U+{code:04X}); remove it"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return (mark.line + 1 if mark else None), f"is not valid YAML: {getattr(exc, 'problem', None) or exc}"



def line_of_key(mapping: Any, key: str) -> int | None:
    if isinstance(mapping, LineDict):
        return mapping.key_lines.get(key, mapping.line)
    return None


def line_of_item(items: Any, index: int) -> int | None:
    if isinstance(items, LineList) and index < len(items.item_lines):
        return items.item_lines[index]
    return getattr(items, "line", None)
