"""Which reader a file needs: by its extension when that is unambiguous, else by content."""

from __future__ import annotations

import re
from pathlib import Path

from .ass import looks_like_ass
from .htmlpage import looks_like_html
from .podquest import looks_podquest
from .subtitles import looks_like_subtitles
from .text import looks_labelled
from .ttml import looks_like_ttml
from .whisper import looks_like_speech_json

BY_EXTENSION = {".srt": "srt", ".sbv": "srt", ".vtt": "vtt", ".webvtt": "vtt", ".json": "whisper", ".json3": "whisper",
                ".html": "html", ".htm": "html", ".ttml": "ttml", ".dfxp": "ttml", ".xml": "ttml",
                ".csv": "csv", ".tsv": "csv", ".ass": "ass", ".ssa": "ass"}
SNIFFED_EXTENSIONS = {".txt", ".text", ".md", ".markdown"}  # plain, labelled, PodQuest or Spacelog text
TRANSCRIPT_SUFFIXES = frozenset(BY_EXTENSION) | SNIFFED_EXTENSIONS  # what a build reads from content/episodes
SPACELOG_TIME = re.compile(r"^\[\d+:\d{2}:\d{2}:\d{2}\][ \t]*\n(?:_\w+\s*:.*\n)*[^\s:\[][^:\n]{0,30}:", re.MULTILINE)
SNIFF_CHARS = 20000  # the start of a file is enough to recognise its format


def detect_format(path: Path, source: str) -> str:
    """The format name of a transcript, one of FORMATS in the package."""
    by_extension = BY_EXTENSION.get(path.suffix.lower())
    if by_extension == "srt" and source.lstrip().startswith("WEBVTT"):
        return "vtt"  # WebVTT saved under a SubRip name
    return by_extension or sniff_format(source)


def sniff_format(source: str) -> str:
    head = source[:SNIFF_CHARS]
    stripped = head.lstrip()
    if stripped.startswith("WEBVTT"):
        return "vtt"
    if stripped.startswith(("{", "[")) and looks_like_speech_json(source):
        return "whisper"
    if looks_like_ass(stripped):
        return "ass"
    if looks_like_ttml(stripped):
        return "ttml"
    if looks_like_html(stripped):
        return "html"
    if looks_podquest(head):
        return "podquest"
    if looks_like_subtitles(stripped):
        return "srt"
    if SPACELOG_TIME.search(head):
        return "spacelog"
    return "labelled" if looks_labelled(head) else "plain"
