"""Project layout and the three user-edited files: podsite.yml, topics.yml, glossary.yml.

Each file is declared once as a frozen dataclass; `from_mapping` checks keys and types
and reports `file:line: key: expected ..., found ...` with a "did you mean" for typos.
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib.util
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy

from .errors import ConfigError
from .model import Term, Topic
from .terms import ACRONYM
from .yamlio import LineDict, line_of_item, line_of_key, load_yaml

TERM_KINDS = ("concept", "system", "work", "person", "organisation", "event")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_IDS = {"index", "people", "organisations"}  # names of generated index pages


@dataclass(frozen=True)
class Settings:
    """`site_config/podsite.yml`. Every key is optional; these are the defaults."""

    title: str = "Podsite"  # site name in the header and home page
    site_url: str | None = None  # public URL, e.g. https://example.org/podcast/
    description: str | None = None  # one line under the title on the home page
    language: str = "en"  # language of the transcripts (spaCy's pipeline and word lists)
    spacy_pipeline: str = "blank"  # "blank", or an installed package such as en_core_web_sm
    topics: str | None = None  # "configured" (site_config/topics.yml) or "auto" (discovered); unset: configured when topics.yml exists
    link_terms: str = "first"  # link a term at its "first" mention per passage, "all", or "none"
    audio_base_url: str | None = None  # prefix for relative audio_url values in episode metadata
    passage_words: int = 180  # long blocks are split near this many words at sentence ends
    auto_terms: int = 40  # extracted terms shown when the glossary is missing (0 = none)


CHOICES = {"topics": ("configured", "auto"), "link_terms": ("first", "all", "none")}
MINIMUMS = {"passage_words": 1, "auto_terms": 0}
WEB_ADDRESS = re.compile(r"https?://\S+$", re.I)
WEB_ADDRESSES = {"site_url": "https://example.org/podcast/", "audio_base_url": "https://example.org/audio/"}


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def episodes_dir(self) -> Path:
        return self.root / "content" / "episodes"

    @property
    def glossary_path(self) -> Path:
        return self.root / "content" / "glossary.yml"

    @property
    def settings_path(self) -> Path:
        return self.root / "site_config" / "podsite.yml"

    @property
    def topics_path(self) -> Path:
        return self.root / "site_config" / "topics.yml"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def work_dir(self) -> Path:
        """Generated files that must not be pages (abbreviations, caches)."""
        return self.root / ".podsite"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _expect(path: Path, line: int | None, key: str, expected: str, found: Any, example: str = "") -> ConfigError:
    hint = f"; for example: {example}" if example else ""
    return ConfigError(path, line, f"'{key}': expected {expected}, found {found!r}{hint}")


def _coerce(path: Path, line: int | None, key: str, value: Any, annotation: Any) -> Any:
    """Check one value against a field's type; lists become tuples."""
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
        origin = typing.get_origin(annotation)
    if origin is tuple:
        if isinstance(value, str) and "," in value:  # "a, b": one value, or a list written without brackets?
            items = ", ".join(part.strip() for part in value.split(","))
            raise _expect(path, line, key, "a list in brackets", value,
                          f"{key}: [{items}] (or, for one value that holds a comma, {key}: ['{value.strip()}'])")
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise _expect(path, line, key, "a list of text values", value, f"{key}: [first, second]")
        return tuple(v.strip() for v in value)
    if annotation is bool and not isinstance(value, bool):
        raise _expect(path, line, key, "true or false", value)
    if annotation is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise _expect(path, line, key, "a whole number", value)
    if annotation is str:
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
            raise _expect(path, line, key, " or ".join(CHOICES[key]) if key in CHOICES else "text", value)
        return str(value).strip()
    return value


def from_mapping(cls: type, mapping: Any, path: Path, line: int | None, **fixed: Any) -> Any:
    """Build dataclass `cls` from a YAML mapping, rejecting unknown keys and wrong types."""
    if not isinstance(mapping, dict):
        raise ConfigError(path, line, f"expected a mapping of keys to values (key: value), found {mapping!r}")
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name not in fixed}
    hints = typing.get_type_hints(cls)
    values = dict(fixed)
    for key, value in mapping.items():
        key_line = line_of_key(mapping, key)
        if key not in fields:
            raise ConfigError(path, key_line, f"unknown key '{key}'{did_you_mean(str(key), fields)}; "
                              f"allowed keys: {', '.join(sorted(fields))}")
        values[key] = _coerce(path, key_line, key, value, hints[key])
        _check_value(path, key_line, key, values[key])
    missing = [name for name, f in fields.items()
               if name not in values and f.default is dataclasses.MISSING]
    if missing:
        raise ConfigError(path, line, f"missing required key '{missing[0]}'")
    return cls(**values)


