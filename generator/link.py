"""Link: the web between episodes, topics and terms that the pages are drawn from.

Pure counting over what earlier stages found: which passages carry each topic, how much
of an episode each topic takes, which terms matter most to a topic (mentions weighted by
how specific they are to it), which topics are related and why, and which terms occur
together.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from .model import Episode, Mention, Passage, Term, Topic

PassageRef = tuple[str, str]  # (episode id, passage id)


@dataclass(frozen=True)
class TopicLinks:
    topic: str
    passages: tuple[PassageRef, ...]
    shares: tuple[tuple[str, float], ...]  # (episode id, share of the episode's words)
    key_terms: tuple[tuple[str, int], ...]  # (term id, mentions in the topic)
    related: tuple["RelatedTopic", ...]  # strongest first
    weight: float  # share of all words in the site


@dataclass(frozen=True)
class RelatedTopic:
    """Why two topics are related: passages on both, moves between them, shared key terms."""

    topic: str
    both: int
    adjacent: int
    shared_terms: tuple[str, ...]


@dataclass(frozen=True)
class TermLinks:
    term: str
    mentions: tuple[Mention, ...]
    topics: tuple[tuple[str, int], ...]  # (topic id, mentions in passages of it)
    related: tuple[tuple[str, int], ...]  # (term id, passages shared)


@dataclass(frozen=True)
class Links:
    topics: dict[str, TopicLinks]
    terms: dict[str, TermLinks]
    passage_topics: dict[PassageRef, tuple[str, ...]]


def words_in(passage: Passage) -> int:
    return len(passage.text.text.split())


def link_site(episodes: Sequence[Episode], topics: Sequence[Topic], glossary: Sequence[Term]) -> Links:
    passage_topics = {
        (episode.id, passage.id): labels
        for episode in episodes
        for passage, labels in zip(episode.passages, episode.passage_topics)
    }
    mentions = [m for episode in episodes for m in episode.mentions]
    terms_by_passage: dict[PassageRef, set[str]] = defaultdict(set)
    for mention in mentions:
        terms_by_passage[(mention.episode, mention.passage)].add(mention.term)
    key_terms = _key_terms(topics, passage_topics, terms_by_passage)
    topic_links = {
        topic.id: TopicLinks(
            topic=topic.id,
            passages=tuple(ref for ref, labels in passage_topics.items() if topic.id in labels),
            shares=_shares(episodes, topic.id),
            key_terms=key_terms[topic.id],
            related=_related_topics(topic.id, topics, episodes, key_terms),
            weight=_site_share(episodes, topic.id),
        )
        for topic in topics
    }
    mentions_of: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        mentions_of[mention.term].append(mention)
    term_links = {
        term.id: _term_links(term.id, mentions_of[term.id], passage_topics, terms_by_passage) for term in glossary
    }
    return Links(topic_links, term_links, passage_topics)


def _shares(episodes: Sequence[Episode], topic_id: str) -> tuple[tuple[str, float], ...]:
    shares = []
    for episode in episodes:
        total = sum(words_in(p) for p in episode.passages) or 1
        on_topic = sum(words_in(p) for p, labels in zip(episode.passages, episode.passage_topics) if topic_id in labels)
        if on_topic:
            shares.append((episode.id, on_topic / total))
    return tuple(shares)


def _site_share(episodes: Sequence[Episode], topic_id: str) -> float:
    total = sum(words_in(p) for e in episodes for p in e.passages) or 1
    return sum(
        words_in(p) for e in episodes for p, labels in zip(e.passages, e.passage_topics) if topic_id in labels
    ) / total


def _key_terms(topics, passage_topics, terms_by_passage) -> dict[str, tuple[tuple[str, int], ...]]:
    """Terms ranked by mentions in the topic times how specific they are to it."""
    passages_with: Counter[str] = Counter(t for terms in terms_by_passage.values() for t in terms)
    total = max(len(passage_topics), 1)
    ranked = {}
    for topic in topics:
        counts: Counter[str] = Counter(
            term for ref, labels in passage_topics.items() if topic.id in labels
            for term in terms_by_passage.get(ref, ())
        )
        score = {t: c * math.log(1 + total / passages_with[t]) for t, c in counts.items()}
        ranked[topic.id] = tuple((t, counts[t]) for t in sorted(score, key=lambda t: (-score[t], t))[:12])
    return ranked


def _related_topics(topic_id, topics, episodes, key_terms) -> tuple[RelatedTopic, ...]:
    both: Counter[str] = Counter()
    adjacent: Counter[str] = Counter()
    for episode in episodes:
        labels = episode.passage_topics
        for index, current in enumerate(labels):
            if topic_id not in current:
                continue
            both.update(t for t in current if t != topic_id)
            for neighbour in labels[max(index - 1, 0):index] + labels[index + 1:index + 2]:
                if topic_id not in neighbour:  # the conversation moves from this topic to another
                    adjacent.update(t for t in neighbour if t not in current)
    mine = {t for t, _ in key_terms[topic_id]}
    related = []
    for other in topics:
        shared = [t for t, _ in key_terms[other.id] if t in mine]
        strength = both[other.id] + adjacent[other.id] + len(shared)
        if other.id != topic_id and strength >= 2:
            related.append((strength, RelatedTopic(other.id, both[other.id], adjacent[other.id], tuple(shared[:5]))))
    return tuple(r for _, r in sorted(related, key=lambda r: (-r[0], r[1].topic)))


def _term_links(term_id, own, passage_topics, terms_by_passage) -> TermLinks:
    own = tuple(own)
    refs = {(m.episode, m.passage) for m in own}
    topics = Counter(t for m in own for t in passage_topics.get((m.episode, m.passage), ()))
    together = Counter(t for ref in refs for t in terms_by_passage.get(ref, ()) if t != term_id)
    return TermLinks(
        term=term_id,
        mentions=own,
        topics=tuple(sorted(topics.items(), key=lambda i: (-i[1], i[0]))),
        related=tuple(sorted(together.items(), key=lambda i: (-i[1], i[0]))[:8]),
    )
