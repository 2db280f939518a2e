"""Suggest: new glossary terms and likely speech-recognition variants, for an editor to review.

Nothing here changes the glossary. Curated aliases correct the text automatically, so one
wrong automatic alias would corrupt every page it touches; a wrong suggestion costs a glance.

Candidates are ranked by C-value (Frantzi, Ananiadou & Mima 2000): frequent n-grams not
mostly nested in a longer candidate, times a domain-specificity factor. With no
part-of-speech tagger, an n-gram must look like a term: content words at both edges, no
spoken filler, no verb-like edge word, and a single word must be a name, an acronym or a
long noun-shaped word. Variants are n-grams that nearly spell, or sound like, a curated
alias (rapidfuzz ratio and metaphone codes).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import spacy

from .analyse import MAX_PASSAGE_CHARS, people_words, singular
from .model import Episode, Passage, Term
from .suggest_words import (CONNECTORS, VERB_CUES, WEAK_HEADS, can_open_term, is_name_like, looks_like_term,
                            specificity)
from .terms import HYPHENS, index_terms, key_of

MAX_WORDS = 4
MIN_PASSAGES = 2  # said in two separate passages: a term in use, not one breath's repetition
VERB_SHARE = 0.3  # share of a word's uses right after a verb cue that marks it as a verb
LOWERCASE_WORD_PRIOR = 0.3  # see prior_of
MIN_SCORE = 1.0  # below this a candidate is a phrase said twice in passing: not worth an editor's time
CONTEXT_WORDS = 10  # words of context on each side of an occurrence
WORD_UNIT = re.compile(r"^[^\W_][\w'’.+-]*$")
SENTENCE_END = {".", "?", "!", "…", "...", ":", ";"}
ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]{1,6}s?")  # "RL", "LRO", "RLHFs"
INITIAL_SKIPS = {"of", "and", "the", "for", "in", "on", "to", "a", "an"}  # "Department of Energy" is "DOE"


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
    aliases: tuple[str, ...] = ()  # the abbreviation said for it ("LRO" of "Lunar Reconnaissance Orbiter")


@dataclass(frozen=True)
class Variant:
    term_id: str
    headword: str
    found: str  # the text as transcribed
    score: float  # 0-100: mean of spelling and sound similarity
    method: str  # fuzzy | phonetic | both
    context: Context
    alias: str = ""  # the curated spelling it resembles most
    count: int = 1


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


@functools.lru_cache(maxsize=1)
def nlp():
    tokenizer = spacy.blank("en")
    tokenizer.max_length = MAX_PASSAGE_CHARS  # a passage may be that long (analyse.py says why)
    return tokenizer


def units_of(text: str) -> list[Unit]:
    """Words of a reading text, hyphenated compounds joined, a sentence's final stop split
    off ("PhD." is "PhD"); punctuation stays as units that end runs of words."""
    units: list[Unit] = []
    after_end = True
    for token in nlp().make_doc(text):
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


def mention_spans(episode: Episode) -> dict[str, list[tuple[int, int]]]:
    """Reading-text spans already matched as glossary mentions, per passage."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention in episode.mentions:
        spans[mention.passage].append((mention.local_start, mention.local_end))
    return spans


Scored = tuple[float, str, tuple[str, ...]]  # (score, phrase as said most, key)
PassageUnits = dict[tuple[str, str], list[Unit]]  # (episode id, passage id) -> its units


def passage_units(episodes: Sequence[Episode]) -> PassageUnits:
    """Every passage's units, tokenised once for all the passes over them."""
    return {(e.id, p.id): units_of(p.text.text) for e in episodes for p in e.passages}


def windows(episodes: Sequence[Episode], units: PassageUnits, max_words: int,
            opens: Callable[[Unit], bool] = lambda unit: True) -> Iterator[tuple[list[Unit], Occurrence, list]]:
    """Every n-gram of up to `max_words` words (never across punctuation) whose first word
    `opens` one, with the passage's mention spans."""
    for episode in episodes:
        spans = mention_spans(episode)
        for passage in episode.passages:
            for run in word_runs(units[episode.id, passage.id]):
                for i in range(len(run)):
                    if not opens(run[i]):
                        continue
                    for n in range(1, min(max_words, len(run) - i) + 1):
                        window = run[i:i + n]
                        occurrence = Occurrence(episode, passage, window[0].start, window[-1].end)
                        yield window, occurrence, spans[passage.id]


def cuts_mention(window: Sequence[Unit], spans) -> bool:
    """True when the window lies inside a mention, cuts one, or is only mentions. Windows
    holding a whole mention plus new words stay: "pre-training corpus" is a new term even
    when "pre-training" is curated."""
    start, end = window[0].start, window[-1].end
    if any(start < b and a < end and not (start <= a and b <= end) for a, b in spans):
        return True
    return bool(spans) and all(any(a <= u.start and u.end <= b for a, b in spans)
                               for u in window if u.lower not in CONNECTORS)


