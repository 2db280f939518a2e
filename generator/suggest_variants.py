"""Suggest, part two: likely speech-recognition variants of curated terms.

Each unmatched n-gram of the transcripts is compared with the curated aliases of about its
length: rapidfuzz ratio of the spellings (lowercase, spaces and hyphens dropped) and of
their metaphone codes. "New Rips" spells like NeurIPS (86) and sounds exactly like it
(NRPS). Pairs above a threshold are proposed with a context, never applied: ordinary words
also resemble terms ("Alpha" and AlphaGo), which is why fragments of an alias are skipped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator, Sequence

import jellyfish
from rapidfuzz import fuzz, process

from .analyse import singular
from .model import Episode, Term
from .suggest import Occurrence, Variant, context_of, nlp, passage_units, verb_like_words, windows
from .suggest_words import CONNECTORS, EDGE_STOP_WORDS, is_name_like, is_number
from .terms import index_terms, key_of

MIN_VARIANT_CHARS = 4  # shorter strings resemble too much by chance
FUZZY_MIN = 80  # rapidfuzz ratio of the compact spellings
PHONETIC_MIN = 80  # rapidfuzz ratio of the metaphone codes ...
PHONETIC_MIN_SPELLING = 60  # ... when the spellings are at least this close


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
        for text in sorted(set(term.forms())):
            flat = compact(text)
            if len(flat) >= MIN_VARIANT_CHARS:
                buckets[len(flat)].append(Alias(term, text, flat, jellyfish.metaphone(flat), len(text.split())))
    return buckets


def variant_windows(episodes: Sequence[Episode]) -> dict[str, list[tuple[str, int, Occurrence]]]:
    """Transcript n-grams (1-3 words) outside every mention, keyed by compact form: what
    the matcher left unmatched is where a misheard term hides. Ordinary words are left out:
    edges that are stop words or verbs, and lone lowercase words."""
    units = passage_units(episodes)
    verbs = verb_like_words(units)
    found: dict[str, list[tuple[str, int, Occurrence]]] = defaultdict(list)
    for window, occurrence, spans in windows(episodes, units, 3):
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


def find_variants(episodes: Sequence[Episode], glossary: Sequence[Term], limit: int = 50) -> tuple[Variant, ...]:
    """Unmatched transcript n-grams that look or sound like a curated alias, best first."""
    buckets = alias_buckets(glossary)
    glossary_keys = set(index_terms(nlp(), glossary).keys)
    variants = [best_variant(found, buckets) for flat, found in sorted(variant_windows(episodes).items())
                if key_of(found[0][0].split()) not in glossary_keys]
    variants = without_nested([v for v in variants if v])
    return tuple(sorted(variants, key=lambda v: (-v.score, v.headword, v.found))[:limit])
