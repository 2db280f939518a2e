"""Plain and speaker-labelled text (.txt, .md): one block per paragraph.

Labelled text gives each paragraph a speaker: `Name: text`, `Name (Host): text`,
`**Name:** text` (Markdown transcripts), `CDR: text`, `SPEAKER_00: text`, `张三：text`, or a
header line `Name  0:15` with the words on the next lines (Otter.ai, Descript, Rev), or just
`Name` on its own line (plain, bold or a Markdown heading, the words below it or in the
next paragraph) when the same name heads several paragraphs. Titles and degrees belong to
the name (`Prof. Jane Doe:`, `J.R.R. Tolkien:`, `Jane Doe, PhD:`). `[SPEAKER_00] text` names a
speaker when the id is a diarization id or the name also speaks as `Name:`; `[Music]` stays text. A paragraph without a
label is the previous speaker carrying on. When most lines of a paragraph start with a
label (`[00:01] Alice: Hi.` one utterance per line), each of them starts a block; so does
each line that starts with a timestamp, when several lines of a paragraph do (`0:03` alone
above each caption line as YouTube's transcript panel is copied, `0:03 words`, `[0:03] words`,
or Whisper's console `[00:03.000 --> 00:05.000]  words`). Inline timestamps such as
`\\[00:12:34.56\\]`, `[12:34]` or `(12:34)` at either end of a paragraph or after its label
give that block its time and leave its text; one between its words (Trint, Descript) starts
a new block with that time. A first line `# Title` is the title, not a block,
and a last line crediting the tool (Otter's `Transcribed by https://otter.ai`, Sonix's note) is not speech.
Which labels are speakers is decided over the whole file (`speakers.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from ..model import Block, Person
from ..textmap import MappedText
from .marks import (CLOCK, INLINE_TIME, LABEL_CLOCK, LEAD_TIME, LONE_CLOCK, MID_TIME, PARTICIPANT, ROLE_WORDS,
                    SECTION_WORDS, SEPARATOR, TRAIL_TIME, TURN_MARK, UNTIL, Label, clock_seconds, is_diarized,
                    is_stage_direction, lead_label, looks_like_full_name, matched_clock, name_line)
from ..clean import SENTENCE_END
from .preamble import Preamble, read_preamble, title_like
from .source import Line, Reading, line_groups
from .speakers import label_filter, role_aliases, word_evidence

HEADING = re.compile(r"(?P<level>#{1,6})[ \t]+(?P<title>\S.*?)[ \t#]*")
# A section's title in plain words: "Chapter 2: The Launch", "PART IV", "Episode 12 - Rockets".
SECTION_TITLE = re.compile(rf"(?i:{'|'.join(sorted(SECTION_WORDS))})[ \t]+(?:\d{{1,3}}|[IVXLC]{{1,6}})\b"
                           r"(?:[ \t]*[:.\-–—][ \t]*[A-Z0-9\"“'‘][^\n.?!]{0,60})?")  # "Day 2: we went back" is said
# A timestamp starting a line, alone or before the words: 0:03, [0:03], (0:03), [00:03.000 --> 00:05.000].
LINE_STAMP = re.compile(rf"[ \t]*(?:{INLINE_TIME}|\((?P<ptime>{CLOCK}){UNTIL}\)"
                        rf"|(?P<ltime>{CLOCK}))(?:[ \t]*(?:\n\s*|$)|[ \t]+{SEPARATOR})")
# A transcription tool's closing credit line: "Transcribed by https://otter.ai".
CREDIT = re.compile(r"(?i:(?:auto(?:matically)?[ -])?(?:transcribed|transcription|transcript|captioned|captions)"
                    r"(?: generated)? (?:by|with|using))[ \t]+(?:(?:https?://)?[\w.-]+\.[a-z]{2,}\S*"
                    r"|[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2})[ \t]*")  # a site, or a capitalised name
# A tool's note about its own transcript, closing it: "Sonix has automatically created this transcript ...".
TOOL_NOTE = re.compile(r"[^\n]{0,60}\b(?i:automatically|auto-?)[ \t]+(?i:created|generated|transcribed)[ \t]+"
                       r"(?i:this)[ \t]+(?i:transcript|transcription)\b[^\n]*")
# What a meeting tool notes in the transcript: "Jane Doe stopped transcription", "Recording started",
# "Meeting ended after 00:32:14 👋".
TOOL_EVENT = re.compile(r"(?i:(?:[^\n]{1,60}[ \t])?(?:started|stopped|paused|resumed)[ \t]+(?:the[ \t]+)?"
                        r"(?:transcription|recording)|(?:transcription|recording)[ \t]+(?:started|stopped|paused|resumed)"
                        r"|(?:meeting|call)[ \t]+ended[ \t]+after[ \t]+[\d:]+)[.!]?[ \t]*\W{0,3}")
# A publisher's or a tool's notice about the transcript, above or below the talk: "This transcript
# has been edited for length and clarity.", "NPR transcripts are created on a rush deadline ...",
# "Copyright © 2024 NPR. All rights reserved." Read from a paragraph's first sentence, which may
# be labelled as a note ("Editor's note: ...").
NOTICE = re.compile(r"(?:[^\n:]{1,20}:[ \t]*)?(?:(?i:copyright[ \t]*(?:©|\(c\))?|©|\(c\))[ \t]*\d{4}"
                    r"|(?:(?i:this|these|our)|[A-Z][\w&.'’-]*)[ \t]+(?i:transcripts?|transcription)[ \t]+"
                    r"(?i:is|are|was|were|has[ \t]+been|have[ \t]+been|may)\b[^\n]{0,60}?\b(?i:generated|created|edited"
                    r"|produced|prepared|provided|transcribed|made|contain|errors?|accura\w*|revised|verbatim|deadline"
                    r"|final))")
FIRST_SENTENCE = re.compile(r"[^\n]*?[.!?](?=\s|$)|[^\n]*")
MARKDOWN_SUFFIXES = (".md", ".markdown")
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # "\\[" is "[", "\\\\" one backslash, read left to right
# Emphasis around words on one line (`*aside*`, `**bold**`, `_word_`), its marks not shown; not
# `snake_case`, `2 * 3` or an escaped `\\*`.
VERBATIM = re.compile(r"`[^`\n]*`|<?(?:https?://|www\.)[^\s<>]*>?|\b[\w.-]*__\w+__[\w.-]*")  # `code`, URLs, __init__.py
EMPHASIS = re.compile(r"(?<![\\\w*])(?P<mark>\*\*|\*|__|_)(?=[^\s*_])[^\n]*?(?<=[^\s\\*_])(?P=mark)(?![\w*])")
LABELLED_SHARE = 1 / 3  # of paragraphs that start with a label, for a file to count as labelled


@dataclass(frozen=True)
class Paragraph:
    start: int  # source span, surrounding whitespace trimmed
    end: int
    line: int
    split: bool = False  # one of several labelled lines of a paragraph: its label is a speaker
    stamped: bool = False  # one of several lines of a paragraph that start with a timestamp
    heading: bool = False  # a Markdown heading: a speaker's name ("## Ann Lee") or else a section title


@dataclass(frozen=True)
class Turn:
    """A paragraph taken apart: its label and timestamp, and the span of what was said."""

    line: int
    start: int
    end: int
    label: Label | None
    time: float | None
    new_turn: bool = False  # `>>` without a name: someone else speaks


def read_plain(source: str, path: Path) -> Reading:
    header = read_preamble(source)
    title, paragraphs = _body(source, split=False, start=header.end)
    turns = [_turn(source, p, lambda label: False) for p in paragraphs]
    return _with_header(Reading(tuple(_speaker_blocks(source, turns, {}, _markdown(path))), title=title), header)


def read_labelled(source: str, path: Path) -> Reading:
    header = read_preamble(source)
    title, paragraphs = _body(source, start=header.end)
    candidates, accept = _accept(source, paragraphs, header)
    # "Jane Doe: 00:00:05 Welcome": a time after the label, when the file writes it so again and again
    clocked = sum(1 for p, label in zip(paragraphs, candidates) if label and LABEL_CLOCK.match(source, label.end, p.end))
    turns = [_turn(source, p, accept, label_times=clocked >= 2) for p in paragraphs]
    if title is None and not header.end and _title_line(source, turns):
        title, turns = source[turns[0].start:turns[0].end], turns[1:]
    roles = {t.label.name: t.label.role for t in turns if t.label and t.label.role}
    cover = {person.name: person.role for person in header.people}  # "Interviewed by Grace Liu": Q. is Grace Liu
    blocks = _speaker_blocks(source, turns, role_aliases(cover | roles), _markdown(path))
    people = tuple(Person(name, role) for name, role in roles.items())
    return _with_header(Reading(tuple(blocks), title=title, people=people), header)


def _title_line(source: str, turns: list[Turn]) -> bool:
    """A labelled file opening with a short line that no one says ("Weekly Product Sync"): its title."""
    first = turns[0] if len(turns) >= 2 else None
    said = source[first.start:first.end] if first else ""
    return bool(first is not None and first.label is None and turns[1].label is not None and said.strip()
                and "\n" not in said and title_like(said) and not is_stage_direction(said))


def _with_header(reading: Reading, header: Preamble) -> Reading:
    """The page's own title and people first, then what a header of `Key: value` lines says."""
    return replace(reading, title=reading.title or header.title, podcast=header.podcast, date=header.date,
                   people=(*reading.people, *header.people))


