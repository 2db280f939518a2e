"""Analyse: spaCy's sentences and the content words later stages count."""

from generator.analyse import analyse_passages, load_pipeline, singular, words_of
from generator.clean import clean_transcript
from generator.errors import ConfigError
from generator.ingest import read_transcript
from tests.conftest import REPO, SEED

import pytest


@pytest.fixture(scope="module")
def seed():
    nlp = load_pipeline("blank")
    passages = clean_transcript(read_transcript(SEED, REPO))
    return passages, analyse_passages(nlp, passages)


def test_every_passage_is_split_into_sentences_that_cover_it(seed):
    passages, analysis = seed
    assert len(analysis.docs) == len(passages)
    by_passage = {}
    for sentence in analysis.sentences:
        by_passage.setdefault(sentence.passage, []).append(sentence)
    first = by_passage["p001"]
    text = passages[0].text.text
    assert text[first[0].start:first[0].end] == "AlphaGo never stopped improving."
    assert all(len(by_passage[p.id]) >= 1 for p in passages)


def test_content_words_leave_out_fillers_and_fold_plurals(seed):
    _, analysis = seed
    words = {w for passage in analysis.content_words for w in passage}
    assert {"alphago", "model", "physic"} <= words
    assert not words & {"um", "uh", "yeah", "basically", "the", "kind"}


def test_any_text_is_normalised_like_the_passages():
    nlp = load_pipeline("blank")
    assert words_of(nlp, "Reward models, you know, basically") == ("reward", "model")
    assert singular("policies") == "policy" and singular("process") == "process"


def test_words_with_letters_beyond_a_to_z_are_content_words():
    assert words_of(load_pipeline("blank", language="de"), "Die Mondfähre landet über der Oberfläche") == (
        "mondfähre", "landet", "oberfläche")
    assert words_of(load_pipeline("blank"), "A café in São Paulo, 2013") == ("café", "são", "paulo")


def test_korean_is_tokenised_without_the_packages_spacy_defaults_to():
    assert words_of(load_pipeline("blank", language="ko"), "오늘은 로켓 발사에 대해 이야기합니다.") == (
        "오늘은", "로켓", "발사에", "대해", "이야기합니다")  # words as spaced, not one syllable each


def test_a_language_whose_tokenizer_needs_a_package_says_which():
    with pytest.raises(ConfigError, match="language: ja needs a package .*pip install sudachipy"):
        load_pipeline("blank", "site_config/podsite.yml", language="ja")


def test_a_pipeline_that_is_not_installed_is_a_clear_config_error():
    with pytest.raises(ConfigError, match="spacy_pipeline: 'en_core_web_xx' is not installed"):
        load_pipeline("en_core_web_xx", "site_config/podsite.yml")


def test_speech_without_a_sentence_end_longer_than_spacys_guard_is_still_read():
    """A million characters with no full stop (recognised without punctuation) is one passage;
    spaCy would refuse it by default (E088)."""
    nlp = load_pipeline("blank")
    assert len(nlp("w " * 500_001)) == 500_001
