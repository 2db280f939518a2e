"""JSON that remembers where things are written, for readers of speech-to-text exports.

Strings, objects and arrays come back as `LocatedStr`, `LocatedDict` and `LocatedList`
carrying the source offset where they start. A string's text is decoded again from the
source character by character (`mapped_literal`), so every decoded character maps to the
place in the file it was written, escapes (`\\"`, `\\u00e9`, surrogate pairs) included.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from pathlib import Path
from typing import Any

from ..errors import TranscriptError, line_of
from ..textmap import MappedText

ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class LocatedStr(str):
    start: int  # source offset just after the opening quote


class LocatedDict(dict):
    start: int  # source offset of the opening brace


class LocatedList(list):
    start: int  # source offset of the opening bracket


SURROGATE = re.compile("[\ud800-\udfff]")


def parse_located(source: str, path: Path, expected: str) -> Any:
    """Parse JSON; an invalid file is a TranscriptError at the line of the fault."""
    try:
        return _located_decoder().decode(source)
    except json.JSONDecodeError as exc:
        raise TranscriptError(path, exc.lineno, f"is not valid JSON: {exc.msg} (column {exc.colno}); "
                              f"expected {expected}") from None
    except _HalfCharacter as exc:
        raise TranscriptError(path, line_of(source, exc.offset), "has a string with half of a UTF-16 character "
                              "pair (an escape such as \\ud800 alone), which is no text; "
                              "export the transcript again") from None
    except RecursionError:
        raise TranscriptError(path, 1, "nests lists or objects thousands of levels deep, which no "
                              "transcript does") from None


class _HalfCharacter(ValueError):
    """A lone surrogate escape in a JSON string: JSON allows it, no text can hold it."""

    def __init__(self, offset: int):
        super().__init__(offset)
        self.offset = offset


def _located_decoder() -> json.JSONDecoder:
    decoder = json.JSONDecoder()

    def parse_string(text: str, end: int, strict: bool = True) -> tuple[str, int]:
        value, after = json.decoder.scanstring(text, end, strict)
        if SURROGATE.search(value):
            raise _HalfCharacter(end)
        located = LocatedStr(value)
        located.start = end
        return located, after

    def parse_object(state: tuple[str, int], *args: Any) -> tuple[Any, int]:
        value, after = json.decoder.JSONObject(state, *args)
        located = LocatedDict(value)
        located.start = state[1] - 1
        return located, after

    def parse_array(state: tuple[str, int], *args: Any) -> tuple[Any, int]:
        value, after = json.decoder.JSONArray(state, *args)
        located = LocatedList(value)
        located.start = state[1] - 1
        return located, after

    decoder.parse_string = parse_string  # type: ignore[method-assign]
    decoder.parse_object = parse_object  # type: ignore[assignment]
    decoder.parse_array = parse_array  # type: ignore[assignment]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # the C scanner ignores these hooks
    return decoder


def mapped_literal(source: str, start: int) -> MappedText:
    """Decode the string literal starting at `start`; each character maps to where it is written."""
    return _literal(source, start).strip()


def mapped_pieces(source: str, pieces: tuple[LocatedStr, ...]) -> MappedText:
    """Strings a tool writes to be read one after another (words, punctuation, the spaces
    between them), joined as written, so that each character still maps to its literal."""
    return MappedText.join((_literal(source, piece.start) for piece in pieces), "").strip()


def _literal(source: str, start: int) -> MappedText:
    chars: list[str] = []
    offsets: list[int] = []
    index = start
    while source[index] != '"':
        char, length = _escape_at(source, index) if source[index] == "\\" else (source[index], 1)
        chars.append(char)
        offsets.append(index)
        index += length
    return MappedText.from_offsets("".join(chars), offsets)


def _escape_at(source: str, index: int) -> tuple[str, int]:
    """The character a backslash escape stands for, and how many source characters it takes."""
    kind = source[index + 1]
    if kind != "u":
        return ESCAPES[kind], 2
    code = int(source[index + 2:index + 6], 16)
    if 0xD800 <= code < 0xDC00 and source[index + 6:index + 8] == "\\u":
        low = int(source[index + 8:index + 12], 16)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 12
    return chr(code), 6


def at(data: Any, *keys: str | int) -> Any:
    """data[k1][k2]..., or None where the path does not exist."""
    for key in keys:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and len(data) > key else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def describe(data: Any) -> str:
    """What a JSON file holds instead, briefly, for an error message."""
    if isinstance(data, dict):
        keys = ", ".join(repr(key) for key in list(data)[:8])
        return f"a JSON object with the keys {keys}" if keys else "an empty JSON object"
    if isinstance(data, list) and data:
        return f"a JSON array whose first item is {json.dumps(data[0])[:60]}"
    return f"JSON {json.dumps(data)[:60]}"
