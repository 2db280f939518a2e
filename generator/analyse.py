"""Analyse: run spaCy once over every passage (with `nlp.pipe`) and keep what later stages
need as plain data: sentences, and the content words used for topics and cohesion."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .clean import UNSPACED_CHARS
from .errors import ConfigError
from .model import Episode, Passage, Sentence

log = logging.getLogger(__name__)

SPOKEN_STOP_WORDS = frozenset(
    "yeah yes okay ok oh uh um like know kind sort really just actually basically gonna "
    "wanna thing things lot right mean think guess maybe pretty stuff way said says say "
    "going got get gets getting want little bit sure well let sorts kinds people time "
    "good great interesting also even still much many one two able different "
    "gon na wan ta hey hi hello bye alright".split()  # spaCy splits "gonna" into "gon" "na", "gotta" into "got" "ta"
)
# Chinese is written without spaces: spaCy's default splits it into single characters, jieba
# (a dictionary segmenter spaCy supports) into words. Korean and Vietnamese put spaces between
# words, so spaCy's rule-based tokenizer serves instead of the packages their defaults need.
BLANK_CONFIG = {"zh": {"nlp": {"tokenizer": {"segmenter": "jieba"}}},
                "ko": {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}},
                "vi": {"nlp": {"tokenizer": {"use_pyvi": False}}}}
UNSPACED = re.compile(f"[{UNSPACED_CHARS}]")  # Chinese or Japanese
# A word: a letter first, in any script ("über"), or a run of Chinese or Japanese ("强化"),
# which only a segmenter such as jieba cuts into words.
LETTER_WORD = rf"[{UNSPACED_CHARS}]+|[^\W\d_{UNSPACED_CHARS}](?:[^\W_{UNSPACED_CHARS}]|['-])*[^\W_{UNSPACED_CHARS}]"
WORD = re.compile(f"^(?:{LETTER_WORD})$")


@dataclass(frozen=True)
class Analysis:
    """spaCy's view of one episode: a Doc per passage plus derived plain data."""

    docs: tuple[Doc, ...]
    sentences: tuple[Sentence, ...]
    content_words: tuple[tuple[str, ...], ...]  # per passage, normalised, stop words removed


MAX_PASSAGE_CHARS = 100_000_000


def load_pipeline(name: str, settings_path: object = None, language: str = "en") -> Language:
    """spaCy's blank pipeline for the site's language with a sentencizer, or an installed one."""
    if name == "blank":
        try:
            if language == "zh":
                _quiet_jieba()
            nlp = spacy.blank(language, config=BLANK_CONFIG.get(language, {}))
        except (ImportError, KeyError) as error:
            if isinstance(error, ImportError) and "E048" not in str(error):  # spaCy knows it, needs a package
                raise ConfigError(settings_path, None, f"language: {language} needs a package spaCy uses for it; "
                                  f"install it into .venv ({' '.join(str(error).split())})") from None
            raise ConfigError(settings_path, None, f"language: spaCy has no language '{language}'; "
                              "use a code such as en, de, fr, es") from None
    else:
        try:
            nlp = spacy.load(name, exclude=["ner"])
        except (OSError, ImportError):
            raise ConfigError(settings_path, None, f"spacy_pipeline: '{name}' is not installed; "
                              "install it with pip or use spacy_pipeline: blank") from None
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer")
    # Passages are cut at sentence ends near passage_words, but speech without any (a lecture
    # recognised without punctuation) stays one passage; spaCy's 1,000,000-character guard is
    # meant for a parser's memory, and a transcript that long is still text to read.
    nlp.max_length = max(nlp.max_length, MAX_PASSAGE_CHARS)
    return nlp


def _quiet_jieba() -> None:
    """jieba reports loading its dictionary on stderr, at every run, unless told not to before."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


def is_short_word(word: str) -> bool:
    """Two letters or fewer ("ok", "go"), too short to name anything; two Chinese or Japanese
    characters are a whole word ("模型")."""
    return len(word) <= 2 and not (len(word) == 2 and UNSPACED.match(word))


def joined(words: Sequence[str]) -> str:
    """Words as said together: with a space between them, none between Chinese or Japanese words."""
    text = ""
    for word in words:
        text += word if not text or (UNSPACED.match(text[-1]) and UNSPACED.match(word[0])) else " " + word
    return text


@lru_cache(maxsize=1 << 16)  # called for every word said, over a vocabulary of some thousands
def singular(word: str) -> str:
    """A crude but consistent plural folding, applied alike to terms and to text."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _content_words(doc: Doc, stop_words: frozenset[str] | set[str]) -> list[str]:
    words = []
    for token in doc:
        lower = token.lower_
        if WORD.match(lower) and lower not in stop_words and lower not in SPOKEN_STOP_WORDS:
            words.append(singular(lower))
    return words


def analyse_passages(nlp: Language, passages: Sequence[Passage]) -> Analysis:
    docs = tuple(nlp.pipe((p.text.text for p in passages), batch_size=64))
    stop_words = nlp.Defaults.stop_words
    sentences = tuple(
        Sentence(passage.id, sent.start_char, sent.end_char)
        for passage, doc in zip(passages, docs) for sent in doc.sents
    )
    words = tuple(tuple(_content_words(doc, stop_words)) for doc in docs)
    return Analysis(docs, sentences, words)


def words_of(nlp: Language, text: str) -> tuple[str, ...]:
    """Content words of any text, normalised exactly as passages are."""
    return tuple(_content_words(nlp.make_doc(text), nlp.Defaults.stop_words))


def passage_frequencies(episodes) -> tuple[int, Counter]:
    """How many passages the site has, and in how many of them each content word occurs."""
    passages = [set(words) for episode in episodes for words in episode.words]
    return len(passages), Counter(word for words in passages for word in words)


def inverse_document_frequency(episodes) -> Callable[[str], float]:
    """How rare each content word is across the site's passages: smoothed idf,
    log((1 + passages) / (1 + passages with the word)) + 1; a word never said weighs most."""
    passages, frequency = passage_frequencies(episodes)
    return lambda word: math.log((1 + passages) / (1 + frequency.get(word, 0))) + 1


def log_odds_z(part: Counter, whole: Counter) -> dict[str, float]:
    """How much more a part of the site uses each unit than the rest of the site does: the
    z-score of the log-odds ratio with an informative Dirichlet prior from the whole site
    (Monroe, Colaresi and Quinn 2008, "Fightin' Words"). Rare units need strong evidence."""
    if len(whole) < 2:
        return {unit: 0.0 for unit in part}  # one kind of unit: nothing to contrast
    n, total = sum(part.values()), sum(whole.values())
    rest_n = total - n
    scores = {}
    for unit, count in part.items():
        prior = whole[unit]
        rest = whole[unit] - count
        delta = (math.log((count + prior) / (n + total - count - prior))
                 - math.log((rest + prior) / (rest_n + total - rest - prior)))
        scores[unit] = delta / math.sqrt(1 / (count + prior) + 1 / (rest + prior))
    return scores


def people_words(episodes: Sequence[Episode]) -> frozenset[str]:
    """The words of the names of the people taking part (speakers, hosts, guests), folded as
    content words are: a topic or a glossary term is never just somebody's name here."""
    names = {p.name for e in episodes for p in e.transcript.meta.people}
    names |= {p.speaker for e in episodes for p in e.passages if p.speaker}
    return frozenset(singular(w.lower()) for name in names for w in re.findall(LETTER_WORD, name))
