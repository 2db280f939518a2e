"""Speaker labels and inline timestamps, shared by the text and subtitle readers.

A label is `Name: `, `Name (Host): `, `**Name:** ` or `**Name**: ` at the start of a
paragraph or cue (`Name：` with a full-width colon in Chinese and Japanese text), optionally
after a timestamp (`[00:01] Name:`, `(00:01) Name:`, `00:01 Name:`, `00:01 - Name:`). A
header line `Name  0:15`, `Name 00:01:02`, `Name (00:01:02)`, `Name - 00:01` or
`[Name] 00:01` alone on its line (Otter.ai, Descript, Rev, Zoom) is a label too, with the
words on the lines after it; so is a name alone on its line (`name_line`), when the reader
finds it heading several paragraphs. Both may be Markdown headings or bold (`## Name`,
`**Name** 00:01`), and a bold label may have its note outside the bold (`**Name** (00:01):`). Labels are checked for being plausible names so that
sentences such as "Note: ..." or "Well today we're going: ..." are not mistaken for speakers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

ROLE_WORDS = {"host": "host", "co-host": "host", "cohost": "host", "guest": "guest", "interviewer": "host",
              "moderator": "host", "interviewee": "guest", "q": "host", "a": "guest"}  # Q and A: who asks, who answers
# The same roles as podcasts in Spanish, Portuguese, French, Italian, German, Dutch, Russian,
# Chinese, Japanese and Korean write them.
ROLE_WORDS |= {word: role for role, words in {
    "host": "presentador presentadora anfitrión anfitriona entrevistador entrevistadora apresentador apresentadora "
            "animateur animatrice conduttore conduttrice intervistatore intervistatrice moderatorin gastgeber "
            "gastgeberin presentator interviewerin ведущий ведущая интервьюер 主持人 主持 司会 司会者 진행자 사회자",
    "guest": "invitado invitada entrevistado entrevistada convidado convidada invité invitée ospite intervistato "
             "intervistata gast interviewte gesprächspartner гость гостья 嘉宾 嘉賓 来宾 ゲスト 게스트 출연자",
}.items() for word in words.split()}
# Words that start sentences with a colon but never name a speaker.
NOT_SPEAKERS = {"note", "notes", "nb", "warning", "edit", "update", "summary", "example",
                "source", "sources", "transcript", "tip", "caution", "important", "disclaimer",
                "ps", "p.s.", "see", "also", "http", "https", "re", "subject", "date", "time",
                "remember", "reminder", "correction", "translation", "question", "answer", "quote",
                "recorded", "published", "released", "duration", "length", "location", "title", "tags",
                # what show notes head their lines with
                "editor's note", "editor’s note", "side note", "fun fact", "pro tip", "action items", "next steps",
                "key takeaways", "takeaways", "resources", "links", "show notes", "sponsor", "sponsors",
                "chapters", "timestamps", "ingredients", "bonus", "todo", "fyi"}
# Words that number the sections of a text ("Chapter 2: The Launch"), not its speakers.
SECTION_WORDS = {"chapter", "part", "section", "episode", "act", "scene", "segment", "round", "session",
                 "day", "week", "season", "volume", "book", "lesson", "module", "unit", "step", "topic", "track"}
# Words said alone as a whole paragraph ("Yeah"), which would otherwise look like names heading the next.
INTERJECTIONS = {"yes", "yeah", "yep", "no", "nope", "okay", "ok", "right", "sure", "thanks", "hmm", "mm", "wow",
                 "oh", "great", "exactly", "absolutely", "cool", "indeed", "true", "really", "well"}
# Lowercase name particles, so that "Ludwig van Beethoven" still reads as a full name.
NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "y",
                  "&", "and"}  # and two people speaking at once: "Jane & Bob"
ELIDED_PARTICLE = re.compile(r"[a-z]{1,4}['’][A-Z]")  # "d'Arcy", "dell'Orto"
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 40

# Video tools (Premiere, Avid, Happy Scribe) write timecodes with frames: 00:01:04:15, or
# 00;01;04;15 when drop-frame. The frame rate is not given, so frames (under a second) are dropped.
TIMECODE = r"\d{1,2}[:;]\d{2}[:;]\d{2}[:;]\d{2}"
# A time of day as meeting tools and chats write it: "10:15 AM", "2:03:45 p.m.".
MERIDIEM = r"[ \t]?(?:[AaPp]\.?[Mm]\.?)(?![\w])"
CLOCK = rf"(?:{TIMECODE}|(?:\d{{1,2}}:)?\d{{1,2}}:\d{{2}}(?:[.,]\d{{1,3}})?(?:{MERIDIEM})?)"
ANY_CLOCK = re.compile(rf"{TIMECODE}|(?:\d+:)?\d{{1,2}}:\d{{2}}(?:[,.]\d{{1,3}})?")  # in data fields: hours of any length
NUMBER = re.compile(r"\d+(?:\.\d+)?")
TIME_OF_DAY = re.compile(rf"(?<![\d:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?{MERIDIEM}")
# The end of a time range, "[00:00:05 - 00:00:10]": the start is the passage's time.
UNTIL = rf"(?:[ \t]*(?:-->|[-–—~]|to)[ \t]*{CLOCK})?"
# A bracketed time, also as a Markdown link to that moment ("[00:01:02](https://youtu.be/x?t=62)").
INLINE_TIME = rf"\\?\[(?P<time>{CLOCK}){UNTIL}\\?\](?:\((?:https?://|/|#)[^()\s]*\))?"
SEPARATOR = r"(?:[-–—|][ \t]+)?"  # "00:01 - Name:", "Name - 00:01"
# A timestamp opening a paragraph or following its label: [00:01], (00:01), or a clock alone on its line.
LEAD_TIME = re.compile(rf"(?:{INLINE_TIME}|\((?P<ptime>{CLOCK}){UNTIL}\))[ \t]*{SEPARATOR}\s*"
                       rf"|(?P<ltime>{CLOCK})(?:(?<=\d:\d\d:\d\d){UNTIL})?[ \t]*(?:\n\s*|\Z)")  # and Premiere's range
# (of clocks with hours: "9:00 - 10:30" alone on its line is more often a schedule than a stamp)
TRAIL_TIME = re.compile(rf"\s*(?:{INLINE_TIME}|\((?P<ptime>{CLOCK}){UNTIL}\))$")
# A bracketed or parenthesised clock between words: the time of the words after it.
MID_TIME = re.compile(rf"(?<=\s)(?:{INLINE_TIME}|\((?P<ptime>{CLOCK}){UNTIL}\))\s+")
LONE_CLOCK = re.compile(rf"[ \t]*[\[(]?{CLOCK}{UNTIL}[\])]?[ \t]*")  # a line of its own: the time of the words below
PAREN_TIME = re.compile(rf"(?P<time>{CLOCK}){UNTIL}")
# A bare clock right after a label, "Jane Doe: 00:00:05 Welcome", with hours so that "Ann: 10:30
# is late" keeps its words, or before a tab ("Jane Doe<TAB>0:05<TAB>Welcome", a pasted table).
LABEL_CLOCK = re.compile(rf"(?P<time>{TIMECODE}|\d{{1,2}}:\d{{2}}:\d{{2}}(?:[.,]\d{{1,3}})?)[ \t]+|(?P<ltime>{CLOCK})\t+")
# A bare or parenthesised clock before a label: only a time when a label follows it.
LEAD_CLOCK = re.compile(rf"\(?(?P<time>{CLOCK})\)?[ \t]+{SEPARATOR}|\((?P<ptime>{CLOCK})\)")
# Markdown around a name heading its lines: `## Name`, `**Name**`, `### **Name**`.
MD_OPEN = r"(?:#{1,6}[ \t]+)?(?:\*\*|__)?"
MD_CLOSE = r"(?:\*\*|__)?"
HEADER = re.compile(MD_OPEN + r"\[?(?P<name>[^\W\d_][^\n:：()\[\]*#]{0,39}?)\]?" + MD_CLOSE +
                    r"(?:[ \t]*\((?P<note>[^()\n]{1,30})\))?"  # "Jane Doe (she/her)  0:03"
                    rf"(?:[ \t]*[-–—|][ \t]*|[ \t]+[(\[*_]?|[ \t]*[(\[])(?P<time>{CLOCK}){UNTIL}[)\]*_]?[ \t]*(?:\n\s*|\Z)")
HEADER_TIME_FIRST = re.compile(MD_OPEN + rf"\\?[\[(]?(?P<time>{CLOCK}){UNTIL}\\?[\])]?[ \t]+{SEPARATOR}"
                               r"\[?(?P<name>[^\W\d_][^\n:：()\[\]*]{0,39}?)\]?" + MD_CLOSE
                               + r"(?:[ \t]*\((?P<note>[^()\n]{1,30})\))?[ \t]*(?:\n\s*|\Z)")  # words follow
NAME_LINE = re.compile(MD_OPEN + r"\[?(?P<name>[^\W\d_][^\n:：()\[\]*#]{0,39}?)\]?" + MD_CLOSE
                       + r"[ \t]*(?:\n\s*|\Z)")  # words follow, on the next line or in the next paragraph
# Speaker ids from diarization and transcription tools: SPEAKER_00, Speaker 1, S1, spk2.
# The word "speaker" in other languages too: Sprecher 1, Locuteur 2, Спикер 1, 说话人 1, 화자 1.
SPEAKER_WORD = (r"(?:speaker|spk|sprecher(?:in)?|locut(?:eur|rice)|intervenant|hablante|orador[a]?|parlante|spreker|talare"
                r"|спикер|говорящий|说话人|說話人|发言人|發言人|スピーカー|話者|화자)")
DIARIZED = re.compile(rf"(?:{SPEAKER_WORD}|s)[ _-]?\d{{1,3}}|{SPEAKER_WORD}[ _-]?(?-i:[A-Z])", re.IGNORECASE)

# Someone a transcriber could not name, labelled by what they are: "Caller:", "Audience member:",
# "Man in audience:", "Unidentified speaker:". Such a label is a speaker even once, in any case.
PARTICIPANT = re.compile(r"(?i:(?:unidentified|unknown|female|male)[ \t]+(?:speaker|man|woman|voice|person|caller)"
                         r"|(?:audience|audience[ \t]+member|caller|listener|questioner|participant|respondent|attendee"
                         r"|panel+ist|narrator|announcer|interpreter|translator|student|man|woman)"
                         r"(?:[ \t]+(?:in|from)[ \t]+(?:the[ \t]+)?(?:audience|crowd|floor))?)")
COLON = r"(?::(?=\s|$)|：)"  # an ASCII colon before a space; a full-width one (CJK) needs none
NOTE = r"(?:\([^()\n]{1,60}\)|\[[^\[\]\n]{1,30}\])"  # "(Host)", "(00:01)", "[00:01]" after a name
# `**Name:**`, `**Name**:`, or `**Name** (00:01):` with the note outside the bold
BOLD_LABEL = re.compile(r"\*\*(?P<name>[^*\n]{1,60}?)(?:(?::\*\*|\*\*:)(?=\s|$)|：\*\*|\*\*："
                        rf"|\*\*(?P<note>[ \t]*{NOTE})(?:{COLON}|(?<=\d[\])])[ \t]+(?=\S)))\s*")  # "**Ann** [00:11] words" too
# "[SPEAKER_00] words", "[Ann]: words", as diarization scripts print them (a clock is no name).
BRACKET_COLON_LABEL = re.compile(r"\[\[?(?P<name>[^\[\]\n:]{1,40})\]\]?:[ \t]+")  # "[Ann Lee]: words", Obsidian's "[[Ann Lee]]:"
ITALIC_LABEL = re.compile(r"(?P<mark>[*_])(?P<name>[^*_\n]{1,60}?):(?P=mark)[ \t]+")  # "*Ann:* words"
# Hearing records: "Mr. SMITH. The committee will come to order.", "The CHAIRMAN. Thank you."
HONORIFIC_LABEL = re.compile(r"(?P<name>(?:Mr|Mrs|Ms|Dr|Sen|Senator|Rep|Representative|Chairman|Chairwoman|Madam)\.?"
                             r"[ \t]+[A-Z][A-Z'’\-]+(?:[ \t]+of[ \t]+[A-Z][a-z]+)?|The[ \t]+(?:CHAIRMAN|CHAIRWOMAN|"
                             r"CHAIR|SPEAKER|PRESIDENT|CLERK|WITNESS|COURT))\.[ \t]+")
# What may come before a label on its line: a Markdown quote or list mark, or an emoji ("🎙️ Host:").
BLANKS = re.compile(r"[ \t]+")
LIST_MARK = re.compile(r"[-*+•]")
LINE_DECORATION = re.compile(r"[ \t]*(?:>(?!>)[ \t]*|[-*+•][ \t]+)*")
URL_ONLY = re.compile(r"[ \t]*(?:https?://|www\.)\S+[ \t]*(?:\n|$)")  # "VIEW RECORDING: https://...": a link, not speech
BRACKET_LABEL = re.compile(r"\[(?P<name>[^\[\]\n:]{1,40})\](?::|[ \t]+[-–—])?[ \t]+")
# "Jane Doe [00:00:07] words" (Trint): a name, then the time in brackets or parentheses, then the words.
TIMED_LABEL = re.compile(rf"(?P<name>[^\W\d_][^:：\n()\[\]]{{0,40}}?)(?P<note>[ \t]+(?:\[{CLOCK}\]|\({CLOCK}\)))[ \t]+(?=\S)")
QA_LABEL = re.compile(r"(?P<name>[QA])\.[ \t]+")  # "Q. words" / "A. words", as court reporters write them
DASH_LABEL = re.compile(r"(?P<name>[^\W\d_][^:：\n()\[\]–—]{0,40}?)[ \t]+[-–—][ \t]+")  # "Jane Doe - words"
TURN_MARK = re.compile(r"(?:>>|&gt;&gt;)[ \t]*")  # captions' mark of a new speaker, kept in text pasted from them
TAB_LABEL = re.compile(r"(?P<name>[^\W\d_][^\t\n:：()\[\]]{0,60}?)[ ]*\t+")  # "Name<TAB>words", pasted from a table
PLAIN_LABEL = re.compile(rf"(?P<name>[^\W\d_][^:：\n()\[\]]{{0,60}}?(?:[ \t]*{NOTE})?){COLON}\s*")
NAME_WITH_PAREN = re.compile(r"(?P<base>.*?)\s*(?:\((?P<paren>[^()]*)\)|\[(?P<bracket>[^\[\]]*)\]"
                             r"|（(?P<wide>[^（）]*)）)")  # "张三（主持人）", a note in full-width brackets
NAME_CHARS = re.compile(r"[^\W_][\w.'’#&\- \u00a0]*(?:,[ \t]+[^\W_][\w.'’\- ]*)?")  # "Doe, Jane", as Teams lists people
# A numbered participant: "Caller 2", "UNIDENTIFIED PERSON #1" ("Chapter 2" is a section: SECTION_WORDS).
NUMBERED = re.compile(r"(?P<word>[^\W\d_][\w.'’\- ]*?)[ \t]+#?\d{1,3}")
# "STEVE INSKEEP, HOST" (news transcripts), "Ana Costa, Founder of Plantly", "Jane Doe – Host"
TITLED = re.compile(r"(?P<name>[^,|–—]+?)(?:,|[ \t]+[-–—|])[ \t]+(?P<title>[^,.?!]{2,40})")
DEGREE = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.]{1,5}")  # "PhD", "MBA", "M.D."; not "Sarah"
GENERATION = re.compile(r"(?i:jr|sr|[iv]{1,3}|iv)\.?")  # "Jane Doe, Jr.": part of the name, not a title
NAME_SUFFIX = re.compile(r",[ \t]+[A-Z][A-Za-z.]{0,5}$")  # ", PhD", ", Jr.", ", MD", ", III"
INITIALS = re.compile(r"(?:[^\W\d_]\.){2,4}")  # "J.R.R.", "J.K."
LONG_TITLES = {"prof.", "capt.", "cmdr.", "supt.", "insp.", "pres.", "msgr.", "lieut."}  # shorter ones pass as they are
STAGE_DIRECTION = re.compile(r"\\?\[[^\]\n]*\\?\]|\([^()\n]*\)|[♪♫][^\n]*")  # a sound, a note, or music


@dataclass(frozen=True)
class Label:
    name: str
    end: int  # source offset just past the label and the whitespace after it
    bold: bool = False
    role: str | None = None  # "host" / "guest" from "Name (Host):"
    time: float | None = None  # from "Name (00:01:02):" or a header line "Name  0:15"
    lead: float | None = None  # from a timestamp before the label, "[00:01] Name:"
    header: bool = False  # a header line: the words start on the next line
    tentative: str | None = None  # "bracket", "qa", "dash", "timed", "lower": a style prose shares, for the file to confirm
    sentence: bool = True  # the words after it start with a capital, as a speaker's do ("Today: rockets" does not)
    marked: bool = False  # behind a list mark, as often an item of a list ("- Website: ...") as a turn


def seconds_in(value: Any) -> float | None:
    """Seconds from a number, a numeric string or a clock string; None when it is none of those."""
    if isinstance(value, str):
        if ANY_CLOCK.fullmatch(value.strip()):
            return clock_seconds(value.strip())
        value = float(value) if NUMBER.fullmatch(value.strip()) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return None
    return float(value)


def clock_seconds(clock: str) -> float:
    """'01:02:03.5', '02:03' or the timecode '01:02:03:12' -> seconds; a time of day ('10:15 AM',
    '2:03 p.m.') -> seconds since midnight."""
    meridiem = re.search(rf"{MERIDIEM}$", clock)
    if meridiem:
        hours, minutes, *seconds = clock[:meridiem.start()].split(":")
        afternoon = meridiem.group().strip().lower().startswith("p")
        return ((int(hours) % 12 + 12 * afternoon) * 60 + int(minutes)) * 60 + float(seconds[0] if seconds else 0)
    parts = clock.replace(",", ".").replace(";", ":").split(":")[:3]
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


def said_at_time_of_day(line: str) -> bool:
    """Whether the first time a line gives is a time of day ("[10:15 AM] Jane Doe: ..."), not a
    time into the recording ("[01:05:10] Jane Doe: we open at 9:00 AM")."""
    first = ANY_CLOCK.search(line)
    return first is not None and TIME_OF_DAY.match(line, first.start()) is not None


def find_label(source: str, pos: int, end: int, lowercase: bool = False, tentative: bool = False) -> Label | None:
    """A plausible speaker label starting exactly at `pos`, or None. With `lowercase`, a name
    written in lowercase (`john smith:`) too, and with `tentative`, the styles that prose and
    sounds share (`[Name]` or `[Music]`, `Q. `, `Name - `, `Name [00:01] `, `john smith: `), for the caller to
    vouch for over the whole file."""
    patterns = [(BOLD_LABEL, True, None), (PLAIN_LABEL, False, None), (TAB_LABEL, False, None),
                (BRACKET_COLON_LABEL, False, None), (ITALIC_LABEL, True, None), (HONORIFIC_LABEL, False, None)]
    if tentative:
        patterns += [(BRACKET_LABEL, False, "bracket"), (QA_LABEL, False, "qa"), (DASH_LABEL, False, "dash"),
                     (TIMED_LABEL, False, "timed")]
    for pattern, bold, style in patterns:
        match = pattern.match(source, pos, end)
        if match and not URL_ONLY.match(source, match.end(), end):
            note = match.groupdict().get("note") or ""
            label = _label(_spaced(match.group("name") + note), match.end(), bold, lowercase or tentative)
            if label:
                lower = label.name[0].islower() and not lowercase and not is_diarized(label.name)
                after = source[match.end():end].lstrip()[:1]
                return replace(label, tentative="lower" if lower else style, sentence=not after.islower())
    return None


def voice_name(name: str) -> str:
    """The person a caption's voice names, its note dropped: 'Lee, Marcus (Northwind)' is
    'Lee, Marcus', as the same label in text would be."""
    label = _label(_spaced(name), 0, False, lowercase=True)
    return label.name if label else _spaced(name)


def _spaced(name: str) -> str:
    """'John\u00a0Smith ' -> 'John Smith': one name however its spaces were written."""
    return " ".join(name.split())


def lead_label(source: str, pos: int, end: int) -> Label | None:
    """A label at `pos`: a header line, or `Name:` optionally after a timestamp or a caption's `>>`."""
    header = find_header(source, pos, end)
    if header:
        return header
    decoration = LINE_DECORATION.match(source, pos, end)
    marked = bool(LIST_MARK.search(decoration.group()))
    pos = decoration.end()
    emoji = _emoji(source, pos, end)
    pos = emoji.end() if emoji else pos
    clock = LEAD_TIME.match(source, pos, end) or LEAD_CLOCK.match(source, pos, end)
    pos = clock.end() if clock else pos
    mark = TURN_MARK.match(source, pos, end)
    label = find_label(source, mark.end() if mark else pos, end, tentative=True)
    if label and clock:
        label = replace(label, lead=clock_seconds(matched_clock(clock)))
    return replace(label, marked=True) if label and marked else label


