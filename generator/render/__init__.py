"""Render: the analysed site -> Markdown pages (and knowledge.json), as a dict of texts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from functools import cached_property

from ..highlights import Corpus, Excerpt, key_points
from ..model import Episode, Mention, Passage, Site, Term
from . import paths
from .episodes import episode_page_text, episodes_index, transcript_page_text
from .glossary import glossary_index, kind_index, term_page_text
from .home import graph_page, home_page, timeline_page
from .knowledge import knowledge_json
from .markup import TermLink, short
from .topics import topic_page_text, topics_index
from .common import TopicNames, topic_titles


STYLESHEET = Path(__file__).with_name("podsite.css")  # one copy, written into every site's docs/


@dataclass(frozen=True)
class RenderContext:
    model: object  # pipeline.SiteModel

    @cached_property
    def names(self) -> TopicNames:
        return topic_titles(self.model.topics)

    @cached_property
    def terms(self) -> dict[str, Term]:
        return {t.id: t for t in self.model.glossary}

    @cached_property
    def term_links(self) -> dict[str, TermLink]:
        return {t.id: TermLink(paths.term_page(t.id), self.tooltip(t.id), t.term,
                               frozenset(form.casefold() for form in t.misheard))
                for t in self.model.glossary}

    @cached_property
    def _episodes(self) -> dict[str, Episode]:
        return {e.id: e for e in self.model.episodes}

    @cached_property
    def _passages(self) -> dict[tuple[str, str], Passage]:
        return {(e.id, p.id): p for e in self.model.episodes for p in e.passages}

    @cached_property
    def _mentions(self) -> dict[tuple[str, str], list[Mention]]:
        grouped: dict[tuple[str, str], list[Mention]] = {}
        for episode in self.model.episodes:
            for mention in episode.mentions:
                grouped.setdefault((episode.id, mention.passage), []).append(mention)
        return grouped

    @cached_property
    def highlights(self) -> Corpus:
        return Corpus.of(self.model.episodes)

    @cached_property
    def key_points(self) -> dict[str, tuple[Excerpt, ...]]:
        """Per topic id; the quotes of a topic page steer clear of them."""
        return {topic.id: key_points(self.highlights, topic.id) for topic in self.model.topics}

    def episode(self, episode_id: str) -> Episode:
        return self._episodes[episode_id]

    def passage(self, episode_id: str, passage_id: str) -> Passage:
        return self._passages[(episode_id, passage_id)]

    def mentions_in(self, episode_id: str, passage_id: str) -> list[Mention]:
        return self._mentions.get((episode_id, passage_id), [])

    def tooltip(self, term_id: str) -> str:
        """A term's definition cut to its first sentence."""
        return short(self.terms[term_id].definition)


def render_site(model) -> Site:
    ctx = RenderContext(model)
    pages = {
        paths.HOME: home_page(ctx),
        paths.EPISODES: episodes_index(ctx),
        paths.TOPICS: topics_index(ctx),
        paths.GLOSSARY: glossary_index(ctx),
        paths.PEOPLE: kind_index(ctx, "person", paths.PEOPLE),
        paths.ORGANISATIONS: kind_index(ctx, "organisation", paths.ORGANISATIONS),
        paths.TIMELINE: timeline_page(ctx),
        paths.GRAPH: graph_page(ctx),
    }
    for episode in model.episodes:
        pages[paths.episode_page(episode.id)] = episode_page_text(ctx, episode)
        pages[paths.transcript_page(episode.id)] = transcript_page_text(ctx, episode)
    for topic in model.topics:
        pages[paths.topic_page(topic.id)] = topic_page_text(ctx, topic)
    for term in model.glossary:
        pages[paths.term_page(term.id)] = term_page_text(ctx, term)
    pages[paths.KNOWLEDGE] = knowledge_json(ctx)
    pages[paths.STYLESHEET] = STYLESHEET.read_text(encoding="utf-8")
    return Site(pages=dict(sorted(pages.items())))
