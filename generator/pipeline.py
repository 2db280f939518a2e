"""The whole story of a build, in memory: project files in, pages and knowledge out.

    ingest -> clean -> analyse -> terms -> segment -> classify -> link -> render

`build_site` never touches docs/ or site/; `write` and `engine` do that afterwards.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import yaml

from .analyse import analyse_passages, inverse_document_frequency, load_pipeline, words_of
from .cache import EpisodeCache
from .classify import EpisodeEvidence, classify_site, site_signals
from .clean import clean_transcript
from .config import Project, Settings, load_glossary, load_settings, load_topics
from .discover import discover_topics
from .extract import extract_glossary
from .errors import ConfigError, PodsiteError
from .ingest import read_transcript
from .ingest.detect import TRANSCRIPT_SUFFIXES
from .ingest.metadata import SIDECAR_SUFFIXES
from .link import Links, link_site
from .model import Episode, Mention, Site, Term, Topic
from .render import render_site
from .segment_topics import SUBTOPIC_Z, segment_topics
from .terms import find_mentions, index_terms
from .yamlio import parse_foreign_yaml, yaml_problem

log = logging.getLogger(__name__)
MKDOCS_FOLDER = re.compile(r"^(?P<key>docs_dir|site_dir)[ \t]*:[ \t]*(?P<folder>[^#\n]*)", re.MULTILINE)
TOP_LEVEL_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


@dataclass(frozen=True)
class SiteModel:
    """Everything render needs."""

    settings: Settings
    episodes: tuple[Episode, ...]
    topics: tuple[Topic, ...]
    glossary: tuple[Term, ...]
    links: Links


def episode_files(project: Project) -> list[Path]:
    if not project.episodes_dir.is_dir():
        raise PodsiteError(project.episodes_dir, None, "no episodes folder; put transcripts in content/episodes/")
    visible = sorted(p for p in project.episodes_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    files = [p for p in visible if p.suffix.lower() in TRANSCRIPT_SUFFIXES]
    stems = {p.stem for p in files}
    for other in visible:
        if other.suffix.lower() in SIDECAR_SUFFIXES and other.stem not in stems:
            log.warning("%s: a sidecar with no transcript named %s.* beside it; left out", other, other.stem)
        elif other.suffix.lower() not in (*TRANSCRIPT_SUFFIXES, *SIDECAR_SUFFIXES):
            log.warning("%s: not a transcript Podsite reads (%s); left out", other, ", ".join(sorted(TRANSCRIPT_SUFFIXES)))
    if not files:
        raise PodsiteError(project.episodes_dir, None, f"has no transcripts ({', '.join(sorted(TRANSCRIPT_SUFFIXES))}); "
                           "add one with `podsite add FILE`")
    return files


def analyse_site(project: Project, extract_terms: bool = True) -> SiteModel:
    """Every stage before render. `extract_terms=False` keeps a site without a curated
    glossary without one (what `glossary suggest` needs to start afresh)."""
    settings = load_settings(project)
    glossary = load_glossary(project, settings.language)
    nlp = load_pipeline(settings.spacy_pipeline, project.settings_path, settings.language)
    term_index = index_terms(nlp, glossary)
    cache = EpisodeCache(project.work_dir / "cache", settings, glossary)
    episodes = [cache.episode(path, partial(analyse_episode, path, project, settings, nlp, term_index))
                for path in episode_files(project)]
    _check_unique_ids(episodes)
    _warn_about_shared_titles(episodes)
    _check_language(episodes, settings, project)
    episodes.sort(key=lambda e: (e.transcript.meta.date or "9999", e.id))
    if not glossary and settings.auto_terms and extract_terms:
        glossary, mentions = cache.derived("extracted-terms", partial(extract_and_match, episodes, settings, nlp))
        episodes = [replace(e, mentions=m) for e, m in zip(episodes, mentions)]
    cache.prune()
    topics = choose_topics(project, settings, glossary, episodes)
    signals = site_signals(topics, glossary, partial(words_of, nlp), inverse_document_frequency(episodes))
    # A topic's terms as the classifier used them, borrowed ones included: what pinning it keeps.
    topics = tuple(replace(t, terms=t.terms or tuple(sorted(s.terms))) for t, s in zip(topics, signals))
    episodes = classify_episodes(episodes, signals)
    if all(topic.curated for topic in topics):
        _warn_about_episodes_without_topics(episodes, project)
    return SiteModel(settings, tuple(episodes), topics, glossary, link_site(episodes, topics, glossary))


def analyse_episode(path: Path, project: Project, settings: Settings, nlp, term_index) -> Episode:
    """One transcript through ingest, clean, analyse, terms and segment."""
    transcript = read_transcript(path, project.root)
    passages = clean_transcript(transcript, settings.passage_words)
    analysis = analyse_passages(nlp, passages)
    mentions = find_mentions(transcript.id, transcript.source_text, passages, analysis.docs, term_index)
    boundaries = segment_topics(analysis.content_words, z_threshold=SUBTOPIC_Z)
    return Episode(transcript, passages, analysis.sentences, mentions, analysis.content_words,
                   _ranges(boundaries, len(passages)))


def build_site(project: Project) -> Site:
    check_mkdocs_config(project)
    return render_site(analyse_site(project))


def check_mkdocs_config(project: Project) -> None:
    """Podsite writes pages to docs/ and the site to site/; an mkdocs.yml that names other
    folders would have MkDocs and Podsite disagree about where the site is, so it is refused.
    So is a top-level key written twice: MkDocs would silently keep only the last."""
    config = project.root / "mkdocs.yml"
    if not config.is_file():
        return
    text = config.read_text(encoding="utf-8", errors="replace")
    try:
        settings = parse_foreign_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(config, *yaml_problem(exc, text)) from None
    if not isinstance(settings, dict):
        raise ConfigError(config, 1, "expected MkDocs settings as `key: value` lines (site_name: My site, "
                          f"theme: ...), found {'nothing' if settings is None else type(settings).__name__}")
    for match in MKDOCS_FOLDER.finditer(text):
        key, folder = match.group("key"), match.group("folder").strip().strip("'\"").rstrip("/")
        if folder.removeprefix("./") != key.removesuffix("_dir"):
            raise ConfigError(config, text.count("\n", 0, match.start()) + 1,
                              f"{key}: {folder!r}, but podsite writes the pages to docs/ and the site to site/; "
                              f"remove the {key} line")
    first_line: dict[str, int] = {}
    for match in TOP_LEVEL_KEY.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        key = match.group("key")
        if key in first_line:
            raise ConfigError(config, line, f"'{key}' is set twice (line {first_line[key]} too), and MkDocs would "
                              "use only this one; merge the two")
        first_line[key] = line


def extract_and_match(episodes, settings: Settings, nlp) -> tuple[tuple[Term, ...], list[tuple[Mention, ...]]]:
    """Terms extracted from the episodes (there is no glossary), and each episode's mentions of them."""
    glossary = extract_glossary(episodes, settings.auto_terms)
    term_index = index_terms(nlp, glossary)
    return glossary, [rematch(e, nlp, term_index) for e in episodes]


