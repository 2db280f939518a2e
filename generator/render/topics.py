"""The topic index and one page per topic."""

from __future__ import annotations

from ..highlights import Excerpt, TimelineEvent, check_quote, quotes, timeline
from ..model import Topic
from .common import banner, front_matter, passage_header, time_label, times
from .markup import escape, link, linked_text, marked_text, percent
from .paths import TOPICS, episode_page, term_page, topic_page, transcript_page


def topics_index(ctx) -> str:
    lines = [front_matter("Topics"), banner("site_config/topics.yml"), "# Topics", "",
             "Topics, heaviest first, with the share of all conversation they take "
             "(a passage can belong to several topics).", ""]
    for topic in ranked_topics(ctx):
        lines.append(f"- {topic_line(ctx, topic, TOPICS)}")
    return "\n".join(lines) + "\n"


def ranked_topics(ctx) -> list[Topic]:
    return sorted(ctx.model.topics, key=lambda t: (-ctx.model.links.topics[t.id].weight, t.title))


def topic_line(ctx, topic: Topic, from_page: str) -> str:
    links = ctx.model.links.topics[topic.id]
    note = "" if topic.curated else " *(discovered automatically)*"
    episodes = len(ctx.model.episodes)
    whole = "the conversation" if episodes == 1 else f"all that is said in the {episodes} episodes"
    return (f"{link(escape(topic.title), from_page, topic_page(topic.id))} — {percent(links.weight)} "
            f"of {whole}, {len(links.passages)} passages{note}")


def topic_page_text(ctx, topic: Topic) -> str:
    page = topic_page(topic.id)
    lines = [front_matter(topic.title, topic.description), banner("site_config/topics.yml"),
             f"# {escape(topic.title)}", "", escape(topic.description), ""]
    if not topic.curated:
        lines += ["!!! note \"Discovered topic\"",
                  "    Found automatically from the transcripts and named by its most distinctive words. "
                  "Pin or rename it in `site_config/topics.yml`.", ""]
    for section in (_shares, _key_points, _quotes, _timeline, _key_terms, _related, _passages):
        lines += section(ctx, topic, page)
    return "\n".join(lines) + "\n"


def _shares(ctx, topic: Topic, page: str) -> list[str]:
    shares = ctx.model.links.topics[topic.id].shares
    if not shares:
        return ["No passage is about this topic yet.", ""]
    items = [f"{percent(share)} of {link(escape(ctx.episode(e).transcript.meta.title), page, episode_page(e))}"
             for e, share in sorted(shares, key=lambda item: -item[1])]  # stable: ties keep the site's order
    label = "Share of the conversation" if len(ctx.model.episodes) == 1 else "Share of each episode it is in"
    return [f"**{label}:** " + "; ".join(items), ""]


def _excerpt_line(ctx, excerpt: Excerpt, page: str) -> str:
    episode = ctx.episode(excerpt.episode)
    passage = ctx.passage(excerpt.episode, excerpt.passage)
    who = f"{escape(excerpt.speaker)}, " if excerpt.speaker else ""
    when = time_label(episode, excerpt.time, ctx.model.settings)
    return f"{who}{_where(ctx, episode.id, passage, page)}" + (f", {when}" if when else "")


def _where(ctx, episode_id: str, passage, page: str) -> str:
    """A link to a passage; on a site of several episodes, named with its episode's title."""
    label = f"¶ {passage.index}"
    if len(ctx.model.episodes) > 1:
        label = f"{escape(ctx.episode(episode_id).transcript.meta.title)}, {label}"
    return link(label, page, transcript_page(episode_id), passage.id)


def _marked(ctx, excerpt: Excerpt, page: str) -> str:
    """An excerpt's text with the glossary terms in it linked or explained, like passages."""
    offset, length = excerpt.local_start, len(excerpt.text)
    spans = [(m.term, m.local_start - offset, m.local_end - offset)
             for m in ctx.mentions_in(excerpt.episode, excerpt.passage)
             if offset <= m.local_start and m.local_end <= offset + length]
    return marked_text(excerpt.text, spans, page, ctx.term_links, ctx.model.settings.link_terms)


