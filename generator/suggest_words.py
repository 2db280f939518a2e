"""What counts as an ordinary word in speech, and what a term looks like, for suggestions.

Without a part-of-speech tagger or a frequency list, "ordinary" is spelled out: spaCy's
English stop words, spoken fillers, everyday adjectives and amounts, the most frequent
English nouns, and word shapes (endings) that mark verbs, adjectives and adverbs.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from .analyse import SPOKEN_STOP_WORDS, singular

FILLER_PHRASES = ("kind of", "sort of", "you know", "i mean", "i would say", "i'd say", "i think", "a lot")
FILLER_WORDS = frozenset("basically like yeah yes okay ok right actually really just stuff thing things "
                         "lot um uh oh hmm mm anyway literally totally obviously".split())
CONNECTORS = frozenset("of vs versus".split())  # allowed inside a term: "order of magnitude"
GENERAL_WORDS = frozenset(  # everyday adjectives of size, age, value and amounts of things or time
    "small big huge tiny large new old good bad nice cool weak strong hard easy early late simple basic "
    "important real whole entire main major certain particular various true wrong best better worse "
    "multiple several numerous additional "
    "couple number bunch amount ton tons lots plenty year years day days month months week weeks "
    "hour hours minute minutes second seconds decade decades".split())
CALENDAR_AND_TITLES = frozenset(  # said in any conversation, a term of none: "Saturday", "April", "Mr"
    "monday tuesday wednesday thursday friday saturday sunday january february march april june july august "
    "september october november december today tomorrow yesterday tonight weekend mr mrs ms dr sir madam miss "
    "mister thirty seventy eighty ninety thousand million billion".split())
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
TERM_HEADS = frozenset(  # everyday nouns that often head a real term ("solar system", "scaling law")
    "system program process effect field law test force structure model network center policy market "
    "research paper value rate level control service power history theory".split())
WEAK_HEADS = EVERYDAY_NOUNS - TERM_HEADS  # "math problems", "AI companies": rarely a term
EDGE_STOP_WORDS = frozenset(STOP_WORDS) | FILLER_WORDS  # never at the edge of a misheard term
RELATION_WORDS = frozenset("plus minus times via per".split())  # "TLI plus 10": spaCy's stop words lack them
COMMON_WORDS = (frozenset(STOP_WORDS) | SPOKEN_STOP_WORDS | FILLER_WORDS | GENERAL_WORDS | RELATION_WORDS
                | CALENDAR_AND_TITLES)
NOT_HEAD_ENDINGS = ("ly", "ful", "ous", "able", "ible", "less")  # adverbs and adjectives end no term
NOT_NOUN_ENDINGS = ("ly", "ed", "ing", "ful", "ous", "ive", "able", "ible", "less", "al", "ic", "thing", "body", "one")
VERB_CUES = frozenset("to i we you they he she it can could would should will might must n't 'll 'd "
                      "not never always often usually sometimes also just".split())
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]s?$")
ALNUM = re.compile(r"^[A-Za-z]+[0-9][\w.-]*$")  # R1, o3, GPT-4
LONG_WORD = 8  # a lowercase single word this long may be a term ("regolith", "pretraining")


def is_number(word: str) -> bool:
    return word[:1].isdigit()


def is_name_like(word: str) -> bool:
    return bool(ACRONYM.match(word) or ALNUM.match(word)) or (word[:1].isupper() and word.lower() not in COMMON_WORDS)


def has_filler(lowers: Sequence[str]) -> bool:
    text = f" {' '.join(lowers)} "
    return any(word in FILLER_WORDS for word in lowers) or any(f" {phrase} " in text for phrase in FILLER_PHRASES)


def long_noun(word: str) -> bool:
    """A long lowercase word, not an everyday noun, not shaped like a verb, adjective or adverb."""
    lower = word.lower()
    return (len(word) >= LONG_WORD and word.isalpha() and lower not in COMMON_WORDS
            and singular(lower) not in EVERYDAY_NOUNS and not lower.endswith(NOT_NOUN_ENDINGS))


def can_open_term(unit) -> bool:
    """Whether any window starting at this word could pass `looks_like_term` (a cheap
    first check: most spoken words are common ones)."""
    return unit.lower not in COMMON_WORDS and not is_number(unit.lower) and unit.lower not in FILLER_WORDS


def looks_like_term(window: Sequence) -> bool:
    """The part-of-speech-free filter: content words at both edges, no fillers inside."""
    lowers = [u.lower for u in window]
    first, last = lowers[0], lowers[-1]
    if first in COMMON_WORDS or last in COMMON_WORDS or is_number(first) or has_filler(lowers):
        return False
    if is_number(last) and (len(window) == 1 or not window[-2].text[:1].isupper()):
        return False  # "Apollo 11" is a name; "10 years" and "over 20" are not
    if any(w in COMMON_WORDS and w not in CONNECTORS for w in lowers[1:-1]):
        return False
    if len(window) == 1:
        if len(window[0].text) < 2:
            return False  # a letter alone ("B", "X") is a spelling or a variable, not a term
        return is_name_like(window[0].text) and not window[0].sentence_start or long_noun(window[0].text)
    return not first.endswith(("ly", "ful")) and not last.endswith(NOT_HEAD_ENDINGS)


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
