"""Discover: topics for a site that has no topics.yml.

Lexical segments of every episode are the candidates. Each becomes a tf-idf vector of its
content words; the most similar pair of clusters is merged until no pair is similar
enough or few clusters remain. The words most distinctive of a cluster become the
topic's keywords, so the classifier treats a discovered topic exactly like a configured
one, and pinning it in topics.yml gives the same result. The topic is named by its most
distinctive words (log-odds z-scores against the whole site), each replaced by a glossary
term that contains it when one is distinctive too ("Plate tectonics", not "Plate, tectonics"),
else by the two words it is mostly said in ("Release candidate", not "Release, candidate").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from .analyse import LETTER_WORD, inverse_document_frequency, is_short_word, joined, log_odds_z, people_words, singular
from .config import RESERVED_IDS
from .ingest import slugify
from .model import Episode, Term, Topic

MERGE_SIMILARITY = 0.3
MAX_TOPICS = 8  # for a site of one episode; each further episode of some length allows MORE_TOPICS more
MORE_TOPICS = 4
MIN_SHARE = 0.04  # a discovered topic covers at least this share of all words ...
EPISODE_SHARE = 0.12  # ... or this share of one episode's words, and a quarter of MIN_SHARE of all
KEYWORDS = 12
NAME_PARTS = 3  # at most this many terms or words in a discovered topic's name
NAME_WORDS = 4  # and stop adding parts once the name is this many words long
SAID_WORD = re.compile(LETTER_WORD)  # a word as written in the reading text


@dataclass(frozen=True)
class Candidate:
    """One sub-topic segment: its content words and the glossary terms mentioned in it."""

    words: Counter
    terms: Counter
    pairs: Counter  # adjacent content words (within a passage), as said
    episodes: Counter = field(default_factory=Counter)  # content words from each episode (by index)


def _said_pairs(text: str, content: set[str]) -> Counter:
    """Content words said one right after the other ("release candidate", not "locations [on
    the] lunar"), normalised like the analysis's words."""
    said = [singular(w.lower()) for w in SAID_WORD.findall(text)]
    return Counter(pair for pair in zip(said, said[1:]) if pair[0] in content and pair[1] in content)


ANSWERS = frozenset("yup yep nope nah yeah yes okay".split())  # said alone, naming nothing
# Verbs said in any conversation whose forms end in neither -ing nor -ed ("Thank, Street, council")
SPOKEN_VERBS = frozenset("thank thanks tell told came come comes went goes seen saw ask asks give gave"
                         " took make made find found keep kept put".split())


def _candidates(episodes: Sequence[Episode]) -> list[Candidate]:
    """Sub-topics: each episode's parts (lexical segments at the sub-topic threshold), so one
    episode can hold several topics."""
    segments = []
    for number, episode in enumerate(episodes):
        terms_by_passage: dict[str, Counter] = {}
        for mention in episode.mentions:
            terms_by_passage.setdefault(mention.passage, Counter())[mention.term] += 1
        for start, end in episode.segments:
            words, terms, pairs = Counter(), Counter(), Counter()
            for passage, passage_words in zip(episode.passages[start:end], episode.words[start:end]):
                words.update(passage_words)
                terms.update(terms_by_passage.get(passage.id, {}))
                pairs.update(_said_pairs(passage.text.text, set(passage_words)))
            segments.append(Candidate(words, terms, pairs, Counter({number: sum(words.values())})))
    return [s for s in segments if s.words]


def _cluster(segments: list[Counter], idf: Callable[[str], float]) -> list[list[int]]:
    """Merge the most similar pair of clusters (cosine of their tf-idf vectors; ties to the
    earliest pair) until no pair is similar enough; each cluster is returned as the indices
    of its segments. One similarity row is recomputed per merge, with numpy."""
    vocabulary = sorted({w for segment in segments for w in segment})
    column = {w: i for i, w in enumerate(vocabulary)}
    counts = np.zeros((len(segments), len(vocabulary)))
    for row, segment in enumerate(segments):
        for word, count in segment.items():
            counts[row, column[word]] = count
    weights = np.array([idf(w) for w in vocabulary])
    vectors = _unit_rows(counts, weights)
    similarity = np.triu(vectors @ vectors.T, k=1)
    similarity[np.tril_indices(len(segments))] = -np.inf  # each pair once, as (earlier, later)
    members = [[i] for i in range(len(segments))]
    for _ in range(len(segments) - 1):
        i, j = np.unravel_index(np.argmax(similarity), similarity.shape)  # first maximum: earliest pair
        if similarity[i, j] < MERGE_SIMILARITY:
            break
        counts[i] += counts[j]
        members[i] += members[j]
        members[j] = []
        similarity[j, :] = similarity[:, j] = -np.inf
        merged = _unit_rows(counts[i:i + 1], weights)[0]
        alive = np.array([bool(m) for m in members])
        row = np.where(alive, vectors @ merged, -np.inf)
        vectors[i] = merged
        similarity[:i, i] = row[:i]
        similarity[i, i + 1:] = row[i + 1:]
    return [m for m in members if m]


