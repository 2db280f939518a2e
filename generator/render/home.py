"""The home page, the site-wide timeline, and the knowledge-graph page."""

from __future__ import annotations

from collections import Counter

from ..highlights import timeline
from .common import banner, front_matter
from .episodes import episode_line
from .markup import escape, link
from .paths import GLOSSARY, GRAPH, HOME, ORGANISATIONS, PEOPLE, TIMELINE, TOPICS, EPISODES, term_page, topic_page
from .topics import ranked_topics, timeline_table, topic_line

GRAPH_TERMS_PER_TOPIC = 5


def home_page(ctx) -> str:
    settings = ctx.model.settings
    episodes = sorted(ctx.model.episodes, key=lambda e: (e.transcript.meta.date or "", e.id), reverse=True)
    lines = [front_matter(settings.title), banner("content/ and site_config/"), f"# {escape(settings.title)}", ""]
    if settings.description:
        lines += [escape(settings.description), ""]
    lines += [f"A knowledge site built from {len(episodes)} transcribed conversation{'s' * (len(episodes) != 1)}: "
              "every passage is sorted into topics, every technical term links to its glossary entry, "
              "and every quote points back to where it was said.", ""]
    lines += ["## Episodes", "", "Newest first.", ""] + [f"- {episode_line(e, HOME)}" for e in episodes] + [""]
    lines += ["## Topics", ""] + [f"- {topic_line(ctx, t, HOME)}" for t in ranked_topics(ctx)] + [""]
    lines += ["## Glossary", "",
              f"{link('The glossary', HOME, GLOSSARY)} defines {len(ctx.model.glossary)} terms, "
              f"with indexes of {link('people', HOME, PEOPLE)} and {link('organisations', HOME, ORGANISATIONS)}. "
              f"See also the {link('timeline', HOME, TIMELINE)} and the {link('map of topics and terms', HOME, GRAPH)}.", ""]
    lines += [", ".join(link(escape(t.term), HOME, term_page(t.id), title=ctx.tooltip(t.id))
                        for t in sorted(ctx.model.glossary, key=lambda t: t.term.casefold())), ""]
    lines += [f"All {link('episodes', HOME, EPISODES)} · {link('topics', HOME, TOPICS)} · "
              f"[knowledge.json](knowledge.json) (everything above as data)", ""]
    return "\n".join(lines)


def timeline_page(ctx) -> str:
    events = timeline(ctx.model.episodes, None, ctx.model.glossary)
    lines = [front_matter("Timeline"), banner("content/"), "# Timeline", "",
             "Dated glossary entries mentioned in the conversations, and sentences that name a year.", ""]
    return "\n".join(lines + (timeline_table(ctx, events, TIMELINE, "## Events") or ["No dated events yet.", ""]))


def graph_page(ctx) -> str:
    """A Mermaid graph: topics, and the few terms that matter most to each, shared ones once."""
    lines = [front_matter("Map of topics and terms"), banner("content/"), "# Map of topics and terms", "",
             f"Each topic with its {GRAPH_TERMS_PER_TOPIC} most distinctive terms; a term linked to several "
             "topics connects them. Click a node to open its page.", "", "```mermaid", "flowchart LR"]
    edges, nodes = [], {}
    for topic in ranked_topics(ctx):
        nodes[f"T_{_node(topic.id)}"] = (topic.title, topic_page(topic.id), "topic")
        for term_id, count in ctx.model.links.topics[topic.id].key_terms[:GRAPH_TERMS_PER_TOPIC]:
            nodes.setdefault(f"G_{_node(term_id)}", (ctx.terms[term_id].term, term_page(term_id), "term"))
            edges.append(f"  T_{_node(topic.id)} --- G_{_node(term_id)}")
    for node, (label, target, kind) in nodes.items():
        shape = f'(["{_label(label)}"])' if kind == "topic" else f'["{_label(label)}"]'
        lines.append(f"  {node}{shape}")
    lines += edges
    lines += [f'  click {node} "{_site_url(target)}"' for node, (_, target, _) in nodes.items()]
    if nodes:
        lines += ["  classDef topic fill:#3f51b5,color:#ffffff,stroke:#283593",
                  f"  class {','.join(n for n, v in nodes.items() if v[2] == 'topic')} topic"]
    lines += ["```", ""]
    connecting = sum(1 for count in Counter(e.split("--- ")[1] for e in edges).values() if count > 1)
    lines += [f"{connecting} term{'s' * (connecting != 1)} connect{'s' * (connecting == 1)} more than one topic.", ""]
    lines += ["## The same, as a table", "", "| Topic | Its most distinctive terms |", "|---|---|"]
    for topic in ranked_topics(ctx):
        terms = ctx.model.links.topics[topic.id].key_terms[:GRAPH_TERMS_PER_TOPIC]
        cells = ", ".join(link(escape(ctx.terms[t].term), GRAPH, term_page(t), title=ctx.tooltip(t)) for t, _ in terms)
        lines.append(f"| {link(escape(topic.title), GRAPH, topic_page(topic.id))} | {cells or '—'} |")
    return "\n".join(lines) + "\n"


def _node(ident: str) -> str:
    return ident.replace("-", "_")


def _label(text: str) -> str:
    return "".join(c if c.isalnum() or c in " .,-+'" else " " for c in text)


def _site_url(page: str) -> str:
    """Absolute-from-site-root is unknown here, so links are relative to graph/ (one level down)."""
    return "../" + page[: -len(".md")] + "/"
