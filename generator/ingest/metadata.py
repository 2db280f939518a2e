"""Episode metadata: the sidecar `<stem>.yml` beside a transcript, merged with what the
page itself says and the speakers found in the text. The sidecar wins.

    title: Misha Laskin on superintelligence
    date: 2025-03-13
    podcast: Manifold
    host: Steve Hsu            # or a list
    guests: [Misha Laskin]
    audio_url: https://example.org/episode.mp3
    language: en
    speakers: {SPEAKER_00: Steve Hsu, SPEAKER_01: Misha Laskin}  # names for diarization ids
    format: podquest           # forces the reader
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..model import Metadata, Person
from ..yamlio import line_of_item, line_of_key, load_yaml, parse_yaml, yaml_problem
from .marks import ROLE_WORDS
from .speakers import short_names
from .source import Reading, script_language

SIDECAR_KEYS = ("title", "date", "podcast", "host", "guests", "audio_url", "language", "speakers", "format")
SIDECAR_SUFFIXES = (".yml", ".yaml")
FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<yaml>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
FRONT_MATTER_KEYS = ("title", "date", "podcast", "host", "guests", "audio_url", "language", "speakers")
EPISODE_KEY_LINE = re.compile(rf"^[ \t]*(?:{'|'.join(FRONT_MATTER_KEYS)})[ \t]*:", re.MULTILINE)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
SAID_TITLE = re.compile(r"(?i:this is|welcome to|you're listening to)[^.!?\n]{0,40}?(?i:episode)[ \t]+(?:number[ \t]+|#)?(?P<number>\d{1,4})[ \t]*[:,.\-–—]?[ \t]*"
                        r"(?:“(?P<curly>[^”\n]{3,80})”|\"(?P<straight>[^\"\n]{3,80})\")")  # the title in quotes
OPENING_BLOCKS = 3  # where a host says the episode's title
LANGUAGE_SAMPLE = 4000  # characters of transcript to guess the language from


@dataclass(frozen=True)
class Rename:
    """`speakers:` in a sidecar: the name for a speaker as the transcript calls it."""

    said: str  # "SPEAKER_00", "Speaker A", "S1"
    name: str
    line: int | None


@dataclass(frozen=True)
class Sidecar:
    title: str | None = None
    date: str | None = None
    podcast: str | None = None
    hosts: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    audio_url: str | None = None
    language: str | None = None
    format: str | None = None
    speakers: tuple[Rename, ...] = ()

    def over(self, below: "Sidecar") -> "Sidecar":
        """These values, and `below`'s where these have none."""
        return Sidecar(*(getattr(self, f.name) or getattr(below, f.name) for f in fields(Sidecar)))