def _emoji(source: str, pos: int, end: int) -> re.Match[str] | None:
    """The emoji (symbols, with their joiners and variation selectors) and space at `pos`."""
    stop = pos
    while stop < end and (unicodedata.category(source[stop]) == "So" or source[stop] in "\ufe0f\u200d"):
        stop += 1
    return BLANKS.match(source, stop, end) if stop > pos else None


def matched_clock(match: re.Match[str]) -> str:
    """The clock of a LEAD_TIME or LEAD_CLOCK match, whichever way it was written."""
    return next(match.group(name) for name in ("time", "ptime", "ltime") if name in match.re.groupindex
                and match.group(name))


def name_line(source: str, pos: int, end: int) -> Label | None:
    """A plausible name alone on the line at `pos` (Otter.ai without timestamps): a header
    without a time. Only the reader can tell a speaker from a section title, by repetition."""
    match = NAME_LINE.match(source, pos, end)
    name = _spaced(match.group("name")) if match else ""
    bracketed = match is not None and source[match.start("name") - 1:match.start("name")] == "["
    if not match or not _heading_name(name) or bracketed and not is_diarized(name):  # "[Music]" is a sound
        return None
    return Label(name, match.end(), header=True)


def _heading_name(name: str) -> bool:
    """A name heading the lines below it: one word, capitalised words, an id or a numbered
    participant ("Guest 2"), not a short line of prose ("Thanks so much", "Today we talk rockets")."""
    return (plausible_name(name) and not name.endswith(".") and name.lower() not in INTERJECTIONS
            and (" " not in name or looks_like_full_name(name) or is_diarized(name)
                 or NUMBERED.fullmatch(name) is not None))


