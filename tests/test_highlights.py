"""Key points, quotes and timelines: what a topic page leads with."""

import re
from dataclasses import replace

import pytest

from generator.errors import QuoteMismatch
from generator.classify import twins
from generator.config import Project
from generator.highlights import Corpus, check_quote, key_points, quotes, timeline
from generator.pipeline import analyse_site
from tests.conftest import make_project
from tests.test_links import model  # noqa: F401  (the seed, analysed once)


@pytest.fixture(scope="module")
def corpus(model):
    return Corpus.of(model.episodes)


def test_quotes_are_verbatim_spans_of_the_source(model, corpus):
    for topic in model.topics:
        for quote in quotes(corpus, topic.id):
            source = model.episodes[0].transcript.source_text
            said = " ".join(source[quote.start:quote.end].split())  # a caption's lowercase start may be capitalised
            assert said == quote.text or said[0].islower() and said[0].upper() + said[1:] == quote.text
            assert 8 <= len(quote.text.split()) <= 40


def test_a_quote_that_does_not_match_its_span_fails_the_build(model, corpus):
    quote = quotes(corpus, "pretraining")[0]
    forged = replace(quote, text=quote.text.replace(" ", " not ", 1))
    with pytest.raises(QuoteMismatch, match=r"manifold-2025-03-13-misha-laskin.txt:\d+: quote"):
        check_quote(model.episodes[0], forged)


def test_key_points_are_distinct_readable_sentences_from_the_topic(model, corpus):
    for topic in model.topics:
        points = key_points(corpus, topic.id)
        assert 3 <= len(points) <= 5
        assert len({p.passage for p in points}) == len(points)
        labels = dict(model.links.passage_topics)
        assert all(topic.id in labels[(p.episode, p.passage)] for p in points)
        assert all(8 <= len(p.text.split()) <= 45 for p in points)
        assert not any(" um " in p.text or " uh " in p.text for p in points)


def test_the_teaser_and_its_twin_count_once(model, corpus):
    points = key_points(corpus, "reasoning-models")
    passages = {p.passage for p in points}
    twins_of_teaser = {p.id for p in model.episodes[0].passages if "never stopped improving" in p.text.text}
    assert len(twins_of_teaser) == 2 and len(passages & twins_of_teaser) <= 1


def test_timeline_orders_dated_terms_and_years_said(model):
    events = timeline(model.episodes, "rl-history", model.glossary)
    years = [e.year for e in events]
    assert years == sorted(years)
    assert any(e.term == "dqn" and e.year == 2013 for e in events)
    people = {t.id for t in model.glossary if t.kind in ("person", "organisation")}
    assert not any(e.term in people for e in events)


def test_key_points_are_whole_statements_without_spoken_fillers(model, corpus):
    for topic in model.topics:
        for point in key_points(corpus, topic.id):
            assert point.text[0].isupper() and not point.text.endswith(("?", "...", "…"))
            assert not re.match(r"(?i)(and|so|but|you know)\b", point.text)
            assert not re.search(r"(?i)\b(you know|i would say|sort of|kind of)\b", point.text)


def test_quotes_do_not_repeat_the_key_points_or_their_twins(model, corpus):
    twin_of = twins(model.episodes[0].words)
    index = {p.id: i for i, p in enumerate(model.episodes[0].passages)}
    for topic in model.topics:
        points = key_points(corpus, topic.id)
        covered = {index[p.passage] for p in points}
        covered |= {t for i in list(covered) for t in twin_of.get(i, ())}
        assert not any(index[q.passage] in covered for q in quotes(corpus, topic.id, avoid=points))


def test_a_topic_timeline_leaves_out_events_that_belong_to_another_topic(model):
    topics = {t.id: t for t in model.topics}
    elsewhere = frozenset(topics["pretraining"].terms) - set(topics["rl-history"].terms)
    events = timeline(model.episodes, "rl-history", model.glossary, elsewhere)
    assert not any(e.term in elsewhere for e in events)
    assert any(e.term == "chatgpt" for e in timeline(model.episodes, "rl-history", model.glossary))


def test_a_sentence_saying_several_years_is_one_row_and_a_decade_is_none(tmp_path):
    text = ("Ada: That was, what, 2006, 2007, when the first rover software shipped to the team.\n\n"
            "Bo: Back in the early 1980's and the 2000's nobody cared about lunar water at all.\n")
    model = analyse_site(Project(make_project(tmp_path / "site", {"moon.txt": text})))
    events = [(e.year, e.label) for e in timeline(model.episodes, None, model.glossary)]
    assert len(events) == 1 and events[0][0] == 2006 and "2006, 2007" in events[0][1]


def test_older_years_count_where_the_words_say_they_are_years_and_numbers_do_not(tmp_path):
    """A history lecture's 1453 was no year (only 1940 to 2049 were); "Ordinance 2024-17" was one."""
    text = ("Ada: Constantinople fell in 1453, after a siege of seven weeks by the Ottoman army.\n\n"
            "Bo: About 1500 soldiers held the walls. The council passed Ordinance 2024-17 about the museum.\n\n"
            "Ada: And the museum itself opened in the summer of 1957, with the old maps on show.\n")
    model = analyse_site(Project(make_project(tmp_path / "site", {"lecture.txt": text})))
    assert [e.year for e in timeline(model.episodes, None, model.glossary)] == [1453, 1957]


