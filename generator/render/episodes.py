"""The episode list, each episode's page, and its full cleaned transcript."""

from __future__ import annotations

from collections import Counter

from ..analyse import log_odds_z
from ..model import Episode, clock
from .common import TOPIC_SEPARATOR, audio_url, banner, front_matter, passage_header
from .markup import attribute, escape, link, linked_text, percent, web_url
from .paths import EPISODES, episode_page, term_page, topic_page, transcript_page

PART_TERMS = 2  # glossary terms named in a part's heading
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English", "ja": "Japanese", "ko": "Korean", "de": "German", "fr": "French",
                  "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}


def episodes_index(ctx) -> str:
    episodes, order = listing_order(ctx.model.episodes)
    lines = [front_matter("Episodes"), banner("content/episodes/"), "# Episodes", "", order, ""]
    lines += [f"- {episode_line(episode, EPISODES)}" for episode in episodes]
    return "\n".join(lines) + "\n"


def listing_order(episodes) -> tuple[list[Episode], str]:
    """Episodes as a reader lists them, and a note saying how: dated ones newest first,
    undated ones after them by title."""
    dated = sorted((e for e in episodes if e.transcript.meta.date), key=lambda e: (e.transcript.meta.date, e.id),
                   reverse=True)
    undated = sorted((e for e in episodes if not e.transcript.meta.date),
                     key=lambda e: (e.transcript.meta.title.casefold(), e.id))
    note = "Newest first; those without a date last." if dated and undated else "Newest first." if dated else "By title."
    return dated + undated, note


def episode_line(episode: Episode, from_page: str) -> str:
    meta = episode.transcript.meta
    details = " · ".join(escape(x) for x in (meta.podcast, meta.date) if x)
    title = link(escape(meta.title), from_page, episode_page(episode.id))
    return f"{title}" + (f" — {details}" if details else "")


def episode_page_text(ctx, episode: Episode) -> str:
    meta = episode.transcript.meta
    page = episode_page(episode.id)
    lines = [front_matter(meta.title), banner(episode.transcript.source), f"# {escape(meta.title)}", ""]
    lines += _facts(ctx, episode, page)
    lines += ["", link("Read the full transcript", page, transcript_page(episode.id)) + f" ({len(episode.passages)} passages).", ""]
    lines += _people(episode)
    lines += _summaries(episode)
    lines += _topic_shares(ctx, episode, page)
    lines += _episode_terms(ctx, episode, page)
    return "\n".join(lines) + "\n"


# What kind of transcript an episode came from, as a reader would say it (the file's path is
# the site owner's business, and in knowledge.json).
FORMAT_NAMES = {"podquest": "PodQuest episode page", "plain": "plain text", "labelled": "text with speaker names",
                "srt": "subtitles (SRT)", "vtt": "captions (WebVTT)", "whisper": "speech recognition output",
                "spacelog": "Spacelog mission transcript", "html": "web page", "ttml": "captions (TTML)",
                "csv": "table of segments", "ass": "subtitles (ASS)"}


def _facts(ctx, episode: Episode, page: str) -> list[str]:
    meta = episode.transcript.meta
    rows = [("Podcast", escape(meta.podcast) if meta.podcast else None),
            ("Date", meta.date),
            ("Language", escape(LANGUAGE_NAMES.get(meta.language, meta.language))),
            ("Transcript", FORMAT_NAMES.get(episode.transcript.format, episode.transcript.format))]
    url = audio_url(episode, ctx.model.settings)
    if url:
        target = web_url(url)
        rows.append(("Audio", f"[{escape(url)}]({target})" if target else escape(url)))
    return [f"- **{key}:** {value}" for key, value in rows if value]


def _people(episode: Episode) -> list[str]:
    people = episode.transcript.meta.people
    if not people:
        return []
    lines = ["## People", ""]
    lines += [f"- **{escape(p.name)}** — {p.role}" for p in people]
    return lines + [""]


def _summaries(episode: Episode) -> list[str]:
    summaries = episode.transcript.meta.summaries
    if not summaries:
        return []
    lines = ["## Summary", "", "As the source page gives it: written about the conversation, not said in it.", ""]
    for summary in summaries:
        language = LANGUAGE_NAMES.get(summary.language, summary.language)
        heading = (f"A summary of what {escape(summary.speaker)} says (in {escape(language)})" if summary.speaker
                   else f"In {escape(language)}")
        lines += [f"**{heading}**", "", escape(summary.text), f'{{: lang="{attribute(summary.language)}" }}', ""]
    return lines


