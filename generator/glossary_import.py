"""`podsite glossary import FILE`: terms from an external glossary into content/glossary.yml.

    read (JSON | YAML | CSV) -> records with their line -> glossary entries -> merge -> write

Accepted shapes: Spacelog's `{TERM: {summary, type, description, slug}}` (or `{TERM: text}`),
a list of `{term, definition, aliases, kind, id}`, podsite's own `terms:` list, and CSV
with a header row (`term`, `definition`, optional `aliases` separated by `;`, `kind`, `id`).
Entries whose id or name is already in the glossary are skipped, never overwritten; the
file keeps its leading comments and its entries as written, and stays sorted by id.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .config import (RESERVED_IDS, SLUG, TERM_KINDS, Project, common_words, did_you_mean, from_mapping,
                     load_glossary, load_settings)
from .errors import ConfigError, PodsiteError
from .ingest import slugify
from .model import Term
from .glossary_merge import Merger, merged_text, read_utf8, write_glossary
from .yamlio import LineDict, LineList, line_of_item, line_of_key, load_yaml

log = logging.getLogger(__name__)
KEYS = {"term": "term", "name": "term", "headword": "term", "definition": "definition",
        "summary": "summary", "description": "description", "kind": "kind", "type": "kind",
        "aliases": "aliases", "alias": "aliases", "id": "id", "slug": "id", "year": "year",
        "see_also": "see_also", "background": "background"}
KIND_SYNONYMS = {"abbreviation": None, "acronym": None, "term": None, "organization": "organisation",
                 "company": "organisation", "institution": "organisation", "people": "person",
                 "paper": "work", "book": "work", "model": "system", "software": "system",
                 "tool": "system", "product": "system"}
EXPANSION_WORDS = 8  # a summary this short, of an abbreviation, is its expansion: an alias
CSV_EXAMPLE = "term,definition,aliases\nRCS,Small thrusters that steer a spacecraft,reaction control system"


@dataclass(frozen=True)
class ImportReport:
    glossary: Path
    added: tuple[str, ...]  # ids of the new entries
    skipped: tuple[tuple[str, str], ...]  # (id, why) of entries left out
    dropped_aliases: tuple[tuple[str, str, str], ...]  # (id, alias, why it was left out)


def import_glossary(project: Project, source: Path, kind_default: str = "concept") -> ImportReport:
    if kind_default not in TERM_KINDS:
        raise PodsiteError(None, None, f"--kind: expected {' | '.join(TERM_KINDS)}, found {kind_default!r}")
    source = Path(source)
    language = load_settings(project).language
    existing = load_glossary(project, language)  # never merge into a glossary that does not load
    merger = Merger(existing, common_words(language))
    for record, line in read_records(source):
        merger.add(entry_of(record, line, source, kind_default), line)
    merger.check_see_also(source)
    if merger.added:
        write_glossary(project, merged_text(project.glossary_path, existing, [t for t, _ in merger.added]), merger.ids)
    return ImportReport(project.glossary_path, tuple(t.id for t, _ in merger.added), tuple(merger.skipped),
                        tuple(merger.dropped))


# Reading -------------------------------------------------------------------------------

def read_records(source: Path) -> list[tuple[dict, int | None]]:
    """The raw entries of a glossary file, each with the line it starts on."""
    readers = {".json": _json_data, ".yml": load_yaml, ".yaml": load_yaml, ".csv": _csv_records}
    if not source.is_file():
        raise PodsiteError(source, None, "does not exist or is not a file")
    if source.suffix.lower() not in readers:
        raise PodsiteError(source, None, f"has the extension '{source.suffix}'; expected a glossary "
                           "in .json, .yml, .yaml or .csv")
    data = readers[source.suffix.lower()](source)
    records = data if source.suffix.lower() == ".csv" else _records(source, data)
    if not records:
        raise ConfigError(source, None, "has no glossary entries")
    return records


def _json_data(source: Path) -> Any:
    try:
        data = json.loads(read_utf8(source))
    except json.JSONDecodeError as exc:
        raise ConfigError(source, exc.lineno, f"is not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ConfigError(source, 1, "nests lists or objects thousands of levels deep, which no glossary does") from None
    try:
        located = load_yaml(source)  # the same data with line numbers, when YAML reads it alike
    except ConfigError:
        return data
    return located if located == data else data


def _records(source: Path, data: Any) -> list[tuple[dict, int | None]]:
    if isinstance(data, dict) and list(data) == ["terms"] and isinstance(data["terms"], (list, type(None))):
        data = data["terms"] or LineList()  # podsite's own glossary format
    if isinstance(data, list):
        for index, item in enumerate(data):
            if not isinstance(item, dict):
                raise ConfigError(source, line_of_item(data, index), "expected each entry to be a mapping "
                                  f"such as {{term: RCS, definition: Reaction control system}}, found {item!r}")
        return [(item, line_of_item(data, index)) for index, item in enumerate(data)]
    if isinstance(data, dict):
        return [_keyed_record(source, data, key) for key in data]
    raise ConfigError(source, 1, "expected a mapping of TERM: {summary: ..., type: ...} or a list of "
                      f"{{term: ..., definition: ...}}, found {type(data).__name__}")


def _keyed_record(source: Path, data: dict, key: Any) -> tuple[dict, int | None]:
    """Spacelog's shape: the key is the headword; the value a mapping or a definition."""
    line, value = line_of_key(data, key), data[key]
    if not isinstance(key, str):
        raise ConfigError(source, line, f"expected the term {key!r} as text; put it in quotes")
    if isinstance(value, str):
        return {"term": key, "definition": value}, line
    if not isinstance(value, dict):
        raise ConfigError(source, line, f"'{key}': expected a definition or a mapping such as "
                          f"{{summary: ..., type: abbreviation}}, found {value!r}")
    return {"term": key, **value}, line


