"""Discovered topics: a site without topics.yml still gets named topic pages."""

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.config import Project
from generator.discover import log_odds_z
from generator.pipeline import analyse_site
from generator.render import render_site
from generator.scaffold import new_project

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def nasa(tmp_path_factory):
    root = tmp_path_factory.mktemp("discover") / "moon"
    new_project(root)
    shutil.copy(CORPUS / "nasa-hwhap-ep114-value-of-the-moon.txt", root / "content/episodes")
    return analyse_site(Project(root))


def test_topics_are_named_by_glossary_phrases_not_their_separate_words(nasa):
    headwords = {t.term for t in nasa.glossary}
    names = [t.title.split(", ") for t in nasa.topics]
    assert any(part in headwords and " " in part for parts in names for part in parts), names
    for parts in names:
        words = [w.lower() for part in parts for w in part.split()]
        assert len(words) == len(set(words)), f"a word is named twice in {parts}"


def test_topic_names_keep_the_spelling_of_proper_nouns(nasa):
    text = nasa.episodes[0].transcript.source_text
    title_words = {w for t in nasa.topics for w in re.findall(r"[A-Za-z]+", t.title)}
    always_capitalised = {w for w in title_words if not re.search(rf"\b{w.lower()}\b", text)}
    assert always_capitalised, "expected a proper noun (Chandrayaan, LRO, ...) among the names"
    assert all(w[0].isupper() for w in always_capitalised)


def test_curating_the_glossary_renames_a_discovered_topic_but_keeps_its_address(nasa):
    """Links to /topics/<id>/ keep working when the glossary an editor writes changes the names."""
    from generator.discover import discover_topics
    bare = discover_topics(nasa.episodes, ())
    named = discover_topics(nasa.episodes, nasa.glossary)
    assert [t.title for t in bare] != [t.title for t in named]
    assert [t.id for t in bare] == [t.id for t in named]


def test_distinctive_units_score_higher_than_evenly_spread_ones():
    whole = Counter({"regolith": 10, "moon": 40, "said": 50})
    part = Counter({"regolith": 10, "moon": 8, "said": 10})
    scores = log_odds_z(part, whole)
    assert scores["regolith"] > 1.96 > scores["moon"]
    assert scores["said"] < scores["regolith"]
    assert log_odds_z(Counter({"moon": 3}), Counter({"moon": 3})) == {"moon": 0.0}


def test_a_discovered_topic_copied_from_knowledge_json_into_topics_yml_labels_the_same_passages(tmp_path):
    root = tmp_path / "moon"
    new_project(root)
    shutil.copy(CORPUS / "nasa-hwhap-ep114-value-of-the-moon.txt", root / "content/episodes")
    discovered = analyse_site(Project(root))
    exported = json.loads(render_site(discovered).pages["knowledge.json"])["topics"]
    assert all(topic["keywords"] for topic in exported) and any(topic["terms"] for topic in exported)
    pinned = [{key: topic[key] for key in ("id", "title", "description", "keywords", "terms")} for topic in exported]
    (root / "site_config" / "topics.yml").write_text(yaml.safe_dump({"topics": pinned}), encoding="utf-8")
    configured = analyse_site(Project(root))
    assert all(topic.curated for topic in configured.topics)
    assert configured.episodes[0].passage_topics == discovered.episodes[0].passage_topics


def test_a_name_word_said_mostly_in_one_phrase_is_named_by_that_phrase():
    from generator.discover import Candidate, _name
    words = Counter({"release": 12, "candidate": 5, "printer": 9, "firmware": 3})
    pairs = Counter({("release", "candidate"): 5, ("printer", "firmware"): 1, ("new", "printer"): 2})
    site = (words + Counter({"talk": 200, "release": 2, "printer": 1}), Counter())
    name = _name(Candidate(words, Counter(), pairs), site, {}, {})
    assert "release candidate" in name and "release" not in name and "candidate" not in name
    assert "printer" in name  # said in no phrase most of the time: stays one word


def test_a_chinese_site_is_cut_into_words_and_gets_topics_named_in_chinese(tmp_path):
    root = tmp_path / "zh"
    new_project(root)
    (root / "site_config" / "topics.yml").unlink()
    settings = root / "site_config" / "podsite.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("# language: en", "language: zh"), encoding="utf-8")
    for name in ("rockets.txt", "bread.txt"):  # written for this test: one episode about rockets, one about bread
        shutil.copy(Path(__file__).resolve().parent / "fixtures" / "zh" / name, root / "content/episodes")
    model = analyse_site(Project(root))
    assert {"火箭", "发动机", "燃料"} <= {w for e in model.episodes for passage in e.words for w in passage}
    titles = {t.id: t.title for t in model.topics}
    rockets = next(t for t, title in titles.items() if "火箭" in title)
    bread = next(t for t, title in titles.items() if "面包" in title)
    assert rockets != bread and all(re.fullmatch(r"[a-z0-9-]+", t) for t in titles)
    for episode, topic in zip(sorted(model.episodes, key=lambda e: e.id), (bread, rockets)):
        labelled = sum(1 for labels in episode.passage_topics if topic in labels)
        assert labelled >= 0.8 * len(episode.passages), (episode.id, titles[topic])


def test_a_site_that_is_one_topic_names_it_by_its_most_telling_words(tmp_path):
    """A short episode is one topic, the whole site: no word is more distinctive of it than of
    the site, so before it was named by the alphabetically first words ("Add, Arborio, arm")."""
    root = tmp_path / "kitchen"
    new_project(root)
    turns = ["Julia: Today we make risotto. Risotto needs rice, hot stock and patience.",
             "Marco: Add the rice to the pan first. Arborio rice or carnaroli rice, toasted dry.",
             "Julia: And the stock? How much stock goes into one risotto?",
             "Marco: A ladle of stock at a time. The rice drinks the stock slowly. Add more when it is dry.",
             "Julia: My arm gets tired from stirring risotto.",
             "Marco: Stir less, then. Good risotto rice forgives you, and warm stock helps the arm too.",
             "Julia: When is the risotto done?",
             "Marco: When the rice is soft outside and firm inside. Then butter, cheese, and the last stock."] * 3
    (root / "content/episodes/risotto.txt").write_text("\n\n".join(turns) + "\n", encoding="utf-8")
    topics = analyse_site(Project(root)).topics
    assert len(topics) == 1
    assert topics[0].title.split(", ")[0] in {"Risotto", "Rice", "Stock"}, topics[0].title


def test_a_discovered_topic_owns_the_glossary_terms_its_passages_say_most(nasa):
    """Its terms are the ones its own segments say more than the rest of the site; before, it
    borrowed the terms whose definitions (on a site without a glossary, sentences picked from
    any episode) read like its keywords, which drew another episode's passages in: on a site
    of 13 episodes, "Houston" filed six Apollo 11 calls under a startup's topic."""
    from generator.discover import discover_topics
    topics = discover_topics(nasa.episodes, nasa.glossary)
    episode = nasa.episodes[0]
    assert any(topic.terms for topic in topics)
    owned = [term for topic in topics for term in topic.terms]
    assert len(owned) == len(set(owned)), "a term is the own term of one topic at most"
    for topic in topics:
        passages = {p.id for p, labels in zip(episode.passages, episode.passage_topics) if topic.id in labels}
        for term in topic.terms:
            assert any(m.term == term and m.passage in passages for m in episode.mentions), (topic.title, term)
