"""`knowledge.json`: the site as data (schema podsite.knowledge/1, documented in the README)."""

from __future__ import annotations

import json

from ..model import Episode
from .markup import page_url
from .paths import episode_page, term_page, topic_page, transcript_page

SCHEMA = "podsite.knowledge/1"


def knowledge_json(ctx) -> str:
    data = {
        "schema": SCHEMA,
        "site_url": ctx.model.settings.site_url,
        "episodes": [_episode(ctx, e) for e in ctx.model.episodes],
        "topics": [
            {"id": t.id, "title": t.title, "url": page_url(topic_page(t.id)),
             "related": [r.topic for r in ctx.model.links.topics[t.id].related],
             "description": t.description, "keywords": list(t.keywords), "terms": list(t.terms),
             "curated": t.curated,
             "share": round(ctx.model.links.topics[t.id].weight, 4)}
            for t in ctx.model.topics
        ],
        "terms": [
            {"id": t.id, "term": t.term, "kind": t.kind, "aliases": list(t.aliases),
             "misheard": list(t.misheard), "definition": t.definition,
             "url": page_url(term_page(t.id)), "year": t.year, "curated": t.curated, "background": t.background,
             "mentions": [{"episode": m.episode, "passage": m.passage, "start": m.start, "end": m.end, "text": m.text}
                          for m in ctx.model.links.terms[t.id].mentions]}
            for t in ctx.model.glossary
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _episode(ctx, episode: Episode) -> dict:
    meta = episode.transcript.meta
    terms_by_passage: dict[str, list[str]] = {}
    for mention in episode.mentions:
        terms = terms_by_passage.setdefault(mention.passage, [])
        if mention.term not in terms:
            terms.append(mention.term)
    return {
        "id": episode.id, "title": meta.title, "podcast": meta.podcast, "date": meta.date,
        "source": episode.transcript.source, "format": episode.transcript.format,
        "url": page_url(episode_page(episode.id)), "language": meta.language, "audio_url": meta.audio_url,
        "people": [{"name": p.name, "role": p.role} for p in meta.people],
        "passages": [
            {"id": p.id, "start": p.start, "end": p.end, "speaker": p.speaker, "time": p.time,
             "text": p.text.text, "topics": list(labels), "terms": terms_by_passage.get(p.id, []),
             "url": page_url(transcript_page(episode.id)) + "#" + p.id}
            for p, labels in zip(episode.passages, episode.passage_topics)
        ],
    }
