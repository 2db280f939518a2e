"""A header above a text transcript, as show notes and exported pages have:

    Episode 12: Rockets and Soil
    Recorded: March 1, 2024
    Host: Jane Doe
    Guests: Bob Smith and Ann Lee

It is metadata, not speech: the title, the date, the podcast and who hosts and who is a guest.
Meeting tools write one too: a title, a date and a duration (Teams), or a title ending in
"- Transcript" (Google Meet); oral histories say "Interviewed by ..." or "Interview with ...,
conducted by ...". A list of chapters
(`Chapters:` then `02:15 How it started` lines) is part of it. Only known keys count, and a
role's value must be full names, so a first turn such as `Host: Welcome back` is never taken
for a header, and a title line must read as a title. Where a line says only "Transcript" near
the top and nobody speaks above it, everything above it is the header, show notes included,
and the conversation starts below it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..model import Person
from .marks import LONE_CLOCK, ROLE_WORDS, find_label, looks_like_full_name
from .source import Line, split_lines

KEYS = {"title": "title", "episode": "episode", "episode title": "title", "podcast": "podcast", "show": "podcast",
        "series": "podcast", "date": "date", "recorded": "date", "recorded on": "date", "published": "date",
        "aired": "date", "air date": "date", "meeting started": "date", "host": "host", "hosts": "host", "interviewer": "host",
        "moderator": "host", "guest": "guest", "guests": "guest", "interviewee": "guest",
        "speakers": None, "participants": None, "duration": None, "length": None, "runtime": None,
        "location": None, "language": None, "tags": None, "category": None}
# The same keys as headers in other languages write them (Spanish, Portuguese, French, Italian,
# German, Dutch, Russian, Chinese, Japanese, Korean).
KEYS |= {key: field for field, keys in {
    "title": "título titulo titre titolo titel название 标题 標題 题目 タイトル 제목",
    "podcast": "programa émission emission programma sendung передача 节目 節目 番組 프로그램",
    "episode": "episodio épisode folge aflevering выпуск 期数",
    "date": "fecha data datum дата 日期 时间 日付 날짜 grabado enregistré aufgenommen",
    "host": "presentadores anfitriones animateurs",  # plurals; each role's word itself is in ROLE_WORDS
    "guest": "invitados convidados invités ospiti gäste гости",
    None: "duración durée dauer duur длительность 时长 時間 participantes participants teilnehmer 参与者 参加者",
}.items() for key in keys.split()} | {word: role for word, role in ROLE_WORDS.items() if len(word) > 1}  # not Q, A
KEY_LINE = re.compile(r"[ \t]*(?P<key>[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+)?)[ \t]*(?::[ \t]+|：[ \t]*)"
                      r"(?P<value>[^\n]{1,100}?)[ \t]*")
# "Episode 12: Rockets and Soil" on its own: the title, numbered.
NUMBERED_TITLE = re.compile(r"[ \t]*(?P<value>(?i:episode|ep\.?)[ \t]*#?\d{1,4}[ \t]*[:.\-–—|][ \t]*[^\n]{1,100}?)[ \t]*")
NAMES_SEPARATOR = re.compile(r"\s*(?:[,;&、]|\band\b)\s*")
WEEKDAY = re.compile(r"(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+")
CLOCK_TIME = re.compile(r",?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?$")  # ", 3:00PM"
DURATION = re.compile(r"[ \t]*(?:\d+\s*h(?:ours?)?\s*)?(?:\d+\s*m(?:in(?:utes?)?)?\s*)?(?:\d+\s*s(?:ec(?:onds?)?)?)?[ \t]*")
BY_LINE = re.compile(r"[ \t]*(?P<key>(?i:interviewed|hosted|moderated|recorded|produced|transcribed|edited))"
                     r"[ \t]+(?i:by)[ \t]+(?P<value>[^\n]{1,80}?)[ \t]*")  # "Interviewed by Michael Torres"
BY_KEYS = {"interviewed": "host", "hosted": "host", "moderated": "host"}
# "Interview with Walter Brennan, conducted by Grace Liu", as oral histories head their transcripts.
WITH_LINE = re.compile(r"[ \t]*(?i:(?:an?[ \t]+)?(?:oral[ \t]+history[ \t]+)?(?:interview|conversation)[ \t]+with)"
                       r"[ \t]+(?P<guest>[^,\n]{1,80}?)(?:,?[ \t]+(?i:conducted|hosted|moderated|interviewed)[ \t]+"
                       r"(?i:by)[ \t]+(?P<host>[^\n]{1,80}?))?[ \t]*\.?[ \t]*")
CHAPTERS = re.compile(r"[ \t]*(?i:chapters|timestamps|time ?codes|contents|in this episode)[ \t]*:?[ \t]*")
CHAPTER_LINE = re.compile(r"[ \t]*[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?[ \t]*[-–—:|]?[ \t]*[^\n]{1,100}")
# A line saying only that the transcript starts here: "Transcript", "TRANSCRIPT:", "## Full transcript".
DIVIDER = re.compile(r"[ \t#*_]*(?i:full[ \t]+)?(?i:transcript|transcription)[ \t]*:?[ \t*_]*")
DIVIDER_LINES = 60  # a divider further down than this many lines is something said
TITLE_WORDS = 12
MARKUP = re.compile(r"^[ \t]*#+[ \t]*|\*\*|__")  # a Markdown heading's marks, bold
LINK_LINE = re.compile(r"[ \t]*(?:[^:\n]{1,60}:[ \t]*)?(?:https?://|www\.)\S+[ \t]*")  # "VIEW RECORDING: https://..."
RULE = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*")  # a line dividing the header from the talk
# "Weekly sync - Transcript" (Google Meet), "Transcript for Weekly sync" (Tactiq)
TITLE_SUFFIX = re.compile(r"\s*[-–—|:]\s*(?i:transcript|transcription)$|^(?i:transcript|transcription)[ \t]+(?i:for|of)[ \t]+")
DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d",
                "%Y年%m月%d日", "%d.%m.%Y")


@dataclass(frozen=True)
class Preamble:
    end: int = 0  # source offset where the conversation starts
    title: str | None = None
    podcast: str | None = None
    date: str | None = None
    people: tuple[Person, ...] = ()


def read_preamble(source: str) -> Preamble:
    """The header at the top of `source`: above a "Transcript" line, whatever it holds (when
    nobody speaks there); else the header lines the file opens with, when they say more than
    a title."""
    divider = _divider(source)
    fields: dict[str, str] = {}
    people: list[Person] = []
    end, chapters, first, told_more = 0, False, True, False
    role_words: set[str] = set()  # "Host", "主持人": the words the header names people by
    for line in split_lines(source):
        text = source[line.start:line.end]
        if divider is not None and line.start >= divider.start:
            end = divider.end
            break
        if not text.strip():
            chapters = False  # a list of chapters ends at a blank line
            continue
        if end and LONE_CLOCK.fullmatch(text):  # Google Meet: the time of the words below
            break
        chapters = bool(CHAPTERS.fullmatch(text)) or (chapters or divider is not None) and bool(CHAPTER_LINE.fullmatch(text))
        heading = first and DIVIDER.fullmatch(text)  # "Transcript" above all else: a heading
        entry = (None, text) if chapters or heading else _entry(text, first)
        opening, first = first, False
        if entry is None:
            if divider is not None:
                continue  # show notes: a description, a link to follow
            break
        key, value = entry
        told_more = told_more or key != "title"
        if key == "interview":
            people.extend(_interview_people(value))
            if opening:  # "ORAL HISTORY INTERVIEW WITH RUTH ANDERSON" on top is the title too
                fields.setdefault("title", value.strip())
        elif key in ("host", "guest"):
            people.extend(Person(name, key) for name in NAMES_SEPARATOR.split(value))
            keyed = KEY_LINE.fullmatch(text)  # not "Interviewed by ..."
            if keyed:
                role_words.add(keyed.group("key").lower())
        elif key is not None:
            fields.setdefault(key, value)
        end = line.end
    title = fields.get("title") or (f"Episode {fields['episode']}" if "episode" in fields else None)
    told = divider or told_more or NUMBERED_TITLE.fullmatch(title or "") or TITLE_SUFFIX.search(title or "")
    if not told or not end or not source[end:].strip() or _labels_below(source, end, role_words):
        return Preamble()
    title = MARKUP.sub("", TITLE_SUFFIX.sub("", title)).strip() if title else None
    return Preamble(end, title, fields.get("podcast"), _iso_date(fields.get("date")), tuple(people))


def _divider(source: str) -> Line | None:
    """A line saying only "Transcript" near the top, below which the conversation starts; not
    when somebody speaks above it, and not as the very first line (a heading, then)."""
    lines = [line for line in split_lines(source)[:DIVIDER_LINES] if line.text(source).strip()]
    divider = next((line for line in lines if DIVIDER.fullmatch(source, line.start, line.end)), None)
    if divider is None or divider is lines[0]:
        return None
    return None if any(_spoken(source, line) for line in lines if line.start < divider.start) else divider


def _labels_below(source: str, end: int, words: set[str]) -> bool:
    """Whether a role word of the header labels turns below it: then its lines were turns too
    ("主持人：好的" / "嘉宾：嗯" / ... "主持人：那我们开始吧"), not a header naming people."""
    return bool(words) and any(
        (label := find_label(source, line.start, line.end)) is not None and label.name.lower() in words
        for line in split_lines(source) if line.start >= end)


def _spoken(source: str, line: Line) -> bool:
    """A line opening with a speaker's label that is no header key: somebody speaks there."""
    label = find_label(source, line.start, line.end)
    return (label is not None and label.name.lower() not in KEYS and bool(source[label.end:line.end].strip())
            and not LINK_LINE.fullmatch(source, line.start, line.end))


