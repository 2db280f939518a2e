"""Topic assignment: runs of topics, questions that set the topic of answers, teasers."""

import json
import subprocess
import sys
from pathlib import Path

from generator.classify import EpisodeEvidence, classify_site, label_runs, site_signals, twins
from generator.model import Mention, Term, Topic

REPO = Path(__file__).resolve().parents[1]

COOKING = Topic("cooking", "Cooking", "Food and recipes.", keywords=("recipe", "oven", "bake", "flour", "dough"))
STARS = Topic("stars", "Astronomy", "Stars and telescopes.", keywords=("telescope", "star", "galaxy", "orbit"))


def words_of(text):
    return tuple(w.strip(".,?!").lower().rstrip("s") for w in text.split() if len(w) > 3)


def classify(paragraphs, topics=(COOKING, STARS), glossary=(), mentions=None):
    words = [words_of(p) for p in paragraphs]
    signals = site_signals(topics, glossary, words_of, lambda word: 1.0)
    return classify_site([EpisodeEvidence(words, mentions or [[] for _ in paragraphs])], signals)[0]


def test_a_topic_runs_over_passages_that_do_not_name_it():
    labels = classify([
        "We bake bread: flour, dough, a hot oven and a good recipe.",
        "Then you wait for a while and keep an eye on the colour.",  # no keyword, still about baking
        "Knead the dough again, recipe says the oven must be hot, bake it.",
        "Meanwhile the telescope points at a galaxy and a star in orbit.",
        "The telescope sees the star and its orbit around the galaxy core.",
    ])
    assert labels == (("cooking",), ("cooking",), ("cooking",), ("stars",), ("stars",))


def test_a_question_takes_the_topic_of_its_answer():
    labels = classify([
        "So what did you see that night?",
        "A galaxy through the telescope, every star sharp, a planet in orbit.",
        "The telescope tracked that galaxy and the star cluster for hours.",
    ])
    assert labels[0] == ("stars",)


def test_small_talk_far_from_any_topic_gets_none():
    labels = classify([
        "Thanks for having me, it is lovely to be here today with everyone.",
        "Nice weather outside, great to see you all, hello hello.",
        "Lovely to chat, looking forward to it, all good, wonderful.",
        "Let us begin whenever you are ready, no rush at all my friend.",
        "We bake bread with flour and dough in a hot oven from a recipe.",
        "The recipe needs more flour, the dough rests, the oven heats, we bake.",
    ])
    assert labels[0] == () and labels[-1] == ("cooking",)


def test_a_passage_can_carry_two_topics():
    labels = classify([
        "We bake bread with flour in the oven while the telescope cools.",
        "A recipe for dough, then the star and galaxy through the telescope in orbit.",
        "Flour, oven, recipe; telescope, star, galaxy: both at once, we bake and watch the orbit.",
    ])
    assert labels[1] == ("cooking", "stars")


def test_label_runs_is_the_exact_minimum_cost_labelling():
    assert label_runs([0.9, 0.0, 0.9], threshold=0.3, switch=0.5) == [True, True, True]
    assert label_runs([0.9, 0.0, 0.0, 0.0, 0.9], threshold=0.3, switch=0.2) == [True, False, False, False, True]
    assert label_runs([0.1, 0.1], threshold=0.3, switch=0.1) == [False, False]


def test_a_teaser_is_the_twin_of_the_passage_it_repeats():
    teaser = "alphago never stopped improving became super intelligent could have sunk more resources"
    later = "going back alphago never stopped improving became super intelligent could have sunk more resources into"
    words = [teaser.split(), "completely different words about gardening and soil".split(), later.split()]
    assert twins(words)[0] == (2,)


def test_seed_topic_scores_do_not_regress():
    """Guards the measured quality on the hand-labelled seed (bench/topics.py, README)."""
    result = subprocess.run([sys.executable, str(REPO / "bench" / "topics.py"), "--json"],
                            capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout)
    assert scores["podsite"]["all"]["micro"] >= 0.78
    assert scores["podsite"]["held-out"]["micro"] >= 0.78
    assert scores["podsite"]["all"]["micro"] > scores["keywords-per-paragraph"]["all"]["micro"] + 0.1
    # a topics.yml without the curated signals still does far better than matching keywords
    assert scores["podsite, descriptions only"]["all"]["micro"] >= 0.72
    assert scores["podsite, no terms listed"]["all"]["micro"] >= 0.80


