"""Extract: a provisional glossary for a site that has none yet.

The strongest candidate terms (C-value, see `suggest`) become entries marked as not yet
curated. Each is defined by the sentence that best explains it: one that says what the
term is ("X is a ...", "called X", "X, which ...") if the transcript has one, else the
most self-contained sentence that uses it.
"""

from __future__ import annotations

import re
from typing import Sequence

from .glossary_import import term_id
from .model import Episode, Term
from .suggest import candidate_terms

DEFINING = ("{t} is ", "{t} are ", "{t} was ", "{t} means ", "{t} refers to ", "called {t}",
            "known as {t}", "{t}, which ", "{t}, a ", "{t}, the ")
SENTENCE_WORDS = (6, 45)


def extract_glossary(episodes: Sequence[Episode], limit: int) -> tuple[Term, ...]:
    terms: dict[str, Term] = {}
    for candidate in candidate_terms(episodes, (), limit):
        ident = term_id(candidate.phrase)
        if ident in terms:
            continue
        terms[ident] = Term(ident, candidate.phrase, "concept", best_explanation(episodes, candidate.phrase),
                            aliases=candidate.aliases, curated=False)
    return tuple(sorted(terms.values(), key=lambda t: t.id))


def best_explanation(episodes: Sequence[Episode], phrase: str) -> str:
    """The sentence that best explains `phrase`, as said (reading text)."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.I)
    best: tuple[tuple[int, int, int], str] | None = None
    for order, sentence in enumerate(_sentences(episodes)):
        if not pattern.search(sentence):
            continue
        words = len(sentence.split())
        defining = any(cue.format(t=phrase.lower()) in sentence.lower() for cue in DEFINING)
        fits = SENTENCE_WORDS[0] <= words <= SENTENCE_WORDS[1]
        rank = (int(defining) + int(fits), -abs(words - 20), -order)
        if best is None or rank > best[0]:
            best = (rank, sentence)
    return best[1] if best else phrase


def _sentences(episodes: Sequence[Episode]):
    for episode in episodes:
        passages = {p.id: p for p in episode.passages}
        for sentence in episode.sentences:
            yield passages[sentence.passage].text.text[sentence.start:sentence.end].strip()
