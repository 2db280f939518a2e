"""Many episodes nobody here wrote, in one site: the seed, NASA, The Changelog and Apollo 11."""

import html
import json
import re
from collections import Counter
import shutil
from pathlib import Path

import pytest

from generator import engine
from generator.cli import generate
from generator.config import Project
from generator.glossary_import import import_glossary
from generator.scaffold import new_project

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "fixtures" / "corpus"
EPISODES = {
    "nasa-hwhap-ep114-value-of-the-moon.txt": None,
    "changelog-605-shipping-in-space.md": "podcast: The Changelog\ndate: 2024-09-04\n",
    "spacelog-apollo11-TEC-launch-to-docking.txt": "title: Apollo 11, launch to docking\ndate: 1969-07-16\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "site"
    new_project(root, "Corpus")
    shutil.copy(REPO / "content/episodes/manifold-2025-03-13-misha-laskin.txt", root / "content/episodes")
    shutil.copy(REPO / "content/episodes/manifold-2025-03-13-misha-laskin.yml", root / "content/episodes")
    for name, sidecar in EPISODES.items():
        shutil.copy(CORPUS / name, root / "content/episodes" / name)
        if sidecar:
            (root / "content/episodes" / name).with_suffix(".yml").write_text(sidecar)
    shutil.copy(REPO / "content/glossary.yml", root / "content/glossary.yml")
    import_glossary(Project(root), CORPUS / "spacelog-glossary-apollo.json")
    generate(Project(root))
    engine.build(Project(root))  # strict
    return root


def knowledge(site):
    return json.loads((site / "site/knowledge.json").read_text())


def test_every_episode_gets_its_pages_and_the_home_page_lists_them_newest_first(site):
    data = knowledge(site)
    assert len(data["episodes"]) == 4
    for episode in data["episodes"]:
        assert (site / "site" / episode["url"] / "index.html").exists()
        assert (site / "site" / episode["url"] / "transcript" / "index.html").exists()
    home = (site / "docs/index.md").read_text()
    order = [home.index(title) for title in ("From Physics to SuperIntelligence", "Changelog", "Apollo 11, launch")]
    assert order == sorted(order)


def test_speakers_and_roles_come_from_the_labels(site):
    data = {e["id"]: e for e in knowledge(site)["episodes"]}
    nasa = data["nasa-hwhap-ep114-value-of-the-moon"]
    assert {"name": "Pat Ryan", "role": "host"} in nasa["people"]
    speakers = {p["speaker"] for p in nasa["passages"]}
    assert {"Pat Ryan", "Samuel Lawrence"} <= speakers
    transcript = (site / "docs/episodes/changelog-605-shipping-in-space/transcript.md").read_text()
    assert "**Justin Garrison**" in transcript and "**Andrew Guenther**" in transcript


def test_times_are_kept_per_passage(site):
    data = {e["id"]: e for e in knowledge(site)["episodes"]}
    apollo = data["spacelog-apollo11-tec-launch-to-docking"]["passages"]
    assert apollo[0]["time"] == 4.0 and apollo[0]["speaker"] == "CDR"
    assert any(p["time"] for p in data["changelog-605-shipping-in-space"]["passages"])
    transcript = (site / "docs/episodes/spacelog-apollo11-tec-launch-to-docking/transcript.md").read_text()
    assert "**CDR** · 0:04 ·" in transcript


def test_spacelog_glossary_marks_become_mentions_of_imported_terms(site):
    terms = {t["id"]: t for t in knowledge(site)["terms"]}
    mentions = terms["s-ivb"]["mentions"]
    assert mentions and all(m["text"] == "S-IVB" for m in mentions)
    assert {m["episode"] for m in mentions} == {"spacelog-apollo11-tec-launch-to-docking"}


def test_discovered_topics_gather_passages_from_several_episodes_grouped_by_episode(site):
    data = knowledge(site)
    assert 4 <= len(data["topics"]) <= 8 + 4 * 3  # a few per episode, at most 4 more for each further one
    passages_of = Counter(t for e in data["episodes"] for p in e["passages"] for t in p["topics"])
    for episode in data["episodes"]:  # each episode's own subject is a topic, not only other episodes' topics
        labels = Counter(t for p in episode["passages"] for t in p["topics"])
        own = [t for t, n in labels.items() if 2 * n >= passages_of[t] and 10 * n >= len(episode["passages"])]
        assert own, (episode["id"], labels)
    people = {w.lower() for e in data["episodes"] for person in e["people"] for w in person["name"].split()}
    assert not [t["title"] for t in data["topics"] if people & set(re.findall(r"\w+", t["title"].lower()))]
    spanning = []
    for topic in data["topics"]:
        page = (site / "docs" / "topics" / f"{topic['id']}.md").read_text()
        headings = re.findall(r"^### (.+)$", page.split("## Every passage, in order")[1], re.M)
        if len(headings) > 1:
            spanning.append(topic["id"])
    assert spanning, "no topic gathers passages from more than one episode"


def test_glossary_entries_list_mentions_across_episodes(site):
    terms = {t["id"]: t for t in knowledge(site)["terms"]}
    across = [t for t in terms.values() if len({m["episode"] for m in t["mentions"]}) > 1]
    assert across, "no glossary term is mentioned in more than one episode"
    example = across[0]
    page = (site / "docs/glossary" / f"{example['id']}.md").read_text()
    assert len(re.findall(r"^### ", page, re.M)) >= 2


def test_discovered_topic_names_with_commas_stay_apart_in_passage_headers(site):
    headers = [line.split(" · Topics: ", 1)[1] for page in (site / "docs/topics").glob("*.md")
               for line in page.read_text().splitlines() if " · Topics: " in line]
    several = [h for h in headers if h.count("](") > 1]
    assert several, "no passage belongs to more than one topic"
    assert all("), [" not in h and "); [" in h for h in several)


def test_key_points_on_a_site_of_several_episodes_say_which_episode_they_come_from(site):
    titles = {e["title"] for e in knowledge(site)["episodes"]}
    for page in (site / "docs/topics").glob("*.md"):
        text = page.read_text()
        if "## Key points" not in text:
            continue
        points = re.findall(r"^1\. .*$", text.split("## Key points")[1].split("\n## ")[0], re.M)
        assert points and all(re.search(r"\[([^\]]+), ¶ \d+\]", p) for p in points), page.name
        cited = {html.unescape(m) for p in points for m in re.findall(r"\[([^\]]+), ¶ \d+\]", p)}
        assert cited <= titles, cited


def test_a_topic_lists_the_episodes_it_takes_most_of_first(site):
    """Each topic's share of each episode, largest first; the topic lists give the share of the whole site."""
    for page in (site / "docs/topics").glob("*.md"):
        if page.name == "index.md":
            assert re.search(r"— \d+% of all that is said in the \d episodes", page.read_text())
            continue
        line = next(l for l in page.read_text().splitlines() if l.startswith("**Share of each episode it is in:**"))
        shares = [int(n) for n in re.findall(r"(\d+)% of \[", line)]
        assert shares and shares == sorted(shares, reverse=True), (page.name, line)


def test_discovered_topics_are_named_by_things_not_by_verbs_or_answers(site):
    """"Expecting, step, act" or "Antenna, ground, Yup" tell a reader nothing."""
    for topic in knowledge(site)["topics"]:
        parts = topic["title"].split(", ")
        verbs = [p for p in parts if " " not in p and p[1:].islower() and p.lower().endswith(("ing", "ed"))]
        assert not verbs, topic["title"]
        assert not re.search(r"\b(?:Yup|Yep|Nope)\b", topic["title"] + topic["description"]), topic
