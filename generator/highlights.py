"""Highlights: what a topic page leads with.

Key points are central sentences of the topic, chosen to cover it: words are weighted by
how rare they are across the site's passages, the topic's centre is the weighted sum of
its passages' words, and sentences are picked by maximal marginal relevance (closeness to
the centre, minus resemblance to the points already picked). Spoken fillers and cut-off
sentences are passed over; a passage and its twin (a teaser) count once. Quotes are other
short sentences said word for word, checked against the source before use: each character
is the file's own at the place it was read from, and nothing the file says between them was
left out (see `verbatim`). Timeline events come from
dated glossary terms and years said in the topic's passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Sequence

from .classify import twins
from .analyse import LETTER_WORD, passage_frequencies, singular
from .errors import QuoteMismatch, line_of
from .model import Episode, Mention, Passage, Sentence, Term

KEY_POINTS = 5
QUOTES = 3
QUOTE_WORDS = (8, 40)
KEY_POINT_WORDS = (10, 45)  # shorter is rarely a whole claim; ASR run-ons of 100+ words read badly
YEAR_CONTEXT_WORDS = 12
REDUNDANCY = 0.5  # how much resembling a chosen point costs a candidate
# Spoken fillers a key point should not open with or contain ("you know", "I would say").
_FILLERS = r"you know|i mean|i guess|i would say|i'd say|sort of|kind of|basically|let's say"
LEADING_FILLER = re.compile(rf"(?i)^(?:(?:and|so|but|now|well|yeah|yes|okay|{_FILLERS})(?!\w)[,.]?\s*)*")
# A restart: a subject (and verb) abandoned at a comma for a new subject ("It was, I joined ...").
_SUBJECT = r"(?:i|we|you|he|she|they|it|there|this|that)"
FALSE_START = re.compile(rf"(?i){_SUBJECT}(?:\s+(?:was|is|were|are|had|has|did|does|do|would|will|can|could))?,\s+"
                         rf"(?={_SUBJECT}\b)")
# How a show opens and closes: words about the show, not its subject.
SHOW_TALK = re.compile(r"(?i)\b(?:welcome (?:back )?to|you're listening to|you are listening to|i'm your host|"
                       r"my guest (?:today|is)|joining (?:me|us) (?:today|now)|thanks? (?:you )?for (?:having|joining|"
                       r"listening|tuning)|(?:subscribe|rate and review)\b)")
FILLER_INSIDE = re.compile(rf"(?i)\b(?:{_FILLERS}|yeah|um|uh|like,)(?!\w)")
# A year: any from 1940 to 2049, an earlier one where the words before say it is a year ("in
# 1453", "the summer of 1957"); not a decade ("the 1980's"), nor a number such as "Ordinance 2024-17".
_YEAR_CUES = ("in|since|by|until|till|from|around|circa|year|summer|winter|spring|autumn|fall|january|february|"
              "march|april|may|june|july|august|september|october|november|december")
YEAR = re.compile(rf"(?:(?P<cue>\b(?i:{_YEAR_CUES})(?:[ \t]+of)?[ \t]+))?(?<![\w$.,#-])(?P<year>1\d{{3}}|20\d{{2}})"
                  r"(?![\w]|[.,]\d|['’]s\b|[-–]\d)")
MODERN_YEARS = range(1940, 2050)
TIMELINE_KINDS = {"system", "work", "event", "concept"}  # people and organisations have no single date


@dataclass(frozen=True)
class Excerpt:
    episode: str
    passage: str
    text: str  # reading text of the sentence
    start: int  # source span
    end: int
    speaker: str | None
    time: float | None
    local_start: int = 0  # where `text` starts in the passage's reading text


@dataclass(frozen=True)
class TimelineEvent:
    year: int
    label: str  # plain text
    term: str | None  # glossary id, when the event is a dated term
    episode: str
    passage: str


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit vectors (see `_vector`): their dot product, summed over the shorter."""
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(word, 0.0) for word, value in a.items())


def _topic_passages(episodes: Sequence[Episode], topic_id: str) -> list[tuple[Episode, int]]:
    return [(e, i) for e in episodes for i, labels in enumerate(e.passage_topics) if topic_id in labels]