def test_external_topic_scores_do_not_regress():
    """Guards bench/external_topics.py, topics from titles and descriptions alone on labels nobody
    here wrote: the meeting's score as measured (README); the Spacelog score (0.013) is too low to guard."""
    result = subprocess.run([sys.executable, str(REPO / "bench" / "external_topics.py"), "--json"],
                            capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout)
    assert set(scores) == {"QMSum Bro025", "Spacelog Apollo 11"}
    assert scores["QMSum Bro025"]["podsite"]["micro"] >= 0.15


def test_a_topic_with_only_a_title_and_description_still_finds_its_passages():
    bare = Topic("stars", "Astronomy", "Telescopes, stars and galaxies in orbit.")
    labels = classify([
        "We bake bread: flour, dough, a hot oven and a good recipe.",
        "Knead the dough, follow the recipe, bake it in the oven.",
        "The telescope points at a galaxy and a star in orbit.",
        "Stars and galaxies, seen through a telescope, move in orbit.",
    ], topics=(COOKING, bare))
    assert labels == (("cooking",), ("cooking",), ("stars",), ("stars",))


def test_a_topic_without_terms_borrows_the_glossary_terms_defined_like_it():
    telescope = Term("hubble", "Hubble", "system", "A space telescope in orbit that photographs distant galaxies and stars.")
    sourdough = Term("levain", "Levain", "concept", "A starter of flour and water that makes bread dough rise in the oven.")
    bare_stars = Topic("stars", "Astronomy", "Telescopes, stars and galaxies in orbit.")
    bare_cooking = Topic("cooking", "Cooking", "Bread, dough and the oven.")
    paragraphs = ["Hubble, Hubble, and again Hubble.", "Hubble was launched then.", "Levain, levain, levain.",
                  "The levain sat overnight."]
    mentions = [[Mention(term, "e", f"p{i}", 0, 0, "", 0, 0) for _ in range(3 if i % 2 == 0 else 1)]
                for i, term in enumerate(["hubble", "hubble", "levain", "levain"])]
    labels = classify(paragraphs, topics=(bare_cooking, bare_stars), glossary=(telescope, sourdough), mentions=mentions)
    assert labels == (("stars",), ("stars",), ("cooking",), ("cooking",))
    # a topic that lists its own terms keeps to them
    listed = classify(paragraphs, topics=(bare_cooking, Topic("stars", "Astronomy", "Telescopes.", terms=("other",))),
                      glossary=(telescope, sourdough), mentions=mentions)
    assert all("stars" not in topics for topics in listed)


def test_a_few_stray_signals_in_an_off_topic_episode_decide_nothing():
    on_topic = ["We bake bread with flour and dough in the oven from a recipe."] * 6
    off_topic = ["The council met about parking and road repairs downtown today.",
                 "Someone mentioned a recipe once, then back to the road repairs.",
                 "Parking permits, road works and the council budget again."]
    words = [[words_of(p) for p in on_topic], [words_of(p) for p in off_topic]]
    signals = site_signals((COOKING, STARS), (), words_of, lambda word: 1.0)
    episodes = [EpisodeEvidence(w, [[] for _ in w]) for w in words]
    together = classify_site(episodes, signals)
    assert together[0] == (("cooking",),) * 6
    assert together[1] == ((), (), ())
    assert classify_site(episodes[1:], signals) == [((), (), ())]  # alone, its own little evidence is not the yardstick


def test_a_teaser_takes_the_topics_of_the_passage_it_previews_not_of_its_neighbours():
    teaser = "Through the telescope a galaxy, a star in orbit: that night changed everything for me."
    labels = classify([
        teaser,
        "We bake bread with flour and dough in a hot oven from a recipe.",
        "The recipe needs more flour, the dough rests, the oven heats, we bake.",
        "Knead the dough again, recipe says the oven must be hot, bake it.",
        "Later I bought a telescope. " + teaser,
        "The telescope tracked that galaxy and the star cluster for hours.",
    ])
    assert labels[0] == labels[4] == ("stars",)
    assert labels[1:4] == (("cooking",),) * 3