def looks_labelled(source: str) -> bool:
    """True when enough paragraphs start with a speaker label."""
    header = read_preamble(source)
    _, paragraphs = _body(source, start=header.end)
    candidates, accept = _accept(source, paragraphs, header)
    labelled = sum(1 for label in candidates if label and accept(label))
    return labelled >= 2 and labelled >= LABELLED_SHARE * len(paragraphs)


def _accept(source: str, paragraphs: list[Paragraph],
            header: Preamble) -> tuple[list[Label | None], Callable[[Label], bool]]:
    """Each paragraph's candidate label, and which labels are speakers (the people a header
    names among them, however seldom they speak)."""
    candidates = [_candidate(source, p) for p in paragraphs]
    structural = {label.name for p, label in zip(paragraphs, candidates) if label and p.split and not label.marked}
    said_as_names, lowercase_words, text = word_evidence(source)
    return candidates, label_filter(candidates, structural, said_as_names | {person.name for person in header.people},
                                    lowercase_words, text)


def _markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def _speaker_blocks(source: str, turns: list[Turn], aliases: dict[str, str], markdown: bool = False) -> list[Block]:
    """Each turn's words as blocks, with its speaker; in Markdown, without emphasis marks and
    the backslashes that escape punctuation (`\\[laughter\\]` reads "[laughter]")."""
    blocks = []
    speaker = pending = None  # pending: the time of a label on its own, for the words after it
    for turn in turns:
        if turn.label:
            speaker = aliases.get(turn.label.name.lower(), turn.label.name)
        elif turn.new_turn:
            speaker = None
        if turn.end <= turn.start:  # a label or a time on its own line is for the paragraph after it
            pending = turn.time if turn.time is not None else pending
            continue
        time = turn.time if turn.time is not None else pending
        for start, end, piece_time in _timed_pieces(source, turn.start, turn.end, time):
            text = MappedText.verbatim(source, start, end)
            text = _markdown_text(text) if markdown else text
            who = None if is_stage_direction(text.text) else speaker
            blocks.append(Block(text, turn.line + source.count("\n", turn.start, start), who, piece_time,
                                new_turn=turn.new_turn and start == turn.start))
        pending = None
    return blocks


