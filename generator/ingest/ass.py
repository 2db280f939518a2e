"""Advanced SubStation Alpha and SubStation Alpha subtitles (.ass, .ssa), as Aegisub writes them.

The `[Events]` section's `Format:` line names the fields of each `Dialogue:` line; `Text` is
the last and may hold commas. A line gives one block: its `Start` is the time and its `Name`
(the actor) the speaker. Override tags (`{\\i1}`, `{\\pos(10,20)}`) are deleted and the line
breaks `\\N`, `\\n` and the hard space `\\h` read as spaces, so the text still maps to the file.
`Comment:` lines are not speech; `Title:` in `[Script Info]` is the episode's title.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import TranscriptError
from ..model import Block
from ..textmap import MappedText
from .cues import speakers_in_text, without_markup
from .marks import is_stage_direction, seconds_in
from .source import Reading, quote, split_lines

SECTION = re.compile(r"\[(?P<name>[^\]]+)\]")
FIELD_LINE = re.compile(r"(?P<kind>Format|Dialogue|Title):[ \t]*(?P<value>.*)")
OVERRIDE = re.compile(r"\{[^{}\n]*\}")  # {\i1}, {\an8}, {\pos(10,20)}, or a comment in braces
ESCAPE = re.compile(r"\\[Nnh]")
SPACES = re.compile(r" {2,}")
UNTITLED = {"", "<untitled>", "default aegisub file"}
EXAMPLE = "Dialogue: 0,0:00:01.00,0:00:04.00,Default,Ann,0,0,0,,Hello."


def read_ass(source: str, path: Path) -> Reading:
    section, fields, title, blocks = "", None, None, []
    for line in split_lines(source):
        text = line.text(source).strip()
        header = SECTION.fullmatch(text)
        if header:
            section = header.group("name").strip().lower()
            continue
        match = FIELD_LINE.match(source, line.start, line.end)
        if match is None:
            continue
        kind, value = match.group("kind"), match.group("value").strip()
        if kind == "Title" and section == "script info":
            title = None if value.lower() in UNTITLED else value
        elif kind == "Format" and section == "events":
            fields = [name.strip().lower() for name in value.split(",")]
        elif kind == "Dialogue":
            if fields is None or "text" not in fields or fields[-1] != "text":
                raise TranscriptError(path, line.number, "has a Dialogue line before an [Events] 'Format:' line "
                                      f"ending in Text; expected lines like {EXAMPLE}")
            block = _dialogue(source, match, fields, line.number, path)
            if block is not None:
                blocks.append(block)
    return Reading(tuple(speakers_in_text(blocks)), title=title)


def looks_like_ass(source: str) -> bool:
    return source.lstrip().lower().startswith("[script info]")


def _dialogue(source: str, match: re.Match[str], fields: list[str], number: int, path: Path) -> Block | None:
    values = match.group("value").split(",", len(fields) - 1)
    if len(values) < len(fields):
        raise TranscriptError(path, number, f"has {len(values)} fields, expected {len(fields)} "
                              f"({', '.join(fields)}), like {EXAMPLE}")
    record = dict(zip(fields, values))
    start = record.get("start", "").strip()
    time = seconds_in(start) if start else None
    if start and time is None:
        raise TranscriptError(path, number, f"has the start time {quote(start)}, expected H:MM:SS.cc like 0:00:01.00")
    text_start = match.end("value") - len(values[-1])
    raw = MappedText.verbatim(source, text_start, match.end("value"))
    text = without_markup(raw.sub(ESCAPE, lambda m: " "), OVERRIDE).sub(SPACES, lambda m: " ")
    if not text.text:
        return None
    speaker = record.get("name", "").strip() or None
    return Block(text, number, None if is_stage_direction(text.text) else speaker, time)