def phrase_key(window: Sequence[Unit]) -> tuple[str, ...]:
    """Per-word keys, normalised like glossary keys: case, hyphens and a final plural fold."""
    return tuple(u.lower.replace("-", "") for u in window[:-1]) + (key_of([window[-1].text]),)


def c_values(counts: dict[tuple[str, ...], int]) -> dict[tuple[str, ...], float]:
    """log2(length + 1) * (frequency - mean frequency of the longer candidates holding it).
    The +1 lets single words score at all (Barrón-Cedeño et al. 2009)."""
    nested_in: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for longer, count in counts.items():
        parts = {longer[i:j] for i in range(len(longer)) for j in range(i + 1, len(longer) + 1)} - {longer}
        for part in parts & counts.keys():
            nested_in[part].append(count)
    return {key: math.log2(len(key) + 1) * (count - sum(nested_in[key]) / max(1, len(nested_in[key])))
            for key, count in counts.items()}


def verb_like_words(units: PassageUnits) -> frozenset[str]:
    """Lowercase words often said right after "to", a pronoun or a modal ("we understand",
    "to simplify"): verbs, found without a tagger. Terms are nouns."""
    seen: dict[str, int] = defaultdict(int)
    cued: dict[str, int] = defaultdict(int)
    for passage in units.values():
        for before, unit in zip([None, *passage], passage):
            if unit.text.islower():
                seen[singular(unit.text)] += 1
                cued[singular(unit.text)] += before is not None and before.lower in VERB_CUES
    return frozenset(word for word, count in cued.items() if count / seen[word] >= VERB_SHARE)


def term_occurrences(episodes: Sequence[Episode], glossary: Sequence[Term]) -> dict[tuple[str, ...], list]:
    """Occurrences of every term-shaped n-gram the glossary does not already hold."""
    glossary_keys = set(index_terms(nlp(), glossary).keys)
    units = passage_units(episodes)
    verbs = verb_like_words(units)
    found: dict[tuple[str, ...], list[tuple[str, Occurrence]]] = defaultdict(list)
    for window, occurrence, spans in windows(episodes, units, MAX_WORDS, can_open_term):
        edges = (singular(window[0].text), singular(window[-1].text))
        if not looks_like_term(window) or edges[0] in verbs or edges[1] in verbs or cuts_mention(window, spans):
            continue
        if key_of([u.text for u in window]) not in glossary_keys:
            found[phrase_key(window)].append((" ".join(u.text for u in window), occurrence))
    return found


def prior_of(phrase: str) -> float:
    """C-value was made for multiword terms: a lone lowercase word, or a phrase whose head is
    an everyday noun ("math problems", "AI companies"), is rarely a term on its own."""
    words = phrase.split()
    if len(words) == 1:
        return 1.0 if is_name_like(phrase) else LOWERCASE_WORD_PRIOR
    return LOWERCASE_WORD_PRIOR if singular(words[-1].lower()) in WEAK_HEADS else 1.0


def candidate_terms(episodes: Sequence[Episode], glossary: Sequence[Term], limit: int = 50) -> tuple[Candidate, ...]:
    """Likely glossary terms not yet curated, best first (score desc, then phrase)."""
    found = term_occurrences(episodes, glossary)
    people = people_words(episodes)  # "Gina", "Tom Alvarez": listed as people already
    counts = {key: len(items) for key, items in found.items()
              if len({(o.episode.id, o.passage.id) for _, o in items}) >= MIN_PASSAGES
              and not all(singular(word) in people for word in key)}
    scored = []
    for key, c_value in c_values(counts).items():
        phrase = most_common_surface(surface for surface, _ in found[key])
        score = c_value * specificity(phrase.split()) * prior_of(phrase)
        if score >= MIN_SCORE:
            scored.append((round(score, 2), phrase, key))
    scored.sort(key=lambda item: (-item[0], item[1].lower(), item[1]))
    kept = by_episode_in_turn(apart(scored, found), found)
    candidates = [Candidate(phrase, counts[key], score, two_contexts([o for _, o in found[key]]))
                  for score, phrase, key in kept]
    passages = {phrase: {(o.episode.id, o.passage.index) for _, o in found[key]} for _, phrase, key in kept}
    return tuple(with_abbreviations(candidates, passages)[:limit])


def by_episode_in_turn(scored: list[Scored], found: dict) -> list[Scored]:
    """The candidates ranked so that every episode has its say: each episode's best first,
    then each one's second, and so on, a phrase counting for the episode that says it most.
    By score alone, the longest episode would fill the list (and the automatic glossary)."""
    def home(key: tuple[str, ...]) -> str:
        said = Counter(o.episode.id for _, o in found[key])
        return min(said, key=lambda episode: (-said[episode], episode))
    turn: Counter = Counter()
    ranked = []
    for item in scored:
        episode = home(item[2])
        ranked.append((turn[episode], item))
        turn[episode] += 1
    return [item for _, item in sorted(ranked, key=lambda pair: pair[0])]


