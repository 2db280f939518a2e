import pytest

from generator.model import Term
from generator.terms import index_terms, match_doc

GLOSSARY = [
    Term("pretraining", "Pretraining", "concept", "d", ("pre-trained",)),
    Term("alphago", "AlphaGo", "system", "d", ("Alpha Go",)),
    Term("alphago-zero", "AlphaGo Zero", "system", "d"),
    Term("reinforcement-learning", "Reinforcement learning", "concept", "d", ("RL",)),
    Term("rlhf", "RLHF", "concept", "d", ("reinforcement learning from human feedback",)),
    Term("reward-model", "Reward model", "concept", "d"),
    Term("agi", "AGI", "concept", "d", ("artificial general intelligence",)),
    Term("chatgpt", "ChatGPT", "system", "d", ("Chat TTP", "chad chicka t")),
    Term("soft-actor-critic", "Soft Actor-Critic", "system", "d", ("StopLockerCritic",)),
    Term("geb", "Gödel, Escher, Bach", "work", "d"),
    Term("cpp", "C++", "system", "d"), Term("csharp", "C#", "system", "d"), Term("att", "AT&T", "organisation", "d"),
    Term("dotnet", ".NET", "system", "d"),
]


@pytest.fixture(scope="module")
def index():
    from generator.analyse import load_pipeline
    nlp = load_pipeline("blank")
    return nlp, index_terms(nlp, GLOSSARY)


def found(index, text):
    nlp, term_index = index
    doc = nlp(text)
    return [(term, text[start:end]) for term, start, end in match_doc(doc, term_index)]


@pytest.mark.parametrize("text", ["Pretraining works.", "pre-training works", "Pre training works", "pretrained models"])
def test_case_hyphen_and_inflection_variants(index, text):
    assert [t for t, _ in found(index, text)] == ["pretraining"]


def test_plurals_of_multiword_terms(index):
    assert found(index, "We trained reward models.") == [("reward-model", "reward models")]


def test_acronyms_and_expansions_meet_at_one_term(index):
    assert found(index, "RL, or reinforcement learning") == [
        ("reinforcement-learning", "RL"), ("reinforcement-learning", "reinforcement learning")]


def test_longer_term_wins_over_the_term_it_contains(index):
    assert found(index, "AlphaGo Zero beat AlphaGo") == [("alphago-zero", "AlphaGo Zero"), ("alphago", "AlphaGo")]
    assert found(index, "reinforcement learning from human feedback") == [
        ("rlhf", "reinforcement learning from human feedback")]


def test_capitalised_acronyms_do_not_fire_on_ordinary_words(index):
    assert found(index, "the url of an agile rl agi team") == []
    assert found(index, "Is AGI near?") == [("agi", "AGI")]


def test_short_aliases_never_match_inside_words(index):
    assert found(index, "WORLD CONTROL girls") == []


def test_asr_variants_from_aliases(index):
    assert found(index, "we used Chat TTP and then chad chicka t") == [
        ("chatgpt", "Chat TTP"), ("chatgpt", "chad chicka t")]
    assert found(index, "an algorithm called StopLockerCritic") == [("soft-actor-critic", "StopLockerCritic")]
    assert found(index, "Soft Actor-Critic") == [("soft-actor-critic", "Soft Actor-Critic")]


def test_terms_across_punctuation_are_not_joined(index):
    assert found(index, "reward. Models") == []


def test_aliases_with_punctuation_inside(index):
    assert found(index, "I read Gödel, Escher, Bach. And") == [("geb", "Gödel, Escher, Bach")]
    assert found(index, "Gödel. Escher, Bach") == []


def test_terms_made_of_symbols(index):
    assert found(index, "We moved from C++ to C#. AT&T paid, on .NET too; C is old.") == [
        ("cpp", "C++"), ("csharp", "C#"), ("att", "AT&T"), ("dotnet", ".NET")]
