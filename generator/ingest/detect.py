"""Which reader a file needs: by its extension when that is unambiguous, else by content."""

from __future__ import annotations

import re
from pathlib import Path

from .podquest import looks_podquest
from .text import looks_labelled
from .whisper import has_segments

BY_EXTENSION = {".srt": "srt", ".vtt": "vtt", ".webvtt": "vtt", ".json": "whisper"}
SRT_CUE = re.compile(r"\s*\d+[ \t]*\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->")
SPACELOG_TIME = re.compile(r"^\[\d+:\d{2}:\d{2}:\d{2}\][ \t]*\n(?:_\w+\s*:.*\n)*[^\s:\[][^:\n]{0,30}:", re.MULTILINE)
SNIFF_CHARS = 20000  # the start of a file is enough to recognise its format


def detect_format(path: Path, source: str) -> str:
    """The format name of a transcript, one of FORMATS in the package."""
    by_extension = BY_EXTENSION.get(path.suffix.lower())
    return by_extension or sniff_format(source)


def sniff_format(source: str) -> str:
    head = source[:SNIFF_CHARS]
    stripped = head.lstrip()
    if stripped.startswith("WEBVTT"):
        return "vtt"
    if stripped.startswith(("{", "[")) and has_segments(source):
        return "whisper"
    if looks_podquest(head):
        return "podquest"
    if SRT_CUE.match(head):
        return "srt"
    if SPACELOG_TIME.search(head):
        return "spacelog"
    return "labelled" if looks_labelled(head) else "plain"
