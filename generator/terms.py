"""Terms: find every mention of a glossary term in the passages.

Each alias becomes a key: its tokens lowercased, hyphens and spaces dropped, the last word
folded to singular. Text is keyed the same way over token windows, so "pre-training",
"Pre training" and "pretraining", or "reward model" and "reward models", meet at one key.
At each position the longest window with a key wins ("AlphaGo Zero" over "AlphaGo").
Aliases written in capitals ("RL", "AGI") match only in capitals, so they never fire on
ordinary words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .analyse import singular
from .model import Mention, Passage, Term

HYPHENS = {"-", "–", "‐"}
WORDLIKE = re.compile(r"^\w[\w'’.-]*$")
ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9-]*[A-Z0-9]s?$")


@dataclass(frozen=True)
class TermIndex:
    keys: dict[str, tuple[str, str | None]]  # key -> (term id, exact form if case-sensitive)
    prefixes: frozenset[str]  # every prefix of every key: lets a window stop growing early
    symbols: frozenset[str] = frozenset()  # tokens of aliases that are not words ("c++", "at&t", "#")


def key_of(words: Sequence[str]) -> str:
    parts = [w.lower().replace("-", "").replace("’", "'") for w in words if w not in HYPHENS]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    return "".join(parts[:-1]) + singular(parts[-1])


def index_terms(nlp: Language, terms: Iterable[Term]) -> TermIndex:
    keys: dict[str, tuple[str, str | None]] = {}
    symbols: set[str] = set()
    for term in terms:
        for alias in sorted(set(term.forms())):
            words = [t.text for t in nlp.make_doc(alias)]
            exact = _exact_form(alias) if ACRONYM.match(alias) else None
            keys.setdefault(key_of(words), (term.id, exact))
            symbols.update(word.lower() for word in words if not WORDLIKE.match(word) and word not in HYPHENS)
    prefixes = frozenset(key[:end] for key in keys for end in range(1, len(key) + 1))
    return TermIndex(keys, prefixes, frozenset(symbols))


def _exact_form(text: str) -> str:
    return text.replace("-", "").replace(" ", "")


def _fits(window: Sequence[str], exact: str | None) -> bool:
    if exact is None:
        return True
    found = _exact_form("".join(w for w in window if w not in HYPHENS))
    return found == exact or found == exact + "s" or found.rstrip("s") == exact.rstrip("s") and found.isupper()


def match_doc(doc: Doc, index: TermIndex) -> list[tuple[str, int, int]]:
    """(term id, start char, end char) of each mention in one Doc, left to right."""
    words = [t.text for t in doc]
    found = []
    position = 0
    while position < len(words):
        hit = _longest_at(words, position, index)
        if hit:
            term_id, length = hit
            found.append((term_id, doc[position].idx, doc[position + length - 1].idx + len(words[position + length - 1])))
            position += length
        else:
            position += 1
    return found


def _longest_at(words: Sequence[str], position: int, index: TermIndex) -> tuple[str, int] | None:
    """Grow a window from `position` while its text is still the start of some key.

    Punctuation may sit inside a window only where an alias has it ("Gödel, Escher,
    Bach"): it stays in the key, so "reward. Models" never meets "reward model". A window
    starts and ends on a word, or on a symbol an alias is made of ("C++", "C#", "AT&T").
    """
    def bounds(word: str) -> bool:
        return WORDLIKE.match(word) is not None or word.lower() in index.symbols

    if not bounds(words[position]):
        return None
    best = None
    joined = ""
    for end in range(position + 1, len(words) + 1):
        word = words[end - 1]
        if word not in HYPHENS:
            window = words[position:end]
            entry = index.keys.get(key_of(window)) if bounds(word) else None
            if entry and _fits(window, entry[1]):
                best = (entry[0], end - position)
            joined += word.lower().replace("-", "").replace("’", "'")
        if joined not in index.prefixes:
            break
    return best


def marked(passage: Passage, index: TermIndex) -> list[tuple[str, int, int]]:
    """Terms the source itself marks (Spacelog's [glossary:TERM]) that the glossary knows."""
    found = []
    offsets = passage.text.offsets()
    for mark in passage.marks:
        entry = index.keys.get(key_of(mark.term.split()))
        if entry and mark.start in offsets:
            local_start = offsets.index(mark.start)
            found.append((entry[0], local_start, local_start + (mark.end - mark.start)))
    return found


def find_mentions(
    episode_id: str, source_text: str, passages: Sequence[Passage], docs: Sequence[Doc], index: TermIndex
) -> tuple[Mention, ...]:
    mentions = []
    for passage, doc in zip(passages, docs):
        matched = match_doc(doc, index)
        spans = {(start, end) for _, start, end in matched}
        matched += [m for m in marked(passage, index) if (m[1], m[2]) not in spans]
        for term_id, local_start, local_end in sorted(matched, key=lambda m: (m[1], m[2])):
            start, end = passage.text.source_span(local_start, local_end)
            mentions.append(Mention(term_id, episode_id, passage.id, start, end,
                                    source_text[start:end], local_start, local_end))
    return tuple(mentions)
