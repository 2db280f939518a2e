"""Speech-to-text JSON, one block per segment, in any of these shapes:

- Whisper: `{"segments": [{"start", "end", "text", "speaker"?}]}`, or a bare list of segments;
- Hugging Face transformers ASR pipeline: `{"text", "chunks": [{"timestamp": [start, end], "text"}]}`
  (`end` may be null);
- whisper.cpp: `{"transcription": [{"timestamps": {"from": "00:00:01,500", ...},
  "offsets": {"from": 1500, ...}, "text"}]}`, the time from `offsets.from` (milliseconds)
  or else `timestamps.from`.

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
SHAPES = (f"Whisper JSON like {EXAMPLE} (or a bare list of those segments), transformers ASR JSON like "
          '{"chunks": [{"timestamp": [0.0, 2.5], "text": "Hello."}]} or whisper.cpp JSON like '
          '{"transcription": [{"offsets": {"from": 0, "to": 2500}, "text": "Hello."}]}')
LISTS = ("segments", "chunks", "transcription")  # the key holding the list, per shape
CPP_TIME = re.compile(r"(\d+):(\d{2}):(\d{2})[,.](\d{1,3})")


class LocatedStr(str):
    start: int  # source offset just after the opening quote


class LocatedDict(dict):
    start: int  # source offset of the opening brace


def read_whisper(source: str, path: Path) -> Reading:
    data = _parse(source, path)
    key, segments = _segment_list(data)
    if segments is None:
        raise TranscriptError(path, 1, f"expected a 'segments', 'chunks' or 'transcription' list: {SHAPES}; "
                              f"found a JSON {_kind(data)} without one")
    blocks = [_block(source, segment, f"{key}[{index}]", key, path) for index, segment in enumerate(segments)]
    language = data.get("language") if isinstance(data, dict) else None
    result = data.get("result") if isinstance(data, dict) else None  # whisper.cpp puts it here
    language = language or (result.get("language") if isinstance(result, dict) else None)
    language = language if isinstance(language, str) and LANGUAGE_TAG.fullmatch(language) else None
    return Reading(tuple(b for b in blocks if b.text.text), language=language)


def has_segments(source: str) -> bool:
    """Content sniffing: is this JSON with segments (chunks, a transcription)?"""
    try:
        data = json.loads(source)
    except ValueError:
        return False
    if isinstance(data, dict):
        return _segment_list(data)[1] is not None
    return isinstance(data, list) and bool(data) and all(isinstance(s, dict) and "text" in s for s in data)


def _kind(data: Any) -> str:
    return "object" if isinstance(data, dict) else "array" if isinstance(data, list) else type(data).__name__


def _segment_list(data: Any) -> tuple[str, list[Any] | None]:
    """Which shape this is (the key of its list) and the list, None when there is none."""
    if isinstance(data, list):
        return "segments", data
    if isinstance(data, dict):
        for key in LISTS:
            if isinstance(data.get(key), list):
                return key, data[key]
    return "segments", None


def _parse(source: str, path: Path) -> Any:
    try:
        return _located_decoder().decode(source)
    except json.JSONDecodeError as exc:
        raise TranscriptError(path, exc.lineno, f"is not valid JSON: {exc.msg} (column {exc.colno}); "
                              f"expected {SHAPES}") from None


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


def _block(source: str, segment: Any, where: str, key: str, path: Path) -> Block:
    time = _check_segment(source, segment, where, key, path)
    text = segment["text"]
    return Block(_mapped_literal(source, text.start), line_of(source, text.start),
                 segment.get("speaker") or None, time)


def _check_segment(source: str, segment: Any, where: str, key: str, path: Path) -> float:
    """Check one segment; its start time in seconds."""
    if not isinstance(segment, LocatedDict):
        fields = {"segments": "'start'", "chunks": "'timestamp'", "transcription": "'offsets'"}[key]
        raise TranscriptError(path, None, f"{where}: expected an object with {fields} and 'text', "
                              f"found {json.dumps(segment)[:60]}")
    line = line_of(source, segment.start)
    text, speaker = segment.get("text"), segment.get("speaker")
    time = {"segments": _whisper_start, "chunks": _chunk_start, "transcription": _cpp_start}[key](segment)
    if isinstance(time, str):
        raise TranscriptError(path, line, f"{where}: {time}")
    if not isinstance(text, LocatedStr):
        raise TranscriptError(path, line, f"{where}: expected 'text' as a string, found {json.dumps(text)}")
    if speaker is not None and not isinstance(speaker, str):
        raise TranscriptError(path, line, f"{where}: expected 'speaker' as a string, found {json.dumps(speaker)}")
    return time


def _seconds(value: Any) -> float | None:
    """A JSON number of seconds, or None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return None
    return float(value)


def _whisper_start(segment: dict) -> float | str:
    start = _seconds(segment.get("start"))
    return start if start is not None else (
        f"expected 'start' as seconds (a number like 12.5), found {json.dumps(segment.get('start'))}")


def _chunk_start(segment: dict) -> float | str:
    stamp = segment.get("timestamp")
    start = _seconds(stamp[0]) if isinstance(stamp, list) and len(stamp) == 2 else None
    end_ok = isinstance(stamp, list) and len(stamp) == 2 and (stamp[1] is None or _seconds(stamp[1]) is not None)
    return start if start is not None and end_ok else (
        f"expected 'timestamp' as [start, end] in seconds (like [0.0, 2.5], end may be null), "
        f"found {json.dumps(stamp)}")


def _cpp_start(segment: dict) -> float | str:
    offsets, stamps = segment.get("offsets"), segment.get("timestamps")
    millis = _seconds(offsets.get("from")) if isinstance(offsets, dict) else None
    if millis is not None:
        return millis / 1000
    clock = CPP_TIME.fullmatch(stamps.get("from", "")) if isinstance(stamps, dict) and \
        isinstance(stamps.get("from"), str) else None
    if clock:
        hours, minutes, seconds, fraction = clock.groups()
        return int(hours) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction.ljust(3, "0")) / 1000
    return (f"expected 'offsets' with 'from' in milliseconds (like {{\"from\": 1500, \"to\": 2500}}) or "
            f"'timestamps' with 'from' like \"00:00:01,500\", found offsets {json.dumps(offsets)}, "
            f"timestamps {json.dumps(stamps)}")


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
