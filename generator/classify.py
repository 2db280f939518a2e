"""Classify: give each passage zero or more topics.

A passage's own evidence for a topic is the weighted count of the topic's signals in it:
keyword phrases and mentions of glossary terms from topics.yml. A topic that lists no
terms borrows the glossary terms whose headword and definition read most like its title,
description and keywords; a topic with neither keywords nor terms also counts the words of
its title and description, weighted by how rare they are in the transcripts and how few
topics share them. So a topics.yml with titles and descriptions alone already works, and
keywords and terms make it sharper.

A passage's emission for a topic is that evidence as a share of all the passage's topic
evidence, damped when there is little evidence at all: "little" is measured against the
site's mean evidence per passage, so the damping means the same whether the signals are
a few curated terms or a whole glossary.

Talk about a topic runs over several passages, and a question sets the topic of the
answer that follows, so each topic is then labelled as runs: for every topic, a two-state
(off/on) dynamic programme picks the labelling that best fits the emissions while paying
a cost for each switch. A passage repeated later (a teaser at the top of an episode) is
out of the conversation's order, so it stays out of the runs and takes the topics of the
passages it previews.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from statistics import mean
from typing import Callable, Sequence

from .model import Mention, Term, Topic

TERM_WEIGHT = 1.0
KEYWORD_WEIGHT = 1.0
DESCRIPTION_WEIGHT = 1.0  # the most telling description word (rare, in one topic) counts as a keyword
BORROW_SIMILARITY = 0.1  # cosine at which a glossary term is close enough to lend its mentions
EVIDENCE_PRIOR = 3.0  # evidence below this is never trusted to decide a topic alone
DAMPING = 1.5  # ... nor below this many times the site's mean evidence per passage
ON_THRESHOLD = 0.1  # emission at which being on and off cost the same
SWITCH_COST = 0.1  # price of starting or ending a run of a topic
SHINGLE = 4
TWIN_OVERLAP = 0.5

WordsOf = Callable[[str], Sequence[str]]


@dataclass(frozen=True)
class TopicSignals:
    topic: str
    phrases: dict[tuple[str, ...], float]  # content-word n-gram -> weight
    terms: frozenset[str]


def site_signals(topics: Sequence[Topic], glossary: Sequence[Term], words_of: WordsOf,
                 idf: Callable[[str], float]) -> list[TopicSignals]:
    """Every topic's signals. `words_of(text)` gives normalised content words (the analyse
    stage's view); `idf(word)` how rare a word is across the site's passages.

    Curated keywords and terms come first. Description words stand in only for a topic
    with neither (measured on the seed's dev half: as extra signals next to curated ones
    they blur neighbouring topics), and borrowed glossary terms only for a topic with no
    terms of its own."""
    descriptions = [Counter(words_of(f"{t.title} {t.description}")) for t in topics]
    shared = Counter(word for description in descriptions for word in description)
    borrowed = borrowed_terms(topics, glossary, words_of, idf)
    signals = []
    for topic, description, lent in zip(topics, descriptions, borrowed):
        phrases: dict[tuple[str, ...], float] = {}
        if not topic.keywords and not topic.terms and description:
            telling = {word: idf(word) * math.log(1 + len(topics) / shared[word]) for word in description}
            most = max(telling.values())
            for word, value in telling.items():
                phrases[(word,)] = DESCRIPTION_WEIGHT * value / most
        for keyword in topic.keywords:
            gram = tuple(words_of(keyword))
            if gram:
                phrases[gram] = max(phrases.get(gram, 0.0), KEYWORD_WEIGHT * len(gram))
        signals.append(TopicSignals(topic.id, phrases, frozenset(topic.terms or lent)))
    return signals


def borrowed_terms(topics: Sequence[Topic], glossary: Sequence[Term], words_of: WordsOf,
                   idf: Callable[[str], float]) -> list[tuple[str, ...]]:
    """For each topic that lists no terms: the glossary terms (named by no topic) whose
    headword and definition are closer to this topic's title, description and keywords than
    to any other topic's, by cosine of tf-idf vectors, and at least BORROW_SIMILARITY."""
    named = {term for topic in topics for term in topic.terms}
    if not glossary or all(topic.terms for topic in topics):
        return [() for _ in topics]
    profiles = [_unit(words_of(" ".join([t.title, t.description, *t.keywords])), idf) for t in topics]
    lent: list[list[str]] = [[] for _ in topics]
    for term in glossary:
        if term.id in named:
            continue
        vector = _unit(words_of(f"{term.term} {term.definition}"), idf)
        similarity = [sum(weight * profile.get(word, 0.0) for word, weight in vector.items()) for profile in profiles]
        nearest = max(range(len(topics)), key=lambda i: (similarity[i], -i))
        if similarity[nearest] >= BORROW_SIMILARITY and not topics[nearest].terms:
            lent[nearest].append(term.id)
    return [tuple(ids) for ids in lent]


