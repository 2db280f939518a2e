"""Plain and speaker-labelled text (.txt, .md): one block per paragraph.

Labelled text gives each paragraph a speaker: `Name: text`, `Name (Host): text`,
`**Name:** text` (Markdown transcripts), `CDR: text`, `SPEAKER_00: text`, or a header line
`Name  0:15` with the words on the next lines (Otter.ai, Descript, Rev). A paragraph
without a label is the previous speaker carrying on. When most lines of a paragraph start
with a label (`[00:01] Alice: Hi.` one utterance per line), each of them starts a block. Inline timestamps such as `\\[00:12:34.56\\]` or
`[12:34]` at either end of a paragraph give that block its time and leave its text.
A first line `# Title` is the title, not a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..model import Block, Person
from ..textmap import MappedText
from .marks import (LEAD_TIME, ROLE_WORDS, TRAIL_TIME, Label, clock_seconds, is_diarized, is_stage_direction,
                    lead_label, looks_like_full_name)
from .source import Line, Reading, line_groups

HEADING = re.compile(r"(?P<level>#{1,6})[ \t]+(?P<title>\S.*?)[ \t#]*")
LABELLED_SHARE = 1 / 3  # of paragraphs that start with a label, for a file to count as labelled


@dataclass(frozen=True)
class Paragraph:
    start: int  # source span, surrounding whitespace trimmed
    end: int
    line: int
    split: bool = False  # one of several labelled lines of a paragraph: its label is a speaker


@dataclass(frozen=True)
class Turn:
    """A paragraph taken apart: its label and timestamp, and the span of what was said."""

    line: int
    start: int
    end: int
    label: Label | None
    time: float | None


def read_plain(source: str, path: Path) -> Reading:
    title, paragraphs = _body(source, split=False)
    turns = [_turn(source, p, lambda label: False) for p in paragraphs]
    blocks = [Block(MappedText.verbatim(source, t.start, t.end), t.line, None, t.time)
              for t in turns if t.end > t.start]
    return Reading(tuple(blocks), title=title)


def read_labelled(source: str, path: Path) -> Reading:
    title, paragraphs = _body(source)
    accept = _label_filter(paragraphs, [_candidate(source, p) for p in paragraphs])
    turns = [_turn(source, p, accept) for p in paragraphs]
    roles = {t.label.name: t.label.role for t in turns if t.label and t.label.role}
    blocks = _speaker_blocks(source, turns, _role_aliases(roles))
    people = tuple(Person(name, role) for name, role in roles.items())
    return Reading(tuple(blocks), title=title, people=people)


def looks_labelled(source: str) -> bool:
    """True when enough paragraphs start with a speaker label."""
    _, paragraphs = _body(source)
    candidates = [_candidate(source, p) for p in paragraphs]
    accept = _label_filter(paragraphs, candidates)
    labelled = sum(1 for label in candidates if label and accept(label))
    return labelled >= 2 and labelled >= LABELLED_SHARE * len(paragraphs)


def _speaker_blocks(source: str, turns: list[Turn], aliases: dict[str, str]) -> list[Block]:
    blocks = []
    speaker = pending = None  # pending: the time of a label on its own, for the words after it
    for turn in turns:
        if turn.label:
            speaker = aliases.get(turn.label.name.lower(), turn.label.name)
        if turn.end <= turn.start:  # a label on its own line names the speaker of the paragraphs after it
            if turn.label and (turn.label.time, turn.label.lead) != (None, None):
                pending = turn.time
            continue
        text = MappedText.verbatim(source, turn.start, turn.end)
        who = None if is_stage_direction(text.text) else speaker
        blocks.append(Block(text, turn.line, who, turn.time if turn.time is not None else pending))
        pending = None
    return blocks


def _role_aliases(roles: dict[str, str]) -> dict[str, str]:
    """A bare `Host:` label means the one person introduced as `Name (Host):`."""
    aliases = {}
    for role in ("host", "guest"):
        names = [name for name, r in roles.items() if r == role]
        if len(names) == 1:
            aliases[role] = names[0]
    return aliases


def _label_filter(paragraphs: list[Paragraph], candidates: list[Label | None]) -> Callable[[Label], bool]:
    """Which candidate labels are speakers: a one-word label seen once may be a sentence,
    and a lone header-like line ('We met at 10:30') may be prose."""
    counts: dict[str, int] = {}
    for label in candidates:
        if label:
            counts[label.name] = counts.get(label.name, 0) + 1
    headers = sum(1 for label in candidates if label and label.header)
    structural = {label.name for p, label in zip(paragraphs, candidates) if label and p.split}

    def accept(label: Label) -> bool:
        if label.header:
            return headers >= 2 or is_diarized(label.name)
        return (label.bold or label.role is not None or label.name.lower() in ROLE_WORDS or label.time is not None
                or counts.get(label.name, 0) >= 2 or looks_like_full_name(label.name)
                or is_diarized(label.name) or label.name in structural)
    return accept


def _candidate(source: str, paragraph: Paragraph) -> Label | None:
    return lead_label(source, paragraph.start, paragraph.end)


def _turn(source: str, paragraph: Paragraph, accept: Callable[[Label], bool]) -> Turn:
    pos, end = paragraph.start, paragraph.end
    label = lead_label(source, pos, end)
    if label and accept(label):
        pos = label.end
        time = label.lead if label.lead is not None else label.time
    else:
        label = None
        pos, time = _leading_time(source, pos, end)
    if time is None:
        pos, time = _leading_time(source, pos, end)
    if time is None:
        end, time = _trailing_time(source, pos, end)
    return Turn(paragraph.line, pos, end, label, time)


def _leading_time(source: str, pos: int, end: int) -> tuple[int, float | None]:
    match = LEAD_TIME.match(source, pos, end)
    return (match.end(), clock_seconds(match.group("time"))) if match else (pos, None)


def _trailing_time(source: str, pos: int, end: int) -> tuple[int, float | None]:
    match = TRAIL_TIME.search(source, pos, end)
    return (match.start(), clock_seconds(match.group("time"))) if match else (end, None)


def _body(source: str, split: bool = True) -> tuple[str | None, list[Paragraph]]:
    """The title from a leading `# Title`, and the paragraphs that are not headings;
    `split` cuts paragraphs of one-utterance-per-line into one paragraph per utterance."""
    title = None
    paragraphs = []
    for index, paragraph in enumerate(_paragraphs(source, split)):
        heading = HEADING.fullmatch(source, paragraph.start, paragraph.end)
        if heading is None:
            paragraphs.append(paragraph)
        elif index == 0 and len(heading.group("level")) == 1:
            title = heading.group("title")
    return title, paragraphs


def _paragraphs(source: str, split: bool) -> list[Paragraph]:
    paragraphs = []
    for group in line_groups(source):
        pieces = _utterances(source, group) if split else [group]
        for lines in pieces:
            start, end = lines[0].start, lines[-1].end
            while source[start].isspace():
                start += 1
            while source[end - 1].isspace():
                end -= 1
            paragraphs.append(Paragraph(start, end, lines[0].number, len(pieces) > 1))
    return paragraphs


def _utterances(source: str, group: list[Line]) -> list[list[Line]]:
    """The lines of a paragraph cut before each labelled line, when most lines have a label
    or at least two are header lines; otherwise the paragraph whole."""
    labels = [lead_label(source, line.start, line.end) for line in group]
    starts = [index for index, label in enumerate(labels) if label]
    headers = sum(1 for label in labels if label and label.header)
    if len(starts) < 2 or (2 * len(starts) < len(group) and headers < 2):
        return [group]
    cuts = sorted({0, *starts}) + [len(group)]
    return [group[a:b] for a, b in zip(cuts, cuts[1:])]
