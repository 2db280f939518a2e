"""The web of the seed site: every alias found, every mention real, every entry used."""

import re
from pathlib import Path

import pytest

from generator.analyse import load_pipeline
from generator.config import Project
from generator.pipeline import analyse_site
from generator.render import render_site
from generator.terms import index_terms, key_of

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def model():
    return analyse_site(Project(REPO))


@pytest.fixture(scope="module")
def pages(model):
    return render_site(model).pages


def test_every_alias_said_in_the_transcript_is_recognised(model):
    episode = model.episodes[0]
    spans = {}  # a longer term may cover the alias ("AlphaGo" inside "AlphaGo Zero")
    for mention in episode.mentions:
        spans.setdefault(mention.passage, []).append((mention.local_start, mention.local_end))
    missed = []
    for passage in episode.passages:
        for term in model.glossary:
            for form in (term.term, *term.aliases):
                flags = 0 if form.isupper() else re.I
                for said in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", passage.text.text, flags):
                    covered = spans.get(passage.id, [])
                    if not any(start <= said.start() and said.end() <= end for start, end in covered):
                        missed.append((passage.id, term.id, said.group()))
    assert missed == []


def test_every_entry_is_mentioned_or_marked_background(model):
    mentioned = {m.term for e in model.episodes for m in e.mentions}
    unused = [t.id for t in model.glossary if t.id not in mentioned and not t.background]
    wrongly_background = [t.id for t in model.glossary if t.id in mentioned and t.background]
    assert unused == [] and wrongly_background == []


def test_every_mention_is_really_that_term(model):
    nlp = load_pipeline("blank")
    index = index_terms(nlp, model.glossary)
    for episode in model.episodes:
        for mention in episode.mentions:
            assert episode.transcript.source_text[mention.start:mention.end] == mention.text
            key = key_of([t.text for t in nlp.make_doc(mention.text)])
            assert index.keys[key][0] == mention.term, mention


def test_term_pages_group_mentions_by_topic_with_snippets_and_links(pages):
    page = pages["glossary/alphago.md"]
    assert page.startswith("---\ntitle: \"AlphaGo\"")
    assert "## Mentions (" in page
    assert "**[History of reinforcement learning](../topics/rl-history.md)**" in page
    assert re.search(r"- \[¶ \d+\]\(\.\./episodes/manifold-2025-03-13-misha-laskin/transcript\.md#p\d{3}\): ….*\*\*AlphaGo\*\*", page)
    assert "**Related terms:**" in page and "**Topics:**" in page


def test_people_and_organisation_indexes(pages):
    people = pages["glossary/people.md"]
    assert "**[Steve Hsu](steve-hsu.md)** — host" in people and "**[Misha Laskin](misha-laskin.md)** — guest" in people
    assert "[Volodymyr Mnih](volodymyr-mnih.md" in people
    organisations = pages["glossary/organisations.md"]
    assert "[DeepMind](deepmind.md" in organisations and "Volodymyr" not in organisations


def test_glossary_index_is_a_to_z_and_by_kind(pages):
    index = pages["glossary/index.md"]
    assert index.index("### A") < index.index("### D") < index.index("## By kind") < index.index("### People")


def test_timeline_lists_dated_terms_in_order_with_links(pages):
    timeline = pages["timeline.md"]
    years = [int(y) for y in re.findall(r"^\| (\d{4}) \|", timeline, re.M)]
    assert years == sorted(years) and 2013 in years and 2016 in years
    assert "[Deep Q-Network](glossary/dqn.md" in timeline


def test_graph_is_a_capped_svg_of_topics_and_the_terms_that_connect_them(pages, model):
    graph = pages["graph.md"]
    svg = re.search(r"<svg .*</svg>", graph).group(0)
    topics = re.findall(r'<rect [^>]*class="topic"/>', svg)
    terms = re.findall(r'<rect [^>]*class="term"/>', svg)
    assert len(topics) == len(model.topics) and 0 < len(terms) <= 5 * len(model.topics)
    assert '<a href="../topics/pretraining/">' in svg and '<a href="../glossary/alphago/">' in svg
    assert len(re.findall(r'<line ', svg)) <= 5 * len(model.topics)


def test_links_never_nest_and_headings_carry_no_links(pages):
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        assert not re.search(r"\[[^\]]*\[[^\]]*\]\([^)]*\)[^\]]*\]\(", text), path
        for heading in re.findall(r"^#+ .*$", text, re.M):
            assert "](" not in heading, (path, heading)


def test_people_in_the_episodes_are_listed_alphabetically_whatever_their_case(tmp_path):
    """Names written in capitals ("DR. SAM HOLLIS", "CC") sort among the others, not before them."""
    from tests.conftest import make_project
    said = ("DR. SAM HOLLIS: Welcome to the clinic hour.\n\nDale Harmon: Thanks, doctor.\n\nCC: Radio check.\n\n"
            "Ann Berg: Loud and clear.\n\nDR. SAM HOLLIS: Good.\n\nDale Harmon: Good.\n")
    root = make_project(tmp_path / "site", {"clinic.txt": said})
    people = render_site(analyse_site(Project(root))).pages["glossary/people.md"]
    listed = re.findall(r"^- \*\*(.+?)\*\* —", people, re.M)
    assert listed == ["Ann Berg", "CC", "Dale Harmon", "DR. SAM HOLLIS"], listed
