"""Scaffolding: `podsite new DIR` (a working project) and `podsite add FILE` (one transcript).

The project templates live in `generator/scaffold/` as package data. A path part written
`dot-NAME` becomes `.NAME` (package globs skip dotfiles), and `{{name}}` placeholders are
filled in; nothing is ever overwritten.
"""

from __future__ import annotations

import datetime
import html
import importlib.metadata
import json
import logging
import re
from pathlib import Path
from typing import Iterator

import yaml

from .clean import word_count
from .config import Project
from .errors import PodsiteError
from .ingest import FORMATS, read_transcript, slugify
from .ingest.metadata import ISO_DATE, read_sidecar, sidecar_path, title_from_stem
from .ingest.marks import is_diarized
from .model import Transcript
from .ingest.detect import TRANSCRIPT_SUFFIXES
from .render.markup import escape

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).with_name("scaffold")
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
DOT_PREFIX = "dot-"
DOCUMENT_SUFFIXES = (".docx", ".doc", ".pdf", ".rtf", ".odt", ".pages")  # exports that hold text, not as text


def template_files() -> Iterator[tuple[Path, str]]:
    """Each template file with its path in a new project (`dot-` parts become `.`)."""
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts = path.relative_to(TEMPLATES).parts
            yield path, "/".join("." + p[len(DOT_PREFIX):] if p.startswith(DOT_PREFIX) else p for p in parts)


def fill(text: str, values: dict[str, str], where: Path) -> str:
    def value(match: re.Match) -> str:
        if match.group(1) not in values:
            raise KeyError(f"{where}: unknown placeholder {match.group(0)}")
        return values[match.group(1)]
    return PLACEHOLDER.sub(value, text)


def new_project(target: Path, site_name: str | None = None) -> list[Path]:
    """Create a project in `target` (new or empty); returns the files written, in order."""
    target = Path(target)
    _check_empty(target)
    name = _site_name(target, site_name)
    requirement, unreachable = podsite_requirement()
    values = {"site_name": escape(name), "site_name_yaml": json.dumps(name, ensure_ascii=False),
              "podsite_requirement": requirement,
              "requirement_note": f"\n# {unreachable}; replace the line below with where CI can get it." if unreachable else "",
              # the theme prints mkdocs.yml's site_name into pages as HTML unescaped, in text and in attributes
              "site_name_html_yaml": json.dumps(html.escape(name, quote=True), ensure_ascii=False)}
    written = []
    for template, relative in template_files():
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        with destination.open("xb") as stream:  # never overwrite
            stream.write(fill(template.read_text("utf-8"), values, template).encode("utf-8"))
        written.append(destination)
    log.info("created a podsite project in %s (%d files)", target, len(written))
    if unreachable:
        log.warning("%s: %s; point it at Podsite's git repository before the CI workflow can build the site",
                    target / "requirements.txt", unreachable)
    return written


UNKNOWN_SOURCE = "podsite @ git+https://github.com/OWNER/podsite@main"


def podsite_requirement() -> tuple[str, str | None]:
    """The requirement that installs the running Podsite elsewhere (PEP 610 says where it came
    from): the same release from the package index, or the same commit of the same repository.
    A local folder is out of CI's reach, so then a placeholder and the reason for it."""
    try:
        installed = importlib.metadata.distribution("podsite")
    except importlib.metadata.PackageNotFoundError:
        return UNKNOWN_SOURCE, "Podsite ran from source without being installed"
    origin = json.loads(installed.read_text("direct_url.json") or "null")
    if origin is None:
        return f"podsite=={installed.version}", None
    url, vcs = origin.get("url", ""), origin.get("vcs_info")
    if url.startswith("file:"):
        return UNKNOWN_SOURCE, f"Podsite was installed from the local folder {url.removeprefix('file://')}"
    if vcs:
        return f"podsite @ {vcs['vcs']}+{url}@{vcs.get('commit_id') or vcs.get('requested_revision')}", None
    return f"podsite @ {url}", None