def _entry(text: str, first: bool) -> tuple[str | None, str] | None:
    """(what the line gives, its value) for a header line; None for anything else. The first
    line may be a bare title, when the lines below it are a header too."""
    numbered = NUMBERED_TITLE.fullmatch(text)
    if numbered and title_like(numbered.group("value")):
        return "title", numbered.group("value")
    if DURATION.fullmatch(text) or LINK_LINE.fullmatch(text) or RULE.fullmatch(text):
        return None, text
    if _interview_people(text):
        return "interview", text
    by = BY_LINE.fullmatch(text)
    if by:
        role = BY_KEYS.get(by.group("key").lower())
        names = NAMES_SEPARATOR.split(by.group("value"))
        people = role is not None and all(looks_like_full_name(name) for name in names)
        return (role if people else None), by.group("value")  # "Hosted by the Public Library": no person
    if _iso_date(text):
        return "date", text.strip()
    match = KEY_LINE.fullmatch(text)
    if match is None or match.group("key").lower() not in KEYS:
        return ("title", text.strip()) if first and title_like(text) else None
    key, value = KEYS[match.group("key").lower()], match.group("value")
    if key in ("host", "guest") and (value.isupper() or not all(looks_like_full_name(name) or _caseless_name(name)
                                                              for name in NAMES_SEPARATOR.split(value))):
        return None  # "Host: Welcome back to the show" and "HOST: GOOD EVENING" are the host speaking
    if value.endswith((".", "?", "!", "。", "？", "！")) and key != "title":
        return None
    return key, value


def _interview_people(text: str) -> list[Person]:
    """The guest and host an "Interview with ..., conducted by ..." line names, when all are full names."""
    match = WITH_LINE.fullmatch(text)
    if match is None:
        return []
    people = [Person(name, role) for role in ("guest", "host") if match.group(role)
              for name in NAMES_SEPARATOR.split(match.group(role))]
    return people if all(looks_like_full_name(person.name) for person in people) else []


def _caseless_name(text: str) -> bool:
    """A name in a script without capitals ("张三", "田中 太郎"): letters only, a few of them."""
    letters = text.replace(" ", "")
    return 0 < len(letters) <= 8 and letters.isalpha() and not any(c.isupper() or c.islower() for c in letters)


def title_like(text: str) -> bool:
    """A short line written as titles are, its words mostly capitalised ("Weekly Product Sync",
    "Episode 42: Building in Public"), not a sentence said ("so um yeah welcome back")."""
    words = MARKUP.sub("", text).split()
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return (0 < len(words) <= TITLE_WORDS and 2 * capitalised >= len(words)
            and not text.rstrip().endswith((".", "?", "!", ":", ",")))


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
