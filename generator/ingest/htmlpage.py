"""Podcasting 2.0 HTML transcripts (.html): `<cite>Name:</cite>`, `<time>0:00</time>`, `<p>words</p>`.

The podcast namespace's low-fidelity format, one block per `<p>`; the `<cite>` and `<time>`
before a paragraph give its speaker and time, and a speaker goes on until the next `<cite>`.
Tags inside a paragraph (`<b>`, `<a href>`) are deleted and entities decoded as in captions
(`cues.without_markup`), so the text still maps to the file; `<head>`, `<script>` and `<style>`
hold no speech, and a `<title>` is the episode's title. A page without `<cite>` (a transcript
saved from a web page) may name its speakers as `<b>Name:</b>` at the start of paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import TranscriptError, line_of
from ..model import Block
from ..textmap import MappedText
from .cues import without_markup
from .marks import CLOCK, clock_seconds, lead_label
from .source import Reading
from .speakers import label_filter

ELEMENT = re.compile(r"<(?P<tag>cite|time|p|title)(?:\s[^>]*)?>(?P<body>.*?)</(?P=tag)\s*>", re.IGNORECASE | re.DOTALL)
NOT_SPEECH = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^<>]*>")
EXAMPLE = "<cite>Ann:</cite> <time>0:00</time> <p>Hello.</p>"


def read_html(source: str, path: Path) -> Reading:
    # Blank out what holds no speech, keeping every offset, so no element is found in it.
    visible = NOT_SPEECH.sub(lambda match: " " * len(match.group()), source)
    blocks, title, speaker, time = [], None, None, None
    for match in ELEMENT.finditer(visible):
        tag, body = match.group("tag").lower(), _text(source, match.start("body"), match.end("body"))
        if tag == "title":
            title = title or body.text or None
        elif tag == "cite":
            speaker = body.text.rstrip(":： \t").strip() or None
        elif tag == "time":
            time = clock_seconds(body.text) if re.fullmatch(CLOCK, body.text) else None
        elif body.text:
            blocks.append(Block(body, line_of(source, body.source_offset(0)), speaker, time))
            time = None  # a time belongs to the paragraph after it
    if not blocks:
        raise TranscriptError(path, None, f"has no <p> paragraphs; expected a Podcasting 2.0 HTML transcript "
                              f"like {EXAMPLE}")
    return Reading(tuple(blocks if any(b.speaker for b in blocks) else _labelled(blocks)), title=title)


def _labelled(blocks: list[Block]) -> list[Block]:
    """A page with no `<cite>` may still open its paragraphs with `<b>Name:</b>` or `Name:`:
    such a label is a speaker where the text reader would take it for one, and the speaker
    goes on until the next label."""
    candidates = [lead_label(block.text.text, 0, len(block.text.text)) for block in blocks]
    accept = label_filter(candidates, set())
    labelled, speaker = [], None
    for block, label in zip(blocks, candidates):
        if label and accept(label) and label.end < len(block.text.text):
            speaker, time = label.name, next((t for t in (label.lead, label.time) if t is not None), block.time)
            block = replace(block, text=block.text.slice(label.end, len(block.text.text)), time=time)
        labelled.append(replace(block, speaker=speaker))
    return labelled


def looks_like_html(source: str) -> bool:
    """Content sniffing: starts with a tag and has a paragraph element."""
    return source.startswith("<") and re.search(r"<p(?:\s[^>]*)?>", source, re.IGNORECASE) is not None


def _text(source: str, start: int, end: int) -> MappedText:
    return without_markup(MappedText.verbatim(source, start, end), TAG)