def _sentences_of(episode: Episode, passage: Passage) -> tuple[Sentence, ...]:
    return episode.sentences_by_passage.get(passage.id, ())


def _excerpt(episode: Episode, passage: Passage, sentence: Sentence) -> Excerpt:
    raw = passage.text.text[sentence.start:sentence.end]
    local_start = sentence.start + len(raw) - len(raw.lstrip())
    text = raw.strip()
    start, end = passage.text.source_span(local_start, local_start + len(text))
    return Excerpt(episode.id, passage.id, text, start, end, passage.speaker, passage.time, local_start)


def _weights(episodes: Sequence[Episode]) -> dict[str, float]:
    """Inverse passage frequency over the site: words every passage uses say little."""
    passages, frequency = passage_frequencies(episodes)
    return {word: math.log(passages / count) for word, count in frequency.items()}


def _vector(words, weights: dict[str, float]) -> dict[str, float]:
    """Inverse-frequency-weighted word counts scaled to length 1, so that a cosine needs no
    norms: a topic's centre holds thousands of words and meets every sentence of the topic."""
    vector: Counter = Counter()
    for word in words:
        vector[word] += weights.get(word, 0.0)
    norm = math.sqrt(sum(value * value for value in vector.values()))
    return {word: value / norm for word, value in vector.items() if value} if norm else {}


def _sentence_vector(text: str, weights: dict[str, float]) -> dict[str, float]:
    return _vector((singular(w) for w in re.findall(LETTER_WORD, text.lower())), weights)


def _readable(text: str) -> bool:
    """A whole statement about the subject: no question in it, not cut off mid-sentence, not
    the show introducing itself or its guest ("Welcome to Roast Profile, the podcast where ...")."""
    return "?" not in text and not text.endswith(("...", "…", ",", "-")) and not SHOW_TALK.search(text)


def _trim_lead(excerpt: Excerpt) -> Excerpt:
    """Drop a leading connective or filler ("And so, you know, ...") and a restart ("It was,
    I joined ..." reads "I joined ...") from a key point."""
    cut = LEADING_FILLER.match(excerpt.text).end()
    restart = FALSE_START.match(excerpt.text, cut)
    cut = restart.end() if restart else cut
    if cut == 0 or cut == len(excerpt.text):
        return excerpt
    text = excerpt.text[cut:]
    return replace(excerpt, text=text[0].upper() + text[1:], start=excerpt.start + cut,
                   local_start=excerpt.local_start + cut)


@dataclass(frozen=True)
class Corpus:
    """The site's episodes with what every topic's highlights need, computed once per site."""

    episodes: tuple[Episode, ...]
    weights: dict[str, float]  # word -> inverse passage frequency
    twin_of: dict[str, dict[int, tuple[int, ...]]]  # episode id -> passage index -> its twins

    scored: dict = field(default_factory=dict, compare=False)  # topic id -> its sentences, scored once

    @classmethod
    def of(cls, episodes: Sequence[Episode]) -> "Corpus":
        return cls(tuple(episodes), _weights(episodes), {e.id: twins(e.words) for e in episodes})


def _candidates(corpus: Corpus, topic_id: str, words: tuple[int, int]):
    """The topic's sentences of a readable length, scored by closeness to the topic's centre
    (cosine of inverse-frequency-weighted words), each with its word vector."""
    if topic_id not in corpus.scored:
        corpus.scored[topic_id] = _scored_sentences(corpus, topic_id)
    return [c for c in corpus.scored[topic_id] if words[0] <= len(c[1].text.split()) <= words[1]]


def _scored_sentences(corpus: Corpus, topic_id: str):
    """Every sentence of the topic's passages with its score and word vector, best first; key
    points and quotes each take those of the lengths they want."""
    weights = corpus.weights
    members = _topic_passages(corpus.episodes, topic_id)
    centroid = _vector((w for e, i in members for w in e.words[i]), weights)
    scored = []
    for episode, index in members:
        passage = episode.passages[index]
        for sentence in _sentences_of(episode, passage):
            excerpt = _excerpt(episode, passage, sentence)
            vector = _sentence_vector(excerpt.text, weights)
            scored.append((cosine(vector, centroid), excerpt, index, vector))
    scored.sort(key=lambda c: (-c[0], c[1].episode, c[1].start))
    return scored


