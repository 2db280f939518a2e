"""Subtitle files: SubRip (.srt) and WebVTT (.vtt), one block per cue.

Markup inside cues (`<i>`, `<c.loud>`, `<v Speaker>`, karaoke timestamps) is deleted with
`MappedText.sub`, so what remains still maps character by character to the file. The
speaker comes from a `<v Name>` voice tag, or a leading `Name:` / `- Name:`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import TranscriptError
from ..model import Block
from ..textmap import MappedText
from .marks import find_label
from .source import Line, Reading, line_groups, quote

SRT_TIME = r"(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})"
SRT_TIMING = re.compile(rf"{SRT_TIME}[ \t]*-->[ \t]*{SRT_TIME}(?:[ \t]+.*)?")
SRT_EXAMPLE = "00:01:02,500 --> 00:01:04,000"
VTT_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
VTT_TIMING = re.compile(rf"{VTT_TIME}[ \t]+-->[ \t]+{VTT_TIME}(?:[ \t]+.*)?")
VTT_EXAMPLE = "00:01:02.500 --> 00:01:04.000"
VTT_SKIPPED_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")

VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+(?P<name>[^>\n]+?)[ \t]*>")
TAG = re.compile(r"</?[a-zA-Z]+(?:\.[^\s>]*)?(?:[ \t][^>\n]*)?>|<(?:\d+:)?\d{2}:\d{2}[.,]\d{3}>")
ENTITY = re.compile(r"&(?:amp|lt|gt|nbsp|lrm|rlm|quot|apos);")
ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "\u200e",
            "&rlm;": "\u200f", "&quot;": '"', "&apos;": "'"}
DASH = re.compile(r"-[ \t]*")


def read_srt(source: str, path: Path) -> Reading:
    blocks = []
    for group in line_groups(source):
        timing_index = _srt_timing_index(source, group, path)
        time = _srt_start(source, group[timing_index], path)
        block = _cue_block(source, group[timing_index + 1:], time)
        if block:
            blocks.append(block)
    return Reading(tuple(blocks))


def read_vtt(source: str, path: Path) -> Reading:
    groups = line_groups(source)
    first = groups[0][0]
    if first.number != 1 or not re.fullmatch(r"WEBVTT(?:[ \t].*)?", first.text(source)):
        raise TranscriptError(path, 1, f"expected 'WEBVTT' on the first line of a WebVTT file, "
                              f"found {quote(source.split(chr(10), 1)[0])}")
    blocks = []
    for group in groups[1:]:
        if VTT_SKIPPED_BLOCKS.fullmatch(group[0].text(source)):
            continue  # comments and styling, not speech
        timing_index = _vtt_timing_index(source, group)
        time = _vtt_start(source, group[timing_index], path)
        block = _cue_block(source, group[timing_index + 1:], time)
        if block:
            blocks.append(block)
    return Reading(tuple(blocks))


def _srt_timing_index(source: str, group: list[Line], path: Path) -> int:
    """Index of the timing line in a cue: 1 after a cue number, 0 without one."""
    first = group[0].text(source).strip()
    if "-->" in first:
        return 0
    if first.isdigit() and len(group) > 1:
        return 1
    if first.isdigit():
        raise TranscriptError(path, group[0].number, f"expected a timestamp line like {SRT_EXAMPLE} "
                              f"after cue number {first}, found nothing")
    raise TranscriptError(path, group[0].number, f"expected a cue number or a timestamp line like "
                          f"{SRT_EXAMPLE}, found {quote(first)}")


def _vtt_timing_index(source: str, group: list[Line]) -> int:
    """Index of the timing line: 0, or 1 after a cue identifier."""
    if "-->" in group[0].text(source) or len(group) == 1:
        return 0
    return 1


def _srt_start(source: str, line: Line, path: Path) -> float:
    match = SRT_TIMING.fullmatch(line.text(source).strip())
    if not match:
        raise TranscriptError(path, line.number, f"expected a timestamp like {SRT_EXAMPLE}, "
                              f"found {quote(line.text(source))}")
    hours, minutes, seconds, millis = match.groups()[:4]
    return _seconds(hours, minutes, seconds, millis)


def _vtt_start(source: str, line: Line, path: Path) -> float:
    match = VTT_TIMING.fullmatch(line.text(source).strip())
    if not match:
        raise TranscriptError(path, line.number, f"expected a cue timing like {VTT_EXAMPLE} "
                              f"(settings may follow), found {quote(line.text(source))}")
    hours, minutes, seconds, millis = match.groups()[:4]
    return _seconds(hours, minutes, seconds, millis)


def _seconds(hours: str | None, minutes: str, seconds: str, fraction: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(fraction.ljust(3, "0")) / 1000


def _cue_block(source: str, lines: list[Line], time: float) -> Block | None:
    if not lines:
        return None
    raw = MappedText.verbatim(source, lines[0].start, lines[-1].end)
    voice = VOICE.search(raw.text)
    text = raw.sub(TAG, lambda m: "").sub(ENTITY, lambda m: ENTITIES[m.group()]).strip()
    speaker = voice.group("name").strip() if voice else None
    if speaker is None:
        speaker, text = _leading_label(text)
    return Block(text, lines[0].number, speaker, time) if text.text else None


def _leading_label(text: MappedText) -> tuple[str | None, MappedText]:
    """`Name: words` or `- Name: words` at the start of a cue."""
    dash = DASH.match(text.text)
    start = dash.end() if dash else 0
    label = find_label(text.text, start, len(text.text))
    if label is None or label.end >= len(text.text):
        return None, text
    return label.name, text.slice(label.end, len(text.text))