def rematch(episode: Episode, nlp, term_index) -> tuple[Mention, ...]:
    """Mentions of a glossary made after analysis (extracted terms)."""
    docs = list(nlp.pipe(p.text.text for p in episode.passages))
    return find_mentions(episode.id, episode.transcript.source_text, episode.passages, docs, term_index)


def choose_topics(project: Project, settings: Settings, glossary, episodes) -> tuple[Topic, ...]:
    """Configured topics when topics.yml lists some (unless `topics: auto`), else discovered."""
    configured = load_topics(project, {t.id for t in glossary}) if settings.topics != "auto" else None
    if settings.topics is None and not configured or settings.topics == "auto":
        return discover_topics(episodes, glossary)
    if not configured:
        raise ConfigError(project.settings_path, None, "topics: configured, but site_config/topics.yml "
                          "is missing or empty; add topics there or set topics: auto")
    return configured


def classify_episodes(episodes: list[Episode], signals) -> list[Episode]:
    evidence = []
    for episode in episodes:
        mentions_by_passage: dict[str, list] = {p.id: [] for p in episode.passages}
        for mention in episode.mentions:
            mentions_by_passage[mention.passage].append(mention)
        evidence.append(EpisodeEvidence(episode.words, list(mentions_by_passage.values())))
    return [replace(e, passage_topics=labels) for e, labels in zip(episodes, classify_site(evidence, signals))]


def _ranges(boundaries, count: int) -> tuple[tuple[int, int], ...]:
    edges = [0, *boundaries, count]
    return tuple((a, b) for a, b in zip(edges, edges[1:]) if b > a)


def _check_language(episodes, settings: Settings, project: Project) -> None:
    """Word lists (stop words, plural folding) follow the site's `language`: say so when most
    episodes read as another language, since everything would still build, only worse."""
    languages = Counter(e.transcript.meta.language for e in episodes)
    common, count = languages.most_common(1)[0] if languages else (settings.language, 0)
    if common != settings.language and 2 * count > len(episodes):
        relative = project.settings_path.relative_to(project.root)
        log.warning("%d of %d episodes read as '%s' but the site's language is '%s'; set `language: %s` "
                    "in %s so that their words are analysed as '%s'", count, len(episodes), common,
                    settings.language, common, relative, common)


def _warn_about_episodes_without_topics(episodes, project: Project) -> None:
    """Once topics.yml lists topics, only those are used: an episode that none of them fits is
    on no topic page, which a user who pinned a few discovered topics would not expect."""
    for episode in episodes:
        if not any(episode.passage_topics):
            log.warning("%s: no passage fits a topic of %s, so no topic page shows this episode; add a topic "
                        "for it there, or set `topics: auto` in site_config/podsite.yml", episode.transcript.source,
                        project.topics_path.relative_to(project.root))


def _warn_about_shared_titles(episodes) -> None:
    """Two episodes listed under one title (and date) look like one listed twice."""
    first: dict[tuple[str, str | None], str] = {}
    for episode in sorted(episodes, key=lambda e: e.transcript.source):
        meta = episode.transcript.meta
        other = first.setdefault((meta.title.casefold(), meta.date), episode.transcript.source)
        if other != episode.transcript.source:
            log.warning("%s: has the same title as %s (%r); give one another title in its sidecar",
                        episode.transcript.source, other, meta.title)


def _check_unique_ids(episodes) -> None:
    seen: dict[str, str] = {}
    for episode in episodes:
        other = seen.setdefault(episode.id, episode.transcript.source)
        if other != episode.transcript.source:
            raise PodsiteError(episode.transcript.source, None,
                               f"has the same episode id '{episode.id}' as {other}; rename one of the files")
