"""Podcasting 2.0 HTML transcripts (.html): `<cite>Name:</cite>`, `<time>0:00</time>`, `<p>words</p>`.

The podcast namespace's low-fidelity format, one block per `<p>`; the `<cite>` and `<time>`
before a paragraph give its speaker and time, and a speaker goes on until the next `<cite>`.
Tags inside a paragraph (`<b>`, `<a href>`) are deleted and entities decoded as in captions
(`cues.without_markup`), so the text still maps to the file; `<head>`, `<script>` and `<style>`
hold no speech, nor do a site's `<nav>`, `<footer>` and `<aside>`, and a `<title>` is the
episode's title. A page without `<cite>` (a transcript saved from a web page) may name its
speakers as `<b>Name:</b>` at the start of paragraphs or of their `<br>` lines, or in
headings above them (`<h3>Ann Lee</h3>`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import TranscriptError, line_of
from ..model import Block
from ..textmap import MappedText
from .cues import without_markup
from .marks import CLOCK, Label, clock_seconds, find_header, lead_label, name_line
from .source import Reading
from .speakers import label_filter, word_evidence

# An element and its words, up to its end tag, or (HTML lets a paragraph's end tag out) the
# next block's start or a container's end.
ELEMENT = re.compile(r"<(?P<tag>cite|time|p|title|h[1-6])(?:\s[^>]*)?>(?P<body>.*?)(?:</(?P=tag)\s*>|(?=<(?:p|div|h[1-6]"
                     r"|ul|ol|li|dl|table|section|article|blockquote|footer|/body|/div|/section|/article|/html)\b|\Z))",
                     re.IGNORECASE | re.DOTALL)
# Page parts that hold no speech: code, styles, comments, and a site's navigation and footer.
NOT_SPEECH = re.compile(r"<(script|style|nav|footer|aside|form|noscript)\b.*?</\1\s*>|<!--.*?-->",
                        re.IGNORECASE | re.DOTALL)
LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a paragraph of several lines, one speaker each
TAG = re.compile(r"<[^<>]*>")
EXAMPLE = "<cite>Ann:</cite> <time>0:00</time> <p>Hello.</p>"


def read_html(source: str, path: Path) -> Reading:
    # Blank out what holds no speech, keeping every offset, so no element is found in it.
    visible = NOT_SPEECH.sub(lambda match: " " * len(match.group()), source)
    blocks, headings, title, speaker, time = [], {}, None, None, None
    for match in ELEMENT.finditer(visible):
        tag, body = match.group("tag").lower(), _text(source, match.start("body"), match.end("body"))
        if tag == "title":
            title = title or body.text or None
        elif tag == "cite":
            speaker = body.text.rstrip(":： \t").strip() or None
        elif tag == "time":
            time = clock_seconds(body.text) if re.fullmatch(CLOCK, body.text) else None
        elif tag.startswith("h"):
            headings[len(blocks)] = body.text  # before the paragraph it heads
        else:
            for start, end in _lines(visible, match.start("body"), match.end("body")):
                line = _text(source, start, end)
                if line.text:
                    blocks.append(Block(line, line_of(source, line.source_offset(0)), speaker, time))
                    time = None  # a time belongs to the paragraph after it
    if not blocks:
        raise TranscriptError(path, 1, f"has no <p> paragraphs; expected a Podcasting 2.0 HTML transcript "
                              f"like {EXAMPLE}")
    return Reading(tuple(blocks if any(b.speaker for b in blocks) else _labelled(blocks, headings)), title=title)


def _lines(page: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a paragraph's lines, cut at its `<br>` tags."""
    cuts = [(m.start(), m.end()) for m in LINE_BREAK.finditer(page, start, end)]
    starts, ends = [start, *(after for _, after in cuts)], [*(before for before, _ in cuts), end]
    return list(zip(starts, ends))


def _labelled(blocks: list[Block], headings: dict[int, str]) -> list[Block]:
    """A page with no `<cite>` may still open its paragraphs (or the lines of a paragraph cut
    by `<br>`) with `<b>Name:</b>` or `Name:`, or head them with the speaker's name
    (`<h3>Ann Lee</h3>`, or a paragraph or line holding only the name, `<p><b>Ann Lee</b></p>`,
    with or without a time): such a label is a speaker where the text reader would take it for
    one, and the speaker goes on until the next label. A name paragraph that is no speaker stays text."""
    candidates = [lead_label(block.text.text, 0, len(block.text.text)) for block in blocks]
    named = {index: _name_heading(text) for index, text in headings.items()}
    alone = {index: name for index, block in enumerate(blocks[:-1]) if (name := _name_only(block.text.text))}
    accept = label_filter([*candidates, *named.values(), *alone.values()], set(),
                          *word_evidence("\n".join(block.text.text for block in blocks)))
    labelled, speaker, pending = [], None, None
    for index, (block, label) in enumerate(zip(blocks, candidates)):
        heading = named.get(index)
        if heading and accept(heading):
            speaker = heading.name
            block = replace(block, time=heading.time if heading.time is not None else block.time)
        if index in alone and accept(alone[index]):
            speaker, pending = alone[index].name, alone[index].time
            continue
        if label and accept(label) and label.end < len(block.text.text):
            speaker, time = label.name, next((t for t in (label.lead, label.time) if t is not None), block.time)
            block = replace(block, text=block.text.slice(label.end, len(block.text.text)), time=time)
        block = replace(block, time=pending) if pending is not None and block.time is None else block
        labelled.append(replace(block, speaker=speaker))
        pending = None
    return labelled


def _name_heading(text: str) -> Label | None:
    """A name heading the words below it, with or without a time: `Ann Lee`, `Ann Lee  00:01`."""
    return find_header(text, 0, len(text)) or name_line(text, 0, len(text))


def _name_only(text: str) -> Label | None:
    """A name filling the paragraph or line, with or without a time: `Jane Doe`, `Jane Doe (00:00:01)`."""
    label = _name_heading(text)
    return label if label is not None and label.end >= len(text.rstrip()) else None


def looks_like_html(source: str) -> bool:
    """Content sniffing: starts with a tag and has a paragraph element."""
    return source.startswith("<") and re.search(r"<p(?:\s[^>]*)?>", source, re.IGNORECASE) is not None


def _text(source: str, start: int, end: int) -> MappedText:
    """An element's words: no tags, and nothing of a script, a style or a comment inside it."""
    text = MappedText.verbatim(source, start, end)
    if NOT_SPEECH.search(text.text):
        text = text.sub(NOT_SPEECH, lambda match: "")
    return without_markup(text, TAG)