def _csv_records(source: Path) -> list[tuple[dict, int | None]]:
    rows = csv.reader(io.StringIO(read_utf8(source), newline=""), strict=True)
    records: list[tuple[dict, int | None]] = []
    try:
        header = _csv_header(source, next(rows, []))
        end = rows.line_num
        for row in rows:
            start, end = end + 1, rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ConfigError(source, start, f"has {len(row)} fields, but the header has {len(header)} "
                                  f"({', '.join(header)}); put values that contain commas in double quotes")
            records.append((_csv_record(dict(zip(header, row))), start))
    except csv.Error as exc:
        raise ConfigError(source, rows.line_num, f"is not valid CSV: {exc}") from None
    return records


def _csv_header(source: Path, header: list[str]) -> list[str]:
    names = [cell.strip().lower() for cell in header]
    for name in names:
        if name not in KEYS:
            raise ConfigError(source, 1, f"unknown column '{name}'{did_you_mean(name, KEYS)}; the first row "
                              f"must name the columns, for example:\n{CSV_EXAMPLE}")
    if "term" not in names or len(set(names)) != len(names):
        raise ConfigError(source, 1, f"expected a header row with a 'term' column and a 'definition' column, "
                          f"each once, found {','.join(names) or 'nothing'}; for example:\n{CSV_EXAMPLE}")
    return names