def apart(scored: list[Scored], found: dict) -> list[Scored]:
    """The candidates, best first, without those said mostly as part of a better one: a
    shorter phrase inside a longer one ("COMM TECH" in "COMM TECH NET 1"), or a phrase
    overlapping it ("Houston COMM TECH NET"). A longer phrase holding a better one stays:
    "deep reinforcement learning" is a term beside "reinforcement learning"."""
    kept: list[Scored] = []
    spans: dict[tuple[str, str], list[tuple[int, int, tuple[str, ...]]]] = defaultdict(list)
    for item in scored:
        key = item[2]
        occurrences = [o for _, o in found[key]]
        covered = sum(1 for o in occurrences if any(
            a < o.end and o.start < b and not _holds(key, other) for a, b, other in spans[o.episode.id, o.passage.id]))
        if 2 * covered > len(occurrences):
            continue
        kept.append(item)
        for o in occurrences:
            spans[o.episode.id, o.passage.id].append((o.start, o.end, key))
    return kept


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """`shorter` is a run of the words of `longer` (and shorter)."""
    size = len(shorter)
    return size < len(longer) and any(longer[i:i + size] == shorter for i in range(len(longer) - size + 1))


def with_abbreviations(candidates: list[Candidate], passages: dict[str, set]) -> list[Candidate]:
    """An abbreviation and the phrase it abbreviates ("LRO", "Lunar Reconnaissance Orbiter";
    "RL", "reinforcement learning") are one candidate: the phrase, with the abbreviation as
    its alias, ranked where the better of the two was. Initials alone prove little ("OS" for
    "Orbital Sidekick", in talk of operating systems): the two must be said in one passage or
    in neighbouring ones at least once, as a speaker says a name before shortening it."""
    expansions: dict[str, Candidate] = {}
    for candidate in candidates:
        expansions.setdefault(_initials(candidate.phrase), candidate)
    merged: dict[str, Candidate] = {c.phrase: c for c in candidates}
    order = {c.phrase: rank for rank, c in enumerate(candidates)}
    for candidate in candidates:
        long = expansions.get(candidate.phrase.rstrip("s")) if ABBREVIATION.fullmatch(candidate.phrase) else None
        if (long is None or long.phrase == candidate.phrase or long.phrase not in merged
                or not _near(passages[long.phrase], passages[candidate.phrase])):
            continue
        del merged[candidate.phrase]
        merged[long.phrase] = Candidate(long.phrase, long.count + candidate.count, max(long.score, candidate.score),
                                        long.contexts, (*long.aliases, candidate.phrase))
        order[long.phrase] = min(order[long.phrase], order[candidate.phrase])
    return sorted(merged.values(), key=lambda c: order[c.phrase])


def _near(these: set[tuple[str, int]], those: set[tuple[str, int]]) -> bool:
    """Some passage of `these` is one of `those` or next to one."""
    return any((episode, index + step) in those for episode, index in these for step in (-1, 0, 1))


def _initials(phrase: str) -> str:
    """'Lunar Reconnaissance Orbiter' -> 'LRO', 'trans-lunar injection' -> 'TLI'; '' for one word."""
    words = [part for word in phrase.split() for part in word.split("-") if part and part.lower() not in INITIAL_SKIPS]
    return "".join(word[0] for word in words).upper() if len(words) >= 2 else ""


def most_common_surface(surfaces) -> str:
    tally: dict[str, int] = defaultdict(int)
    for surface in surfaces:
        tally[surface] += 1
    return max(sorted(tally), key=lambda surface: tally[surface])


def two_contexts(found: Sequence[Occurrence]) -> tuple[Context, ...]:
    """The first occurrence and the one farthest from it (in another episode if possible):
    two different situations show the editor what the phrase means better than two alike."""
    first = found[0]
    rest = [o for o in found[1:] if (o.episode.id, o.passage.id) != (first.episode.id, first.passage.id)]
    if not rest:
        return (context_of(first),)
    far = max(rest, key=lambda o: (o.episode.id != first.episode.id, o.passage.index - first.passage.index))
    return context_of(first), context_of(far)


def context_of(occurrence: Occurrence) -> Context:
    """About CONTEXT_WORDS words either side of the occurrence, cut at word boundaries."""
    text = occurrence.passage.text.text
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    before = [a for a, b in words if b <= occurrence.start][-CONTEXT_WORDS:]
    after = [b for a, b in words if a >= occurrence.end][:CONTEXT_WORDS]
    left, right = (before[0] if before else occurrence.start), (after[-1] if after else occurrence.end)
    snippet = " ".join(text[left:right].split())
    snippet = ("… " if left > 0 else "") + snippet + (" …" if right < len(text.rstrip()) else "")
    start, end = occurrence.passage.text.source_span(occurrence.start, occurrence.end)
    return Context(occurrence.episode.id, occurrence.passage.id, snippet, start, end)


def asr_variants(episodes: Sequence[Episode], glossary: Sequence[Term], limit: int = 50) -> tuple[Variant, ...]:
    """Unmatched transcript n-grams that look or sound like a curated alias, best first
    (the matching lives in suggest_variants)."""
    from .suggest_variants import find_variants

    return find_variants(episodes, glossary, limit)
