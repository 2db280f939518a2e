"""The data that flows between pipeline stages: plain frozen dataclasses, tuples only.

Offsets (`start`, `end`) are always character offsets into an episode's source text,
decoded as UTF-8 with CRLF turned into LF, so `source_text[start:end]` is what they cover.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .textmap import MappedText

ROLES = ("host", "guest", "speaker")


@dataclass(frozen=True)
class Person:
    name: str
    role: str  # one of ROLES


@dataclass(frozen=True)
class Summary:
    """A summary shipped with the source page (PodQuest gives one per speaker)."""

    speaker: str | None
    language: str  # BCP 47 tag, e.g. "zh"
    text: str


@dataclass(frozen=True)
class InlineMark:
    """A term the source itself marks, e.g. Spacelog's ``[glossary:TERM]``."""

    term: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One unit as a reader finds it: a paragraph, subtitle cue, segment or speaker turn."""

    text: MappedText
    line: int  # 1-based line of the source where the block starts
    speaker: str | None = None
    time: float | None = None  # seconds from the start of the audio
    marks: tuple[InlineMark, ...] = ()
    new_turn: bool = False  # someone unnamed starts speaking here (a caption's `>>`, a dialogue dash)


@dataclass(frozen=True)
class Metadata:
    title: str
    podcast: str | None = None
    date: str | None = None  # YYYY-MM-DD
    people: tuple[Person, ...] = ()
    language: str = "en"
    audio_url: str | None = None
    summaries: tuple[Summary, ...] = ()


@dataclass(frozen=True)
class Transcript:
    """What ingest returns for one episode file."""

    id: str  # slug, unique in the site
    source: str  # path relative to the project root
    source_text: str
    format: str  # podquest | plain | labelled | srt | vtt | whisper | spacelog
    meta: Metadata
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Passage:
    """A readable stretch of one speaker's talk: the unit of topics, anchors and links."""

    id: str  # anchor, e.g. "p012"
    index: int
    text: MappedText  # clean reading text
    start: int
    end: int
    line: int
    speaker: str | None = None
    time: float | None = None
    marks: tuple[InlineMark, ...] = ()


@dataclass(frozen=True)
class Sentence:
    passage: str  # passage id
    start: int  # offsets into the passage's reading text
    end: int


@dataclass(frozen=True)
class Mention:
    term: str  # glossary term id
    episode: str
    passage: str
    start: int  # source offsets
    end: int
    text: str  # source_text[start:end]
    local_start: int  # offsets into the passage's reading text
    local_end: int


@dataclass(frozen=True)
class Term:
    id: str
    term: str  # headword
    kind: str
    definition: str
    aliases: tuple[str, ...] = ()
    year: int | None = None  # for the timeline
    background: bool = False  # curated but allowed to have no mention
    curated: bool = True
    see_also: tuple[str, ...] = ()
    misheard: tuple[str, ...] = ()  # what speech recognition wrote for it ("Chat TTP"): found, and corrected on show

    def forms(self) -> tuple[str, ...]:
        """Every way the transcripts may write it: the headword, aliases and misheard forms."""
        return (self.term, *self.aliases, *self.misheard)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    description: str
    keywords: tuple[str, ...] = ()  # words and phrases that signal the topic
    terms: tuple[str, ...] = ()  # glossary term ids that signal the topic
    curated: bool = True


@dataclass(frozen=True)
class Episode:
    """One transcript after every stage: what render needs."""

    transcript: Transcript
    passages: tuple[Passage, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    words: tuple[tuple[str, ...], ...]  # content words per passage (analyse)
    segments: tuple[tuple[int, int], ...]  # parts: sub-topic lexical segments, as passage index ranges
    passage_topics: tuple[tuple[str, ...], ...] = ()  # parallel to passages (classify)

    @property
    def id(self) -> str:
        return self.transcript.id

    @cached_property
    def sentences_by_passage(self) -> dict[str, tuple[Sentence, ...]]:
        grouped: dict[str, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.passage, []).append(sentence)
        return {passage: tuple(items) for passage, items in grouped.items()}


@dataclass(frozen=True)
class Site:
    pages: dict[str, str] = field(default_factory=dict)  # docs-relative path -> text


def clock(seconds: float) -> str:
    """A time in seconds as people read it: '4:05', '1:02:03'."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
