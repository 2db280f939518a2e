"""Transcript text is untrusted: rendered through the site's own Markdown extensions,
nothing in it may become markup."""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from generator.model import Mention, Passage
from generator.render.common import banner, front_matter
from generator.render.markup import TermLink, escape, link, linked_text, relative, tooltip, web_url
from generator.textmap import MappedText

REPO = Path(__file__).resolve().parents[1]


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def site_markdown() -> markdown.Markdown:
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=_Loader)
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, settings = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, {}))
        if name == "pymdownx.snippets":
            continue  # needs the generated abbreviations file; tested end to end
        if name == "pymdownx.superfences":
            settings = {}
        names.append(name)
        options[name] = settings or {}
    return markdown.Markdown(extensions=names + ["pymdownx.details", "pymdownx.mark", "pymdownx.keys",
                                                  "pymdownx.tilde", "pymdownx.caret", "pymdownx.critic"],
                             extension_configs=options)


HOSTILE = [
    "<script>alert(1)</script>",
    "**bold** and _italic_ and `code`",
    "[a link](http://evil.example) ![img](x.png)",
    "# not a heading",
    "- not a list",
    "1. not a list either",
    "> not a quote",
    "--8<-- \"secrets.txt\"",
    "{{ jinja }} {% block %}",
    "*[HTML]: not an abbreviation",
    "!!! note \"not an admonition\"",
    "??? not details",
    "==marked== ++ctrl+alt++ ~~gone~~ ^^up^^ {++added++}",
    "| a | table |",
    "&amp; stays literal &lt;",
    "x{: #injected .class }",
    "<http://autolink.example>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_the_same_plain_text(text):
    rendered = site_markdown().convert(escape(text))
    assert re.fullmatch(r"<p>.*</p>", rendered, re.S), rendered
    inner = rendered[3:-4]
    assert "<" not in inner.replace("&lt;", ""), rendered
    assert html.unescape(inner) == text


def test_linked_terms_link_once_per_passage_and_keep_the_rest_escaped():
    text = "RL is <b>great</b>; RL again"
    passage = Passage("p001", 1, MappedText.verbatim(text, 0, len(text)), 0, len(text), 1)
    mentions = [Mention("rl", "e", "p001", 0, 2, "RL", 0, 2), Mention("rl", "e", "p001", 20, 22, "RL", 20, 22)]
    terms = {"rl": TermLink("glossary/rl.md", 'Learning by "reward"')}
    out = linked_text(passage, mentions, "episodes/e/transcript.md", terms)
    assert out.count("](../../glossary/rl.md") == 1
    elements = Elements.of(site_markdown().convert(out))
    assert [tag for tag, _ in elements.tags] == ["p", "a", "abbr"]
    assert elements.tags[1][1] == {"href": "../../glossary/rl.md", "title": 'Learning by "reward"'}
    assert elements.text == "RL is <b>great</b>; RL again"


def test_a_misheard_term_keeps_its_words_and_shows_the_headword_in_brackets():
    text = "I played with Chat TTP, then chad chicka t again"
    passage = Passage("p001", 1, MappedText.verbatim(text, 0, len(text)), 0, len(text), 1)
    mentions = [Mention("chatgpt", "e", "p001", 14, 22, "Chat TTP", 14, 22),
                Mention("chatgpt", "e", "p001", 29, 42, "chad chicka t", 29, 42)]
    terms = {"chatgpt": TermLink("glossary/chatgpt.md", "A chatbot <by OpenAI>", "Chat[GPT]*",
                                 frozenset({"chat ttp", "chad chicka t"}))}
    elements = Elements.of(site_markdown().convert(linked_text(passage, mentions, "episodes/e/transcript.md", terms)))
    assert elements.text == "I played with Chat TTP [Chat[GPT]*], then chad chicka t [Chat[GPT]*] again"
    assert [tag for tag, _ in elements.tags] == ["p", "a", "span", "abbr", "span"]


def test_relative_links_between_pages():
    assert relative("episodes/x/transcript.md", "glossary/rl.md") == "../../glossary/rl.md"
    assert relative("index.md", "topics/a.md", "p001") == "topics/a.md#p001"


class Elements(HTMLParser):
    """The elements of rendered HTML with their (decoded) attributes, and its text."""

    def __init__(self):
        super().__init__()
        self.tags, self.text = [], ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data

    @classmethod
    def of(cls, rendered: str) -> "Elements":
        parser = cls()
        parser.feed(rendered)
        return parser


ATTRIBUTE_HOSTILE = HOSTILE + [
    "alert('x') and (an open paren",
    'it\'s "quoted" `ticked` \\ back\\slashed',
    '" onmouseover="alert(1)',
    "</abbr><img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("text", ATTRIBUTE_HOSTILE)
def test_hostile_tooltips_stay_one_title_and_show_the_same_text(text):
    """Definitions become link titles and <abbr> titles: quotes, parentheses, backticks
    and markup in them must neither end the title nor add elements."""
    rendered = site_markdown().convert(link("label", "a.md", "b.md", title=text) + " and " + tooltip("word", text))
    elements = Elements.of(rendered)
    assert [tag for tag, _ in elements.tags] == ["p", "a", "abbr"], rendered
    assert elements.tags[1][1] == {"href": "b.md", "title": text}
    assert elements.tags[2][1] == {"title": text}
    assert elements.text == "label and word"


@pytest.mark.parametrize("text", ATTRIBUTE_HOSTILE)
def test_page_titles_are_inert_where_the_theme_prints_them_unescaped(text):
    """Material prints page.meta.title and description into <title>, the header and a
    <meta content="..."> without escaping, so they must carry no markup characters."""
    meta = yaml.safe_load(front_matter(text, text).strip().strip("-"))
    for value in (meta["title"], meta["description"]):
        assert not set("<>\"'`{}") & set(value), value
        assert html.unescape(value) == text


def test_web_addresses_link_only_to_http_and_cannot_break_the_link():
    assert web_url("javascript:alert(1)") is None
    assert web_url("&#106;avascript:alert(1)") is None
    assert web_url(" data:text/html,<script>alert(1)</script>") is None
    assert web_url("episode-12.mp3") is None  # relative: nothing on the site to link to
    target = web_url('https://example.org/a b"(c)<d>.mp3?x=1&y=&#106;')
    elements = Elements.of(site_markdown().convert(f"[audio]({target}#t=5)"))
    assert [tag for tag, _ in elements.tags] == ["p", "a"]
    assert elements.tags[1][1]["href"] == "https://example.org/a%20b%22%28c%29%3Cd%3E.mp3?x=1&y=&#106;#t=5"


def test_control_characters_are_dropped_and_spaces_joined():
    assert escape("bell\x07 esc\x1b[31m del\x7f\ttab\u2028line") == "bell esc&#91;31m del tab line"
    assert html.unescape(tooltip("w", "a\x00b\x9fc")) == '<abbr title="abc">w</abbr>'
    assert escape("Eve\u202e (12:00)\u2066 x\u2069") == "Eve (12&#58;00) x"  # no reversed text after a name


def test_a_file_name_cannot_close_the_generated_file_comment():
    rendered = site_markdown().convert(banner("content/episodes/a--><img src=x onerror=alert(1)>.txt") + "\ntext")
    assert Elements.of(rendered).tags == [("p", {})], rendered