def test_a_year_said_in_passing_is_an_event_unless_a_term_of_that_year_is_named_with_it(tmp_path):
    glossary = ("terms:\n  - id: apollo-11\n    term: Apollo 11\n    kind: event\n    year: 1969\n"
                "    definition: The first crewed Moon landing.\n")
    text = ("Ada: The first soft landing on the Moon came in 1966, with a small robotic probe.\n\n"
            "Bo: And then Apollo 11 landed in 1969, and everything about the programme changed.\n")
    root = make_project(tmp_path / "site", {"moon.txt": text}, glossary=glossary)
    model = analyse_site(Project(root))
    events = [(e.year, e.term, e.label) for e in timeline(model.episodes, None, model.glossary)]
    assert events[0][:2] == (1966, None) and "first soft landing on the Moon came in 1966" in events[0][2]
    assert events[1:] == [(1969, "apollo-11", "Apollo 11")]


@pytest.mark.parametrize("said, shown", [
    ("It was, I joined a team that worked on agents.", "I joined a team that worked on agents."),
    ("And so, you know, we had, we tried the simplest thing.", "We tried the simplest thing."),
    ("It is, in a way, the simplest thing that works.", "It is, in a way, the simplest thing that works."),
])
def test_a_key_point_loses_its_restart_but_not_its_meaning(said, shown):
    from generator.highlights import Excerpt, _trim_lead
    trimmed = _trim_lead(Excerpt("e", "p001", said, 100, 100 + len(said), None, None, 10))
    assert trimmed.text == shown
    assert said[trimmed.start - 100:].lower() == shown.lower() and trimmed.local_start - 10 == trimmed.start - 100


def _excerpt_of(episode, said):
    """The Excerpt of the words `said` in the episode's reading text."""
    from generator.highlights import Excerpt
    passage = next(p for p in episode.passages if said in p.text.text)
    local = passage.text.text.index(said)
    start, end = passage.text.source_span(local, local + len(said))
    return Excerpt(episode.id, passage.id, said, start, end, passage.speaker, passage.time, local)


def test_a_sentence_said_across_cues_or_with_escapes_is_verbatim_and_a_dropped_filler_is_not(tmp_path):
    from generator.highlights import verbatim
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nThe lunar samples we brought back\n\n"
           "2\n00:00:04,000 --> 00:00:07,000\nchanged how we date <i>every</i> planet.\n\n"
           "3\n00:00:07,000 --> 00:00:09,000\nSo, um, the craters tell the age.\n")
    whisper = '{"segments": [{"start": 0.0, "end": 3.0, "text": " The caf\\u00e9 on the Moon \\"opens\\" in spring."}]}'
    model = analyse_site(Project(make_project(tmp_path, {"cues.srt": srt, "segments.json": whisper})))
    cues, segments = sorted(model.episodes, key=lambda e: e.id)
    assert verbatim(cues, _excerpt_of(cues, "The lunar samples we brought back changed how we date every planet."))
    assert verbatim(segments, _excerpt_of(segments, 'The café on the Moon "opens" in spring.'))
    assert "um" not in cues.passages[-1].text.text  # the reading text dropped the filler ...
    assert not verbatim(cues, _excerpt_of(cues, "So the craters tell the age."))
    forged = replace(_excerpt_of(cues, "changed how we date every planet."), text="changed how we date each planet.")
    assert not verbatim(cues, forged)


def test_a_quote_may_capitalise_the_first_letter_its_caption_wrote_in_lowercase(tmp_path):
    """A cue that goes on with a sentence starts a passage in lowercase; the reading text, and
    a quote from it, start with a capital. Only that first letter may differ."""
    from generator.highlights import verbatim
    srt = ("1\n00:00:01,000 --> 00:00:04,000\nAnn: Welcome to the show.\n\n"
           "2\n00:00:04,000 --> 00:00:09,000\nBen: so we launched the rocket from a field in Ohio.\n")
    episode = analyse_site(Project(make_project(tmp_path, {"cues.srt": srt}))).episodes[0]
    said = "So we launched the rocket from a field in Ohio."
    assert said in episode.passages[-1].text.text
    assert verbatim(episode, _excerpt_of(episode, said))
    recased = replace(_excerpt_of(episode, said), text="So we launched the rocket from a field in OHIO.")
    assert not verbatim(episode, recased)


def test_the_show_introducing_itself_is_no_key_point_or_quote(tmp_path):
    """"Welcome to Roast Profile, the podcast about coffee roasting" is central to a coffee topic
    by its words, and says nothing about coffee."""
    text = ("Ann: Welcome to Roast Profile, the podcast about coffee roasting and coffee beans from farm to cup.\n\n"
            "Bo: Coffee roasting turns green coffee beans brown, and the roast level shapes the coffee flavour.\n\n"
            "Ann: A light roast keeps the coffee beans bright, while a dark roast makes the coffee bitter and heavy.\n\n"
            "Bo: We roast coffee beans in small batches and cup every coffee roast before it ships to a cafe.\n")
    model = analyse_site(Project(make_project(tmp_path / "site", {"coffee.txt": text})))
    corpus = Corpus.of(model.episodes)
    said = [e.text for topic in model.topics for e in (*key_points(corpus, topic.id), *quotes(corpus, topic.id))]
    assert said and not [text for text in said if text.startswith("Welcome to Roast Profile")]
