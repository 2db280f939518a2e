"""Highlights: what a topic page leads with.

Key points are the most central sentences of the topic: each passage of the topic is a
bag of content words, the topic's centroid is their sum, and passages and then their
sentences are ranked by cosine similarity to it. Repeated passages (a teaser and its
twin) count once. Quotes are short sentences said verbatim (the reading text equals the
source span with only whitespace changed), checked against the source before use.
Timeline events come from dated glossary terms and years said in the topic's passages.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .classify import twins
from .errors import QuoteMismatch, line_of
from .model import Episode, Passage, Sentence, Term

KEY_POINTS = 5
QUOTES = 3
QUOTE_WORDS = (8, 40)
KEY_POINT_WORDS = (8, 45)  # ASR run-ons of 100+ words make poor key points
YEAR_CONTEXT_WORDS = 12
MIN_PASSAGE_WORDS = 20
YEAR = re.compile(r"(?<![\w$.,])(19[4-9]\d|20[0-4]\d)(?![\w]|[.,]\d)")
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


def cosine(a: Counter, b: Counter) -> float:
    dot = sum(count * b.get(word, 0) for word, count in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


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


def _sentence_words(sentence_text: str, vocabulary: Counter) -> Counter:
    return Counter(w for w in re.findall(r"[a-z][a-z0-9'-]+", sentence_text.lower()) if w in vocabulary)


def key_points(episodes: Sequence[Episode], topic_id: str) -> tuple[Excerpt, ...]:
    members = _topic_passages(episodes, topic_id)
    centroid = Counter(w for e, i in members for w in e.words[i])
    ranked = sorted(
        (m for m in members if len(m[0].words[m[1]]) >= MIN_PASSAGE_WORDS // 2),
        key=lambda m: (-cosine(Counter(m[0].words[m[1]]), centroid), m[0].id, m[1]),
    )
    twin_of = {episode.id: twins(episode.words) for episode in episodes}
    points: list[Excerpt] = []
    skipped: set[tuple[str, int]] = set()
    for episode, index in ranked:
        if (episode.id, index) in skipped:
            continue
        skipped.update((episode.id, twin) for twin in twin_of[episode.id].get(index, ()))
        passage = episode.passages[index]
        sentences = [s for s in _sentences_of(episode, passage)
                     if KEY_POINT_WORDS[0] <= len(passage.text.text[s.start:s.end].split()) <= KEY_POINT_WORDS[1]]
        if sentences:
            best = max(sentences, key=lambda s: (cosine(_sentence_words(passage.text.text[s.start:s.end], centroid), centroid), -s.start))
            points.append(_excerpt(episode, passage, best))
        if len(points) == KEY_POINTS:
            break
    return tuple(points)


def verbatim(source_text: str, excerpt: Excerpt) -> bool:
    return " ".join(source_text[excerpt.start:excerpt.end].split()) == " ".join(excerpt.text.split())


def quotes(episodes: Sequence[Episode], topic_id: str) -> tuple[Excerpt, ...]:
    members = _topic_passages(episodes, topic_id)
    centroid = Counter(w for e, i in members for w in e.words[i])
    candidates = []
    for episode, index in members:
        passage = episode.passages[index]
        for sentence in _sentences_of(episode, passage):
            excerpt = _excerpt(episode, passage, sentence)
            if QUOTE_WORDS[0] <= len(excerpt.text.split()) <= QUOTE_WORDS[1] and verbatim(episode.transcript.source_text, excerpt):
                score = cosine(_sentence_words(excerpt.text, centroid), centroid)
                candidates.append((-score, episode.id, excerpt.start, excerpt))
    chosen: list[Excerpt] = []
    for *_, excerpt in sorted(candidates, key=lambda c: c[:3]):
        if all(c.passage != excerpt.passage or c.episode != excerpt.episode for c in chosen):
            chosen.append(excerpt)
        if len(chosen) == QUOTES:
            break
    return tuple(chosen)


def check_quote(episode: Episode, excerpt: Excerpt) -> None:
    """Fail the build when a quote is not what the source says at its span."""
    source = episode.transcript.source_text
    if not verbatim(source, excerpt):
        raise QuoteMismatch(episode.transcript.source, line_of(source, excerpt.start),
                            f"quote {excerpt.text[:60]!r} does not match the source text at its span")


def timeline(episodes: Sequence[Episode], topic_id: str | None, glossary: Sequence[Term]) -> tuple[TimelineEvent, ...]:
    """Dated events of one topic (or of the whole site when topic_id is None)."""
    dated = {t.id: t for t in glossary if t.year and t.kind in TIMELINE_KINDS}
    events: dict[tuple[int, str], TimelineEvent] = {}
    for episode in episodes:
        mentions_by_passage: dict[str, list[str]] = {}
        for mention in episode.mentions:
            mentions_by_passage.setdefault(mention.passage, []).append(mention.term)
        for passage, labels in zip(episode.passages, episode.passage_topics):
            if topic_id is not None and topic_id not in labels:
                continue
            for term_id in mentions_by_passage.get(passage.id, ()):
                if term_id in dated:
                    events.setdefault((dated[term_id].year, term_id),
                                      TimelineEvent(dated[term_id].year, dated[term_id].term, term_id, episode.id, passage.id))
            for sentence in _sentences_of(episode, passage):
                text = passage.text.text[sentence.start:sentence.end].strip()
                for match in YEAR.finditer(text):
                    label = _around(text, match.start(), match.end())
                    year = int(match.group())
                    events.setdefault((year, label), TimelineEvent(year, label, None, episode.id, passage.id))
    return tuple(sorted(events.values(), key=lambda e: (e.year, e.term is None, e.label)))


def _around(text: str, start: int, end: int) -> str:
    """The words around a span, as written, with ellipses where the sentence goes on."""
    words = [m.span() for m in re.finditer(r"\S+", text)]
    first = next(i for i, (a, b) in enumerate(words) if b > start)
    last = max(i for i, (a, b) in enumerate(words) if a < end)
    low, high = max(first - YEAR_CONTEXT_WORDS, 0), min(last + YEAR_CONTEXT_WORDS, len(words) - 1)
    return ("…" if low else "") + text[words[low][0]:words[high][1]] + ("…" if high < len(words) - 1 else "")