def find_header(source: str, pos: int, end: int) -> Label | None:
    """`Name  0:15` / `Name 00:01:02` / `Name (00:01:02)` / `00:01:02 Name` filling the line at `pos`."""
    match = HEADER.match(source, pos, end) or HEADER_TIME_FIRST.match(source, pos, end)
    name = _spaced(match.group("name")) if match else ""
    if not match or not _heading_name(name):
        return None
    role = ROLE_WORDS.get((match.groupdict().get("note") or "").strip().lower())
    return Label(name, match.end(), role=role, time=clock_seconds(match.group("time")), header=True)


def is_diarized(name: str) -> bool:
    """'SPEAKER_00', 'Speaker 1', 'S1': a speaker id, even if it occurs once."""
    return DIARIZED.fullmatch(name) is not None


def _label(name: str, end: int, bold: bool, lowercase: bool = False) -> Label | None:
    role = time = told = None
    stamp = LEAD_TIME.match(name)  # "**[00:00:01] Alex:**", the time inside the bold
    if stamp and stamp.end() < len(name):
        name, time = name[stamp.end():], clock_seconds(matched_clock(stamp))
    paren = NAME_WITH_PAREN.fullmatch(name)
    if paren:
        note = next((paren.group(kind) for kind in ("paren", "bracket", "wide") if paren.group(kind)), "")
        name, note = paren.group("base"), note.strip()
        role = ROLE_WORDS.get(note.lower())
        clock = PAREN_TIME.fullmatch(note)
        time = clock_seconds(clock.group("time")) if clock else time
        if (is_diarized(name) or name.lower() in ROLE_WORDS) and looks_like_full_name(note):
            name, role = note, role or ROLE_WORDS.get(name.lower())  # "Speaker 1 (Jane Doe)", "Host (Jane Doe)"
        elif (name.lower() in ROLE_WORDS or PARTICIPANT.fullmatch(name)) and _named(note):
            told, role = note, role or ROLE_WORDS.get(name.lower())  # "Student (Priya)", "Panelist (World Bank)"
        # any other note ("she/her", "voice-over", "NASA") says something of the speaker, not who
    titled = TITLED.fullmatch(name)
    if titled:
        # "ANDERSON COOPER, CNN HOST", "Jane Doe, CEO of Acme": the name, then what they are
        # ("SMITH, JOHN" and Teams' "Doe, Jane" or "Van Dyke, Sarah" are one name)
        title = titled.group("title").strip()
        roles = [ROLE_WORDS[word] for word in title.lower().split() if word in ROLE_WORDS]
        person = titled.group("name").strip()
        if roles or name.isupper() and " " in person or looks_like_full_name(person) and _post(title, titled):
            name, role = person, role or (roles[0] if roles else None)
    if not plausible_name(name, lowercase):
        return None
    return Label(f"{name} ({told})" if told else name, end, bold, role, time)