def _unit(words: Sequence[str], idf: Callable[[str], float]) -> dict[str, float]:
    """(1 + log count) * idf per word, scaled to length 1."""
    weights = {word: (1 + math.log(count)) * idf(word) for word, count in Counter(words).items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {word: w / norm for word, w in weights.items()}


def evidence(words: Sequence[str], mentions: Sequence[Mention], signals: TopicSignals) -> float:
    return evidence_of(gram_counts(words), mentions, signals)


def gram_counts(words: Sequence[str]) -> Counter:
    """The passage's word 1-, 2- and 3-grams, counted once for all topics."""
    return Counter(tuple(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1))


def evidence_of(grams: Counter, mentions: Sequence[Mention], signals: TopicSignals) -> float:
    score = sum(count * signals.phrases[gram] for gram, count in grams.items() if gram in signals.phrases)
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


def emissions(evidence_table: Sequence[Sequence[float]], twin_of: dict[int, tuple[int, ...]],
              prior: float = EVIDENCE_PRIOR) -> list[list[float]]:
    """Per topic, per passage: the topic's share of the passage's evidence, damped by `prior`."""
    table = [[max([row[i], *(row[j] for j in twin_of.get(i, ()))]) for i in range(len(row))]
             for row in evidence_table]
    totals = [sum(column) for column in zip(*table)] if table else []
    return [[score / (total + prior) for score, total in zip(row, totals)] for row in table]


def previews(twin_of: dict[int, tuple[int, ...]]) -> dict[int, tuple[int, ...]]:
    """The passages said again only later (a teaser), mapped to the passages they preview.
    The later copy is the one in context; a recap that repeats an earlier passage stays in
    the runs."""
    return {index: later for index, later in twin_of.items() if all(other > index for other in later)}


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


@dataclass(frozen=True)
class EpisodeEvidence:
    """What the classifier needs of one episode."""

    words: Sequence[Sequence[str]]  # content words per passage
    mentions: Sequence[Sequence[Mention]]  # glossary mentions per passage


def classify_site(episodes: Sequence[EpisodeEvidence], signals: Sequence[TopicSignals]) -> list[tuple[tuple[str, ...], ...]]:
    """Topic ids per passage of every episode, in the order of `signals`."""
    grams = [[gram_counts(words) for words in episode.words] for episode in episodes]
    tables = [[[evidence_of(g, m, s) for g, m in zip(passage_grams, e.mentions)] for s in signals]
              for e, passage_grams in zip(episodes, grams)]
    totals = [sum(column) for table in tables for column in zip(*table)]
    prior = max(EVIDENCE_PRIOR, DAMPING * mean(totals)) if totals else EVIDENCE_PRIOR
    labelled = []
    for episode, table in zip(episodes, tables):
        twin_of = twins(episode.words)
        runs = [_runs_around_previews(row, previews(twin_of)) for row in emissions(table, twin_of, prior)]
        labelled.append(tuple(tuple(s.topic for s, run in zip(signals, runs) if run[index])
                              for index in range(len(episode.words))))
    return labelled


def _runs_around_previews(emission: Sequence[float], previewing: dict[int, tuple[int, ...]]) -> list[bool]:
    """label_runs over the passages in the conversation's order; a preview is on when a
    passage it previews is."""
    in_order = [index for index in range(len(emission)) if index not in previewing]
    on = dict(zip(in_order, label_runs([emission[index] for index in in_order])))
    for index in sorted(previewing, reverse=True):  # a preview of a preview: the later one first
        on[index] = any(on[later] for later in previewing[index])
    return [on[index] for index in range(len(emission))]
