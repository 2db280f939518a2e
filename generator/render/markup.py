"""The one door from transcript text into Markdown, and small builders for links.

Every piece of untrusted text (transcript words, speaker names, metadata) goes through
`escape`: characters that could start Markdown, HTML, or a pymdownx extension become
numeric character references, which Markdown prints literally and never parses. Text in
attribute values (link titles, tooltips, page titles in front matter) goes through
`attribute`, and addresses from metadata through `web_url`.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse
from typing import NamedTuple, Sequence

from ..model import Mention, Passage

# Markdown's own marks, and those of extensions sites often add: `:smile:` (emoji), `@name`,
# `https://...` and `www.` (magiclink) would become images and links.
ALWAYS = set("\\`*_{}[]<>&|~^=$!#+\":@")
AT_START = set("-+.?0123456789>%")
WWW = re.compile(r"(?i)(?<=\bwww)\.")
SPACES = re.compile(r"\s+")
# Left after spaces are joined: never shown, invalid in HTML; and the bidirectional overrides and
# isolates, which in a speaker's name would reverse the link and time written after it.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PLAIN = set(" .,;:?!-/")  # left as they are in attribute values
WEB_URL = re.compile(r"https?://", re.I)
URL_SAFE = "/:?#=&;,%+@"  # besides letters, digits and -._~


def escape(text: str) -> str:
    """Untrusted text as inert Markdown on one line."""
    chars = _escaped(one_line(text).strip())
    if chars and chars[0] in AT_START:
        chars[0] = f"&#{ord(chars[0])};"
    return "".join(chars)


def _escaped(text: str) -> list[str]:
    """Each character of `text`, as a character reference where it could start markup."""
    dots = {match.start() for match in WWW.finditer(text)}
    return [f"&#{ord(c)};" if c in ALWAYS or i in dots else c for i, c in enumerate(text)]


def one_line(text: str) -> str:
    """Runs of white space as one space, control characters dropped."""
    return CONTROLS.sub("", SPACES.sub(" ", text))


def attribute(text: str) -> str:
    """Text for a link title or an HTML attribute value, on one line.

    Every character but letters, digits, spaces and `.,;:?!-/` becomes a numeric character
    reference: quotes and parentheses would end a Markdown link title early, backticks and
    backslashes are read before links are, and braces are template syntax. Browsers show
    the references as the characters they stand for.
    """
    text = one_line(text).strip()
    return "".join(c if c.isalnum() or c in PLAIN else f"&#{ord(c)};" for c in text)


def web_url(address: str) -> str | None:
    """An http(s) address as a Markdown link target, or None for anything else (a relative
    path, javascript:, data:). Characters that could end the link or start markup are
    percent-encoded, and `&` is written as `&amp;` so no character reference in the address
    is ever decoded into something else."""
    if not WEB_URL.match(address):
        return None
    return urllib.parse.quote(address, safe=URL_SAFE).replace("&", "&amp;")


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


def percent(share: float) -> str:
    """`12%`; a share that is there but rounds to nothing is `<1%`, not `0%`."""
    shown = f"{share:.0%}"
    return "<1%" if share > 0 and shown == "0%" else shown


class TermLink(NamedTuple):
    """What marking up a term's mention needs: its page, its short definition, and the
    forms speech recognition misheard it as (casefolded), which are shown with the headword."""

    path: str
    definition: str
    headword: str = ""
    misheard: frozenset[str] = frozenset()


def linked_text(
    passage: Passage,
    mentions: Sequence[Mention],
    from_page: str,
    term_pages: dict[str, TermLink],
    policy: str = "first",
) -> str:
    """A passage's reading text, escaped, with its glossary terms marked up."""
    spans = [(m.term, m.local_start, m.local_end) for m in mentions]
    return marked_text(passage.text.text, spans, from_page, term_pages, policy)


def marked_text(
    text: str,
    spans: Sequence[tuple[str, int, int]],
    from_page: str,
    term_pages: dict[str, TermLink],
    policy: str = "first",
) -> str:
    """Escaped text with each (term id, start, end) span marked up.

    Per `policy` a span becomes a link to its entry ("first": the first span of each term,
    "all", or "none"); every other span gets the definition as a tooltip. A span that says
    what speech recognition misheard ("Chat TTP") is followed by the headword in brackets,
    as an editor marks a correction in a quote: the words stay as the file has them.
    """
    pieces: list[str] = []
    cursor = 0
    linked: set[str] = set()
    for term, start, end in sorted(spans, key=lambda span: (span[1], span[2])):
        if start < cursor or term not in term_pages:
            continue
        entry = term_pages[term]
        pieces.append(escape_inline(text[cursor:start]))
        label = escape_inline(text[start:end])
        if policy == "all" or (policy == "first" and term not in linked):
            pieces.append(link(label, from_page, entry.path, title=entry.definition))
            linked.add(term)
        else:
            pieces.append(tooltip(label, entry.definition))
        if text[start:end].casefold() in entry.misheard:
            pieces.append(f' <span class="podsite-heard">{escape_inline(f"[{entry.headword}]")}</span>')
        cursor = end
    pieces.append(escape_inline(text[cursor:]))
    return escape_start("".join(pieces).strip())


def tooltip(label: str, definition: str) -> str:
    """An inline abbreviation element: Material shows its title as a tooltip."""
    return f'<abbr title="{attribute(definition)}">{label}</abbr>'


def escape_inline(text: str) -> str:
    """Like `escape` but keeps surrounding spaces, for pieces of one line."""
    return "".join(_escaped(one_line(text)))


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