def _with_twins(twin_of: dict, episode: str, index: int) -> set[tuple[str, int]]:
    """A passage and the passages that repeat it (a teaser and its twin), as one."""
    return {(episode, index), *((episode, twin) for twin in twin_of[episode].get(index, ()))}


def key_points(corpus: Corpus, topic_id: str) -> tuple[Excerpt, ...]:
    """Maximal marginal relevance: each next point is the sentence closest to the topic's
    centre after a penalty for resembling a point already chosen, so the points cover the
    topic instead of repeating its commonest claim. Whole statements without spoken fillers
    come first; one point per passage, and a passage and its twin count once."""
    pool = [(score, _trim_lead(excerpt), index, vector)
            for score, excerpt, index, vector in _candidates(corpus, topic_id, (1, KEY_POINT_WORDS[1]))]
    pool = [c for c in pool if _readable(c[1].text) and len(c[1].text.split()) >= KEY_POINT_WORDS[0]]
    resemblance = [0.0] * len(pool)  # each candidate's highest similarity to a chosen point
    chosen: list[Excerpt] = []
    used: set[tuple[str, int]] = set()
    while len(chosen) < KEY_POINTS:
        fresh = [n for n, c in enumerate(pool) if (c[1].episode, c[2]) not in used]
        clean = [n for n in fresh if not FILLER_INSIDE.search(pool[n][1].text)] or fresh
        if not clean:
            break
        best = max(clean, key=lambda n: (pool[n][0] - REDUNDANCY * resemblance[n], -n))
        score, excerpt, index, vector = pool[best]
        used |= _with_twins(corpus.twin_of, excerpt.episode, index)
        chosen.append(excerpt)
        resemblance = [max(r, cosine(c[3], vector)) for r, c in zip(resemblance, pool)]
    return tuple(chosen)


ESCAPES = "&\\"  # where the file writes a character as an entity (&amp;) or an escape (\u00e9)


def verbatim(episode: Episode, excerpt: Excerpt) -> bool:
    """Said word for word. Every character of the excerpt is, at the file offset it came from,
    the file's own character (or an entity or escape the reader decoded to it), and every
    character the reader found between the excerpt's first and last is in it: a filler or a
    word the reading text dropped fails the check. Only whitespace may differ, since the file
    may put timings, tags or JSON between the words of one sentence (SRT cues, Apple's word
    spans, Whisper segments), and the first letter may be a capital where the file's is not: the
    quote starts a sentence where a caption went on with one ("so we launched" -> "So we
    launched")."""
    passage = next(p for p in episode.passages if p.id == excerpt.passage)
    offsets = passage.text.offsets()[excerpt.local_start:excerpt.local_start + len(excerpt.text)]
    source, read = episode.transcript.source_text, _read_between(episode, excerpt.start, excerpt.end)
    for position, (char, offset) in enumerate(zip(excerpt.text, offsets)):
        said = char.lower() if position == 0 and char.isupper() else char  # a quote starts a sentence
        if not char.isspace() and (read.get(offset) not in (char, said) or source[offset] not in (char, said, *ESCAPES)):
            return False
    quoted = set(offsets)
    return len(offsets) == len(excerpt.text) and all(offset in quoted for offset, char in read.items()
                                                     if not char.isspace())


def _read_between(episode: Episode, start: int, end: int) -> dict[int, str]:
    """What the reader read from the file between two offsets: offset -> character."""
    read: dict[int, str] = {}
    for block in episode.transcript.blocks:
        text = block.text
        if text.text and text.source_offset(0) < end and text.source_offset(len(text.text) - 1) >= start:
            read.update((offset, char) for offset, char in zip(text.offsets(), text.text) if start <= offset < end)
    return read


