"""The glossary: index (A–Z and by kind), people and organisations, and one page per term."""

from __future__ import annotations

import re
from itertools import groupby

from ..config import TERM_KINDS
from ..model import Mention, Term
from .common import TOPIC_SEPARATOR, banner, front_matter, time_label, times
from .markup import escape, escape_inline, link
from .paths import GLOSSARY, ORGANISATIONS, PEOPLE, episode_page, term_page, topic_page, transcript_page

KIND_TITLES = {"concept": "Concepts", "system": "Systems and models", "work": "Papers and works",
               "person": "People", "organisation": "Organisations", "event": "Events"}
KIND_LABELS = {"concept": "Concept", "system": "System or model", "work": "Paper or work",
               "person": "Person", "organisation": "Organisation", "event": "Event"}
SNIPPET_WORDS = 12


def _term_item(ctx, term: Term, page: str) -> str:
    count = len(ctx.model.links.terms[term.id].mentions)
    note = f"{count} mention{'s' * (count != 1)}" if count else "background"
    return f"- {link(escape(term.term), page, term_page(term.id), title=ctx.tooltip(term.id))} — {escape(ctx.tooltip(term.id))} *({note})*"


def glossary_index(ctx) -> str:
    terms = sorted(ctx.model.glossary, key=lambda t: (t.term.casefold(), t.id))
    lines = [front_matter("Glossary"), banner("content/glossary.yml"), "# Glossary", "",
             f"{len(terms)} terms. See also {link('People', GLOSSARY, PEOPLE)} and "
             f"{link('Organisations', GLOSSARY, ORGANISATIONS)}.", ""]
    if any(not t.curated for t in terms):
        lines += ["!!! note \"Not yet curated\"",
                  "    Terms marked *extracted* were found automatically; review them in `content/glossary.yml`.", ""]
    lines += ["## A–Z", ""]
    for letter, group in groupby(terms, key=lambda t: _initial(t.term)):
        lines += [f"### {letter}", ""] + [_term_item(ctx, t, GLOSSARY) for t in group] + [""]
    lines += ["## By kind", ""]
    for kind in TERM_KINDS:
        members = [t for t in terms if t.kind == kind]
        if members:
            lines += [f"### {KIND_TITLES[kind]}", ""] + [_term_item(ctx, t, GLOSSARY) for t in members] + [""]
    return "\n".join(lines)


