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
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator, Sequence

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
EDGE_STOP_WORDS = frozenset(STOP_WORDS) | FILLER_WORDS
COMMON_WORDS = frozenset(STOP_WORDS) | SPOKEN_STOP_WORDS | FILLER_WORDS | GENERAL_WORDS
MAX_WORDS = 4
MIN_PASSAGES = 2  # said in two separate passages: a term in use, not one breath's repetition
LONG_WORD = 8  # a lowercase single word this long may be a term ("regolith", "pretraining")
VERB_SHARE = 0.3  # share of a word's uses right after a verb cue that marks it as a verb
LOWERCASE_WORD_PRIOR = 0.3  # C-value was made for multiword terms; a lone lowercase word rarely is one
CONTEXT_WORDS = 10  # words of context on each side of an occurrence
MIN_VARIANT_CHARS = 4  # shorter strings resemble too much by chance
FUZZY_MIN = 80  # rapidfuzz ratio of the compact spellings
PHONETIC_MIN = 80  # rapidfuzz ratio of the metaphone codes ...
PHONETIC_MIN_SPELLING = 60  # ... when the spellings are at least this close
NOT_HEAD_ENDINGS = ("ly", "ful", "ous", "able", "ible", "less")  # adverbs and adjectives end no term
NOT_NOUN_ENDINGS = ("ly", "ed", "ing", "ful", "ous", "ive", "able", "ible", "less", "al", "ic", "thing", "body", "one")
VERB_CUES = frozenset("to i we you they he she it can could would should will might must n't 'll 'd "
                      "not never always often usually sometimes also just".split())
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


@functools.lru_cache(maxsize=1)
def nlp():
    return spacy.blank("en")


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


def is_number(word: str) -> bool:
    return word[:1].isdigit()


def is_name_like(word: str) -> bool:
    return bool(ACRONYM.match(word) or ALNUM.match(word)) or (word[:1].isupper() and word.lower() not in COMMON_WORDS)


def _has_filler(lowers: Sequence[str]) -> bool:
    text = f" {' '.join(lowers)} "
    return any(word in FILLER_WORDS for word in lowers) or any(f" {phrase} " in text for phrase in FILLER_PHRASES)


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
        return is_name_like(window[0].text) and not window[0].sentence_start or long_noun(window[0].text)
    return not first.endswith(("ly", "ful")) and not last.endswith(NOT_HEAD_ENDINGS)


def long_noun(word: str) -> bool:
    """A long lowercase word, not an everyday noun, not shaped like a verb, adjective or adverb."""
    lower = word.lower()
    return (len(word) >= LONG_WORD and word.isalpha() and lower not in COMMON_WORDS
            and singular(lower) not in EVERYDAY_NOUNS and not lower.endswith(NOT_NOUN_ENDINGS))


def word_specificity(word: str) -> float | None:
    """How unlike everyday English one word is (None: not counted). Names, acronyms and
    model numbers are specific; otherwise length stands in for rarity (Zipf: frequent
    words are short)."""
    lower = word.lower()
    if lower in CONNECTORS or is_number(word):
        return None
    if lower in COMMON_WORDS:
        return 0.0
    if is_name_like(word):
        return 1.0
    return min(1.0, len(word.replace("-", "")) / 10)


def specificity(words: Sequence[str]) -> float:
    scores = [s for s in map(word_specificity, words) if s is not None]
    return sum(scores) / len(scores) if scores else 0.0


def mention_spans(episode: Episode) -> dict[str, list[tuple[int, int]]]:
    """Reading-text spans already matched as glossary mentions, per passage."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention in episode.mentions:
        spans[mention.passage].append((mention.local_start, mention.local_end))
    return spans


def windows(episodes: Sequence[Episode], max_words: int) -> Iterator[tuple[list[Unit], Occurrence, list]]:
    """Every n-gram of up to `max_words` words (never across punctuation), with the
    passage's mention spans."""
    for episode in episodes:
        spans = mention_spans(episode)
        for passage in episode.passages:
            for run in word_runs(units_of(passage.text.text)):
                for i in range(len(run)):
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