def _markdown_text(text: MappedText) -> MappedText:
    """Markdown's emphasis marks and escaping backslashes left out (escapes found left to
    right); each character kept still maps to its own place in the file."""
    if "\\" not in text.text and "*" not in text.text and "_" not in text.text:
        return text
    verbatim = [match.span() for match in VERBATIM.finditer(text.text)]  # code and addresses keep every mark
    dropped = {match.start() for match in MARKDOWN_ESCAPE.finditer(text.text)
               if not any(start <= match.start() < end for start, end in verbatim)}
    for match in EMPHASIS.finditer(text.text):
        if any(start < match.end() and match.start() < end for start, end in verbatim):
            continue
        width = len(match.group("mark"))
        dropped |= set(range(match.start(), match.start() + width)) | set(range(match.end() - width, match.end()))
    kept = [index for index in range(len(text.text)) if index not in dropped]
    offsets = text.offsets()
    return MappedText.from_offsets("".join(text.text[i] for i in kept), [offsets[i] for i in kept])


def _timed_pieces(source: str, start: int, end: int, time: float | None) -> list[tuple[int, int, float | None]]:
    """The span cut at each timestamp between its words (`... rockets. [00:02:00] We ...`,
    as Trint and Descript mark time inside a paragraph): the words after one have its time."""
    pieces = []
    for stamp in MID_TIME.finditer(source, start, end):
        pieces.append((start, stamp.start(), time))
        start, time = stamp.end(), clock_seconds(matched_clock(stamp))
    pieces.append((start, end, time))
    return [(a, a + len(source[a:b].rstrip()), t) for a, b, t in pieces if source[a:b].strip()]


