"""The home page, the site-wide timeline, and the knowledge-graph page."""

from __future__ import annotations

from collections import Counter

from ..highlights import timeline
from .common import banner, front_matter
from .episodes import episode_line, listing_order
from .markup import attribute, escape, link, page_url
from .paths import GLOSSARY, GRAPH, HOME, ORGANISATIONS, PEOPLE, TIMELINE, TOPICS, EPISODES, term_page, topic_page
from .topics import ranked_topics, timeline_table, topic_line

GRAPH_TERMS_PER_TOPIC = 5


def home_page(ctx) -> str:
    settings = ctx.model.settings
    episodes, order = listing_order(ctx.model.episodes)
    # Titled "Home": the theme appends the site's name to every page title, this one's too.
    lines = [front_matter("Home"), banner("content/ and site_config/"), f"# {escape(settings.title)}", ""]
    if settings.description:
        lines += [escape(settings.description), ""]
    lines += [f"A knowledge site built from {len(episodes)} transcribed conversation{'s' * (len(episodes) != 1)}: "
              "each passage is filed under the topics it discusses, every technical term links to its glossary entry, "
              "and every quote points back to where it was said.", ""]
    lines += ["## Episodes", "", order, ""] + [f"- {episode_line(e, HOME)}" for e in episodes] + [""]
    lines += ["## Topics", ""] + [f"- {topic_line(ctx, t, HOME)}" for t in ranked_topics(ctx)] + [""]
    lines += ["## Glossary", "",
              f"{link('The glossary', HOME, GLOSSARY)} defines {len(ctx.model.glossary)} terms, "
              f"with indexes of {link('people', HOME, PEOPLE)} and {link('organisations', HOME, ORGANISATIONS)}. "
              f"See also the {link('timeline', HOME, TIMELINE)} and the {link('map of topics and terms', HOME, GRAPH)}.", ""]
    # Not commas: a term may hold one ("Gödel, Escher, Bach"); the dot stays at the end of a line.
    lines += ["\u00a0· ".join(link(escape(t.term), HOME, term_page(t.id), title=ctx.tooltip(t.id))
                         for t in sorted(ctx.model.glossary, key=lambda t: t.term.casefold())), ""]
    lines += [f"All {link('episodes', HOME, EPISODES)} · {link('topics', HOME, TOPICS)} · "
              f"[knowledge.json](knowledge.json) (everything above as data)", ""]
    return "\n".join(lines)


def timeline_page(ctx) -> str:
    events = timeline(ctx.model.episodes, None, ctx.model.glossary)
    said = " and other years said in them, with the words around each" if any(e.term is None for e in events) else ""
    lines = [front_matter("Timeline"), banner("content/"), "# Timeline", "",
             f"Dated glossary entries mentioned in the conversations{said}.", ""]
    return "\n".join(lines + (timeline_table(ctx, events, TIMELINE, "## Events") or ["No dated events yet.", ""]))


def graph_page(ctx) -> str:
    """Topics and the few terms that matter most to each, drawn as an SVG at generation time."""
    edges = [(topic, term_id) for topic in ranked_topics(ctx)
             for term_id, _ in ctx.model.links.topics[topic.id].key_terms[:GRAPH_TERMS_PER_TOPIC]]
    connecting = sum(1 for count in Counter(term for _, term in edges).values() if count > 1)
    joins = {0: "here no term is shared", 1: "here one term is"}.get(connecting, f"here {connecting} terms are")
    lines = [front_matter("Map of topics and terms"), banner("content/"), "# Map of topics and terms", "",
             f"Each topic with up to {GRAPH_TERMS_PER_TOPIC} of its most distinctive terms; a term shared by "
             f"several topics is drawn once and joins them ({joins}). Click a name to open its page.", "",
             graph_svg(ctx, edges), "{: .podsite-graph-scroll }", ""]  # scrolls sideways on a narrow screen
    lines += ["## The same, as a table", "", "| Topic | Its most distinctive terms |", "|---|---|"]
    for topic in ranked_topics(ctx):
        terms = [t for other, t in edges if other.id == topic.id]
        cells = ", ".join(link(escape(ctx.terms[t].term), GRAPH, term_page(t), title=ctx.tooltip(t)) for t in terms)
        lines.append(f"| {link(escape(topic.title), GRAPH, topic_page(topic.id))} | {cells or '—'} |")
    return "\n".join(lines) + "\n"


def graph_svg(ctx, edges) -> str:
    """Two columns, topics left and terms right, terms ordered by the topics they join
    (which keeps crossing lines few); one line per topic-term link."""
    topics = list(dict.fromkeys(topic for topic, _ in edges)) or list(ranked_topics(ctx))
    row_of = {topic.id: index for index, topic in enumerate(topics)}
    rows: dict[str, list[int]] = {}
    for topic, term in edges:
        rows.setdefault(term, []).append(row_of[topic.id])
    terms = sorted(rows, key=lambda t: (sum(rows[t]) / len(rows[t]), t))
    height = max(len(topics), len(terms), 1) * ROW + ROW
    topic_y = {t.id: _centre(i, len(topics), height) for i, t in enumerate(topics)}
    term_y = {t: _centre(i, len(terms), height) for i, t in enumerate(terms)}
    parts = [f'<svg class="podsite-graph" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
             f'aria-label="Topics and the terms that connect them" xmlns="http://www.w3.org/2000/svg">']
    parts += [f'<line x1="{LEFT + BOX}" y1="{topic_y[topic.id]}" x2="{RIGHT}" y2="{term_y[term]}" class="edge"/>'
              for topic, term in edges]
    parts += [_svg_label(LEFT, topic_y[t.id], t.title, "../" + page_url(topic_page(t.id)), "topic") for t in topics]
    parts += [_svg_label(RIGHT, term_y[t], ctx.terms[t].term, "../" + page_url(term_page(t)), "term") for t in terms]
    return "".join(parts) + "</svg>"


ROW, WIDTH, LEFT, RIGHT, BOX = 30, 760, 10, 470, 280


def _centre(index: int, count: int, height: int) -> int:
    return int((index + 0.5) * (height - ROW) / max(count, 1) + ROW / 2)


def _svg_label(x: int, y: int, text: str, href: str, kind: str) -> str:
    label = attribute(text if len(text) <= 34 else text[:33] + "…")  # inline HTML: Markdown still reads its text
    return (f'<a href="{attribute(href)}"><rect x="{x}" y="{y - 11}" width="{BOX}" height="22" rx="4" class="{kind}"/>'
            f'<text x="{x + 8}" y="{y + 5}" class="{kind}">{label}</text></a>')