def term_occurrences(episodes: Sequence[Episode], glossary: Sequence[Term]) -> dict[tuple[str, ...], list]:
    """Occurrences of every term-shaped n-gram the glossary does not already hold."""
    glossary_keys = set(index_terms(nlp(), glossary).keys)
    verbs = verb_like_words(episodes)
    found: dict[tuple[str, ...], list[tuple[str, Occurrence]]] = defaultdict(list)
    for window, occurrence, spans in windows(episodes, MAX_WORDS):
        edges = (singular(window[0].text), singular(window[-1].text))
        if not looks_like_term(window) or edges[0] in verbs or edges[1] in verbs or cuts_mention(window, spans):
            continue
        if key_of([u.text for u in window]) not in glossary_keys:
            found[phrase_key(window)].append((" ".join(u.text for u in window), occurrence))
    return found


def candidate_terms(episodes: Sequence[Episode], glossary: Sequence[Term], limit: int = 50) -> tuple[Candidate, ...]:
    """Likely glossary terms not yet curated, best first (score desc, then phrase)."""
    found = term_occurrences(episodes, glossary)
    counts = {key: len(items) for key, items in found.items()
              if len({(o.episode.id, o.passage.id) for _, o in items}) >= MIN_PASSAGES}
    candidates = []
    for key, c_value in c_values(counts).items():
        phrase = most_common_surface(surface for surface, _ in found[key])
        prior = LOWERCASE_WORD_PRIOR if " " not in phrase and not is_name_like(phrase) else 1.0
        score = c_value * specificity(phrase.split()) * prior
        if score > 0:
            candidates.append(Candidate(phrase, counts[key], round(score, 2), two_contexts([o for _, o in found[key]])))
    return tuple(sorted(candidates, key=lambda c: (-c.score, c.phrase.lower(), c.phrase))[:limit])


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
    text = occurrence.passage.text.text
    before = text[:occurrence.start].split()[-CONTEXT_WORDS:]
    after = text[occurrence.end:].split()[:CONTEXT_WORDS]
    snippet = " ".join(before + [text[occurrence.start:occurrence.end]] + after)
    snippet = ("… " if len(before) == CONTEXT_WORDS else "") + snippet + (" …" if len(after) == CONTEXT_WORDS else "")
    start, end = occurrence.passage.text.source_span(occurrence.start, occurrence.end)
    return Context(occurrence.episode.id, occurrence.passage.id, snippet, start, end)


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
class Alias:
    term: Term
    text: str
    compact: str  # lowercase, no spaces, hyphens or dots
    code: str  # metaphone of the compact form
    words: int


def compact(text: str) -> str:
    return re.sub(r"[\s.'’‐–-]+", "", text.lower())


def alias_buckets(glossary: Sequence[Term]) -> dict[int, list[Alias]]:
    """Curated spellings by length, so each n-gram is compared only with aliases of about
    its own length instead of with all of them."""
    buckets: dict[int, list[Alias]] = defaultdict(list)
    for term in glossary:
        for text in sorted({term.term, *term.aliases}):
            flat = compact(text)
            if len(flat) >= MIN_VARIANT_CHARS:
                buckets[len(flat)].append(Alias(term, text, flat, jellyfish.metaphone(flat), len(text.split())))
    return buckets


