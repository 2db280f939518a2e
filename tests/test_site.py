"""End to end: the real default site, built strictly by MkDocs in a copy of the project."""

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from generator import engine
from generator.cli import generate
from generator.config import Project
from generator.errors import PodsiteError

REPO = Path(__file__).resolve().parents[1]
PROJECT_FILES = ["content", "site_config", "mkdocs.yml", "docs/about.md"]


def copy_project(target: Path) -> Path:
    for name in PROJECT_FILES:
        source, destination = REPO / name, target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination)
        else:
            shutil.copy(source, destination)
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("site"))
    generate(Project(root))
    engine.build(Project(root))  # strict: any broken link or anchor raises
    return root


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if attributes.get("id"):
            self.ids.add(attributes["id"])


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def page_file(site: Path, url: str) -> Path:
    path = site / urlparse(url).path.lstrip("/")
    return path / "index.html" if url.endswith("/") or not path.suffix else path


def reachable(site: Path) -> set[str]:
    """Every page reachable by following links from the home page."""
    seen, queue = set(), ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        target = page_file(site, url)
        if target.suffix != ".html" or not target.exists():
            continue
        for href in parse(target).hrefs:
            absolute = urljoin(url, href)
            if urlparse(href).scheme or absolute.startswith("//"):
                continue
            queue.append(urlparse(absolute).path)
    return seen


def test_every_generated_page_is_reachable_from_the_home_page(built):
    knowledge = json.loads((built / "site" / "knowledge.json").read_text())
    pages = reachable(built / "site")
    expected = {"/" + t["url"] for t in knowledge["topics"]} | {"/" + t["url"] for t in knowledge["terms"]}
    for episode in knowledge["episodes"]:
        expected |= {"/" + episode["url"], "/" + episode["passages"][0]["url"].split("#")[0]}
    assert len(knowledge["topics"]) == 4
    assert expected <= pages, sorted(expected - pages)


def test_every_url_in_the_knowledge_export_resolves_to_a_page_and_anchor(built):
    knowledge = json.loads((built / "site" / "knowledge.json").read_text())
    urls = [t["url"] for t in knowledge["topics"] + knowledge["terms"]]
    urls += [e["url"] for e in knowledge["episodes"]] + [p["url"] for e in knowledge["episodes"] for p in e["passages"]]
    anchors: dict[Path, set[str]] = {}
    for url in urls:
        target = page_file(built / "site", "/" + url.split("#")[0])
        assert target.exists(), url
        if "#" in url:
            ids = anchors.setdefault(target, parse(target).ids)
            assert url.split("#")[1] in ids, url


def test_knowledge_export_has_the_documented_shape(built):
    knowledge = json.loads((built / "site" / "knowledge.json").read_text())
    assert knowledge["schema"] == "podsite.knowledge/1"
    episode = knowledge["episodes"][0]
    assert {"id", "title", "podcast", "date", "source", "url", "people", "passages"} <= set(episode)
    assert episode["date"] == "2025-03-13" and episode["podcast"] == "Manifold"
    assert {"name": "Steve Hsu", "role": "host"} in episode["people"]
    passage = episode["passages"][0]
    assert {"id", "start", "end", "speaker", "time", "text", "topics", "terms", "url"} <= set(passage)
    assert {"id", "title", "url", "related"} <= set(knowledge["topics"][0])
    term = knowledge["terms"][0]
    assert {"id", "term", "kind", "aliases", "definition", "url", "mentions"} <= set(term)


def source_text(built: Path, episode: dict) -> str:
    return (built / episode["source"]).read_bytes().decode("utf-8").replace("\r\n", "\n")


def test_offsets_point_at_exactly_the_text_they_claim(built):
    knowledge = json.loads((built / "site" / "knowledge.json").read_text())
    episodes = {e["id"]: e for e in knowledge["episodes"]}
    texts = {e["id"]: source_text(built, e) for e in knowledge["episodes"]}
    mentions = [m for t in knowledge["terms"] for m in t["mentions"]]
    assert len(mentions) > 200
    for mention in mentions:
        assert texts[mention["episode"]][mention["start"]:mention["end"]] == mention["text"]
    for episode in episodes.values():
        for passage in episode["passages"]:
            covered = texts[episode["id"]][passage["start"]:passage["end"]]
            # the reading text only drops fillers and stutters: its words come from the span, in order
            words = iter(re.findall(r"\w+", covered.lower()))
            assert all(any(w == s for s in words) for w in re.findall(r"\w+", passage["text"].lower())), passage["id"]


def test_asr_misspellings_link_to_the_right_entries(built):
    knowledge = json.loads((built / "site" / "knowledge.json").read_text())
    found = {(m["text"].lower(), t["id"]) for t in knowledge["terms"] for m in t["mentions"]}
    for text, term in [("chat ttp", "chatgpt"), ("new rips", "neurips"), ("vlad mead", "volodymyr-mnih"),
                       ("chad chicka t", "chatgpt"), ("loop 37", "move-37"),
                       ("stoplockercritic", "soft-actor-critic"), ("deepseacard 1", "deepseek-r1")]:
        assert (text, term) in found


def test_glossary_terms_in_the_transcript_link_with_a_definition_tooltip(built):
    html = (built / "site/episodes/manifold-2025-03-13-misha-laskin/transcript/index.html").read_text()
    assert re.search(r'<a href="../../../glossary/alphago/" title="[^"]+">AlphaGo</a>', html)
    assert re.search(r'<abbr title="[^"]+">AlphaGo</abbr>', html)  # later mentions: tooltip only
    assert '<p lang="zh">' in (built / "site/episodes/manifold-2025-03-13-misha-laskin/index.html").read_text()


def test_same_input_gives_byte_identical_docs_and_site_whatever_the_hash_seed(built, tmp_path):
    other = copy_project(tmp_path / "again")
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "generator", "--project", str(other), "-q", "build"],
                   check=True, env=environment)
    for folder in ("docs", "site"):
        first = {p.relative_to(built / folder): p.read_bytes() for p in (built / folder).rglob("*") if p.is_file()}
        second = {p.relative_to(other / folder): p.read_bytes() for p in (other / folder).rglob("*") if p.is_file()}
        assert first.keys() == second.keys()
        assert [name for name in first if first[name] != second[name]] == []


def test_a_failed_build_keeps_the_last_good_site(built):
    before = (built / "site" / "index.html").read_bytes()
    broken = built / "docs" / "broken.md"
    broken.write_text("[nowhere](missing-page.md)\n")
    try:
        with pytest.raises(PodsiteError, match="previous site/ is untouched"):
            engine.build(Project(built))
    finally:
        broken.unlink()
    assert (built / "site" / "index.html").read_bytes() == before
    assert not list(built.glob(".site-*"))
