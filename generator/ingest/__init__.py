"""Ingest: one transcript file (any supported format) -> a Transcript.

    read bytes -> decode (UTF-8, LF) -> sidecar <stem>.yml -> pick the reader -> blocks + metadata

Every block's text is a MappedText into `Transcript.source_text`, so anything found in it
later can be traced to the exact characters of the file.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..errors import TranscriptError
from ..model import Transcript
from .ass import read_ass
from .detect import detect_format
from .htmlpage import read_html
from .marks import said_at_time_of_day
from .metadata import build_metadata, read_sidecar, rename_speakers, split_front_matter
from .podquest import read_podquest
from .source import Reading, decode_source
from .spacelog import read_spacelog
from .subtitles import read_srt, read_vtt
from .table import read_table
from .text import read_labelled, read_plain
from .ttml import read_ttml
from .whisper import read_whisper

__all__ = ["FORMATS", "read_transcript", "slugify"]

READERS: dict[str, Callable[[str, Path], Reading]] = {
    "podquest": read_podquest,
    "plain": read_plain,
    "labelled": read_labelled,
    "srt": read_srt,
    "vtt": read_vtt,
    "whisper": read_whisper,
    "spacelog": read_spacelog,
    "html": read_html,
    "ttml": read_ttml,
    "csv": read_table,
    "ass": read_ass,
}
FORMATS = tuple(READERS)
LONGEST = 100 * 86400  # seconds: a recording, or a mission log of days, is far shorter


def read_transcript(path: Path, project_root: Path, format: str | None = None) -> Transcript:
    """Read one transcript; `format` (or the sidecar's `format:`) overrides detection."""
    path = Path(path)
    if format is not None and format not in READERS:
        raise TranscriptError(path, None, f"unknown format '{format}', expected one of: {', '.join(FORMATS)}")
    source = decode_source(path, path.read_bytes())
    speech, front_matter = split_front_matter(path, source)
    sidecar = read_sidecar(path, FORMATS).over(front_matter)
    chosen = format or sidecar.format or detect_format(path, speech)
    reading = rename_speakers(READERS[chosen](speech, path), sidecar, path)
    reading = _from_first_time(reading, speech, chosen)
    if not reading.blocks:
        raise TranscriptError(path, 1, f"has no transcript text; read as {chosen}, expected "
                              "at least one paragraph, cue or segment")
    late = next((block for block in reading.blocks if block.time is not None and not block.time < LONGEST), None)
    if late is not None:  # a typo of many digits; as seconds it would not even be a number
        raise TranscriptError(path, late.line, f"a time more than {LONGEST // 86400} days in is no place in a "
                              "recording; check the time at this line")
    return Transcript(id=slugify(path.stem), source=_relative(path, project_root), source_text=source,
                      format=chosen, meta=build_metadata(reading, sidecar, path.stem), blocks=reading.blocks)


CLOCK_ON_THE_WALL = 4 * 3600  # a text transcript whose first time is this late times its lines by the clock


def _from_first_time(reading: Reading, source: str, chosen: str) -> Reading:
    """Times of day as times into the recording: from the first one, past midnight too. So
    where the first timed line says its time as one ("[10:15 AM] Jane Doe:", as chats and
    meeting tools write it), or a text transcript's first time is hours in ("10:15:32 Jane Doe:",
    Tactiq's 24-hour clock); a time of day said in a recording timed from its start changes nothing."""
    first = next((block for block in reading.blocks if block.time is not None), None)
    past_a_day = any(block.time is not None and block.time >= 86400 for block in reading.blocks)  # no clock
    if first is None or past_a_day or not (said_at_time_of_day(source.split("\n", first.line)[first.line - 1])
                                           or chosen in ("labelled", "plain") and first.time >= CLOCK_ON_THE_WALL):
        return reading
    return replace(reading, blocks=tuple(block if block.time is None else replace(
        block, time=(block.time - first.time) % 86400) for block in reading.blocks))


def slugify(stem: str, fallback: str = "episode") -> str:
    """'000_791582520db7e7b4' -> '000-791582520db7e7b4'; non-Latin names get a stable hash
    after `fallback` ('episode-1a2b3c4d')."""
    ascii_text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or f"{fallback}-" + hashlib.sha1(stem.encode()).hexdigest()[:8]


def _relative(path: Path, project_root: Path) -> str:
    try:
        return path.resolve().relative_to(Path(project_root).resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()  # outside the project: say exactly where
