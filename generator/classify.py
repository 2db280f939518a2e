"""Classify: give each passage zero or more topics.

A passage's own evidence for a topic is the weighted count of the topic's signals in it:
glossary terms the topic names and keyword phrases (for a topic with neither, the words
of its title and description). Its emission is that evidence as a share of all the
passage's topic evidence, damped when there is little evidence at all.

Talk about a topic runs over several passages, and a question sets the topic of the
answer that follows, so each topic is then labelled as runs: for every topic, a two-state
(off/on) dynamic programme picks the labelling that best fits the emissions while paying
a cost for each switch. A passage repeated elsewhere (a teaser at the top of an episode)
takes the evidence of its twin first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from .model import Mention, Topic

TERM_WEIGHT = 1.0
KEYWORD_WEIGHT = 1.0
DESCRIPTION_WEIGHT = 0.5  # only for a topic with no keywords or terms
EVIDENCE_PRIOR = 3.0  # evidence below this is not trusted to decide a topic alone
ON_THRESHOLD = 0.1  # emission at which being on and off cost the same
SWITCH_COST = 0.1  # price of starting or ending a run of a topic
SHINGLE = 4
TWIN_OVERLAP = 0.5


@dataclass(frozen=True)
class TopicSignals:
    topic: str
    phrases: dict[tuple[str, ...], float]  # content-word n-gram -> weight
    terms: frozenset[str]


def topic_signals(topic: Topic, words_of) -> TopicSignals:
    """`words_of(text)` turns text into normalised content words (the analyse stage's view).

    Curated keywords and terms are the signals; the words of the title and description
    stand in only for a topic that has neither (measured: as extra signals they blur
    neighbouring topics)."""
    phrases: dict[tuple[str, ...], float] = {}
    if not topic.keywords and not topic.terms:
        for word in words_of(f"{topic.title} {topic.description}"):
            phrases[(word,)] = DESCRIPTION_WEIGHT
    for keyword in topic.keywords:
        gram = tuple(words_of(keyword))
        if gram:
            phrases[gram] = max(phrases.get(gram, 0.0), KEYWORD_WEIGHT * len(gram))
    return TopicSignals(topic.id, phrases, frozenset(topic.terms))


def evidence(words: Sequence[str], mentions: Sequence[Mention], signals: TopicSignals) -> float:
    grams = Counter(tuple(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1))
    score = sum(count * signals.phrases.get(gram, 0.0) for gram, count in grams.items())
    score += TERM_WEIGHT * sum(1 for m in mentions if m.term in signals.terms)
    return score


def twins(words: Sequence[Sequence[str]]) -> dict[int, tuple[int, ...]]:
    """Passages most of whose word shingles are said again elsewhere (a teaser and the
    passage it previews), mapped to the passages that repeat them."""
    where: dict[tuple[str, ...], list[int]] = {}
    shingles = [{tuple(w[i:i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)} for w in words]
    for index, grams in enumerate(shingles):
        for gram in grams:
            where.setdefault(gram, []).append(index)
    pairs: dict[int, tuple[int, ...]] = {}
    for index, grams in enumerate(shingles):
        elsewhere = Counter(other for gram in grams for other in where[gram] if other != index)
        if grams and sum(elsewhere.values()) / len(grams) >= TWIN_OVERLAP:
            pairs[index] = tuple(sorted(elsewhere))
    return pairs


def emissions(evidence_table: Sequence[Sequence[float]], twin_of: dict[int, tuple[int, ...]]) -> list[list[float]]:
    """Per topic, per passage: the topic's share of the passage's evidence, damped when small."""
    table = [[max([row[i], *(row[j] for j in twin_of.get(i, ()))]) for i in range(len(row))]
             for row in evidence_table]
    totals = [sum(column) for column in zip(*table)] if table else []
    return [[score / (total + EVIDENCE_PRIOR) for score, total in zip(row, totals)] for row in table]


def label_runs(emission: Sequence[float], threshold: float = ON_THRESHOLD, switch: float = SWITCH_COST) -> list[bool]:
    """Exact minimum-cost on/off labelling (Viterbi over two states): being on costs
    (threshold - emission), each switch inside the episode costs `switch`."""
    if not emission:
        return []
    cost = {False: 0.0, True: threshold - emission[0]}
    back: list[dict[bool, bool]] = []
    for value in emission[1:]:
        step = {}
        new_cost = {}
        for state in (False, True):
            stay, flip = cost[state], cost[not state] + switch
            step[state] = state if stay <= flip else (not state)
            new_cost[state] = min(stay, flip) + (threshold - value if state else 0.0)
        back.append(step)
        cost = new_cost
    state = min((False, True), key=lambda s: (cost[s], s))
    labels = [state]
    for step in reversed(back):
        state = step[state]
        labels.append(state)
    return labels[::-1]


def classify_passages(
    words: Sequence[Sequence[str]],
    mentions_by_passage: Sequence[Sequence[Mention]],
    signals: Sequence[TopicSignals],
) -> tuple[tuple[str, ...], ...]:
    """Topic ids per passage, in the order of `signals`."""
    raw = [[evidence(w, m, s) for w, m in zip(words, mentions_by_passage)] for s in signals]
    runs = [label_runs(row) for row in emissions(raw, twins(words))]
    return tuple(
        tuple(s.topic for s, run in zip(signals, runs) if run[index]) for index in range(len(words))
    )