def _check_empty(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise PodsiteError(target, None, "exists and is not a folder; podsite new needs a new or empty folder")
    if target.is_dir() and any(target.iterdir()):
        raise PodsiteError(target, None, "is not empty; podsite new creates a project only in a new or "
                           "empty folder and never overwrites files")
    blocking = next((parent for parent in target.parents if parent.exists()), None)
    if blocking is not None and not blocking.is_dir():  # "notes.txt/site"
        raise PodsiteError(blocking, None, "is a file, so no folder can be made inside it for podsite new")


def _site_name(target: Path, site_name: str | None) -> str:
    name = title_from_stem(target.resolve().name) if site_name is None else site_name.strip()
    if not name or "\n" in name or "\r" in name:
        raise PodsiteError(None, None, f"--name: expected a site name on one line, found {site_name!r}")
    return name


def add_transcript(project: Project, source: Path, title: str | None = None, date: str | None = None,
                   podcast: str | None = None) -> tuple[Path, Path]:
    """Copy a readable transcript into content/episodes/ and write its `<stem>.yml` stub.

    Returns (transcript in the project, metadata file). Bad input raises before anything
    is copied; an existing metadata file is kept as it is.
    """
    source = Path(source)
    _check_source(project, source)
    _check_date(date)
    transcript = read_transcript(source, project.root)  # a TranscriptError copies nothing
    log.info("read %s (%s)", source, found_in(transcript))
    destination = project.episodes_dir / source.name
    _check_episode_id(project, source, destination)
    copied = _copy(source, destination)
    stub = sidecar_path(destination)
    if stub is not None:
        options = (("--title", title), ("--date", date), ("--podcast", podcast))
        unused = ", ".join(name for name, value in options if value)
        note = f"; {unused} not applied, edit it there" if unused else ""
        log.warning("kept the existing metadata file %s%s", stub, note)
        return destination, stub
    stub = destination.with_suffix(".yml")
    given = read_sidecar(source, FORMATS)  # a sidecar beside the source: keep what it forces
    with stub.open("x", encoding="utf-8") as stream:
        stream.write(metadata_stub(transcript, destination.name, title, date, podcast,
                                   given.format, given.language, {r.said: r.name for r in given.speakers}))
    try:
        read_transcript(destination, project.root)  # the stub must read back cleanly
    except PodsiteError:
        stub.unlink()  # both were made just now: a failed add leaves the project as it was
        if copied:
            destination.unlink()
        raise
    return destination, stub


def found_in(transcript: Transcript) -> str:
    """What a reader found, in a few words: 'labelled, 3 speakers: Ann, Bob, Cy; 1,234 words'."""
    speakers = list(dict.fromkeys(block.speaker for block in transcript.blocks if block.speaker))
    listed = f"{', '.join(speakers[:5])}{', ...' if len(speakers) > 5 else ''}"
    who = f"{len(speakers)} speaker{'s' if len(speakers) > 1 else ''}: {listed}" if speakers else "no speaker names"
    words = sum(word_count(block.text.text) for block in transcript.blocks)  # a Chinese character is a word
    return f"{transcript.format}, {who}; {words:,} words"


def _check_source(project: Project, source: Path) -> None:
    if not project.episodes_dir.is_dir():
        raise PodsiteError(project.episodes_dir, None, "does not exist; is this a podsite project? "
                           "Create one with `podsite new DIR`, or pass --project DIR")
    if not source.is_file():
        raise PodsiteError(source, None, "does not exist or is not a file")
    if source.suffix.lower() in DOCUMENT_SUFFIXES:
        raise PodsiteError(source, None, f"is a {source.suffix} document, which podsite cannot read; save it from "
                           "your word processor as plain text (.txt) and add that file")
    if source.suffix.lower() not in TRANSCRIPT_SUFFIXES:
        raise PodsiteError(source, None, f"has the extension '{source.suffix}', but podsite reads transcripts "
                           f"named {', '.join(sorted(TRANSCRIPT_SUFFIXES))}; rename the file")


def _check_date(date: str | None) -> None:
    if date is None:
        return
    try:
        if ISO_DATE.fullmatch(date) and datetime.date.fromisoformat(date):
            return
    except ValueError:
        pass
    raise PodsiteError(None, None, f"--date: expected YYYY-MM-DD, e.g. 2025-03-13, found {date!r}")


def _check_episode_id(project: Project, source: Path, destination: Path) -> None:
    episode_id = slugify(source.stem)
    for other in sorted(project.episodes_dir.iterdir()):
        if (other != destination and other.suffix.lower() in TRANSCRIPT_SUFFIXES
                and slugify(other.stem) == episode_id):
            raise PodsiteError(source, None, f"would get the episode id '{episode_id}' that {other} "
                               "already has; rename the file before adding it")


def _copy(source: Path, destination: Path) -> bool:
    """Copy `source` to `destination`; False when the very same file is there already."""
    data = source.read_bytes()
    if destination.exists():
        if destination.read_bytes() != data:
            raise PodsiteError(destination, None, f"already exists with different content; not replaced by "
                               f"{source}. Rename one of them, or remove the old one first")
        return False
    with destination.open("xb") as stream:
        stream.write(data)
    return True


def _yaml_value(value) -> str:
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return value  # podsite reads dates as text; no quotes needed
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.strip().removesuffix("\n...")


def metadata_stub(transcript: Transcript, filename: str, title: str | None = None, date: str | None = None,
                  podcast: str | None = None, forced_format: str | None = None,
                  forced_language: str | None = None, speakers: dict[str, str] | None = None) -> str:
    """The sidecar `<stem>.yml`: what was found, filled in; the rest commented."""
    meta = transcript.meta
    people = {role: [p.name for p in meta.people if p.role == role] for role in ("host", "guest", "speaker")}
    lines = [f"# Metadata for {filename}, filled in by `podsite add` from what the transcript says.",
             "# Every key is optional; what is written here wins over the transcript. See the README.",
             f"title: {_yaml_value(title or meta.title)}"]
    lines.append(_line("date", date or meta.date, "YYYY-MM-DD", "the day it was published"))
    lines.append(_line("podcast", podcast or meta.podcast, "Name of the podcast"))
    lines.append(_line("host", people["host"] or None, ["Host Name"]))
    lines.append(_line("guests", people["guest"] or None, ["Guest Name"]))
    if people["speaker"]:
        lines.append(f"# other speakers in the transcript: {_comment(', '.join(people['speaker']))}"
                     " (list them under host or guests to give them a role)")
    ids = [name for name in people["speaker"] if is_diarized(name)]
    if speakers:
        lines.append(f"speakers: {_yaml_value(speakers)}  # the names of the speakers the transcript numbers")
    elif ids:
        names = ", ".join(f"{said}: Name {index}" for index, said in enumerate(ids, 1))
        lines.append(f"# speakers: {{{_comment(names)}}}  # the names of the speakers the transcript numbers")
    lines.append(_line("audio_url", meta.audio_url, "https://example.org/episode.mp3",
                       "or a path relative to audio_base_url in site_config/podsite.yml"))
    lines.append(_line("language", forced_language, meta.language, f"detected: {meta.language}"))
    lines.append(_line("format", forced_format, transcript.format,
                       f"detected: {transcript.format}; set it to force a reader: {', '.join(FORMATS)}"))
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    """Text for a YAML comment: on one line, whatever line breaks a name held."""
    return " ".join(text.split())


def _line(key: str, value, example, note: str = "") -> str:
    """`key: value`, or a commented example when the value is unknown."""
    comment = f"  # {note}" if note else ""
    if value:
        return f"{key}: {_yaml_value(value)}{comment}"
    return f"# {key}: {_yaml_value(example)}{comment}"
