"""What a reader sees on the seed site's pages, rendered through the site's own Markdown
extensions: quotes kept apart, passages set off by their headers, mentions in a sensible
order, the map readable on a phone, and plain English in the running text."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.config import Project
from generator.pipeline import analyse_site
from generator.render import STYLESHEET, render_site
from generator.render.markup import percent
from generator.render.topics import _reason
from tests.test_markup import site_markdown

REPO = Path(__file__).resolve().parents[1]
EPISODE = "episodes/manifold-2025-03-13-misha-laskin"


@pytest.fixture(scope="module")
def pages():
    return render_site(analyse_site(Project(REPO))).pages


def html(markdown_text: str) -> str:
    return site_markdown().convert(markdown_text)


def section(page: str, heading: str) -> str:
    return page.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_each_quote_is_its_own_blockquote_with_its_source_under_it(pages):
    quotes = section(pages["topics/rl-history.md"], "Quotes")
    shown = html(quotes)
    count = len(re.findall(r"^> ", quotes, re.M))
    assert count >= 2
    assert shown.count("<blockquote>") == count  # Markdown merges quotes only a blank line apart
    assert len(re.findall(r'</blockquote>\s*<p class="podsite-cite">— <a href="[^"]*transcript\.md#p\d{3}">¶ \d+</a>',
                          shown)) == count


def test_passages_on_a_topic_page_are_set_off_like_the_transcripts(pages):
    shown = html(section(pages["topics/rl-history.md"], "Every passage, in order"))
    headers = re.findall(r'<p class="podsite-meta"><a href="[^"]*#p\d{3}">¶ \d+</a> · Topics: ', shown)
    assert len(headers) == shown.count('<p class="podsite-passage">') > 10
    assert shown.count("<p") == 2 * len(headers)  # nothing else in between


def test_mention_groups_follow_the_topics_line_and_untopical_passages_come_last(pages):
    page = pages["glossary/alphago.md"]
    topics_line = re.search(r"^\*\*Topics:\*\* (.*)$", page, re.M).group(1)
    listed = re.findall(r"\[([^\]]+)\]\(\.\./topics/", topics_line)
    groups = re.findall(r"^\*\*\[?([^\]*]+)\]?(?:\([^)]*\))?\*\*$", section(page, "Mentions (17)"), re.M)
    assert groups[-1] == "Other passages"
    assert groups[:-1] == [title for title in listed if title in groups]


def test_misheard_terms_are_shown_as_said_with_the_right_word_in_brackets(pages):
    shown = html(pages[f"{EPISODE}/transcript.md"])
    assert '>Chat TTP</a> <span class="podsite-heard">&#91;ChatGPT&#93;</span> came out' in shown
    assert "**Misheard by speech recognition as:** Chat TTP, chad chicka t" in pages["glossary/chatgpt.md"]
    assert "podsite-heard" not in section(pages["glossary/chatgpt.md"], "Mentions (3)")  # snippets stay as said


def test_a_transcript_without_speakers_says_so(pages):
    assert "The source does not say who speaks when" in pages[f"{EPISODE}/transcript.md"]


def test_the_terms_said_most_leave_out_the_people_taking_part(pages):
    said_most = section(pages[f"{EPISODE}/index.md"], "Terms discussed most")
    assert "Reinforcement learning" in said_most
    assert "Misha Laskin" not in said_most and "Steve Hsu" not in said_most


def test_a_passage_that_names_a_term_several_times_is_listed_once(pages):
    mentions = section(pages["glossary/alphago.md"], "Mentions (17)")
    passages = re.findall(r"^- \[¶ (\d+)\]", mentions, re.M)
    assert len(passages) == len(set(passages)) < 17
    assert re.search(r"^- \[¶ 27\].*\(said 3 times here\)$", mentions, re.M)


def test_snippets_mark_only_the_cuts_with_an_ellipsis(pages):
    page = pages["glossary/alphago.md"]
    assert "#p001): **AlphaGo** never stopped improving. It became super…" in page  # the passage starts there
    assert re.search(r"#p019\): ….*\*\*AlphaGo\*\*.*…$", page, re.M)


def test_the_map_keeps_a_readable_size_on_a_phone_and_scrolls_sideways(pages):
    shown = html(pages["graph.md"])
    assert re.search(r'<p class="podsite-graph-scroll"><svg class="podsite-graph" ', shown)
    css = pages["assets/podsite.css"]
    assert ".podsite-graph-scroll { overflow-x: auto; }" in css
    assert re.search(r"\.podsite-graph-scroll \.podsite-graph \{ min-width: \d+px; \}", css)
    assert STYLESHEET.read_text(encoding="utf-8") == css


def test_the_episode_page_names_languages_in_words(pages):
    page = pages[f"{EPISODE}/index.md"]
    assert "- **Language:** English" in page
    assert "**A summary of what Misha Laskin says (in Chinese)**" in page  # the source page wrote it, not him
    assert "**A summary of what Steve Hsu says (in Chinese)**" in page


def test_a_glossary_term_with_commas_in_its_name_stays_one_item_on_the_home_page(pages):
    terms = [line for line in pages["index.md"].splitlines() if line.startswith("[AI agent]")][0]
    assert "[Gödel, Escher, Bach](glossary/godel-escher-bach.md" in terms
    assert ", [" not in terms and terms.count("\u00a0· [") == terms.count("](glossary/") - 1


def test_related_topic_reasons_read_as_english():
    one = SimpleNamespace(both=1, adjacent=1, shared_terms=())
    two = SimpleNamespace(both=3, adjacent=2, shared_terms=())
    many = SimpleNamespace(both=3, adjacent=5, shared_terms=())
    assert _reason(None, one, "topics/x.md") == "1 passage discusses both; the conversation moves between them once"
    assert _reason(None, two, "topics/x.md") == "3 passages discuss both; the conversation moves between them twice"
    assert _reason(None, many, "topics/x.md") == "3 passages discuss both; the conversation moves between them 5 times"


def test_a_share_that_rounds_to_nothing_is_not_shown_as_zero():
    assert [percent(s) for s in (0, 0.001, 0.005, 0.006, 0.4)] == ["0%", "<1%", "<1%", "1%", "40%"]


def test_the_transcript_is_divided_into_parts_named_by_their_topics_and_terms(pages):
    page = pages[f"{EPISODE}/transcript.md"]
    headings = re.findall(r"^## Part (\d+) · ([^·]+) · (.+) \{#part-(\d+)\}$", page, re.M)
    assert len(headings) >= 5  # a table of contents, and search hits that open near the passage
    assert [int(h[0]) for h in headings] == [int(h[3]) for h in headings] == list(range(1, len(headings) + 1))
    titles = {"The physics perspective", "Pretraining", "Reasoning models", "History of reinforcement learning"}
    assert all(set(h[1].split("; ")) <= titles for h in headings)
    assert headings[0][1] == "The physics perspective"  # the guest's path into physics opens the talk
    assert len({h[1:3] for h in headings}) == len(headings)  # terms tell apart neighbouring parts of one topic
    assert "Meta-learning" in {term for h in headings for term in h[2].split(", ")}
    assert page.index("## Part 1") < page.index("{: #p001 ")
    assert '<h2 id="part-2">' in html(page.split("\n---\n", 1)[1])


def test_a_mention_in_a_passage_of_several_topics_is_listed_under_the_terms_main_one(pages):
    page = pages["glossary/reinforcement-learning.md"]
    topics_line = re.search(r"^\*\*Topics:\*\* (.*)$", page, re.M).group(1)
    rank = {topic: i for i, topic in enumerate(re.findall(r"\(\.\./topics/([\w-]+)\.md\)", topics_line))}
    data = json.loads(pages["knowledge.json"])
    labels = {p["id"]: p["topics"] for p in data["episodes"][0]["passages"]}
    group, checked = None, 0
    for line in section(page, "Mentions (49)").splitlines():
        heading = re.match(r"^\*\*\[[^\]]+\]\(\.\./topics/([\w-]+)\.md\)\*\*$", line)
        group = heading.group(1) if heading else group
        passage = re.match(r"^- \[¶ \d+\]\([^)]*#(p\d{3})\)", line)
        if passage and len(labels[passage.group(1)]) > 1:
            assert group == min(labels[passage.group(1)], key=lambda t: rank.get(t, len(rank)))
            checked += 1
    assert checked >= 5  # passages of two topics are common here