def quotes(corpus: Corpus, topic_id: str, avoid: Sequence[Excerpt] = ()) -> tuple[Excerpt, ...]:
    """The statements nearest the topic's centre that are said verbatim in the source, one per
    passage, leaving out the passages of `avoid` (the key points) and their twins so that the
    page does not say the same thing twice."""
    episodes = {episode.id: episode for episode in corpus.episodes}
    index_of = {(e.id, p.id): i for e in corpus.episodes for i, p in enumerate(e.passages)}
    taken = set().union(*(_with_twins(corpus.twin_of, a.episode, index_of[a.episode, a.passage]) for a in avoid))
    chosen: list[Excerpt] = []
    for _, excerpt, index, _ in _candidates(corpus, topic_id, QUOTE_WORDS):
        if (len(chosen) < QUOTES and (excerpt.episode, index) not in taken and _readable(excerpt.text)
                and verbatim(episodes[excerpt.episode], excerpt)):
            chosen.append(excerpt)
            taken |= _with_twins(corpus.twin_of, excerpt.episode, index)
    return tuple(chosen)


def check_quote(episode: Episode, excerpt: Excerpt) -> None:
    """Fail the build when a quote is not what the source says at its span."""
    if not verbatim(episode, excerpt):
        source = episode.transcript.source_text
        raise QuoteMismatch(episode.transcript.source, line_of(source, excerpt.start),
                            f"quote {excerpt.text[:60]!r} does not match the source text at its span")


def timeline(episodes: Sequence[Episode], topic_id: str | None, glossary: Sequence[Term],
             other_topics_terms: frozenset[str] = frozenset()) -> tuple[TimelineEvent, ...]:
    """Dated events of one topic (or of the whole site when topic_id is None). A dated term
    that signals another topic (ChatGPT on a page about reinforcement learning) is that
    topic's event, even when a passage here mentions it. A year said in a sentence is an
    event of its own unless the sentence names a glossary term dated that year: the term's
    row already says what happened, in better words than speech. A sentence saying several
    years is one row, at the first of them."""
    dated = {t.id: t for t in glossary if t.year and t.kind in TIMELINE_KINDS}
    events: dict[tuple[int, str], TimelineEvent] = {}
    for episode in episodes:
        mentions_by_passage: dict[str, list[Mention]] = {}
        for mention in episode.mentions:
            if mention.term in dated:
                mentions_by_passage.setdefault(mention.passage, []).append(mention)
        for passage, labels in zip(episode.passages, episode.passage_topics):
            if topic_id is not None and topic_id not in labels:
                continue
            mentions = mentions_by_passage.get(passage.id, [])
            for mention in mentions:
                term = dated[mention.term]
                if term.id not in other_topics_terms:
                    events.setdefault((term.year, term.id),
                                      TimelineEvent(term.year, term.term, term.id, episode.id, passage.id))
            for sentence in _sentences_of(episode, passage):
                text = passage.text.text[sentence.start:sentence.end].strip()
                named_years = {dated[m.term].year for m in mentions if sentence.start <= m.local_start < sentence.end}
                said = [match for match in YEAR.finditer(text) if int(match.group("year")) not in named_years
                        and (match.group("cue") or int(match.group("year")) in MODERN_YEARS)]
                if said:  # one row per sentence, at the first year it says ("2006, 2007 or so")
                    year = min(int(m.group("year")) for m in said)
                    label = _around(text, said[0].start("year"), said[-1].end())
                    events.setdefault((year, label), TimelineEvent(year, label, None, episode.id, passage.id))
    return tuple(sorted(events.values(), key=lambda e: (e.year, e.term is None, e.label)))


def _around(text: str, start: int, end: int) -> str:
    """The words around a span, as written, with ellipses where the sentence goes on."""
    words = [m.span() for m in re.finditer(r"\S+", text)]
    first = next(i for i, (a, b) in enumerate(words) if b > start)
    last = max(i for i, (a, b) in enumerate(words) if a < end)
    low, high = max(first - YEAR_CONTEXT_WORDS, 0), min(last + YEAR_CONTEXT_WORDS, len(words) - 1)
    return ("…" if low else "") + text[words[low][0]:words[high][1]] + ("…" if high < len(words) - 1 else "")
