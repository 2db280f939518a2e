"""Suggest: new glossary terms and likely speech-recognition variants, for an editor to review.

Nothing here changes the glossary: curated aliases correct text automatically, so a wrong
automatic alias would corrupt every page, while a wrong suggestion costs one glance.

Candidates are ranked by C-value (Frantzi, Ananiadou & Mima 2000): frequent n-grams that
are not mostly nested inside a longer candidate, times a domain-specificity factor. With no
part-of-speech tagger, a candidate must look like a term: it starts and ends with a content
word, holds no spoken filler, and a single word must be a name, an acronym or a long word.
Variants are transcript n-grams that nearly spell, or sound like, a curated alias.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

import jellyfish
import spacy
from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from .analyse import SPOKEN_STOP_WORDS, singular
from .model import Episode, Passage, Term
from .terms import HYPHENS, index_terms, key_of

FILLER_PHRASES = ("kind of", "sort of", "you know", "i mean", "i would say", "i'd say", "i think", "a lot")
FILLER_WORDS = frozenset("basically like yeah yes okay ok right actually really just stuff thing things "
                         "lot um uh oh hmm mm anyway literally totally obviously".split())
CONNECTORS = frozenset("of vs versus".split())  # allowed inside a term: "order of magnitude"
GENERAL_WORDS = frozenset(  # everyday adjectives of size, age, value and amounts of things or time
    "small big huge tiny large new old good bad nice cool weak strong hard easy early late simple basic "
    "important real whole entire main major certain particular various true wrong best better worse "
    "multiple several numerous additional "
    "couple number bunch amount ton tons lots plenty year years day days month months week weeks "
    "hour hours minute minutes decade decades".split())
EVERYDAY_NOUNS = frozenset(  # among the most frequent English nouns: never a term on their own
    "time year people way day man woman child world life school state family student group country problem "
    "hand part place case week company system program question work government number night point home "
    "water room area money story fact month right study book eye job word business issue side kind head "
    "house service friend power hour game line end member law car city community name team minute idea "
    "body information back parent face level office door health person art war history party result "
    "change morning reason research moment air force education age policy process music market sense plan "
    "college interest experience effect use class control care field development role effort rate heart "
    "view relationship value action society position record paper ground form event matter center site "
    "project activity situation cost industry figure picture practice piece product news test support "
    "step type attention source organization evidence knowledge background example answer solution "
    "resource strategy detail period future approach opportunity chance trouble difference purpose "
    "choice goal task skill topic subject aspect feature factor element structure character quality "
    "interview conversation discussion literature internet university colleague audience".split())
COMMON_WORDS = frozenset(STOP_WORDS) | SPOKEN_STOP_WORDS | FILLER_WORDS | GENERAL_WORDS
MAX_WORDS = 4
MIN_PASSAGES = 2  # said in two separate passages: a term in use, not one breath's repetition
LONG_WORD = 8  # a lowercase single word this long may be a term ("regolith", "pretraining")
NOT_HEAD_ENDINGS = ("ly", "ful", "ous", "able", "ible", "less")  # adverbs and adjectives end no term
NOT_NOUN_ENDINGS = ("ly", "ed", "ing", "ful", "ous", "ive", "able", "ible", "less", "al", "ic", "thing", "body", "one")
VERB_CUES = frozenset("to i we you they he she it can could would should will might must n't 'll 'd "
                      "not never always often usually sometimes also just".split())
VERB_SHARE = 0.3
LOWERCASE_WORD_PRIOR = 0.3  # C-value was made for multiword terms; a lone common word rarely is one
CONTEXT_WORDS = 10  # words of context on each side of an occurrence
WORD_UNIT = re.compile(r"^[^\W_][\w'’.+-]*$")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]s?$")
ALNUM = re.compile(r"^[A-Za-z]+[0-9][\w.-]*$")  # R1, o3, GPT-4
SENTENCE_END = {".", "?", "!", "…", "...", ":", ";"}


@dataclass(frozen=True)
class Context:
    episode: str
    passage: str
    text: str  # snippet of the reading text around the occurrence
    start: int  # source offsets of the occurrence itself
    end: int


@dataclass(frozen=True)
class Candidate:
    phrase: str
    count: int
    score: float
    contexts: tuple[Context, ...]


@dataclass(frozen=True)
class Unit:
    """A word as a reader sees it: hyphenated tokens ("pre-training") are one unit."""

    text: str
    start: int  # offsets into the passage's reading text
    end: int
    sentence_start: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Occurrence:
    episode: Episode
    passage: Passage
    start: int  # offsets into the passage's reading text
    end: int
    near_term: bool = False  # the sentence also mentions a curated term


@functools.lru_cache(maxsize=1)
def _nlp():
    return spacy.blank("en")


def units_of(text: str) -> list[Unit]:
    """Words of a reading text, hyphenated compounds joined, a sentence's final stop split
    off ("PhD." is "PhD"); punctuation stays as units that end runs of words."""
    units: list[Unit] = []
    after_end = True
    for token in _nlp().make_doc(text):
        start, end, word = token.idx, token.idx + len(token), token.text
        if units and start == units[-1].end and (word in HYPHENS or units[-1].text[-1] in HYPHENS):
            last = units.pop()
            start, word, after_end = last.start, last.text + word, last.sentence_start
        if len(word) > 1 and word.endswith("."):
            units.append(Unit(word[:-1], start, end - 1, after_end))
            word, start = ".", end - 1
        units.append(Unit(word, start, end, after_end))
        after_end = word in SENTENCE_END
    return units


def word_runs(units: Sequence[Unit]) -> Iterator[list[Unit]]:
    """Maximal runs of word units: a term never spans punctuation."""
    run: list[Unit] = []
    for unit in units:
        if WORD_UNIT.match(unit.text) and unit.text[-1] not in HYPHENS:
            run.append(unit)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


def is_number(word: str) -> bool:
    return word[:1].isdigit()


def is_name_like(word: str) -> bool:
    return bool(ACRONYM.match(word) or ALNUM.match(word)) or (word[:1].isupper() and word.lower() not in COMMON_WORDS)


def _has_filler(lowers: Sequence[str]) -> bool:
    text = " ".join(lowers)
    return any(word in FILLER_WORDS for word in lowers) or any(
        f" {phrase} " in f" {text} " for phrase in FILLER_PHRASES)


def looks_like_term(window: Sequence[Unit]) -> bool:
    """The part-of-speech-free filter: content words at both edges, no fillers inside."""
    lowers = [u.lower for u in window]
    first, last = lowers[0], lowers[-1]
    if first in COMMON_WORDS or last in COMMON_WORDS or is_number(first) or _has_filler(lowers):
        return False
    if is_number(last) and (len(window) == 1 or not window[-2].text[:1].isupper()):
        return False  # "Apollo 11" is a name; "10 years" and "over 20" are not
    if any(w in COMMON_WORDS and w not in CONNECTORS for w in lowers[1:-1]):
        return False
    if len(window) == 1:
        return is_name_like(window[0].text) and not window[0].sentence_start or _long_word(window[0].text)
    return not first.endswith(("ly", "ful")) and not last.endswith(NOT_HEAD_ENDINGS)


def _plain_word(phrase: str) -> bool:
    return " " not in phrase and not is_name_like(phrase)


def _long_word(word: str) -> bool:
    """A long lowercase word that is not shaped like a verb, adjective or adverb."""
    lower = word.lower()
    return (len(word) >= LONG_WORD and word.isalpha() and lower not in COMMON_WORDS
            and singular(lower) not in EVERYDAY_NOUNS and not lower.endswith(NOT_NOUN_ENDINGS))


def word_specificity(word: str) -> float:
    """How unlike everyday English one word is. Names, acronyms and model numbers are
    specific; otherwise word length stands in for rarity (Zipf: frequent words are short)."""
    lower = word.lower()
    if lower in CONNECTORS or is_number(word):
        return -1.0  # neutral: not averaged
    if lower in COMMON_WORDS:
        return 0.0
    if ACRONYM.match(word) or ALNUM.match(word) or word[:1].isupper():
        return 1.0
    return min(1.0, len(word.replace("-", "")) / 10)


def specificity(words: Sequence[str]) -> float:
    scores = [s for s in (word_specificity(w) for w in words) if s >= 0]
    return sum(scores) / len(scores) if scores else 0.0


def covered_spans(episode: Episode) -> dict[str, list[tuple[int, int]]]:
    """Reading-text spans already matched as glossary mentions, per passage."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention in episode.mentions:
        spans[mention.passage].append((mention.local_start, mention.local_end))
    return spans


