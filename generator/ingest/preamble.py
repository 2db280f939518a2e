"""A header of `Key: value` lines above a text transcript, as show notes and exported pages have:

    Episode 12: Rockets and Soil
    Recorded: March 1, 2024
    Host: Jane Doe
    Guests: Bob Smith and Ann Lee

It is metadata, not speech: the title, the date, the podcast and who hosts and who is a guest.
Meeting tools write one too: a title, a date and a duration (Teams), or a title ending in
"- Transcript" (Google Meet).
Only known keys count, and a role's value must be full names, so a first turn such as
`Host: Welcome back` is never taken for a header.
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
    """The header at the top of `source`, if every line of its first paragraph is one."""
    fields: dict[str, str] = {}
    people: list[Person] = []
    end = 0
    for line in split_lines(source):
        text = source[line.start:line.end]
        if not text.strip():
            if end:
                break
            continue
        if end and LONE_CLOCK.fullmatch(text):  # Google Meet: the time of the words below
            break
        entry = _entry(text, first=not end)
        if entry is None:
            return Preamble()
        key, value = entry
        if key in ("host", "guest"):
            people.extend(Person(name, key) for name in NAMES_SEPARATOR.split(value))
        elif key is not None:
            fields.setdefault(key, value)
        end = line.end
    told = people or any(key != "title" for key in fields) or TITLE_SUFFIX.search(fields.get("title", ""))
    if not told or not source[end:].strip():
        return Preamble()
    title = TITLE_SUFFIX.sub("", fields["title"]) if "title" in fields else None
    return Preamble(end, title, fields.get("podcast"), _iso_date(fields.get("date")), tuple(people))


def _entry(text: str, first: bool) -> tuple[str | None, str] | None:
    """(what the line gives, its value) for a header line; None for anything else. The first
    line may be a bare title, when the lines below it are a header too."""
    numbered = NUMBERED_TITLE.fullmatch(text)
    if numbered:
        return "title", numbered.group("value")
    if DURATION.fullmatch(text):
        return None, text
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
