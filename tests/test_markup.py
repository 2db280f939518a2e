"""Transcript text is untrusted: rendered through the site's own Markdown extensions,
nothing in it may become markup."""

import html
import re
from pathlib import Path

import markdown
import pytest
import yaml

from generator.model import Mention, Passage
from generator.render.markup import escape, linked_text, relative
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
    terms = {"rl": ("glossary/rl.md", 'Learning by "reward"')}
    out = linked_text(passage, mentions, "episodes/e/transcript.md", terms)
    assert out.count("](../../glossary/rl.md") == 1
    rendered = site_markdown().convert(out)
    assert '<a href="../../glossary/rl.md" title="Learning by \'reward\'">RL</a>' in rendered
    assert "<b>" not in rendered


def test_relative_links_between_pages():
    assert relative("episodes/x/transcript.md", "glossary/rl.md") == "../../glossary/rl.md"
    assert relative("index.md", "topics/a.md", "p001") == "topics/a.md#p001"
