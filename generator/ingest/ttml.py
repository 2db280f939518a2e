"""Timed Text (TTML, .ttml / .dfxp / .xml): Apple Podcasts transcripts and TTML captions.

One block per `<p>`. Its time is its `begin`, or the first `begin` inside it (Apple puts
times on word spans); its speaker is its `ttm:agent`, named by the `<ttm:name>` of that
agent in the head when there is one (Apple's agents are ids such as `SPEAKER_1`). Apple
writes word spans with nothing between them, so a word span that follows a tag directly
starts with a space; `<br/>` is a space too; other tags are deleted and character
references decoded (`cues.without_markup`), so the text still maps to the file. The root's
`xml:lang` is the episode's language, a `<ttm:title>` its title.

Times are TTML clock times (`00:01:02.5`, `00:01:02:12` in frames), offset times (`62.5s`,
`1500ms`, `90f`, `10000t`, read with the root's `ttp:frameRate` and `ttp:tickRate`) or
Apple's seconds and minutes (`62.5`, `1:02.5`). A time relative to an enclosing `<div>`'s
own `begin` (TTML's nested timing) is read as if the div began at zero.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import TranscriptError, line_of
from ..model import Block
from ..textmap import MappedText
from .cues import speakers_in_text, without_markup
from .htmlpage import TAG
from .marks import clock_seconds
from .source import Reading, quote

NAME = r"(?:[\w.-]+:)?"  # an optional namespace prefix: tt:p, ttm:agent
ROOT = re.compile(rf"<{NAME}tt\b(?P<attrs>[^>]*)>")
PARAGRAPH_START = re.compile(rf"<(?P<tag>{NAME}p)\b[^>]*?(?<!/)>")
PARAGRAPH = re.compile(rf"<(?P<tag>{NAME}p)\b(?P<attrs>[^>]*?)(?<!/)>(?P<body>.*?)</(?P=tag)\s*>", re.DOTALL)
AGENT = re.compile(rf"<{NAME}agent\b(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</{NAME}agent\s*>)", re.DOTALL)
AGENT_NAME = re.compile(rf"<{NAME}name\b[^>]*>(?P<name>[^<]*)</{NAME}name\s*>")
TITLE = re.compile(rf"<{NAME}title\b[^>]*>(?P<title>[^<]*)</{NAME}title\s*>")
HEAD = re.compile(rf"<(?P<tag>{NAME}head)\b.*?</(?P=tag)\s*>", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
ATTRIBUTE = re.compile(r"(?P<name>[\w.:-]+)\s*=\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)')")
BEGIN = re.compile(r"\sbegin\s*=\s*[\"']([^\"']*)[\"']")
WORD_START = re.compile(rf"(?<=>)<{NAME}span\b[^>]*\bunit\s*=\s*[\"']word[\"'][^>]*>")  # no space before it
BREAK = re.compile(rf"<{NAME}br\b[^>]*>")
OFFSET_TIME = re.compile(r"(?P<number>\d+(?:\.\d+)?)(?P<metric>h|ms|m|s|f|t)")
CLOCK_TIME = re.compile(r"\d+(?::\d{1,2}){0,2}(?:\.\d+)?|\d+:\d{1,2}:\d{1,2}:\d+(?:\.\d+)?")
EXAMPLE = '<p begin="00:00:01.000" end="00:00:03.500" ttm:agent="a1">Hello.</p>'


def read_ttml(source: str, path: Path) -> Reading:
    root = ROOT.search(source)
    if root is None:
        raise TranscriptError(path, 1, "has no <tt> root element; expected a TTML transcript with "
                              f"paragraphs like {EXAMPLE}")
    settings = _attributes(root.group("attrs"))
    rates = _rates(settings, source, root.start(), path)
    # Blank out comments and the head, keeping every offset, so no paragraph is found in them.
    uncommented = COMMENT.sub(lambda match: " " * len(match.group()), source)
    head = HEAD.search(uncommented)
    body = HEAD.sub(lambda match: " " * len(match.group()), uncommented)
    names = _agent_names(head.group() if head else "")
    blocks = []
    for match in PARAGRAPH.finditer(body, root.end()):
        text = _text(source, match.start("body"), match.end("body"))
        if not text.text:
            continue
        attributes = _attributes(match.group("attrs"))
        line = line_of(source, match.start())
        begin = attributes.get("begin") or next(iter(BEGIN.findall(match.group("body"))), None)
        agent = attributes.get("ttm:agent", "").split()
        speaker = names.get(agent[0], agent[0]) if agent else None
        blocks.append(Block(text, line, speaker, _seconds(begin, rates, path, line) if begin else None))
    if not blocks:
        opening = PARAGRAPH_START.search(body, root.end())
        if opening and not PARAGRAPH.search(body, root.end()):
            raise TranscriptError(path, line_of(source, opening.start()), f"<{opening.group('tag')}> has no closing "
                                  f"</{opening.group('tag')}>; expected TTML like {EXAMPLE}")
        raise TranscriptError(path, 1, f"has no <p> paragraphs with text; expected TTML like {EXAMPLE}")
    title = TITLE.search(head.group()) if head else None
    language = settings.get("xml:lang", "").split("-")[0].lower() or None
    return Reading(tuple(speakers_in_text(blocks)), title=html.unescape(title.group("title")).strip() or None if title else None,
                   language=language)


def looks_like_ttml(source: str) -> bool:
    """Content sniffing: an XML file whose root is `<tt>`."""
    return source.startswith("<") and ROOT.search(source[:2000]) is not None


def _text(source: str, start: int, end: int) -> MappedText:
    spaced = MappedText.verbatim(source, start, end).sub(WORD_START, lambda _: " ").sub(BREAK, lambda _: " ")
    return without_markup(spaced, TAG)


def _attributes(text: str) -> dict[str, str]:
    return {m.group("name"): html.unescape(m.group("double") if m.group("double") is not None else m.group("single"))
            for m in ATTRIBUTE.finditer(text)}


def _agent_names(source: str) -> dict[str, str]:
    """Agent id -> its full name, for agents the head names."""
    names = {}
    for match in AGENT.finditer(source):
        agent_id = _attributes(match.group("attrs")).get("xml:id")
        name = AGENT_NAME.search(match.group("body") or "")
        if agent_id and name and html.unescape(name.group("name")).strip():
            names[agent_id] = html.unescape(name.group("name")).strip()
    return names


def _rates(settings: dict[str, str], source: str, offset: int, path: Path) -> dict[str, float]:
    rates = {}
    for metric, attribute, default in (("f", "ttp:frameRate", 30.0), ("t", "ttp:tickRate", 1.0)):
        value = settings.get(attribute, "")
        if value and not re.fullmatch(r"\d+", value):
            raise TranscriptError(path, line_of(source, offset), f"{attribute} must be a whole number, found {quote(value)}")
        rates[metric] = float(value) if value and int(value) > 0 else default
    return rates


def _seconds(value: str, rates: dict[str, float], path: Path, line: int) -> float:
    value = value.strip()
    offset = OFFSET_TIME.fullmatch(value)
    if offset:
        number, metric = float(offset.group("number")), offset.group("metric")
        scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001, "f": 1 / rates["f"], "t": 1 / rates["t"]}[metric]
        return number * scale
    if not CLOCK_TIME.fullmatch(value):
        raise TranscriptError(path, line, f"begin={quote(value)} is not a TTML time; expected a clock time "
                              "such as 00:01:02.500 or an offset such as 62.5s")
    clock, _, frames = value.rpartition(":") if value.count(":") == 3 else (value, "", "0")
    return clock_seconds(clock) + float(frames) / rates["f"]
