"""A header above a text transcript, as show notes and exported pages have:

    Episode 12: Rockets and Soil
    Recorded: March 1, 2024
    Host: Jane Doe
    Guests: Bob Smith and Ann Lee

It is metadata, not speech: the title, the date, the podcast and who hosts and who is a guest.
Meeting tools write one too: a title, a date and a duration (Teams), or a title ending in
"- Transcript" (Google Meet); oral histories say "Interviewed by ...". A list of chapters
(`Chapters:` then `02:15 How it started` lines) is part of it. Only known keys count, and a
role's value must be full names, so a first turn such as `Host: Welcome back` is never taken
for a header. Where a line says only "Transcript" near the top, everything above it is the
header, show notes included, and the conversation starts below it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..model import Person
from .marks import LONE_CLOCK, looks_like_full_name
from .source import split_lines

KEYS = {"title": "title", "episode": "title", "episode title": "title", "podcast": "podcast", "show": "podcast",
        "series": "podcast", "date": "date", "recorded": "date", "recorded on": "date", "published": "date",
        "aired": "date", "air date": "date", "host": "host", "hosts": "host", "interviewer": "host",
        "moderator": "host", "guest": "guest", "guests": "guest", "interviewee": "guest",
        "speakers": None, "participants": None, "duration": None, "length": None, "runtime": None,
        "location": None, "language": None, "tags": None, "category": None}
KEY_LINE = re.compile(r"[ \t]*(?P<key>[A-Za-z][A-Za-z ]{0,15}?)[ \t]*:[ \t]+(?P<value>[^\n]{1,100}?)[ \t]*")
# "Episode 12: Rockets and Soil" on its own: the title, numbered.
NUMBERED_TITLE = re.compile(r"[ \t]*(?P<value>(?i:episode|ep\.?)[ \t]*#?\d{1,4}[ \t]*[:.\-–—|][ \t]*[^\n]{1,100}?)[ \t]*")
NAMES_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
WEEKDAY = re.compile(r"(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+")
CLOCK_TIME = re.compile(r",?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?$")  # ", 3:00PM"
DURATION = re.compile(r"[ \t]*(?:\d+\s*h(?:ours?)?\s*)?(?:\d+\s*m(?:in(?:utes?)?)?\s*)?(?:\d+\s*s(?:ec(?:onds?)?)?)?[ \t]*")
BY_LINE = re.compile(r"[ \t]*(?P<key>(?i:interviewed|hosted|moderated|recorded|produced|transcribed|edited))"
                     r"[ \t]+(?i:by)[ \t]+(?P<value>[^\n]{1,80}?)[ \t]*")  # "Interviewed by Michael Torres"
BY_KEYS = {"interviewed": "host", "hosted": "host", "moderated": "host"}
CHAPTERS = re.compile(r"[ \t]*(?i:chapters|timestamps|time ?codes|contents|in this episode)[ \t]*:?[ \t]*")
CHAPTER_LINE = re.compile(r"[ \t]*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]*[-–—:|]?[ \t]*[^\n]{1,100}")
# A line saying only that the transcript starts here: "Transcript", "TRANSCRIPT:", "## Full transcript".
DIVIDER = re.compile(r"[ \t#*_]*(?i:full[ \t]+)?(?i:transcript|transcription)[ \t]*:?[ \t*_]*")
DIVIDER_LINES = 60  # a divider further down than this many lines is something said
LINK_LINE = re.compile(r"[ \t]*(?:[^:\n]{1,30}:[ \t]*)?(?:https?://|www\.)\S+[ \t]*")  # "VIEW RECORDING: https://..."
TITLE_SUFFIX = re.compile(r"\s*[-–—|:]\s*(?i:transcript|transcription)$")  # "Weekly sync - Transcript"
DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


@dataclass(frozen=True)
class Preamble:
    end: int = 0  # source offset where the conversation starts
    title: str | None = None
    podcast: str | None = None
    date: str | None = None
    people: tuple[Person, ...] = ()


def read_preamble(source: str) -> Preamble:
    """The header at the top of `source`: above a "Transcript" line, whatever it holds;
    else the header lines the file opens with, when they say more than a title."""
    lines = [line for line in split_lines(source)][:DIVIDER_LINES]
    divider = next((line for line in lines if DIVIDER.fullmatch(source, line.start, line.end)), None)
    fields: dict[str, str] = {}
    people: list[Person] = []
    end, chapters, first, told_more = 0, False, True, False
    for line in split_lines(source):
        text = source[line.start:line.end]
        if divider is not None and line.start >= divider.start:
            end = divider.end
            break
        if not text.strip():
            continue
        if end and LONE_CLOCK.fullmatch(text):  # Google Meet: the time of the words below
            break
        chapters = bool(CHAPTERS.fullmatch(text)) or (chapters or divider is not None) and bool(CHAPTER_LINE.fullmatch(text))
        entry = (None, text) if chapters else _entry(text, first)
        first = False
        if entry is None:
            if divider is not None:
                continue  # show notes: a description, a link to follow
            break
        key, value = entry
        told_more = told_more or key != "title"
        if key in ("host", "guest"):
            people.extend(Person(name, key) for name in NAMES_SEPARATOR.split(value))
        elif key is not None:
            fields.setdefault(key, value)
        end = line.end
    told = divider or told_more or NUMBERED_TITLE.fullmatch(
        fields.get("title", "")) or TITLE_SUFFIX.search(fields.get("title", ""))
    if not told or not end or not source[end:].strip():
        return Preamble()
    title = TITLE_SUFFIX.sub("", fields["title"]) if "title" in fields else None
    return Preamble(end, title, fields.get("podcast"), _iso_date(fields.get("date")), tuple(people))


def _entry(text: str, first: bool) -> tuple[str | None, str] | None:
    """(what the line gives, its value) for a header line; None for anything else. The first
    line may be a bare title, when the lines below it are a header too."""
    numbered = NUMBERED_TITLE.fullmatch(text)
    if numbered:
        return "title", numbered.group("value")
    if DURATION.fullmatch(text) or LINK_LINE.fullmatch(text):
        return None, text
    by = BY_LINE.fullmatch(text)
    if by:
        return BY_KEYS.get(by.group("key").lower()), by.group("value")
    if _iso_date(text):
        return "date", text.strip()
    match = KEY_LINE.fullmatch(text)
    if match is None or match.group("key").lower() not in KEYS:
        plain = text.strip()
        return ("title", plain) if first and len(plain.split()) <= 12 and not plain.endswith((".", "?", "!", ":")) \
            else None
    key, value = KEYS[match.group("key").lower()], match.group("value")
    if key in ("host", "guest") and not all(looks_like_full_name(name) for name in NAMES_SEPARATOR.split(value)):
        return None  # "Host: Welcome back to the show" is the host speaking
    if value.endswith((".", "?", "!")) and key != "title":
        return None
    return key, value


def _iso_date(text: str | None) -> str | None:
    """'March 1, 2024', 'Tue, 1 Mar 2024', '2024-03-01' -> '2024-03-01'; None when unreadable."""
    if text is None:
        return None
    text = CLOCK_TIME.sub("", WEEKDAY.sub("", text.strip(), count=1))
    for form in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    return None
