"""The one door from transcript text into Markdown, and small builders for links.

Every piece of untrusted text (transcript words, speaker names, metadata) goes through
`escape`: characters that could start Markdown, HTML, or a pymdownx extension become
numeric character references, which Markdown prints literally and never parses.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Sequence

from ..model import Mention, Passage

ALWAYS = set("\\`*_{}[]<>&|~^=$!#+\"")
AT_START = set("-+.:?0123456789>%@")
SPACES = re.compile(r"\s+")


def escape(text: str) -> str:
    """Untrusted text as inert Markdown on one line."""
    text = SPACES.sub(" ", text).strip()
    chars = [f"&#{ord(c)};" if c in ALWAYS else c for c in text]
    if chars and chars[0] in AT_START:
        chars[0] = f"&#{ord(chars[0])};"
    return "".join(chars)


def attribute(text: str) -> str:
    """Text for a link title: one line, no quotes or markup."""
    return html.escape(SPACES.sub(" ", text).strip().replace('"', "'"), quote=False)


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Link target from one docs-relative page to another (strict-build checkable)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


def link(label: str, from_page: str, to_page: str, anchor: str | None = None, title: str | None = None) -> str:
    """A Markdown link; `label` must already be Markdown (escape it first if untrusted)."""
    titled = f' "{attribute(title)}"' if title else ""
    return f"[{label}]({relative(from_page, to_page, anchor)}{titled})"


def page_url(path: str) -> str:
    """Site-relative URL MkDocs gives a docs page (use_directory_urls: true)."""
    if path.endswith("index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


def clock(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def linked_text(
    passage: Passage,
    mentions: Sequence[Mention],
    from_page: str,
    term_pages: dict[str, tuple[str, str]],
    policy: str = "first",
) -> str:
    """A passage's reading text, escaped, with its glossary terms marked up."""
    spans = [(m.term, m.local_start, m.local_end) for m in mentions]
    return marked_text(passage.text.text, spans, from_page, term_pages, policy)


def marked_text(
    text: str,
    spans: Sequence[tuple[str, int, int]],
    from_page: str,
    term_pages: dict[str, tuple[str, str]],
    policy: str = "first",
) -> str:
    """Escaped text with each (term id, start, end) span marked up.

    Per `policy` a span becomes a link to its entry ("first": the first span of each term,
    "all", or "none"); every other span gets the definition as a tooltip. `term_pages`
    maps term id -> (docs path, short definition).
    """
    pieces: list[str] = []
    cursor = 0
    linked: set[str] = set()
    for term, start, end in sorted(spans, key=lambda span: (span[1], span[2])):
        if start < cursor or term not in term_pages:
            continue
        path, definition = term_pages[term]
        pieces.append(escape_inline(text[cursor:start]))
        label = escape_inline(text[start:end])
        if policy == "all" or (policy == "first" and term not in linked):
            pieces.append(link(label, from_page, path, title=definition))
            linked.add(term)
        else:
            pieces.append(tooltip(label, definition))
        cursor = end
    pieces.append(escape_inline(text[cursor:]))
    return escape_start("".join(pieces).strip())


def tooltip(label: str, definition: str) -> str:
    """An inline abbreviation element: Material shows its title as a tooltip."""
    return f'<abbr title="{html.escape(SPACES.sub(" ", definition).strip(), quote=True)}">{label}</abbr>'


def escape_inline(text: str) -> str:
    """Like `escape` but keeps surrounding spaces, for pieces of one line."""
    text = SPACES.sub(" ", text)
    return "".join(f"&#{ord(c)};" if c in ALWAYS else c for c in text)


def escape_start(markdown: str) -> str:
    if markdown[:1] in AT_START:
        return f"&#{ord(markdown[0])};" + markdown[1:]
    return markdown


def short(text: str, limit: int = 160) -> str:
    """First sentence of a definition, cut at a word boundary, for tooltips.

    A "sentence" shorter than four words ("Dr.") is an abbreviation, not a sentence end."""
    pieces = re.split(r"(?<=[.!?])\s", text.strip())
    first = pieces[0]
    for piece in pieces[1:]:
        if len(first.split()) >= 4:
            break
        first = f"{first} {piece}"
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"
