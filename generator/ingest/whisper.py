"""Whisper-style JSON: `{"segments": [{"start", "end", "text", "speaker"?}]}` or a bare list.

Segment texts are JSON string literals, so a decoded character is not always one source
character (`\\"`, `\\u00e9`, surrogate pairs). The parser records where each string and
object starts, and each text is decoded again here character by character, so every
character maps to the place in the file it was written.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import math
import re
from pathlib import Path
from typing import Any

from ..errors import TranscriptError, line_of
from ..model import Block
from ..textmap import MappedText
from .source import Reading

ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*")
EXAMPLE = '{"segments": [{"start": 0.0, "end": 2.5, "text": "Hello."}]}'


class LocatedStr(str):
    start: int  # source offset just after the opening quote


class LocatedDict(dict):
    start: int  # source offset of the opening brace


def read_whisper(source: str, path: Path) -> Reading:
    data = _parse(source, path)
    segments = data.get("segments") if isinstance(data, dict) else data
    if not isinstance(segments, list):
        raise TranscriptError(path, 1, f"expected Whisper JSON with a 'segments' list, like {EXAMPLE}, "
                              f"found a JSON {type(data).__name__} without one")
    blocks = [_block(source, segment, index, path) for index, segment in enumerate(segments)]
    language = data.get("language") if isinstance(data, dict) else None
    language = language if isinstance(language, str) and LANGUAGE_TAG.fullmatch(language) else None
    return Reading(tuple(b for b in blocks if b.text.text), language=language)


def has_segments(source: str) -> bool:
    """Content sniffing: is this JSON with segments?"""
    try:
        data = json.loads(source)
    except ValueError:
        return False
    if isinstance(data, dict):
        return isinstance(data.get("segments"), list)
    return isinstance(data, list) and bool(data) and all(isinstance(s, dict) and "text" in s for s in data)


def _parse(source: str, path: Path) -> Any:
    try:
        return _located_decoder().decode(source)
    except json.JSONDecodeError as exc:
        raise TranscriptError(path, exc.lineno, f"is not valid JSON: {exc.msg} (column {exc.colno}); "
                              f"expected Whisper JSON like {EXAMPLE}") from None


def _located_decoder() -> json.JSONDecoder:
    """A decoder whose strings and objects remember where they start in the source."""
    decoder = json.JSONDecoder()

    def parse_string(text: str, end: int, strict: bool = True) -> tuple[str, int]:
        value, after = json.decoder.scanstring(text, end, strict)
        located = LocatedStr(value)
        located.start = end
        return located, after

    def parse_object(state: tuple[str, int], *args: Any) -> tuple[Any, int]:
        value, after = json.decoder.JSONObject(state, *args)
        located = LocatedDict(value)
        located.start = state[1] - 1
        return located, after

    decoder.parse_string = parse_string  # type: ignore[method-assign]
    decoder.parse_object = parse_object  # type: ignore[assignment]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # the C scanner ignores these hooks
    return decoder


def _block(source: str, segment: Any, index: int, path: Path) -> Block:
    _check_segment(source, segment, f"segments[{index}]", path)
    text = segment["text"]
    return Block(_mapped_literal(source, text.start), line_of(source, text.start),
                 segment.get("speaker") or None, float(segment["start"]))


def _check_segment(source: str, segment: Any, where: str, path: Path) -> None:
    if not isinstance(segment, LocatedDict):
        raise TranscriptError(path, None, f"{where}: expected an object with 'start' and 'text', "
                              f"found {json.dumps(segment)[:60]}")
    line = line_of(source, segment.start)
    start, text, speaker = segment.get("start"), segment.get("text"), segment.get("speaker")
    if isinstance(start, bool) or not isinstance(start, (int, float)) or not math.isfinite(start) or start < 0:
        raise TranscriptError(path, line, f"{where}: expected 'start' as seconds (a number like 12.5), "
                              f"found {json.dumps(start)}")
    if not isinstance(text, LocatedStr):
        raise TranscriptError(path, line, f"{where}: expected 'text' as a string, found {json.dumps(text)}")
    if speaker is not None and not isinstance(speaker, str):
        raise TranscriptError(path, line, f"{where}: expected 'speaker' as a string, found {json.dumps(speaker)}")


def _mapped_literal(source: str, start: int) -> MappedText:
    """Decode the string literal starting at `start`; each character maps to where it is written."""
    chars: list[str] = []
    offsets: list[int] = []
    index = start
    while source[index] != '"':
        char, length = _escape_at(source, index) if source[index] == "\\" else (source[index], 1)
        chars.append(char)
        offsets.append(index)
        index += length
    return MappedText.from_offsets("".join(chars), offsets).strip()


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