def _candidate(source: str, paragraph: Paragraph) -> Label | None:
    """The label a paragraph starts with, if any, also after its line's timestamp."""
    start, end = paragraph.start, paragraph.end
    stamp_end = _line_stamp(source, paragraph)[0]
    return lead_label(source, start, end) or lead_label(source, stamp_end, end) or name_line(source, start, end)


def _turn(source: str, paragraph: Paragraph, accept: Callable[[Label], bool], label_times: bool = False) -> Turn:
    end = paragraph.end
    pos, stamp = _line_stamp(source, paragraph)
    label, mark = _candidate(source, paragraph), None
    if label and accept(label):
        pos = label.end
        time = next((t for t in (label.lead, label.time, stamp) if t is not None), None)
        clock = LABEL_CLOCK.match(source, pos, end) if time is None and label_times else None
        if clock:
            pos, time = clock.end(), clock_seconds(matched_clock(clock))
    elif paragraph.heading:  # a section title: not speech
        return Turn(paragraph.line, end, end, None, None)
    else:
        label, time = None, stamp
        mark = TURN_MARK.match(source, pos, end)
        pos = mark.end() if mark else pos
    if time is None:
        pos, time = _leading_time(source, pos, end)
    end, trailing = _trailing_time(source, pos, end)
    time = trailing if time is None else time
    while pos < end and source[pos].isspace():  # what the marks left, such as a no-break space
        pos += 1
    return Turn(paragraph.line, pos, end, label, time, new_turn=label is None and mark is not None)


def _line_stamp(source: str, paragraph: Paragraph) -> tuple[int, float | None]:
    """Past the timestamp a stamped line starts with, and its time."""
    match = LINE_STAMP.match(source, paragraph.start, paragraph.end) if paragraph.stamped else None
    return (match.end(), clock_seconds(matched_clock(match))) if match else (paragraph.start, None)


def _leading_time(source: str, pos: int, end: int) -> tuple[int, float | None]:
    match = LEAD_TIME.match(source, pos, end)
    return (match.end(), clock_seconds(matched_clock(match))) if match else (pos, None)


def _trailing_time(source: str, pos: int, end: int) -> tuple[int, float | None]:
    match = TRAIL_TIME.search(source, pos, end)
    return (match.start(), clock_seconds(matched_clock(match))) if match else (end, None)