def _topic_shares(ctx, episode: Episode, page: str) -> list[str]:
    shares = {t: dict(links.shares).get(episode.id, 0.0) for t, links in ctx.model.links.topics.items()}
    ranked = sorted((t for t in shares if shares[t] > 0), key=lambda t: (-shares[t], t))
    if not ranked:
        return []
    lines = ["## Topics", "", "Share of the conversation (by words) that each topic takes; a passage may belong to "
             "several topics or to none, so the shares need not add up to 100%:", "",
             "| Topic | Share | Passages |", "|---|---:|---:|"]
    for topic_id in ranked:
        count = sum(1 for labels in episode.passage_topics if topic_id in labels)
        title = link(escape(ctx.names.titles[topic_id]), page, topic_page(topic_id))
        lines.append(f"| {title} | {percent(shares[topic_id])} | {count} |")
    return lines + [""]


def _episode_terms(ctx, episode: Episode, page: str) -> list[str]:
    """The terms said most, leaving out the people taking part (their names are said to them)."""
    present = {p.name.casefold() for p in episode.transcript.meta.people}
    counts = Counter(m.term for m in episode.mentions if ctx.terms[m.term].term.casefold() not in present)
    if not counts:
        return []
    top = sorted(counts, key=lambda t: (-counts[t], t))[:20]
    items = [f"{link(escape(ctx.terms[t].term), page, term_page(t), title=ctx.tooltip(t))} ({counts[t]})" for t in top]
    return ["## Terms discussed most", "", ", ".join(items), ""]


def transcript_page_text(ctx, episode: Episode) -> str:
    meta = episode.transcript.meta
    page = transcript_page(episode.id)
    lines = [front_matter(f"Transcript: {meta.title}"), banner(episode.transcript.source),
             f"# Transcript: {escape(meta.title)}", "",
             f"{link('Back to the episode', page, episode_page(episode.id))}. "
             "Fillers and stutters are removed for reading; every passage links to its topics."
             + ("" if any(p.speaker for p in episode.passages) else
                " The source does not say who speaks when, so passages name no speaker."), ""]
    mentions_by_passage: dict[str, list] = {}
    for mention in episode.mentions:
        mentions_by_passage.setdefault(mention.passage, []).append(mention)
    parts = {start: number for number, (start, _) in enumerate(episode.segments, 1)}
    mentioned = Counter(m.term for m in episode.mentions)
    for index, (passage, labels) in enumerate(zip(episode.passages, episode.passage_topics)):
        if index in parts and len(parts) > 1:
            lines += [_part_heading(ctx, episode, parts[index], mentions_by_passage, mentioned), ""]
        header = passage_header(episode, passage, labels, page, ctx.names, ctx.model.settings, with_jump=False)
        text = linked_text(passage, mentions_by_passage.get(passage.id, []), page, ctx.term_links,
                           ctx.model.settings.link_terms)
        lines += [header, f"{{: #{passage.id} .podsite-meta }}", "", text, "{: .podsite-passage }", ""]
    return "\n".join(lines)


def _part_heading(ctx, episode: Episode, number: int, mentions_by_passage: dict[str, list],
                  mentioned: Counter) -> str:
    """A heading per part, so the page has a table of contents and a search hit opens at its
    part: the part's start time, the topics of at least a quarter of its passages (most
    frequent first), and the glossary terms it mentions most distinctively, which tell apart
    neighbouring parts of one topic."""
    start, end = episode.segments[number - 1]
    counts = Counter(t for labels in episode.passage_topics[start:end] for t in labels)
    order = {topic.id: i for i, topic in enumerate(ctx.model.topics)}
    main = sorted((t for t, n in counts.items() if 4 * n >= end - start), key=lambda t: (-counts[t], order[t]))
    here = Counter(m.term for p in episode.passages[start:end] for m in mentions_by_passage.get(p.id, ()))
    distinct = log_odds_z(here, mentioned)
    named = " ".join(ctx.names.titles[t] for t in main).casefold()  # a discovered topic's name has its terms
    terms = sorted((t for t in here if here[t] >= 2 and distinct[t] > 0 and ctx.terms[t].term.casefold() not in named),
                   key=lambda t: (-distinct[t], t))[:PART_TERMS]
    when = episode.passages[start].time
    label = " · ".join([f"Part {number}", *([clock(when)] if when is not None else []),
                        *([TOPIC_SEPARATOR.join(escape(ctx.names.titles[t]) for t in main)] if main else []),
                        *([", ".join(escape(ctx.terms[t].term) for t in terms)] if terms else [])])
    return f"## {label} {{#part-{number}}}"