def _csv_record(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key, cell in row.items():
        value: Any = cell.strip()
        if KEYS[key] in ("aliases", "see_also"):
            value = [part.strip() for part in value.split(";") if part.strip()]
        elif KEYS[key] == "year" and value.isdigit():
            value = int(value)
        elif KEYS[key] == "background" and value.lower() in ("true", "yes", "1", "false", "no", "0"):
            value = value.lower() in ("true", "yes", "1")
        record[key] = value
    return record


# Records -> entries ------------------------------------------------------------------

def entry_of(record: dict, line: int | None, source: Path, kind_default: str) -> Term:
    """One external record as a glossary entry (not yet checked against the glossary)."""
    fields = _rename(record, line, source)
    if not isinstance(fields.get("term"), str):
        raise ConfigError(source, line, f"expected a 'term' (the headword) as text, found {fields.get('term')!r}")
    kind_given = fields.pop("kind", None)
    fields["kind"] = _kind(kind_given, kind_default, source, line)
    _definition(fields, kind_given, source, line)
    if "id" in fields and not SLUG.match(str(fields["id"])):
        raise ConfigError(source, line, f"'id': expected a lowercase slug of letters, digits and hyphens, "
                          f"found {fields['id']!r}; for example: id: reaction-control-system")
    fields.setdefault("id", term_id(fields["term"]))
    mapping = LineDict(fields)
    mapping.line, mapping.key_lines = line or 0, {key: line for key in fields}
    term = from_mapping(Term, mapping, source, line)
    return replace(term, aliases=tuple(a for a in dict.fromkeys(term.aliases) if a.lower() != term.term.lower()))


def _rename(record: dict, line: int | None, source: Path) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in record.items():
        name = KEYS.get(str(key).strip().lower())
        if name is None:
            raise ConfigError(source, line, f"unknown key '{key}'{did_you_mean(str(key).lower(), KEYS)}; "
                              f"allowed keys: {', '.join(sorted(set(KEYS.values())))}")
        if value not in (None, "", []):
            fields[name] = value.strip() if isinstance(value, str) else value
    return fields


def _kind(given: Any, default: str, source: Path, line: int | None) -> str:
    if given is None:
        return default
    name = str(given).strip().lower()
    if name in TERM_KINDS:
        return name
    if name in KIND_SYNONYMS:
        return KIND_SYNONYMS[name] or default
    raise ConfigError(source, line, f"unknown kind {given!r}; expected one of {', '.join(TERM_KINDS)} "
                      f"(or {', '.join(KIND_SYNONYMS)})")


def _definition(fields: dict[str, Any], kind_given: Any, source: Path, line: int | None) -> None:
    """A summary is the definition, or, of an abbreviation or beside a description, a name."""
    summary, description = fields.pop("summary", None), fields.pop("description", None)
    fields.setdefault("definition", description or summary)
    if not isinstance(fields["definition"], str):
        raise ConfigError(source, line, f"'{fields['term']}': expected a definition (or summary) as text, "
                          f"found {fields['definition']!r}")
    is_name = description is not None or _is_abbreviation(fields["term"], kind_given)
    if isinstance(summary, str) and is_name and len(summary.split()) <= EXPANSION_WORDS:
        aliases = fields.get("aliases") or []
        fields["aliases"] = [*([aliases] if isinstance(aliases, str) else aliases), *expansions(summary)]


def _is_abbreviation(term: str, kind_given: Any) -> bool:
    if str(kind_given).lower() in ("abbreviation", "acronym"):
        return True
    return " " not in term and term.isupper() and len(term) <= 10


def expansions(summary: str) -> list[str]:
    """'Loss of signal (or line of sight)' -> ['Loss of signal']; 'A b/C d' -> ['A b', 'C d']."""
    text = re.sub(r"\s*\([^)]*\)", "", summary).strip().rstrip(".")
    parts = [part.strip() for part in text.split("/")]
    return parts if len(parts) > 1 and all(" " in part for part in parts) else [text]


def term_id(term: str) -> str:
    """A slug for a headword: 'MAX Q' -> 'max-q', 'ΔV' -> 'deltav', 'Café' -> 'cafe', '火箭' ->
    'term-' and a hash of it."""
    letters = []
    for char in unicodedata.normalize("NFKD", term):
        if char.isascii():
            letters.append(char)
        elif unicodedata.category(char).startswith("L") and "LETTER" in unicodedata.name(char, ""):
            letters.append(unicodedata.name(char).split()[-1])
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(letters).lower()).strip("-") or slugify(term, fallback="term")
    return f"{slug}-term" if slug in RESERVED_IDS else slug