def _initial(word: str) -> str:
    first = word[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def kind_index(ctx, kind: str, page: str) -> str:
    title = KIND_TITLES[kind]
    terms = sorted((t for t in ctx.model.glossary if t.kind == kind), key=lambda t: (t.term.casefold(), t.id))
    lines = [front_matter(title), banner("content/glossary.yml"), f"# {title}", ""]
    if kind == "person":
        lines += _hosts_and_guests(ctx)
        lines += ["## Mentioned in the conversation", ""]
    lines += [_term_item(ctx, t, page) for t in terms] or ["None yet."]
    return "\n".join(lines) + "\n"


def _hosts_and_guests(ctx) -> list[str]:
    people = sorted({(p.name, p.role, e.id) for e in ctx.model.episodes for p in e.transcript.meta.people},
                    key=lambda person: (person[0].casefold(), person))  # "Dale" before "DR. SAM HOLLIS"
    if not people:
        return []
    entries = {form.casefold(): t.id for t in ctx.model.glossary if t.kind == "person" for form in t.forms()}
    lines = ["## In the episodes", ""]
    for name, role, episode_id in people:
        title = escape(ctx.episode(episode_id).transcript.meta.title)
        who = f"**{escape(name)}**"
        if name.casefold() in entries:
            who = f"**{link(escape(name), PEOPLE, term_page(entries[name.casefold()]))}**"
        lines.append(f"- {who} — {role} in {link(title, PEOPLE, episode_page(episode_id))}")
    return lines + [""]


def term_page_text(ctx, term: Term) -> str:
    page = term_page(term.id)
    links = ctx.model.links.terms[term.id]
    lines = [front_matter(term.term, ctx.tooltip(term.id)), banner("content/glossary.yml"),
             f"# {escape(term.term)}", "", f"*{KIND_LABELS[term.kind]}*"
             + (f" · {term.year}" if term.year else ""), "", escape(term.definition), ""]
    if not term.curated:
        lines += ["!!! note \"Not yet curated\"",
                  "    Extracted automatically; the text above is the sentence that best explains it. "
                  "Add it to `content/glossary.yml` to curate it.", ""]
    if term.aliases:
        lines += ["**Also written as:** " + ", ".join(escape(a) for a in term.aliases), ""]
    if term.misheard:
        lines += ["**Misheard by speech recognition as:** " + ", ".join(escape(a) for a in term.misheard)
                  + " (shown with the right word in brackets)", ""]
    lines += _appearances(ctx, term, page) + _term_topics(ctx, links, page) + _related_terms(ctx, term, links, page)
    lines += _mentions(ctx, links, page) if links.mentions else [
        "*Background term: not mentioned in the transcripts, defined here for context.*", ""]
    return "\n".join(lines)


def _appearances(ctx, term: Term, page: str) -> list[str]:
    """For a person who takes part in an episode: their role, and where they speak."""
    if term.kind != "person":
        return []
    names = {form.casefold() for form in term.forms()}
    lines = []
    for episode in ctx.model.episodes:
        roles = [p.role for p in episode.transcript.meta.people if p.name.casefold() in names]
        spoken = [p for p in episode.passages if p.speaker and p.speaker.casefold() in names]
        if not roles and not spoken:
            continue
        title = escape(episode.transcript.meta.title)
        where = link(title, page, transcript_page(episode.id), spoken[0].id if spoken else None)
        said = f", speaks in {len(spoken)} passages" if spoken else ""
        lines.append(f"- {' and '.join(roles) or 'speaker'} in {where}{said}")
    return ["**In the episodes:**", "", *lines, ""] if lines else []


def _term_topics(ctx, links, page: str) -> list[str]:
    if not links.topics:
        return []
    items = [f"{link(escape(ctx.names.titles[t]), page, topic_page(t))} ({n})" for t, n in links.topics]
    return ["**Topics:** " + TOPIC_SEPARATOR.join(items), ""]


def _related_terms(ctx, term: Term, links, page: str) -> list[str]:
    ids = list(dict.fromkeys([*term.see_also, *(t for t, _ in links.related)]))
    if not ids:
        return []
    items = [link(escape(ctx.terms[t].term), page, term_page(t), title=ctx.tooltip(t)) for t in ids]
    return ["**Related terms:** " + ", ".join(items), ""]


def _mentions(ctx, links, page: str) -> list[str]:
    """Mentions per episode, grouped by passage topic in the order of the page's "Topics:"
    line (most mentions first); a passage with several topics goes under the one this term
    belongs to most, and passages without a topic come last."""
    rank = {topic_id: i for i, (topic_id, _) in enumerate(links.topics)}

    def topic_of(mention: Mention) -> str:
        labels = ctx.model.links.passage_topics.get((mention.episode, mention.passage), ())
        return min(labels, key=lambda t: rank.get(t, len(rank)), default="")

    def order(mention: Mention) -> tuple:
        topic_id = topic_of(mention)
        return (rank.get(topic_id, len(rank)) if topic_id else len(rank) + 1, topic_id, mention.start)

    lines = [f"## Mentions ({len(links.mentions)})", ""]
    for episode_id, in_episode in groupby(links.mentions, key=lambda m: m.episode):
        episode = ctx.episode(episode_id)
        lines += [f"### {escape(episode.transcript.meta.title)}", ""]
        by_topic = sorted(in_episode, key=order)
        for topic_id, group in groupby(by_topic, key=topic_of):
            heading = link(escape(ctx.names.titles[topic_id]), page, topic_page(topic_id)) if topic_id else "Other passages"
            lines += [f"**{heading}**", ""]
            for _, in_passage in groupby(group, key=lambda m: m.passage):  # one line per passage
                said_here = list(in_passage)
                again = f" (said {times(len(said_here))} here)" if len(said_here) > 1 else ""
                lines.append(f"- {_mention_line(ctx, episode, said_here[0], page)}{again}")
            lines.append("")
    return lines


def _words_before(text: str, count: int) -> str:
    """The last `count` words of `text`, spacing kept (so "AlphaGo, and" stays as said)."""
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    return text[starts[-count]:] if len(starts) >= count else text


def _words_after(text: str, count: int) -> str:
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return text[:ends[count - 1]] if len(ends) >= count else text


def _mention_line(ctx, episode, mention: Mention, page: str) -> str:
    passage = ctx.passage(mention.episode, mention.passage)
    text = passage.text.text
    before = _words_before(text[:mention.local_start], SNIPPET_WORDS // 2)
    after = _words_after(text[mention.local_end:], SNIPPET_WORDS // 2)
    said = escape(text[mention.local_start:mention.local_end])
    head = "…" if len(before) < mention.local_start else ""  # an ellipsis only where words are left out
    tail = "…" if mention.local_end + len(after) < len(text.rstrip()) else ""
    snippet = f"{head}{escape_inline(before)}**{said}**{escape_inline(after)}{tail}"
    where = link(f"¶ {passage.index}", page, transcript_page(episode.id), passage.id)
    when = time_label(episode, passage.time, ctx.model.settings)
    return f"{where}{', ' + when if when else ''}: {snippet}"
