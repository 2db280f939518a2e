"""Link: shares, key terms, related topics and co-occurring terms, counted from passages."""

from generator.link import link_site
from generator.model import Block, Episode, Mention, Metadata, Passage, Term, Topic, Transcript
from generator.textmap import MappedText

TOPICS = (Topic("a", "A", "d"), Topic("b", "B", "d"), Topic("c", "C", "d"))
TERMS = (Term("x", "X", "concept", "d"), Term("y", "Y", "concept", "d"), Term("z", "Z", "concept", "d"))


def episode(labels, terms_per_passage, words=10):
    text = " ".join(["word"] * words)
    passages = tuple(Passage(f"p{i:03d}", i, MappedText.verbatim(text, 0, len(text)), 0, len(text), 1)
                     for i in range(1, len(labels) + 1))
    mentions = tuple(Mention(term, "e", f"p{i:03d}", 0, 4, "word", 0, 4)
                     for i, terms in enumerate(terms_per_passage, 1) for term in terms)
    transcript = Transcript("e", "e.txt", text, "plain", Metadata("E"), (Block(MappedText.verbatim(text, 0, 4), 1),))
    return Episode(transcript, passages, (), mentions, ((),) * len(labels), (), tuple(labels))


def test_share_and_passages_of_each_topic():
    links = link_site([episode([("a",), ("a",), ("b",), ()], [[], [], [], []])], TOPICS, TERMS)
    assert links.topics["a"].shares == (("e", 0.5),)
    assert links.topics["a"].passages == (("e", "p001"), ("e", "p002"))
    assert links.topics["c"].weight == 0.0


def test_key_terms_prefer_terms_specific_to_the_topic():
    links = link_site([episode([("a",), ("a",), ("b",), ("b",)], [["x", "y"], ["x", "y"], ["y"], ["y"]])],
                      TOPICS, TERMS)
    assert [t for t, _ in links.topics["a"].key_terms] == ["x", "y"]


def test_related_topics_say_why():
    links = link_site([episode([("a", "b"), ("a",), ("b",), ("c",)], [["x"], ["x"], ["x"], ["z"]])], TOPICS, TERMS)
    related = {r.topic: r for r in links.topics["a"].related}
    assert related["b"].both == 1 and related["b"].adjacent == 1 and related["b"].shared_terms == ("x",)
    assert "c" not in related


def test_terms_that_share_passages_are_related():
    links = link_site([episode([(), (), ()], [["x", "y"], ["x", "y"], ["x", "z"]])], TOPICS, TERMS)
    assert links.terms["x"].related == (("y", 2), ("z", 1))
    assert len(links.terms["x"].mentions) == 3