def _cuts(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """True when [start, end) lies inside a mention or cuts one in half. Windows that hold a
    whole mention stay: "pre-training corpus" is a new term even if "pre-training" is curated."""
    return any(start < b and a < end and not (start <= a and b <= end) for a, b in spans)


def term_windows(episodes: Sequence[Episode], max_words: int) -> Iterator[tuple[list[Unit], Occurrence]]:
    """Every n-gram of up to `max_words` words that leaves curated mentions whole and is not
    made of curated mentions alone."""
    for episode in episodes:
        covered = covered_spans(episode)
        sentences = sentence_spans(episode)
        for passage in episode.passages:
            spans = covered[passage.id]
            for run in word_runs(units_of(passage.text.text)):
                for i in range(len(run)):
                    for window in (run[i:i + n] for n in range(1, min(max_words, len(run) - i) + 1)):
                        start, end = window[0].start, window[-1].end
                        if _cuts(start, end, spans) or _all_covered(window, spans):
                            continue
                        sentence = next((s for s in sentences[passage.id] if s[0] <= start < s[1]), (start, end))
                        near = any(sentence[0] <= a < sentence[1] and not start <= a < end for a, _ in spans)
                        yield window, Occurrence(episode, passage, start, end, near)


def sentence_spans(episode: Episode) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for sentence in episode.sentences:
        spans[sentence.passage].append((sentence.start, sentence.end))
    return spans


def _all_covered(window: Sequence[Unit], spans: Iterable[tuple[int, int]]) -> bool:
    return any(window) and all(any(a <= u.start and u.end <= b for a, b in spans)
                               for u in window if u.lower not in CONNECTORS)


def phrase_key(window: Sequence[Unit]) -> tuple[str, ...]:
    """Per-word keys, normalised like glossary keys: case, hyphens and a final plural fold."""
    return tuple(u.lower.replace("-", "") for u in window[:-1]) + (key_of([window[-1].text]),)


def c_values(counts: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], float]:
    """C-value of each key tuple: log2(length + 1) * (frequency - mean frequency of the
    longer candidates it is nested in). The +1 lets single words score (Barrón-Cedeño 2009)."""
    nested_in: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for longer, count in counts.items():
        subs = {longer[i:j] for i in range(len(longer)) for j in range(i + 1, len(longer) + 1)} - {longer}
        for sub in subs & counts.keys():
            nested_in[sub].append(count)
    return {key: math.log2(len(key) + 1) * (count - (sum(nested_in[key]) / len(nested_in[key]) if nested_in[key] else 0))
            for key, count in counts.items()}