def _key_points(ctx, topic: Topic, page: str) -> list[str]:
    points = ctx.key_points[topic.id]
    if not points:
        return []
    lines = ["## Key points", "",
             "Chosen automatically: the sentences whose wording is closest to the topic as a whole, "
             "each unlike the ones before it. Each ¶ links to the passage it comes from.", ""]
    lines += [f"1. {_marked(ctx, p, page)} ({_excerpt_line(ctx, p, page)})" for p in points]
    return lines + [""]


def _quotes(ctx, topic: Topic, page: str) -> list[str]:
    chosen = quotes(ctx.highlights, topic.id, avoid=ctx.key_points[topic.id])
    lines = ["## Quotes", ""] if chosen else []
    for quote in chosen:
        check_quote(ctx.episode(quote.episode), quote)
        # The source outside the quote: Markdown merges blockquotes that only a blank line separates.
        lines += [f"> {_marked(ctx, quote, page)}", "", f"— {_excerpt_line(ctx, quote, page)}", "{: .podsite-cite }", ""]
    return lines


def _timeline(ctx, topic: Topic, page: str) -> list[str]:
    elsewhere = frozenset(t for other in ctx.model.topics for t in other.terms) - set(topic.terms)
    events = timeline(ctx.model.episodes, topic.id, ctx.model.glossary, elsewhere)
    return timeline_table(ctx, events, page, "## Timeline")


def timeline_table(ctx, events: tuple[TimelineEvent, ...], page: str, heading: str) -> list[str]:
    if not events:
        return []
    lines = [heading, "", "| Year | Event | Where |", "|---:|---|---|"]
    for event in events:
        label = (link(escape(ctx.terms[event.term].term), page, term_page(event.term), title=ctx.tooltip(event.term))
                 if event.term else escape(_clip(event.label)))
        passage = ctx.passage(event.episode, event.passage)
        lines.append(f"| {event.year} | {label} | {_where(ctx, event.episode, passage, page)} |")
    return lines + [""]


def _clip(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _key_terms(ctx, topic: Topic, page: str) -> list[str]:
    terms = ctx.model.links.topics[topic.id].key_terms
    if not terms:
        return []
    items = [f"{link(escape(ctx.terms[t].term), page, term_page(t), title=ctx.tooltip(t))} ({n})" for t, n in terms]
    return ["## Terms that matter here", "", "First the terms this topic's passages name often and the rest of the "
            "conversation seldom; in brackets, how many of its passages name each.", "", ", ".join(items), ""]


def _related(ctx, topic: Topic, page: str) -> list[str]:
    related = ctx.model.links.topics[topic.id].related
    if not related:
        return []
    lines = ["## Related topics", ""]
    lines += [f"- {link(escape(ctx.names.titles[r.topic]), page, topic_page(r.topic))}: {_reason(ctx, r, page)}"
              for r in related]
    return lines + [""]


def _reason(ctx, related, page: str) -> str:
    parts = []
    if related.both:
        passages = "passage discusses" if related.both == 1 else "passages discuss"
        parts.append(f"{related.both} {passages} both")
    if related.adjacent:
        parts.append(f"the conversation moves between them {times(related.adjacent)}")
    if related.shared_terms:
        parts.append("shared terms: " + ", ".join(
            link(escape(ctx.terms[t].term), page, term_page(t), title=ctx.tooltip(t)) for t in related.shared_terms))
    return "; ".join(parts)


def _passages(ctx, topic: Topic, page: str) -> list[str]:
    lines = ["## Every passage, in order", ""]
    refs = set(ctx.model.links.topics[topic.id].passages)
    for episode in ctx.model.episodes:
        own = [p for p in episode.passages if (episode.id, p.id) in refs]
        if not own:
            continue
        if len(ctx.model.episodes) > 1:
            lines += [f"### {escape(episode.transcript.meta.title)}", ""]
        for passage in own:
            labels = ctx.model.links.passage_topics[(episode.id, passage.id)]
            lines += [passage_header(episode, passage, labels, page, ctx.names, ctx.model.settings),
                      "{: .podsite-meta }", "",
                      linked_text(passage, ctx.mentions_in(episode.id, passage.id), page, ctx.term_links,
                                  ctx.model.settings.link_terms), "{: .podsite-passage }", ""]
    return lines