def _body(source: str, split: bool = True, start: int = 0) -> tuple[str | None, list[Paragraph]]:
    """The title from a leading `# Title`, and the paragraphs from `start` on that are not
    headings; `split` cuts paragraphs of one-utterance-per-line into one paragraph per utterance."""
    title = None
    paragraphs = []
    for index, paragraph in enumerate(_from(source, _paragraphs(source, split), start)):
        heading = HEADING.fullmatch(source, paragraph.start, paragraph.end)
        if heading is None:
            paragraphs.append(replace(paragraph, heading=bool(SECTION_TITLE.fullmatch(source, paragraph.start,
                                                                                      paragraph.end))))
        elif index == 0 and len(heading.group("level")) == 1:
            title = heading.group("title")
        else:
            paragraphs.append(replace(paragraph, heading=True))
    paragraphs = _without_notices(source, paragraphs)
    if paragraphs:
        paragraphs[-1:] = _without_credit(source, paragraphs[-1])
    return title, [p for p in paragraphs if not TOOL_EVENT.fullmatch(source, p.start, p.end)]


def _without_notices(source: str, paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs without the notices above the first and below the last words said:
    unlabelled paragraphs whose first sentence is about the transcript or its copyright."""
    def notice(paragraph: Paragraph) -> bool:
        first = FIRST_SENTENCE.match(source, paragraph.start, paragraph.end).group()
        return (not paragraph.heading and lead_label(source, paragraph.start, paragraph.end) is None
                and NOTICE.match(first) is not None)
    start, end = 0, len(paragraphs)
    while start < end and notice(paragraphs[start]):
        start += 1
    while end > start and notice(paragraphs[end - 1]):
        end -= 1
    return paragraphs[start:end] or paragraphs  # a file that is all notice is read as it is


def _without_credit(source: str, paragraph: Paragraph) -> list[Paragraph]:
    """The last paragraph without a last line crediting the tool that made the transcript
    ("Transcribed by https://otter.ai", Sonix's note), which may follow the words directly."""
    last = source.rfind("\n", paragraph.start, paragraph.end) + 1 or paragraph.start
    if not (CREDIT.fullmatch(source, last, paragraph.end) or TOOL_NOTE.fullmatch(source, last, paragraph.end)):
        return [paragraph]
    end = len(source[:last].rstrip())
    return [replace(paragraph, end=end)] if end > paragraph.start else []


def _from(source: str, paragraphs: list[Paragraph], start: int) -> list[Paragraph]:
    """The paragraphs, or what is left of them, from `start` on (past a header)."""
    kept = []
    for paragraph in paragraphs:
        if paragraph.start < start < paragraph.end:
            rest = source[start:paragraph.end]
            begin = start + len(rest) - len(rest.lstrip())
            paragraph = replace(paragraph, start=begin, line=paragraph.line + source.count("\n", paragraph.start, begin))
        if paragraph.start >= start:
            kept.append(paragraph)
    return kept


def _paragraphs(source: str, split: bool) -> list[Paragraph]:
    paragraphs = []
    groups = line_groups(source)
    # each line's label, read once for both passes over them
    labels = {line.number: lead_label(source, line.start, line.end) for group in groups for line in group} if split else {}
    speaking = _speaking_names(labels.values())
    timed = _timed_names(labels.values())
    for group in groups:
        labelled = _labelled_lines(group, labels, speaking, timed) | _marked_lines(source, group) if split else set()
        for piece in _cut(group, _clock_lines(source, group)):  # a time alone on its line is for the words below
            stamped = _stamped_lines(source, piece)
            for lines in (part for stamp in _cut(piece, stamped) for part in _cut(stamp, labelled)):
                start, end = lines[0].start, lines[-1].end
                while source[start].isspace():
                    start += 1
                while source[end - 1].isspace():
                    end -= 1
                paragraphs.append(Paragraph(start, end, lines[0].number, bool(labelled), bool(stamped)))
    return paragraphs


def _cut(lines: list[Line], starts: set[int]) -> list[list[Line]]:
    """The lines cut before each line whose number is in `starts`."""
    cuts = [0] + [index for index, line in enumerate(lines) if index and line.number in starts] + [len(lines)]
    return [lines[a:b] for a, b in zip(cuts, cuts[1:])]


def _stamped_lines(source: str, group: list[Line]) -> set[int]:
    """Numbers of the lines that start with a timestamp, when at least two do."""
    starts = {line.number for line in group if LINE_STAMP.match(source, line.start, line.end)}
    return starts if len(starts) >= 2 and not _listed(_times_alone(source, group)) else set()


def _times_alone(source: str, lines: list[Line]) -> list[bool]:
    """For each line, whether it holds only a time."""
    return [bool(LONE_CLOCK.fullmatch(source, line.start, line.end)) for line in lines]


def _listed(alone: list[bool]) -> bool:
    """Two lines in a row that hold only a time: times said in a list, not stamps."""
    return any(a and b for a, b in zip(alone, alone[1:]))


def _clock_lines(source: str, group: list[Line]) -> set[int]:
    """Numbers of the lines that start or follow a line holding only a time, where that time
    stands between pieces of speech: several times, each above its own lines (YouTube's panel),
    or one after a finished sentence; not a list of times ("The departures are / 9:30 / 13:15")
    nor a time said in mid-sentence ("finished in / 2:05:41 / which is a record")."""
    alone = _times_alone(source, group)
    if _listed(alone):
        return set()
    cuts = set()
    for index, line in enumerate(group):
        before = source[group[index - 1].start:group[index - 1].end].rstrip() if index else ""
        if alone[index] and (sum(alone) >= 2 or not before or SENTENCE_END.search(before)):
            cuts.update((line.number, line.number + 1))
    return cuts


def _marked_lines(source: str, group: list[Line]) -> set[int]:
    """Numbers of the lines that open with a caption's `>>`, when at least two do."""
    starts = {line.number for line in group if TURN_MARK.match(source, line.start, line.end)}
    return starts if len(starts) >= 2 else set()


def _timed_names(labels: Iterable[Label | None]) -> set[str] | None:
    """The names a file gives a time (`[00:01:02] Jane Doe:`), where at least two speakers
    are timed twice or more; None where the file does not time its speakers."""
    timed = Counter(label.name for label in labels if label and (label.lead is not None or label.time is not None))
    return set(timed) if sum(1 for count in timed.values() if count >= 2) >= 2 else None


def _labelled_lines(group: list[Line], line_labels: dict[int, Label | None], speaking: set[str],
                    timed: set[str] | None = None) -> set[int]:
    """Numbers of the labelled lines of a paragraph of one utterance per line: when most
    lines have a label or at least two are header lines; else those of at least two lines
    labelled with `speaking` names (turns hard-wrapped, with no blank line between them).
    Items of a list ("- Website: ...") are no labels here, unless their names are in bold, and
    in a file that times its speakers, a name it never times is a list read out in a turn ("Rice: 320 g")."""
    labels = [(line.number, line_labels[line.number]) for line in group]
    labels = [(number, label) for number, label in labels if label and (label.bold or not label.marked)  # no list
              and (timed is None or label.name in timed or number == group[0].number or _somebody(label.name))]
    starts = {number for number, label in labels if label}
    headers = sum(1 for _, label in labels if label and label.header)
    if len(starts) >= 2 and (2 * len(starts) >= len(group) or headers >= 2):
        return starts
    turns = {number for number, label in labels if label and label.name in speaking}
    return turns if len(turns) >= 2 else set()


def _somebody(name: str) -> bool:
    """A label that names a person however the file times it: "Priya Shah", "Caller", "SPEAKER_01"."""
    return (looks_like_full_name(name) or is_diarized(name) or name.lower() in ROLE_WORDS
            or PARTICIPANT.fullmatch(name) is not None)


def _speaking_names(line_labels: Iterable[Label | None]) -> set[str]:
    """Names that open two lines or more in the file, when at least two names do."""
    counts = Counter(label.name for label in line_labels if label and not label.tentative)
    names = {name for name, count in counts.items() if count >= 2}
    return names if len(names) >= 2 else set()
