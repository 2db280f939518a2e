"""Spacelog mission transcripts: a `[DD:HH:MM:SS]` line, then `SPEAKER: text` lines.

`_page : 3` / `_tape : ...` lines are Spacelog bookkeeping and are dropped. A line without
a label continues the block before it. `[glossary:TERM]` marks keep just TERM in the text
(the brackets are deleted, so TERM still maps exactly) and become InlineMarks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import TranscriptError
from ..model import Block, InlineMark
from ..textmap import MappedText
from .source import Line, Reading, quote, split_lines

TIMESTAMP = re.compile(r"\[(\d+):(\d{2}):(\d{2}):(\d{2})\]")
TIMESTAMP_LIKE = re.compile(r"\[\s*\d.*")  # a line meant as a time, well formed or not
META = re.compile(r"_[A-Za-z]\w*\s*:.*")
SPEAKER = re.compile(r"(?P<name>[A-Za-z0-9][\w .'/-]{0,30}?)[ \t]*:(?:[ \t]+|$)")
GLOSSARY = re.compile(r"\[glossary:(?P<term>[^\]\n]+)\]")
# Deletes the `[glossary:` opening and its closing `]`, leaving TERM's characters in place.
GLOSSARY_BRACKETS = re.compile(r"\[glossary:(?=[^\]\n]+\])|\]")
EXAMPLE = "[00:00:01:02]"


@dataclass
class _Turn:
    """One speaker's words while they are being read: continuation lines extend `end`."""

    line: int
    speaker: str | None
    time: float | None
    start: int
    end: int


def read_spacelog(source: str, path: Path) -> Reading:
    turns: list[_Turn] = []
    current: _Turn | None = None  # the turn a line without a label continues
    time = None
    for line in split_lines(source):
        text = line.text(source).strip()
        if not text or META.fullmatch(text):
            continue
        if TIMESTAMP_LIKE.fullmatch(text):
            time, current = _time(text, line, path), None
            continue
        speaker = SPEAKER.match(source, line.start, line.end)
        if speaker or current is None:
            start = speaker.end() if speaker else line.start
            name = speaker.group("name") if speaker else None
            current = _Turn(line.number, name, time, start, line.end)
            turns.append(current)
        else:
            current.end = line.end
    blocks = (_block(source, turn) for turn in turns)
    return Reading(tuple(block for block in blocks if block.text.text))


def _time(text: str, line: Line, path: Path) -> float:
    match = TIMESTAMP.fullmatch(text)
    if not match:
        raise TranscriptError(path, line.number, f"expected a Spacelog timestamp like {EXAMPLE} "
                              f"(days:hours:minutes:seconds), found {quote(text)}")
    days, hours, minutes, seconds = (int(part) for part in match.groups())
    if days > 9999 or hours > 23 or minutes > 59 or seconds > 59:
        raise TranscriptError(path, line.number, f"expected a Spacelog timestamp like {EXAMPLE} with "
                              f"days < 10000, hours < 24 and minutes, seconds < 60, found {quote(text)}")
    return float(days * 86400 + hours * 3600 + minutes * 60 + seconds)


def _block(source: str, turn: _Turn) -> Block:
    raw = MappedText.verbatim(source, turn.start, turn.end)
    marks = tuple(InlineMark(m.group("term"), m.start("term"), m.end("term"))
                  for m in GLOSSARY.finditer(source, turn.start, turn.end))
    return Block(_without_glossary_brackets(raw).strip(), turn.line, turn.speaker, turn.time, marks)


def _without_glossary_brackets(text: MappedText) -> MappedText:
    inside = False

    def replace(match: re.Match[str]) -> str:
        nonlocal inside
        if match.group().startswith("[glossary:"):
            inside = True
            return ""
        if inside:  # the `]` that closes a glossary mark
            inside = False
            return ""
        return match.group()
    return text.sub(GLOSSARY_BRACKETS, replace)
