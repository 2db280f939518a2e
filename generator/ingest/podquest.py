"""PodQuest episode pages saved as text.

The page is a header (title, date, podcast, a People list, per-speaker summaries under
Topics) and, after `Translations:` and its language links, the transcript: one paragraph
a line, no speakers, no times. Page chrome ("Export Podcast Subscriptions", avatar initials,
tab names) is dropped wherever it appears.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from ..errors import TranscriptError
from ..model import Block, Person, Summary
from ..textmap import MappedText
from .marks import looks_like_full_name, plausible_name
from .source import Line, Reading, script_language, split_lines

CHROME_PREFIXES = ("We're sunsetting PodQuest", "Export Podcast Subscriptions", "cover of episode ",
                   "logo of podcast ")
CHROME_LINES = {"AI Deep Dive AI Chapters Transcript", "Deep Dive", "AI Chapters", "Shownotes",
                "Shownotes Transcript", "Transcript", "People", "Topics", "Translations:"}
DATE = re.compile(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})")
AVATAR = re.compile(r"[^\W\d_]")  # the initial shown in place of a missing photo
LANGUAGE_LINK = re.compile(r"[^\W\d_]{1,12}")  # one word ("中文", "English"): a link, not a paragraph
# `Name: ` at the start of the text or after a sentence, where one speaker's summary starts.
# A lookahead, so candidates may overlap: "scouts first. Richard Roe:" must not hide "Richard Roe:".
SUMMARY_LABEL = re.compile(r"(?:^|(?<=[\s。.!?！？]))(?=(?P<label>(?P<name>[^\W\d_][\w.'’\- ]{0,40}?):\s*))")


def looks_podquest(source: str) -> bool:
    lines = {line.strip() for line in source.split("\n")}
    has_tabs = any(line.endswith("Transcript") for line in lines)
    return has_tabs and ("Translations:" in lines or any(line.startswith("logo of podcast ") for line in lines))


def read_podquest(source: str, path: Path) -> Reading:
    lines = split_lines(source)
    marker = _transcript_marker(source, lines, path)
    body = _transcript_lines(source, lines[marker + 1:])
    if not body:
        raise TranscriptError(path, lines[marker].number, "expected the transcript, one paragraph a line, "
                              f"after {lines[marker].text(source).strip()!r}, found nothing")
    header = [line.text(source).strip() for line in lines[:marker]]
    people, summary_lines = _sections(header)
    summaries = tuple(s for text in summary_lines for s in _summaries(text, people))
    people += [s.speaker for s in summaries if s.speaker and s.speaker not in people]
    blocks = tuple(Block(MappedText.verbatim(source, line.start, line.end).strip(), line.number) for line in body)
    return Reading(blocks, title=_title(header), podcast=_prefixed(header, "logo of podcast "),
                   date=_date(header), people=tuple(Person(name, "speaker") for name in people),
                   summaries=summaries)


def _transcript_marker(source: str, lines: list[Line], path: Path) -> int:
    """Index of the last header line: `Translations:`, else the tab line ending in Transcript."""
    texts = [line.text(source).strip() for line in lines]
    if "Translations:" in texts:
        index = texts.index("Translations:")
        while index + 1 < len(texts) and _is_language_link(texts[index + 1]):
            index += 1
        return index
    tabs = [i for i, text in enumerate(texts) if text in CHROME_LINES and text.endswith("Transcript")]
    if not tabs:
        last = max(line.number for line in lines if not line.is_blank(source))
        raise TranscriptError(path, last, "expected a PodQuest page with a transcript after a "
                              "'Translations:' line, found no transcript section")
    return tabs[-1]


def _is_language_link(text: str) -> bool:
    return not text or LANGUAGE_LINK.fullmatch(text) is not None


def _transcript_lines(source: str, lines: list[Line]) -> list[Line]:
    return [line for line in lines if not line.is_blank(source) and not _is_chrome(line.text(source).strip())]


def _is_chrome(text: str) -> bool:
    return text in CHROME_LINES or text.startswith(CHROME_PREFIXES)


def _sections(header: list[str]) -> tuple[list[str], list[str]]:
    """Names listed under People, and the summary lines under Topics."""
    people: list[str] = []
    summaries: list[str] = []
    section = None
    for text in header:
        if _is_chrome(text):
            section = text if text in ("People", "Topics") else None
        elif text and section == "People" and not AVATAR.fullmatch(text) and text not in people:
            people.append(text)
        elif text and section == "Topics":
            summaries.append(text)
    return people, summaries


def _summaries(text: str, people: list[str]) -> list[Summary]:
    """One summary per speaker label; a line may hold several ("A: ... B: ...")."""
    labels = _summary_labels(text, people)
    pieces = [(None, 0, labels[0].start() if labels else len(text))]
    pieces += [(m.group("name"), m.end("label"), nxt.start() if nxt else len(text))
               for m, nxt in zip(labels, [*labels[1:], None])]
    return [Summary(name, script_language(text[start:end]), text[start:end].strip())
            for name, start, end in pieces if text[start:end].strip()]


def _summary_labels(text: str, people: list[str]) -> list[re.Match[str]]:
    labels: list[re.Match[str]] = []
    for match in SUMMARY_LABEL.finditer(text):
        inside_previous = labels and match.start() < labels[-1].end("label")
        if not inside_previous and _is_speaker(match.group("name"), people):
            labels.append(match)
    return labels


def _is_speaker(name: str, people: list[str]) -> bool:
    return name in people or (plausible_name(name) and looks_like_full_name(name))


def _title(header: list[str]) -> str | None:
    cover = _prefixed(header, "cover of episode ")
    if cover:
        return cover
    content = [t for t in header if t and not _is_chrome(t) and not DATE.fullmatch(t) and not AVATAR.fullmatch(t)]
    return content[0] if content else None


def _prefixed(header: list[str], prefix: str) -> str | None:
    return next((t[len(prefix):].strip() for t in header if t.startswith(prefix)), None)


def _date(header: list[str]) -> str | None:
    for text in header:
        match = DATE.fullmatch(text)
        if match:
            try:
                return datetime.date(*(int(part) for part in match.groups())).isoformat()
            except ValueError:
                continue  # not a real date: not the page's date line
    return None