def _post(title: str, titled: re.Match[str]) -> bool:
    """What a person is, after their name: "CEO of Acme", "PhD", "Professor of History"; not a
    given name (Teams' "Van Dyke, Sarah"), a generation ("Jr."), a second person ("Ann Lee,
    Bob Ray") or, after a dash, a title read out ("Mark Twain - Life on the Mississippi")."""
    words = title.split()
    comma = titled.group(0)[titled.end("name"):titled.start("title")].strip() == ","
    shaped = (len(words) >= 2 and any(word.islower() for word in words) or title.isupper() and len(title) >= 2
              or DEGREE.fullmatch(title) is not None)
    return (not GENERATION.fullmatch(title) and not looks_like_full_name(title)
            and (shaped if comma else title.isupper() or len(words) <= 2 and shaped))


def _named(note: str) -> bool:
    """A note that tells one of several like participants from another, by name or by place:
    "Priya", "Dallas"; not a role, a time or "she/her"."""
    return (note.lower() not in ROLE_WORDS and PARTICIPANT.fullmatch(note) is None and PAREN_TIME.fullmatch(note) is None
            and all(word[:1].isupper() and word.isalpha() and not word.isupper() for word in note.split())
            and plausible_name(note))  # not "V.O.", "CONT'D", "NYC"


