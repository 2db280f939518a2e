"""Discover: topics for a site that has no topics.yml.

Lexical segments of every episode are the candidates. Each becomes a tf-idf vector of its
content words; the most similar pair of clusters is merged until no pair is similar
enough or few clusters remain. A topic is named by the words most distinctive of its
cluster, and those words become its keywords, so the classifier treats a discovered topic
exactly like a configured one, and pinning it in topics.yml gives the same result.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Sequence

from .analyse import singular
from .config import RESERVED_IDS
from .model import Episode, Topic
from .segment_topics import segment_topics

MERGE_SIMILARITY = 0.3
MAX_TOPICS = 8
CANDIDATE_Z = 6.0  # a lower bar than segmentation's: candidates may be sub-topics
MIN_SHARE = 0.04  # a discovered topic covers at least this share of all words
KEYWORDS = 12
NAME_WORDS = 3


def _vector(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    return {w: (1 + math.log(c)) * idf[w] for w, c in counts.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _candidates(episodes: Sequence[Episode]) -> list[Counter]:
    """Sub-topics: segments cut finer than the page segments, so one episode can hold several."""
    segments = []
    for episode in episodes:
        edges = [0, *segment_topics(episode.words, z_threshold=CANDIDATE_Z), len(episode.words)]
        for start, end in zip(edges, edges[1:]):
            segments.append(Counter(w for words in episode.words[start:end] for w in words))
    return [s for s in segments if s]


def _idf(episodes: Sequence[Episode]) -> dict[str, float]:
    units = [set(words) for e in episodes for words in e.words]
    frequency = Counter(w for unit in units for w in unit)
    return {w: math.log((1 + len(units)) / (1 + n)) + 1 for w, n in frequency.items()}


def _cluster(segments: list[Counter], idf: dict[str, float]) -> list[Counter]:
    """Merge the most similar pair of clusters until no pair is similar enough."""
    clusters = list(segments)
    vectors = [_vector(c, idf) for c in clusters]
    similarity = {(i, j): _cosine(vectors[i], vectors[j]) for i in range(len(clusters)) for j in range(i + 1, len(clusters))}
    alive = set(range(len(clusters)))
    while len(alive) > 1:
        (i, j), best = max(((pair, value) for pair, value in similarity.items()), key=lambda item: (item[1], -item[0][0], -item[0][1]))
        if best < MERGE_SIMILARITY:
            break
        clusters[i] = clusters[i] + clusters[j]
        vectors[i] = _vector(clusters[i], idf)
        alive.discard(j)
        similarity = {pair: value for pair, value in similarity.items() if j not in pair}
        for k in alive - {i}:
            similarity[(min(i, k), max(i, k))] = _cosine(vectors[i], vectors[k])
    return [clusters[i] for i in sorted(alive)]


def _distinctive(cluster: Counter, whole: Counter, idf: dict[str, float]) -> list[str]:
    total, site = sum(cluster.values()) or 1, sum(whole.values()) or 1
    score = {w: (c / total) * math.log(1 + (c / total) / (whole[w] / site)) * idf[w]
             for w, c in cluster.items() if c >= 2 and len(w) > 2}
    return sorted(score, key=lambda w: (-score[w], w))[:KEYWORDS]


def _surfaces(episodes: Sequence[Episode]) -> dict[str, str]:
    """The most frequent spelling of each normalised word ("physic" was said as "physics")."""
    spellings: dict[str, Counter] = {}
    for episode in episodes:
        for passage in episode.passages:
            for word in re.findall(r"[A-Za-z][A-Za-z0-9'-]*[A-Za-z0-9]", passage.text.text):
                spellings.setdefault(singular(word.lower()), Counter())[word.lower()] += 1
    return {key: min(counts, key=lambda w: (-counts[w], w)) for key, counts in spellings.items()}


def _slug(words: Sequence[str]) -> str:
    return re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-") or "topic"


def discover_topics(episodes: Sequence[Episode]) -> tuple[Topic, ...]:
    idf = _idf(episodes)
    whole = Counter(w for e in episodes for words in e.words for w in words)
    clusters = sorted(_cluster(_candidates(episodes), idf), key=lambda c: (-sum(c.values()), sorted(c)))
    total = sum(whole.values()) or 1
    clusters = [c for c in clusters if sum(c.values()) / total >= MIN_SHARE][:MAX_TOPICS]
    surface = _surfaces(episodes)
    topics, used = [], set()
    for cluster in clusters:
        keywords = [surface.get(w, w) for w in _distinctive(cluster, whole, idf)]
        if not keywords:
            continue
        name = keywords[:NAME_WORDS]
        ident = _slug(name)
        if ident in used or ident in RESERVED_IDS:
            continue
        used.add(ident)
        title = ", ".join(name).capitalize()
        topics.append(Topic(ident, title, f"Passages that talk about {', '.join(keywords[:6])}.",
                            keywords=tuple(keywords), curated=False))
    return tuple(topics)