def variant_windows(episodes: Sequence[Episode]) -> dict[str, list[tuple[str, int, Occurrence]]]:
    """Transcript n-grams (1-3 words) outside every mention, keyed by compact form: what
    the matcher left unmatched is where a misheard term hides. Ordinary words are left out:
    edges that are stop words or verbs, and lone lowercase words."""
    verbs = verb_like_words(episodes)
    found: dict[str, list[tuple[str, int, Occurrence]]] = defaultdict(list)
    for window, occurrence, spans in windows(episodes, 3):
        lowers = [u.lower for u in window]
        edges = {lowers[0], lowers[-1]}
        if edges & EDGE_STOP_WORDS or {singular(w) for w in edges} & verbs or is_number(lowers[0]):
            continue
        if any(w in EDGE_STOP_WORDS and w not in CONNECTORS for w in lowers[1:-1]):
            continue
        if len(window) == 1 and not is_name_like(window[0].text):
            continue  # a lone lowercase word is most likely just that word
        if any(occurrence.start < b and a < occurrence.end for a, b in spans):
            continue
        text = " ".join(u.text for u in window)
        if len(compact(text)) >= MIN_VARIANT_CHARS:
            found[compact(text)].append((text, len(window), occurrence))
    return found


def related(found: str, alias: Alias) -> bool:
    """A fragment or extension of the alias ("Alpha" for AlphaGo): a different word, not a
    mishearing."""
    flat = compact(found)
    return flat in alias.compact or alias.compact in flat


def similar_aliases(found: str, words: int, buckets: dict[int, list[Alias]]) -> Iterator[tuple[Alias, float, float]]:
    """(alias, spelling ratio, sound ratio) for aliases close in length and word count."""
    flat = compact(found)
    slack = max(2, len(flat) // 4)
    pool = [a for size in range(len(flat) - slack, len(flat) + slack + 1) for a in buckets.get(size, ())
            if abs(a.words - words) <= 1 and not related(found, a)]
    code = jellyfish.metaphone(flat)
    for _, spelling, index in process.extract(flat, [a.compact for a in pool], scorer=fuzz.ratio,
                                              score_cutoff=PHONETIC_MIN_SPELLING, limit=None):
        yield pool[index], spelling, fuzz.ratio(code, pool[index].code) if len(code) >= 2 else 0.0


def variant_method(spelling: float, sound: float) -> str | None:
    fuzzy, phonetic = spelling >= FUZZY_MIN, sound >= PHONETIC_MIN
    return "both" if fuzzy and phonetic else "fuzzy" if fuzzy else "phonetic" if phonetic else None


def best_variant(found: list[tuple[str, int, Occurrence]], buckets) -> Variant | None:
    text, words, first = found[0]
    hits = [(a, s, p) for a, s, p in similar_aliases(text, words, buckets) if variant_method(s, p)]
    if not hits:
        return None
    alias, spelling, sound = max(hits, key=lambda hit: (hit[1] + hit[2], hit[0].text))
    return Variant(alias.term.id, alias.term.term, text, round((spelling + sound) / 2, 1),
                   variant_method(spelling, sound), context_of(first), alias.text, len(found))


def without_nested(variants: list[Variant]) -> list[Variant]:
    """Of "DeepSeaCard" and "DeepSeaCard 1" for one term, keep the better scored."""
    def beaten(v: Variant) -> bool:
        return any(w.term_id == v.term_id and w is not v and (w.found.lower() in v.found.lower() or v.found.lower()
                   in w.found.lower()) and (w.score, w.found) > (v.score, v.found) for w in variants)
    return [v for v in variants if not beaten(v)]


def asr_variants(episodes: Sequence[Episode], glossary: Sequence[Term], limit: int = 50) -> tuple[Variant, ...]:
    """Unmatched transcript n-grams that look or sound like a curated alias, best first."""
    buckets = alias_buckets(glossary)
    glossary_keys = set(index_terms(nlp(), glossary).keys)
    variants = [best_variant(found, buckets) for flat, found in sorted(variant_windows(episodes).items())
                if key_of(found[0][0].split()) not in glossary_keys]
    variants = without_nested([v for v in variants if v])
    return tuple(sorted(variants, key=lambda v: (-v.score, v.headword, v.found))[:limit])