def plausible_name(name: str, lowercase: bool = False) -> bool:
    base = NAME_SUFFIX.sub("", name)  # "Jane Doe, PhD" is judged as "Jane Doe"
    words = base.split()
    return (1 <= len(words) <= MAX_NAME_WORDS and len(name) <= MAX_NAME_CHARS
            and name[0].isalpha() and (not name[0].islower() or lowercase or is_diarized(name))
            and NAME_CHARS.fullmatch(_without_marks(base)) is not None
            and not any(w.endswith(".") and len(w) > 4 and not _abbreviated(w) for w in words)
            and name.lower() not in NOT_SPEAKERS and _section_word(name) is None)


def _without_marks(text: str) -> str:
    """The letters without their combining marks: Devanagari, Tamil or Thai vowel signs and
    decomposed accents are part of a name, though no regex class of word characters holds them."""
    return "".join(char for char in text if not unicodedata.category(char).startswith("M"))


def _section_word(name: str) -> str | None:
    """'Chapter' of 'Chapter 2', 'Part IV': a text's section, whatever follows it."""
    words = name.split()
    return words[0].lower() if len(words) == 2 and words[0].lower() in SECTION_WORDS else None


def _abbreviated(word: str) -> bool:
    """"Prof.", "J.R.R.": a title or initials, where a longer word ending in a full stop
    ("Finally.") would end a sentence."""
    return word.lower() in LONG_TITLES or INITIALS.fullmatch(word) is not None


def looks_like_full_name(name: str) -> bool:
    """Two or more capitalised words: a speaker even if the label occurs once."""
    words = name.split()
    return len(words) >= 2 and all(w[0].isupper() or w in NAME_PARTICLES or ELIDED_PARTICLE.match(w) for w in words)


def name_shaped(name: str) -> bool:
    """Written as a name is: 'Jane Doe', 'UNIDENTIFIED MALE', 'JOHN', 'Speaker 1'."""
    return looks_like_full_name(name) or name.isupper() or is_diarized(name)


def is_stage_direction(text: str) -> bool:
    """'[ Music ]', '\\[laughter\\]', '(applause)': not anybody's words."""
    return STAGE_DIRECTION.fullmatch(text.strip()) is not None
