"""End to end: the real default site, built strictly by MkDocs in a copy of the project."""

import html
import json
import os
import re
import shutil
import signal
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
from generator.pipeline import build_site
from tests.conftest import make_project

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


class Resources(HTMLParser):
    """What a page loads by itself: stylesheets, fonts, scripts, images."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "img") and attributes.get("src"):
            self.urls.append(attributes["src"])
        if tag == "link" and attributes.get("rel") in ("stylesheet", "preconnect", "preload"):
            self.urls.append(attributes["href"])


def test_pages_load_nothing_from_other_hosts_so_the_site_reads_offline(built):
    loaded = set()
    for page in (built / "site").rglob("*.html"):
        resources = Resources()
        resources.feed(page.read_text(encoding="utf-8"))
        loaded |= {url for url in resources.urls if urlparse(url).netloc}
    assert not loaded, sorted(loaded)


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
        with pytest.raises(PodsiteError, match="docs/ and the previous site/ are untouched"):
            engine.build(Project(built))
    finally:
        broken.unlink()
    assert (built / "site" / "index.html").read_bytes() == before
    assert not list(built.glob(".site-*"))



# Untrusted input everywhere a user's files reach a page: none of it may become markup.
PAYLOAD = ("<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) **b** {: onclick=alert(4) } "
           ":smile: https://evil.example/x www.evil.example @evil")
HOSTILE_NAMES = ["<script>alert(5)</script>", "[Eve](javascript:alert(6))", "</abbr><img src=x onerror=alert(7)>"]
LONG_ID = "a" + "-long" * 40


def hostile_project(root: Path) -> Path:
    segments = [{"start": 5.0 * i, "end": 5.0 * i + 5, "speaker": HOSTILE_NAMES[i % 3],
                 "text": f"{PAYLOAD} We discuss the evil term and reinforcement learning, it's {'`'}code{'`'}."}
                for i in range(6)]
    glossary = {"terms": [
        {"id": "evil", "term": f"Evil term {PAYLOAD}", "kind": "concept", "aliases": ["evil term"],
         "definition": f"It's \"defined\" (here) as {PAYLOAD}. Second sentence."},
        {"id": LONG_ID, "term": "Reinforcement learning", "kind": "person", "aliases": ["Eve"],
         "definition": "</abbr><script>alert(8)</script>", "year": 1990}]}
    topics = {"topics": [{"id": "evil-topic", "title": f"Topic {PAYLOAD}", "description": f"About {PAYLOAD}",
                          "keywords": ["reinforcement learning"], "terms": ["evil"]}]}
    name = "talk--><img src=x onerror=alert(9)>"
    make_project(root, {f"{name}.json": json.dumps({"segments": segments})},
                 glossary=json.dumps(glossary), topics=json.dumps(topics))
    sidecar = {"title": f"Title {PAYLOAD}", "podcast": PAYLOAD, "date": "2024-01-02", "host": HOSTILE_NAMES[0],
               "guests": HOSTILE_NAMES[1:], "audio_url": "https://example.org/a b\"(c)'.mp3?x=1&y=2"}
    (root / "content" / "episodes" / f"{name}.yml").write_text(json.dumps(sidecar))
    return root


class Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems, self.in_script, self.in_graph_text = [], False, False

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key.startswith("on") or (key in ("href", "src") and re.match(r"\s*(javascript|data):", value or "")):
                self.problems.append(f"<{tag} {key}={value}>")
        if tag in ("img", "b", "x") or self.in_graph_text:
            self.problems.append(f"<{tag}>")
        if any(re.search(r"evil\.example|//[^/]+/evil$", value or "") for key, value in attrs if key in ("href", "src")):
            self.problems.append(f"<{tag} {attrs}>")  # a link made of an address in the text
        self.in_script = tag == "script"
        self.in_graph_text = tag == "text"

    def handle_endtag(self, tag):
        self.in_script = self.in_graph_text = False

    def handle_data(self, data):
        if self.in_script and "alert" in data:
            self.problems.append(f"script: {data}")


# Extensions many Material sites add, which read `:smile:`, bare addresses and `@name` as markup.
EXTENSIONS = "  - pymdownx.emoji\n  - pymdownx.magiclink:\n      social_url_shorthand: true\n"


@pytest.mark.parametrize("extensions", ["", EXTENSIONS])
def test_hostile_text_in_every_input_file_stays_text_in_the_built_site(tmp_path, extensions):
    project = Project(hostile_project(tmp_path))
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n"
                                                                 + extensions), encoding="utf-8")
    engine.build(project, build_site(project))  # strict: a title that broke its link would fail here
    site = project.site_dir
    for page in site.rglob("*.html"):
        markup = Markup()
        markup.feed(page.read_text(encoding="utf-8"))
        assert markup.problems == [], page
    episode = next(site.glob("episodes/talk*/index.html")).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", episode, re.S).group(1)
    assert html.unescape(title).startswith(f"Title {PAYLOAD} - ")
    assert 'href="https://example.org/a%20b%22%28c%29%27.mp3?x=1&amp;y=2"' in episode
    assert (site / "glossary" / "evil" / "index.html").exists()


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("docs", "site") for p in (root / folder).rglob("*") if p.is_file()}


@pytest.fixture
def small(tmp_path) -> Project:
    project = Project(make_project(tmp_path, {"talk.txt": "Ada: We talk about gardening and compost today.\n"}))
    engine.build(project, build_site(project))
    (project.root / "content/episodes/talk.txt").write_text("Ada: Now we talk about roses instead.\n")
    return project


def test_a_failed_strict_build_leaves_docs_and_site_as_they_were(small):
    (small.docs_dir / "notes.md").write_text("[nowhere](missing-page.md)\n")
    before = snapshot(small.root)
    with pytest.raises(PodsiteError, match="docs/ and the previous site/ are untouched"):
        engine.build(small, build_site(small))
    assert snapshot(small.root) == before
    assert sorted(p.name for p in small.root.iterdir() if p.name.startswith(".")) == [".podsite"]


def test_an_interrupted_build_leaves_docs_and_site_as_they_were(small, monkeypatch):
    before = snapshot(small.root)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "_mkdocs", interrupted)
    with pytest.raises(KeyboardInterrupt):
        engine.build(small, build_site(small))
    assert snapshot(small.root) == before


def test_the_next_build_clears_what_a_killed_build_left(small):
    killed = small.root / ".site-killed"
    (killed / "docs").mkdir(parents=True)
    (killed / engine.STAGING_MARKER).touch()
    (small.root / ".site-mine").mkdir()  # not podsite's: stays
    last_good = snapshot(small.root)
    small.site_dir.rename(small.root / "site.old")  # killed between the two renames of the swap
    (small.docs_dir / "notes.md").write_text("[nowhere](missing-page.md)\n")
    with pytest.raises(PodsiteError):
        engine.build(small, build_site(small))  # fails, and yet the last good site is back in place
    (small.docs_dir / "notes.md").unlink()
    assert snapshot(small.root) == last_good
    assert not killed.exists() and (small.root / ".site-mine").is_dir() and not (small.root / "site.old").exists()


def test_a_file_of_the_users_under_the_staging_config_name_is_never_touched(small):
    mine = small.root / engine.STAGING_CONFIG
    mine.write_text("site_name: my own experiment\n")
    before = snapshot(small.root)
    with pytest.raises(PodsiteError, match=r"\.podsite-build\.yml.*is not podsite's"):
        engine.build(small, build_site(small))
    assert mine.read_text() == "site_name: my own experiment\n" and snapshot(small.root) == before


def test_ctrl_c_while_docs_are_written_lets_docs_and_site_change_together(small, monkeypatch):
    original = engine.write_site

    def then_ctrl_c(*args, **kwargs):
        original(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)  # the user presses Ctrl-C right after docs/ is written

    monkeypatch.setattr(engine, "write_site", then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        engine.build(small, build_site(small))
    assert "roses" in (small.docs_dir / "episodes/talk/transcript.md").read_text()
    assert "roses" in (small.site_dir / "episodes/talk/transcript/index.html").read_text()


@pytest.mark.parametrize("mine", ["site/CNAME", "site/downloads/talk.mp3", "site.old/notes.html"])
def test_a_file_of_the_users_in_site_or_site_old_stops_the_build_and_stays(small, mine):
    (small.root / mine).parent.mkdir(parents=True, exist_ok=True)
    (small.root / mine).write_text("mine\n")
    before = snapshot(small.root)
    with pytest.raises(PodsiteError, match="not podsite's|was not built by podsite"):
        engine.build(small, build_site(small))
    assert snapshot(small.root) == before and (small.root / mine).read_text() == "mine\n"


@pytest.mark.parametrize("name, target, message", [("loop", "..", "a folder holding docs/ itself"),
                                                  ("gone.md", "/nonexistent/gone.md", "which does not exist")])
def test_a_link_in_docs_that_loops_or_points_nowhere_is_named_before_the_build(small, name, target, message):
    (small.docs_dir / name).symlink_to(target)
    with pytest.raises(PodsiteError, match=rf"docs/{re.escape(name)}: is a link to .*{message}"):
        engine.build(small, build_site(small))


def test_chinese_text_is_searchable_by_word_and_the_build_stays_quiet(tmp_path, capfd):
    rockets = (REPO / "tests" / "fixtures" / "zh" / "rockets.txt").read_text(encoding="utf-8")
    root = make_project(tmp_path, {"rockets.txt": rockets}, settings="title: 火箭\nlanguage: zh\n")
    generate(Project(root))
    engine.build(Project(root))
    index = json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("\u200b火箭\u200b" in doc["text"] for doc in index["docs"])  # Material cut it with jieba
    assert "Prefix dict" not in capfd.readouterr().err  # jieba's loading messages are not the user's business