def sidecar_path(transcript: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = transcript.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(transcript: Path, formats: tuple[str, ...]) -> Sidecar:
    """The validated sidecar beside `transcript`, or an empty one."""
    path = sidecar_path(transcript)
    if path is None:
        return Sidecar()
    data = load_yaml(path)
    if data is None:
        return Sidecar()  # an empty file overrides nothing
    if not isinstance(data, dict):
        raise ConfigError(path, getattr(data, "line", 1), "expected a mapping of episode metadata, "
                          f"like 'title: My episode', found {'a list' if isinstance(data, list) else repr(data)}")
    _check_keys(path, data, SIDECAR_KEYS)
    return replace(_episode_keys(path, data), format=_choice(path, data, "format", formats))


def _episode_keys(path: Path, data: dict) -> Sidecar:
    """The metadata in a mapping, each value checked (the reader, `format`, is the sidecar's alone)."""
    return Sidecar(_text(path, data, "title"), _date(path, data), _text(path, data, "podcast"),
                   _names(path, data, "host"), _names(path, data, "guests"), _audio_url(path, data),
                   _language(path, data), speakers=_renames(path, data))


def split_front_matter(path: Path, source: str) -> tuple[str, Sidecar]:
    """Front matter (`---`, YAML, `---` at the top of a Markdown transcript, as Jekyll, Hugo and
    Obsidian write it): its episode keys are metadata, under the sidecar's; its other keys are
    for other tools. The reader gets the source with the front matter blanked, so that lines
    and offsets stay the file's. Three dashes and text that is no YAML mapping of any episode
    key are a rule in the transcript, not front matter."""
    match = FRONT_MATTER.match(source)
    if not match:
        return source, Sidecar()
    try:
        data = parse_yaml("\n" + match.group("yaml"))  # the leading line keeps line numbers the file's
    except yaml.YAMLError as exc:
        if not EPISODE_KEY_LINE.search(match.group("yaml")):
            return source, Sidecar()  # dashes around words that are no metadata: a rule in the transcript
        line, problem = yaml_problem(exc, "\n" + match.group("yaml"))
        raise ConfigError(path, line or 2, f"front matter {problem}; fix it, or remove the --- lines around it") from None
    if not isinstance(data, dict) or not any(key in FRONT_MATTER_KEYS for key in data):
        return source, Sidecar()
    date = data.get("date")
    if isinstance(date, str) and ISO_DATE.match(date.strip()):
        data["date"] = ISO_DATE.match(date.strip()).group()  # "2024-05-01 10:00:00 +0000": the day
    front = _episode_keys(path, data)
    return re.sub(r"[^\n]", " ", match.group()) + source[match.end():], front


def _renames(path: Path, data: dict) -> tuple[Rename, ...]:
    value = data.get("speakers")
    if value is None:
        return ()
    if not isinstance(value, dict) or not all(isinstance(name, str) and name.strip() for name in value.values()):
        raise ConfigError(path, line_of_key(data, "speakers"), "expected 'speakers' as names for the speakers "
                          f"the transcript calls otherwise, e.g. speakers: {{SPEAKER_00: Ada Lovelace}}, found {value!r}")
    return tuple(Rename(str(said), name.strip(), line_of_key(value, said)) for said, name in value.items())


def rename_speakers(reading: Reading, sidecar: Sidecar, transcript: Path) -> Reading:
    """The speakers named as the sidecar's `speakers:` says, and spelled as its hosts and guests
    are (a script's `JOHN SMITH:` is the host John Smith); a role (`Interviewer:`, `Q.`) is the
    one host or guest the sidecar names, and a surname or first name alone is the one speaker
    with that full name (news transcripts: `STEVE INSKEEP, HOST:`, then `INSKEEP:`). Naming under `speakers:` one the
    transcript does not have is an error (a typo would otherwise change nothing, silently)."""
    said = {block.speaker for block in reading.blocks if block.speaker}
    for rename in sidecar.speakers:
        if rename.said not in said:
            raise ConfigError(sidecar_path(transcript), rename.line, f"speakers: '{rename.said}' does not speak in "
                              f"{transcript.name}; its speakers are: {', '.join(sorted(said)) or 'none'}")
    spelled = {name.casefold(): name for name in (*sidecar.hosts, *sidecar.guests)}
    by_role = {"host": sidecar.hosts, "guest": sidecar.guests}
    spelled.update((word, by_role[role][0]) for word, role in ROLE_WORDS.items() if len(by_role[role]) == 1)
    given = {rename.said: rename.name for rename in sidecar.speakers}
    whole = short_names(said | {person.name for person in reading.people} | set(sidecar.hosts) | set(sidecar.guests))

    def named(speaker: str) -> str:
        full = whole.get(speaker, speaker)
        return given.get(speaker) or given.get(full) or spelled.get(full.casefold(), full)
    names = {speaker: name for speaker in said | {person.name for person in reading.people}
             if (name := named(speaker)) != speaker}
    if not names:
        return reading
    people: dict[str, Person] = {}  # "Dr. Priya Raman" of the header and the "Priya Raman" speaking: one guest
    for person in reading.people:
        people.setdefault(names.get(person.name, person.name), replace(person, name=names.get(person.name, person.name)))
    return replace(reading, blocks=tuple(replace(block, speaker=names.get(block.speaker, block.speaker))
                                         for block in reading.blocks), people=tuple(people.values()))


def _check_keys(path: Path, data: dict, allowed: tuple[str, ...]) -> None:
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ConfigError(path, line_of_key(data, key), f"unknown key '{key}'; {hint}"
                              f"expected one of: {', '.join(allowed)}")


def _text(path: Path, data: dict, key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # `title: 1984` is still a title
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(path, line_of_key(data, key), f"expected '{key}' as text, found {value!r}")
    return value.strip()


def _audio_url(path: Path, data: dict) -> str | None:
    """An http(s) address, or a path to join to the site's `audio_base_url`; no other scheme."""
    value = data.get("audio_url")
    no_text = value is not None and not isinstance(value, str)  # `audio_url: 5`
    other_scheme = isinstance(value, str) and re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value) and not re.match(
        r"(?i)https?://", value)  # `javascript:`, `file:`
    if no_text or other_scheme:
        raise ConfigError(path, line_of_key(data, "audio_url"), "expected 'audio_url' as an http(s) address "
                          f"or a path relative to audio_base_url, e.g. https://example.org/ep1.mp3, found {value!r}")
    return _text(path, data, "audio_url")


def _date(path: Path, data: dict) -> str | None:
    value = data.get("date")
    if value is None:
        return None
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        try:  # a date, or a date and time as feeds and front matter write it: the date as written
            return datetime.datetime.fromisoformat(value.strip()).date().isoformat()
        except ValueError:
            pass
    raise ConfigError(path, line_of_key(data, "date"), "expected 'date' as YYYY-MM-DD, e.g. 2025-03-13 "
                      f"(a time may follow), found {str(value)!r}")


def _names(path: Path, data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ConfigError(path, line_of_key(data, key), f"expected '{key}' as a name or a list of names, "
                          f"e.g. {key}: [Ada Lovelace], found {value!r}")
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            line = line_of_item(items, index) or line_of_key(data, key)
            raise ConfigError(path, line, f"expected each of '{key}' to be a name, found {item!r}")
    return tuple(item.strip() for item in items)


def _language(path: Path, data: dict) -> str | None:
    value = _text(path, data, "language")
    if value is not None and not LANGUAGE_TAG.fullmatch(value):
        raise ConfigError(path, line_of_key(data, "language"), "expected 'language' as a language tag "
                          f"such as en, zh or pt-BR, found {value!r}")
    return value


def _choice(path: Path, data: dict, key: str, choices: tuple[str, ...]) -> str | None:
    value = _text(path, data, key)
    if value is not None and value not in choices:
        close = difflib.get_close_matches(value, choices, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise ConfigError(path, line_of_key(data, key), f"unknown {key} '{value}'; {hint}"
                          f"expected one of: {', '.join(choices)}")
    return value


def build_metadata(reading: Reading, sidecar: Sidecar, stem: str) -> Metadata:
    """The sidecar over the page's own metadata over defaults."""
    return Metadata(
        title=sidecar.title or reading.title or said_title(reading) or title_from_stem(stem),
        podcast=sidecar.podcast or reading.podcast,
        date=sidecar.date or reading.date,
        people=_people(reading, sidecar),
        language=sidecar.language or reading.language or _guess_language(reading),
        audio_url=sidecar.audio_url,
        summaries=reading.summaries,
    )


def _people(reading: Reading, sidecar: Sidecar) -> tuple[Person, ...]:
    """Sidecar hosts and guests first, then people the page names, then other speakers."""
    roles: dict[str, str] = {}
    for name in sidecar.hosts:
        roles.setdefault(name, "host")
    for name in sidecar.guests:
        roles.setdefault(name, "guest")
    for person in reading.people:
        roles.setdefault(person.name, person.role)
    for block in reading.blocks:
        if block.speaker:
            roles.setdefault(block.speaker, "speaker")
    return tuple(Person(name, role) for name, role in roles.items())


def _guess_language(reading: Reading) -> str:
    sample = " ".join(block.text.text for block in reading.blocks[:50])[:LANGUAGE_SAMPLE]
    return script_language(sample)


def said_title(reading: Reading) -> str | None:
    """The title a host says at the start, in quotes: 'This is Episode 114: “The Value of the
    Moon”' -> 'Episode 114: The Value of the Moon'."""
    opening = " ".join(block.text.text for block in reading.blocks[:OPENING_BLOCKS])
    said = SAID_TITLE.search(opening)
    return f"Episode {said.group('number')}: {(said.group('curly') or said.group('straight')).strip()}" if said else None


def title_from_stem(stem: str) -> str:
    """'manifold-2025-03-13-misha-laskin' -> 'Manifold 2025 03 13 Misha Laskin'."""
    words = [w for w in re.split(r"[\s_\-.]+", stem) if w]
    return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words) or stem