def _check_value(path: Path, line: int | None, key: str, value: Any) -> None:
    """The checks beyond the type: choices, minimums, web addresses."""
    if key in CHOICES and value not in CHOICES[key]:
        raise _expect(path, line, key, " or ".join(CHOICES[key]), value)
    if key in MINIMUMS and value < MINIMUMS[key]:
        raise _expect(path, line, key, f"a whole number of at least {MINIMUMS[key]}", value)
    if key in WEB_ADDRESSES and value is not None and not WEB_ADDRESS.match(value):
        raise _expect(path, line, key, "an http:// or https:// address", value, f"{key}: {WEB_ADDRESSES[key]}")
    if key == "year" and value is not None and not -9999 <= value <= 9999:
        raise _expect(path, line, key, "a year of at most four digits (negative for BCE)", value, "year: 2016")
    if key == "language" and not _spacy_has_language(value):
        raise _expect(path, line, key, "a language code spaCy knows", value, "language: en (or de, fr, es, zh, ...)")
    if key == "spacy_pipeline" and value != "blank" and not _installed(value):
        raise _expect(path, line, key, "blank or an installed spaCy pipeline package", value,
                      "spacy_pipeline: blank (or en_core_web_sm after `pip install` of it)")


def _installed(package: str) -> bool:
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


def _spacy_has_language(code: str) -> bool:
    try:
        spacy.util.get_lang_class(code)
    except (ImportError, KeyError, ValueError):
        return False
    return True


def load_settings(project: Project) -> Settings:
    path = project.settings_path
    if not path.exists():
        return Settings()
    data = load_yaml(path) or LineDict()
    return from_mapping(Settings, data, path, 1)


def _entries(path: Path, data: Any, key: str) -> list[tuple[Any, int | None]]:
    """The list under `key` with each item's line."""
    if data is None:
        return []
    if not isinstance(data, dict) or key not in data:
        raise ConfigError(path, 1, f"expected a top-level '{key}:' list; for example:\n{key}:\n  - id: ...")
    items = data[key] or []
    if not isinstance(items, list):
        raise _expect(path, line_of_key(data, key), key, "a list", items)
    return [(item, line_of_item(items, index)) for index, item in enumerate(items)]


def _check_id(path: Path, line: int | None, ident: str, seen: set[str]) -> None:
    if not SLUG.match(ident):
        raise _expect(path, line, "id", "a lowercase slug of letters, digits and hyphens", ident, "id: soft-actor-critic")
    if ident in RESERVED_IDS:
        raise ConfigError(path, line, f"id '{ident}' is the name of a generated index page; choose another, "
                          f"e.g. '{ident}-term'")
    if ident in seen:
        raise ConfigError(path, line, f"duplicate id '{ident}'")
    seen.add(ident)


def load_glossary(project: Project, language: str | None = None) -> tuple[Term, ...]:
    """The curated glossary; `language` (the site's, read from its settings when not given)
    says which words are too common to be a term's form."""
    path = project.glossary_path
    if not path.exists():
        return ()
    common = common_words(language or load_settings(project).language)
    terms: list[Term] = []
    seen: set[str] = set()
    alias_owner: dict[str, str] = {}
    see_also: list[tuple[str, str, int | None]] = []  # (named id, naming id, line): checked once all are read
    for mapping, line in _entries(path, load_yaml(path), "terms"):
        term = from_mapping(Term, mapping, path, line)
        _check_id(path, line, term.id, seen)
        if term.kind not in TERM_KINDS:
            raise _expect(path, line_of_key(mapping, "kind"), "kind", " | ".join(TERM_KINDS), term.kind)
        for alias in term.forms():
            key = "term" if alias == term.term else "misheard" if alias in term.misheard else "aliases"
            owner = alias_owner.setdefault(alias.lower(), term.id)
            if owner != term.id:
                raise ConfigError(path, line_of_key(mapping, key),
                                  f"alias '{alias}' of '{term.id}' is already used by '{owner}'")
            if only_common_words(alias, common):
                raise ConfigError(path, line_of_key(mapping, key), f"'{alias}' ({key} of '{term.id}') is only common "
                                  f"words, so it would link wherever they are said; remove it, or write an acronym "
                                  f"in capitals (US, IT), which match only in capitals")
        terms.append(term)
        for other in term.see_also:
            see_also.append((other, term.id, line_of_key(mapping, "see_also")))
    for other, ident, line in see_also:
        if other not in seen:
            raise ConfigError(path, line, f"'{ident}': see_also names unknown term '{other}'{did_you_mean(other, seen)}")
    return tuple(sorted(terms, key=lambda t: t.id))


def common_words(language: str) -> typing.Collection[str]:
    """The stop words of a language: said everywhere, so no glossary form on their own."""
    return spacy.util.get_lang_class(language).Defaults.stop_words


def only_common_words(form: str, common: typing.Collection[str]) -> bool:
    """'the', 'of it'. Capitals match only as written, so 'US' and 'IT' may be forms."""
    return not ACRONYM.match(form) and all(word in common for word in form.lower().split())


def load_topics(project: Project, term_ids: typing.Collection[str]) -> tuple[Topic, ...] | None:
    """Configured topics, or None when the site has no topics.yml (automatic topics)."""
    path = project.topics_path
    if not path.exists():
        return None
    topics: list[Topic] = []
    seen: set[str] = set()
    for mapping, line in _entries(path, load_yaml(path), "topics"):
        topic = from_mapping(Topic, mapping, path, line)
        _check_id(path, line, topic.id, seen)
        for term_id in topic.terms:
            if term_id not in term_ids:
                raise ConfigError(path, line_of_key(mapping, "terms"),
                                  f"topic '{topic.id}' names unknown glossary term '{term_id}'{did_you_mean(term_id, term_ids)}"
                                  " (terms found automatically exist only while content/glossary.yml is empty; "
                                  "put the word under keywords instead)")
        topics.append(topic)
    return tuple(topics) or None