def verb_like_words(episodes: Sequence[Episode]) -> frozenset[str]:
    """Lowercase words often said right after "to", a pronoun or a modal ("we understand",
    "to simplify"): verbs, found without a tagger. Terms are nouns."""
    seen: dict[str, int] = defaultdict(int)
    cued: dict[str, int] = defaultdict(int)
    for episode in episodes:
        for passage in episode.passages:
            units = units_of(passage.text.text)
            for before, unit in zip([None, *units], units):
                if unit.text.islower():
                    seen[singular(unit.text)] += 1
                    cued[singular(unit.text)] += before is not None and before.lower in VERB_CUES
    return frozenset(word for word, count in cued.items() if count / seen[word] >= VERB_SHARE)


def candidate_terms(episodes: Sequence[Episode], glossary: Sequence[Term], limit: int = 50) -> tuple["Candidate", ...]:
    """Likely glossary terms not yet curated, best first (score desc, then phrase)."""
    glossary_keys = set(index_terms(_nlp(), glossary).keys)
    verbs = verb_like_words(episodes)
    has_mentions = any(e.mentions for e in episodes)
    occurrences: dict[tuple[str, ...], list[Occurrence]] = defaultdict(list)
    surfaces: dict[tuple[str, ...], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for window, occurrence in term_windows(episodes, MAX_WORDS):
        if not looks_like_term(window) or singular(window[0].text) in verbs or singular(window[-1].text) in verbs:
            continue
        key = phrase_key(window)
        if key_of([u.text for u in window]) in glossary_keys:
            continue
        occurrences[key].append(occurrence)
        surfaces[key][" ".join(u.text for u in window)] += 1
    counts = {key: len(found) for key, found in occurrences.items()
              if len({(o.episode.id, o.passage.id) for o in found}) >= MIN_PASSAGES}
    scored = []
    for key, c_value in c_values(counts).items():
        phrase = max(surfaces[key].items(), key=lambda item: (item[1], item[0]))[0]
        near = sum(o.near_term for o in occurrences[key]) / len(occurrences[key]) if has_mentions else 0.5
        score = c_value * specificity(phrase.split()) * (LOWERCASE_WORD_PRIOR if _plain_word(phrase) else 1.0) * (0.5 + near)
        if score > 0:
            scored.append(Candidate(phrase, counts[key], round(score, 2), two_contexts(occurrences[key])))
    return tuple(sorted(scored, key=lambda c: (-c.score, c.phrase.lower(), c.phrase))[:limit])


def two_contexts(found: Sequence[Occurrence]) -> tuple[Context, ...]:
    """The first occurrence and the one farthest from it (another episode if possible)."""
    first = found[0]
    rest = [o for o in found[1:] if o.passage.id != first.passage.id or o.episode is not first.episode]
    if not rest:
        return (context_of(first),)
    far = max(rest, key=lambda o: (o.episode is not first.episode, o.passage.index - first.passage.index))
    return context_of(first), context_of(far)


def context_of(occurrence: Occurrence) -> Context:
    text = occurrence.passage.text.text
    before = text[:occurrence.start].split()[-CONTEXT_WORDS:]
    after = text[occurrence.end:].split()[:CONTEXT_WORDS]
    snippet = " ".join(before + [text[occurrence.start:occurrence.end]] + after)
    if len(before) == CONTEXT_WORDS:
        snippet = "… " + snippet
    if len(after) == CONTEXT_WORDS:
        snippet += " …"
    start, end = occurrence.passage.text.source_span(occurrence.start, occurrence.end)
    return Context(occurrence.episode.id, occurrence.passage.id, snippet, start, end)