def _unit_rows(counts: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(1 + log count) * idf per word, each row scaled to length 1."""
    rows = np.where(counts > 0, (1 + np.log(np.maximum(counts, 1))) * weights, 0.0)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1)


def _salience(cluster: Counter, whole: Counter, idf: Callable[[str], float], people: set[str]) -> dict[str, float]:
    """How much each word (said twice or more) stands for the cluster: its share of the
    cluster's words, times how much more the cluster says it than the site, times its idf over
    passages; for a cluster that is the whole site, the middle factor is the same for all."""
    total, site = sum(cluster.values()) or 1, sum(whole.values()) or 1
    return {w: (c / total) * math.log(1 + (c / total) / (whole[w] / site)) * idf(w)
            for w, c in cluster.items() if c >= 2 and not is_short_word(w) and w not in people}


def _surfaces(episodes: Sequence[Episode]) -> dict[str, str]:
    """The most frequent spelling of each normalised word ("physic" was said as "physics";
    "chandrayaan" is written "Chandrayaan")."""
    spellings: dict[str, Counter] = {}
    for episode in episodes:
        for passage in episode.passages:
            for word in SAID_WORD.findall(passage.text.text):
                spellings.setdefault(singular(word.lower()), Counter())[word] += 1
    return {key: min(counts, key=lambda w: (-counts[w], w.lower() != w, w)) for key, counts in spellings.items()}


def _name(cluster: Candidate, site: tuple[Counter, Counter], headwords: dict[str, str],
          surface: dict[str, str], people: frozenset[str] = frozenset(),
          salience: dict[str, float] | None = None) -> list[str]:
    """The most distinctive words of a cluster, each replaced by the most distinctive
    glossary term that contains it when there is one ("plate tectonics", not "plate"), else
    by the two-word phrase it is mostly said in ("release candidate", not "release").
    Distinctive against the rest of the site, and where that does not tell them apart (a site
    that is one topic: every log-odds score is 0), by `salience`."""
    words, terms = cluster.words, cluster.terms
    salience = salience or {}
    word_z = {w: round(z, 9) for w, z in log_odds_z(words, site[0]).items()}
    term_z = {t: z for t, z in log_odds_z(terms, site[1]).items() if terms[t] >= 2 and z > 0 and t in headwords}
    term_words = {t: {singular(w) for w in re.findall(r"[^\W_]+", headwords[t].lower())} for t in term_z}
    parts: list[str] = []
    covered: set[str] = set()
    named = (w for w in words if words[w] >= 2 and not is_short_word(w) and w not in people)
    for word in sorted(named, key=lambda w: (-word_z[w], -salience.get(w, 0.0), w)):
        if word in covered:
            continue
        containing = [t for t in term_z if word in term_words[t]]
        term = max(containing, key=lambda t: (term_z[t], t)) if containing else None
        phrase = None if term else _phrase_of(word, cluster)
        if not term and not phrase and not _names_things(surface.get(word, word)):
            continue
        partner = next((w for w in phrase if w != word), None) if phrase else None
        said = joined([surface.get(w, w) for w in phrase]) if phrase else ""
        if term:
            parts.append(headwords[term])
            covered |= term_words[term]
        elif partner in covered and surface.get(partner, partner) in parts:  # "Release" becomes "Release candidate"
            parts[parts.index(surface.get(partner, partner))] = said
            covered.add(word)
            continue
        elif phrase and partner not in covered:
            parts.append(said)
            covered |= set(phrase)
        else:
            parts.append(surface.get(word, word))
            covered.add(word)
        if len(parts) == NAME_PARTS or sum(len(p.split()) for p in parts) >= NAME_WORDS:
            break
    return parts


def _own_terms(cluster: Candidate, site_terms: Counter) -> tuple[str, ...]:
    """The glossary terms a cluster says at least twice and more often than the rest of the
    site does, as the topic's own (most said first): otherwise it borrows the terms whose
    definitions read like its keywords, and a term the glossary defines with another
    episode's words ("Houston") would draw that episode's passages in."""
    own = [term for term, count in cluster.terms.items() if count >= 2 and 2 * count > site_terms[term]]
    return tuple(sorted(own, key=lambda term: (-cluster.terms[term], term))[:KEYWORDS])


def _names_things(said: str, endings: tuple[str, ...] = ("ing", "ed")) -> bool:
    """A word that can name a subject on its own: not a verb form as speech says it ("wanted",
    "expecting"; "Reasoning models" and "Beijing" still name), nor an answer ("Yup"). English
    only, as the rest of the naming is. A list of a topic's words keeps "-ing" words ("learning",
    "reasoning"), which there are more often things than doings."""
    return not (said.islower() and said.endswith(endings) or said.lower() in ANSWERS | SPOKEN_VERBS)


def _phrase_of(word: str, cluster: Candidate) -> tuple[str, str] | None:
    """The two words said one after the other that `word` is part of at least half the times
    it is said (at least twice), when its partner is no short word."""
    best = max(((count, pair) for pair, count in cluster.pairs.items() if word in pair and pair[0] != pair[1]),
               default=None)
    if best is None or 2 * best[0] < cluster.words[word] or best[0] < 2:
        return None
    return best[1] if not any(is_short_word(w) for w in best[1]) else None


def _large_enough(cluster: Candidate, whole: Counter, lengths: Sequence[int]) -> bool:
    """A topic of the site, or a topic of the episode most of it comes from (`lengths`: each
    episode's content words): on a site of many episodes, a short episode's subject is still a topic."""
    size, total = sum(cluster.words.values()), sum(whole.values()) or 1
    in_episode = max((count / (lengths[number] or 1) for number, count in cluster.episodes.items()), default=0.0)
    return size / total >= MIN_SHARE or (in_episode >= EPISODE_SHARE and size / total >= MIN_SHARE / 4)


def _most_topics(lengths: Sequence[int], whole: Counter) -> int:
    """MAX_TOPICS, and MORE_TOPICS for each further episode that holds MIN_SHARE of the words."""
    total = sum(whole.values()) or 1
    substantial = sum(1 for length in lengths if length / total >= MIN_SHARE)
    return MAX_TOPICS + MORE_TOPICS * max(substantial - 1, 0)


def discover_topics(episodes: Sequence[Episode], glossary: Sequence[Term] = ()) -> tuple[Topic, ...]:
    idf = inverse_document_frequency(episodes)
    candidates = _candidates(episodes)
    whole = Counter(w for e in episodes for words in e.words for w in words)
    site = (whole, sum((c.terms for c in candidates), Counter()))
    headwords = {t.id: t.term for t in glossary}
    groups = _cluster([c.words for c in candidates], idf)
    parts = ("words", "terms", "pairs", "episodes")
    clusters = [Candidate(*(sum((getattr(candidates[i], part) for i in g), Counter()) for part in parts)) for g in groups]
    clusters.sort(key=lambda c: (-sum(c.words.values()), sorted(c.words)))
    lengths = [sum(len(words) for words in episode.words) for episode in episodes]
    clusters = [c for c in clusters if _large_enough(c, whole, lengths)][:_most_topics(lengths, whole)]
    surface = _surfaces(episodes)
    people = people_words(episodes)  # "Misha" names nobody's topic
    topics, used = [], set()
    for cluster in clusters:
        words = cluster.words
        salience = _salience(words, whole, idf, people)
        keywords = [surface.get(w, w) for w in sorted(salience, key=lambda w: (-salience[w], w))[:KEYWORDS]]
        name = _name(cluster, site, headwords, surface, people, salience)
        if not keywords or not name:
            continue
        # The address comes from the words alone, so curating the glossary (which renames the
        # topic "Bees, colony, Varroa mite") does not move the page and break links to it.
        ident = slugify("-".join(_name(cluster, site, {}, surface, people, salience) or name), fallback="topic")
        if ident in used or ident in RESERVED_IDS:
            continue
        used.add(ident)
        title = ", ".join(name)
        said = [k for k in keywords if _names_things(k, endings=("ed",))][:6]  # all still signal the topic
        topics.append(Topic(ident, title[0].upper() + title[1:], f"Passages that talk about {', '.join(said)}.",
                            keywords=tuple(keywords), terms=_own_terms(cluster, site[1]), curated=False))
    return tuple(topics)
