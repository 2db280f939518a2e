"""Subtitle files: SubRip (.srt), WebVTT (.vtt) and YouTube's SubViewer (.sbv), one block per cue.

A cue is found by its timing line (`00:00:01,000 --> 00:00:03,500`, or `0:00:01.000,0:00:03.500`
in SubViewer), not by blank lines: its text runs to the next cue's number, identifier or
timing line, so blank lines inside a cue, a missing blank line between cues, missing cue
numbers and whitespace-only lines (YouTube) all read as the tool meant. Times are read
leniently, as players read them: hours optional or of any length, one-digit minutes and
seconds, and a fraction of 1-3 digits after `,`, `.`, `:` or a full-width `，`, or none.
WebVTT's header, `NOTE`, `STYLE` and `REGION` blocks are skipped; a `Language: de` line in
the header (YouTube's) is the episode's language. What a cue says is read by `cues.py`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path

from ..errors import TranscriptError
from ..model import clock
from .cues import (carry_speakers, cue_blocks, drop_rolling_repeats, name_bracketed_speakers, name_heading_speakers,
                   name_lowercase_speakers)
from .source import Line, Reading, quote, split_lines

log = logging.getLogger(__name__)

TIME = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.:，](\d{1,3}))?"
TIMING = re.compile(rf"{TIME}[ \t]*-->[ \t]*{TIME}(?:[ \t]+.*)?")
TIMING_LIKE = re.compile(r"\d.*-->")  # a line meant as a timing line, well formed or not
SBV_TIMING = re.compile(r"(\d+):(\d{2}):(\d{2})\.(\d{3}),\d+:\d{2}:\d{2}\.\d{3}")
SRT_EXAMPLE = "00:01:02,500 --> 00:01:04,000"
VTT_EXAMPLE = "00:01:02.500 --> 00:01:04.000"
VTT_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
VTT_SKIPPED_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
VTT_LANGUAGE = re.compile(r"Language:[ \t]*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*[ \t]*")


def read_srt(source: str, path: Path) -> Reading:
    lines = split_lines(source)
    timings = _timings(source, lines, path, SRT_EXAMPLE)
    heads = [_srt_head(source, lines, index) for index in timings]
    _check_srt_numbers(source, lines, set(heads), path)
    _check_nothing_before(source, lines[:heads[0] if heads else len(lines)], path, SRT_EXAMPLE)
    starts = [_start(source, lines[index]) for index in timings]
    _warn_out_of_order(lines, timings, starts, path)
    return _reading(source, lines, timings, starts, heads, comments=False)


def read_vtt(source: str, path: Path) -> Reading:
    lines = split_lines(source)
    if not VTT_HEADER.fullmatch(lines[0].text(source)):
        raise TranscriptError(path, 1, f"expected 'WEBVTT' on the first line of a WebVTT file, "
                              f"found {quote(lines[0].text(source))}")
    timings = _timings(source, lines, path, VTT_EXAMPLE)
    heads = [_vtt_head(source, lines, index) for index in timings]
    header_end = _end_of_header(source, lines)
    before = _without_comments(source, lines[header_end:heads[0] if heads else len(lines)])
    _check_nothing_before(source, before, path, VTT_EXAMPLE)
    starts = [_start(source, lines[index]) for index in timings]
    _warn_out_of_order(lines, timings, starts, path)
    reading = _reading(source, lines, timings, starts, heads, comments=True)
    languages = [m.group(1).lower() for line in lines[1:header_end] if (m := VTT_LANGUAGE.fullmatch(line.text(source)))]
    return replace(reading, language=languages[0]) if languages else reading


def looks_like_subtitles(source: str) -> bool:
    """Content sniffing: the first line that is not a cue number is a timing line."""
    first = [line for line in source.split("\n", 3)[:3] if line.strip()][:2]
    if first and first[0].strip().isdigit():
        first = first[1:]
    return bool(first) and (TIMING.fullmatch(first[0].strip()) or SBV_TIMING.fullmatch(first[0].strip())) is not None


def _reading(source: str, lines: list[Line], timings: list[int], starts: list[float], heads: list[int],
             comments: bool) -> Reading:
    ends = heads[1:] + [len(lines)]
    texts = [_cue_text(source, lines[start + 1:end], comments) for start, end in zip(timings, ends)]
    texts = drop_rolling_repeats(source, texts)
    blocks = [block for start, text in zip(starts, texts) for block in cue_blocks(source, text, start)]
    return Reading(tuple(carry_speakers(name_bracketed_speakers(name_heading_speakers(name_lowercase_speakers(blocks))))))


def _timings(source: str, lines: list[Line], path: Path, example: str) -> list[int]:
    """Indexes of the timing lines; a line that looks meant as one but is not, or a start that
    is no time, is an error. Only starts are used, so a wrong end is only worth a warning."""
    timings, warned = [], False
    for index, line in enumerate(lines):
        text = line.text(source).strip()
        timing, sbv = TIMING.fullmatch(text), SBV_TIMING.fullmatch(text)
        if (timing or sbv) and (problem := _impossible(*(sbv or timing).groups()[:4])):
            raise TranscriptError(path, line.number, f"{problem} in the cue's start, {quote(text)}")
        if timing and not warned and (problem := _impossible(*timing.groups()[4:]) or _backwards(timing)):
            log.warning("%s:%d: %s in the cue's end, %s; only its start is used", path, line.number, problem,
                        quote(text))
            warned = True
        if sbv or timing:
            timings.append(index)
        elif TIMING_LIKE.match(text):
            raise TranscriptError(path, line.number, f"expected a cue timing like {example} "
                                  f"(settings may follow), found {quote(text)}")
    return timings


def _impossible(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> str | None:
    """What makes a written time no time at all: 61 minutes, 99 seconds, hours of a year."""
    if int(seconds) > 59 or hours is not None and int(minutes) > 59:
        return "minutes and seconds go up to 59"
    if hours is not None and len(hours.lstrip("0")) > 4:
        return "more hours than any recording has"
    return None


def _backwards(timing: re.Match[str]) -> str | None:
    start, end = _seconds(*timing.groups()[:4]), _seconds(*timing.groups()[4:])
    return f"it comes before the start ({clock(end)} < {clock(start)})" if end < start else None


def _seconds(hours: str | None, minutes: str, seconds: str, fraction: str | None) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int((fraction or "0").ljust(3, "0")) / 1000


def _warn_out_of_order(lines: list[Line], timings: list[int], starts: list[float], path: Path) -> None:
    """Cues are read in the order the file has them; one that starts before the cue above it
    (cues pasted out of order, two files joined) is worth a look, so say where."""
    early = [n for n in range(1, len(starts)) if starts[n] < starts[n - 1]]
    if early:
        first = early[0]
        log.warning("%s:%d: this cue starts at %s, before the cue above it (%s)%s; cues are kept in the "
                    "order of the file", path, lines[timings[first]].number, clock(starts[first]),
                    clock(starts[first - 1]), f", and {len(early) - 1} more do" if len(early) > 1 else "")


def _start(source: str, line: Line) -> float:
    text = line.text(source).strip()
    return _seconds(*(SBV_TIMING.fullmatch(text) or TIMING.fullmatch(text)).groups()[:4])


def _srt_head(source: str, lines: list[Line], timing: int) -> int:
    """Where a SubRip cue starts: its number on the line before the timing, if it has one."""
    return timing - 1 if timing > 0 and lines[timing - 1].text(source).strip().isdigit() else timing


def _vtt_head(source: str, lines: list[Line], timing: int) -> int:
    """Where a WebVTT cue starts: the identifier line, which follows a blank line (or is a number)."""
    before = lines[timing - 1].text(source).strip() if timing > 1 else ""
    has_identifier = bool(before) and (lines[timing - 2].is_blank(source) or before.isdigit())
    return timing - 1 if has_identifier else timing


def _check_srt_numbers(source: str, lines: list[Line], heads: set[int], path: Path) -> None:
    """A number alone after a blank line is a cue number: a timing line must follow it."""
    for index, line in enumerate(lines):
        number = line.text(source).strip()
        after_blank = index == 0 or lines[index - 1].is_blank(source)
        if number.isdigit() and after_blank and index not in heads:
            found = lines[index + 1].text(source) if index + 1 < len(lines) else ""
            raise TranscriptError(path, line.number, f"expected a timestamp line like {SRT_EXAMPLE} after "
                                  f"cue number {number}, found {quote(found) if found.strip() else 'nothing'}")


def _check_nothing_before(source: str, lines: list[Line], path: Path, example: str) -> None:
    """Before the first cue there may be only blank lines (and, in WebVTT, comments)."""
    for line in lines:
        if not line.is_blank(source):
            raise TranscriptError(path, line.number, f"expected a cue number or a timestamp line like "
                                  f"{example}, found {quote(line.text(source))}")


def _end_of_header(source: str, lines: list[Line]) -> int:
    """Index just past the WebVTT header block (`WEBVTT` and lines like `Kind: captions`)."""
    index = 0
    while index < len(lines) and not lines[index].is_blank(source) and "-->" not in lines[index].text(source):
        index += 1
    return index


def _cue_text(source: str, lines: list[Line], comments: bool) -> list[Line]:
    """The non-blank lines of a cue's text; in WebVTT, without `NOTE` blocks."""
    if comments:
        lines = _without_comments(source, lines)
    return [line for line in lines if not line.is_blank(source)]


def _without_comments(source: str, lines: list[Line]) -> list[Line]:
    kept: list[Line] = []
    skipping = False
    for index, line in enumerate(lines):
        if line.is_blank(source):
            skipping = False
        elif index > 0 and lines[index - 1].is_blank(source) and VTT_SKIPPED_BLOCKS.fullmatch(line.text(source)):
            skipping = True
        if not skipping:
            kept.append(line)
    return kept

