"""Merging imported entries into content/glossary.yml without disturbing what is there.

New entries never overwrite: an id or name already present is skipped, an alias another
term owns is dropped, and the file keeps its leading comments and its entries as written,
sorted by id. The merged text is checked by loading it before it replaces the old file.
"""

from __future__ import annotations

import logging
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any, Collection

import yaml

from .config import Project, did_you_mean, load_glossary, only_common_words
from .errors import ConfigError
from .model import Term
from .write import atomic_write
from .yamlio import load_yaml

log = logging.getLogger(__name__)
STARTER = Path(__file__).with_name("scaffold") / "content" / "glossary.yml"


def read_utf8(source: Path) -> str:
    data = source.read_bytes()
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        raise ConfigError(source, data[:exc.start].count(b"\n") + 1, "is not valid UTF-8; save it as UTF-8") from None

class Merger:
    """New entries that fit beside the existing glossary, in the order they were read."""

    def __init__(self, existing: tuple[Term, ...], common: Collection[str] = frozenset()):
        self.common = common  # stop words: no headword or alias on their own
        self.existing = {t.id for t in existing}
        self.ids = set(self.existing)
        self.names = {name.lower(): t.id for t in existing for name in t.forms()}
        self.added: list[tuple[Term, int | None]] = []
        self.skipped: list[tuple[str, str]] = []
        self.dropped: list[tuple[str, str, str]] = []  # (id, alias, why)

    def add(self, term: Term, line: int | None) -> None:
        owner = self.names.get(term.term.lower())
        if owner is not None:
            self.skipped.append((term.id, f"'{term.term}' is already in the glossary as '{owner}'"))
            return
        if term.id in self.existing:
            self.skipped.append((term.id, "an entry with this id is already in the glossary"))
            return
        if only_common_words(term.term, self.common):
            self.skipped.append((term.id, f"'{term.term}' is only common words, which would link everywhere"))
            return
        term = replace(term, id=self._free_id(term.id), aliases=self._own_aliases(term))
        self.names[term.term.lower()] = term.id
        self.names.update((alias.lower(), term.id) for alias in term.aliases)
        self.ids.add(term.id)
        self.added.append((term, line))

    def _free_id(self, ident: str) -> str:
        """Two new headwords with the same slug ('C/M', 'C-M') get 'c-m' and 'c-m-2'."""
        number, candidate = 2, ident
        while candidate in self.ids:
            candidate, number = f"{ident}-{number}", number + 1
        return candidate

    def _own_aliases(self, term: Term) -> tuple[str, ...]:
        aliases = []
        for alias in term.aliases:
            holder = self.names.get(alias.lower())
            if holder is not None:
                self.dropped.append((term.id, alias, f"'{holder}' already has it"))
            elif only_common_words(alias, self.common):
                self.dropped.append((term.id, alias, "it is only common words, which would link everywhere"))
            elif alias.lower() not in (a.lower() for a in aliases):
                aliases.append(alias)
        return tuple(aliases)

    def check_see_also(self, source: Path) -> None:
        for term, line in self.added:
            for other in term.see_also:
                if other not in self.ids:
                    raise ConfigError(source, line, f"'{term.id}': see_also names unknown term "
                                      f"'{other}'{did_you_mean(other, sorted(self.ids))}")


# Writing -------------------------------------------------------------------------------

class _EntryDumper(yaml.SafeDumper):
    """Entries in the glossary's house style: lists inline, long definitions folded."""


_EntryDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style=">" if len(text) > 60 else None))
_EntryDumper.add_representer(list, lambda dumper, items: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", items, flow_style=True))


def render_entry(term: Term, indent: str = "  ") -> str:
    fields: dict[str, Any] = {"id": term.id, "term": term.term, "kind": term.kind}
    fields.update({"year": term.year} if term.year is not None else {})
    fields.update({"background": True} if term.background else {})
    fields["definition"] = term.definition
    fields.update({key: list(getattr(term, key)) for key in ("aliases", "misheard", "see_also") if getattr(term, key)})
    fields.update({"curated": False} if not term.curated else {})
    body = yaml.dump(fields, Dumper=_EntryDumper, sort_keys=False, allow_unicode=True, width=84)
    return "".join(f"{indent}{'- ' if n == 0 else '  '}{line}".rstrip() + "\n"
                   for n, line in enumerate(body.splitlines()))


def merged_text(path: Path, existing: tuple[Term, ...], added: list[Term]) -> str:
    """The glossary file with `added` merged in: existing entries kept as written, all sorted by id."""
    source = path if path.exists() else STARTER
    lines = re.findall(r".*\n|.+$", read_utf8(source))  # line ends as YAML counts them
    layout = _layout(load_yaml(source), lines)
    if layout is None:
        log.warning("%s: the entries are rewritten in the standard layout (only the leading comments "
                    "are kept as written)", path)
        header = [*_leading_comments(lines), "terms:\n"]
        layout = header, "  ", {t.id: render_entry(t) for t in existing}
    header, indent, chunks = layout
    chunks.update({t.id: render_entry(t, indent) for t in added})
    text = "".join(header) + "\n".join(chunks[ident] for ident in sorted(chunks, key=str))  # `id: 123` is a number
    return text.replace("\n", "\r\n") if b"\r\n" in source.read_bytes() else text  # the file's own line ends


def _layout(data: Any, lines: list[str]) -> tuple[list[str], str, dict[str, str]] | None:
    """(lines up to the first entry, the entries' indent, each entry's own text by id), or None
    when the file is not a plain block list under a last `terms:` key."""
    if data is None:
        return [*lines, *(["\n"] if lines and not lines[-1].endswith("\n") else []), "terms:\n"], "  ", {}
    key_line = data.key_lines["terms"]
    if any(line > key_line for key, line in data.key_lines.items() if key != "terms"):
        return None
    items = data["terms"]
    if not items:
        return [*lines[:key_line - 1], "terms:\n"], "  ", {}
    starts = items.item_lines
    if starts[0] <= key_line or not all(lines[s - 1].lstrip().startswith("- ") for s in starts):
        return None
    indent = lines[starts[0] - 1][: lines[starts[0] - 1].index("-")]
    ends = [*starts[1:], len(lines) + 1]
    chunks = {item["id"]: "".join(lines[s - 1:e - 1]).rstrip() + "\n" for item, s, e in zip(items, starts, ends)}
    return lines[:starts[0] - 1], indent, chunks


def _leading_comments(lines: list[str]) -> list[str]:
    kept = []
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            break
        kept.append(line)
    return kept


def write_glossary(project: Project, text: str, ids: set[str]) -> None:
    """Check the merged file loads as the expected glossary, then replace the old one atomically."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Project(Path(scratch))
        trial.glossary_path.parent.mkdir(parents=True)
        trial.glossary_path.write_text(text, encoding="utf-8")
        try:
            merged = {t.id for t in load_glossary(trial)}
        except ConfigError as error:  # the merge moved entries apart that the file ties together
            raise ConfigError(project.glossary_path, None, f"the entries could not be merged as the file is "
                              f"written ({error.message}; YAML anchors and aliases tie entries together); "
                              "nothing was written, add the entries by hand") from None
        if merged != ids:
            raise RuntimeError(f"merging into {project.glossary_path} lost or added entries; nothing written")
    atomic_write(project.glossary_path, text.encode("utf-8"))
    load_glossary(project)
