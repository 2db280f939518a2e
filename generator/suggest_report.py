"""Write glossary suggestions as a review report: Markdown to read, CSV to sort and filter.

The report lives outside docs/ (default `<project>/reports/`), so MkDocs never publishes
it, and it writes only its own three files: an editor's notes beside them stay untouched.
Transcript text reaches the Markdown through the site's one escaping function, so a "|"
in a context cannot break a table row.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Sequence

from .errors import PodsiteError
from .render.markup import escape
from .suggest import Candidate, Context, Variant

MARKDOWN_NAME = "glossary-suggestions.md"
CANDIDATES_NAME = "glossary-candidates.csv"
VARIANTS_NAME = "glossary-variants.csv"
CONTEXT_FIELDS = ("episode", "passage", "start", "end", "context")
CANDIDATE_HEADER = ("rank", "phrase", "aliases", "count", "score", *(f"{field}_{n}" for n in (1, 2) for field in CONTEXT_FIELDS))
VARIANT_HEADER = ("rank", "term_id", "headword", "alias", "found", "score", "method", "count", *CONTEXT_FIELDS)

INTRO = """\
# Glossary suggestions

Nothing in this report has been applied. It lists phrases from the transcripts that may
deserve a glossary entry, and spellings that may be speech-recognition errors for terms
the glossary already has. Each is a guess made by counting and by comparing spellings and
sounds; decide for each one, then edit `content/glossary.yml` yourself.

- **New term**: add an entry under `terms:`, keeping the list sorted by id:

      - id: data-distribution
        term: Data distribution
        kind: concept
        definition: >-
          One or two plain sentences for a curious reader.

- **Misheard spelling**: if the context shows the transcript meant the term, add the found
  text exactly as written to that term's `misheard:` list, e.g. `misheard: [New Rips]` (a
  real other name, such as NIPS, goes under `aliases:`). From the next build on, it is
  linked and explained like the headword, and shown with the headword in brackets.

Offsets are character positions in the episode's source file (`start`-`end`).
"""


def write_report(candidates: Sequence[Candidate], variants: Sequence[Variant],
                 out_dir: Path) -> tuple[Path, tuple[Path, Path]]:
    """Write the Markdown report and the two CSV files into `out_dir`; return their paths. A
    file of those names that an earlier report did not write is left alone: it is an error."""
    firsts = {MARKDOWN_NAME: INTRO.split("\n", 1)[0], CANDIDATES_NAME: ",".join(CANDIDATE_HEADER),
              VARIANTS_NAME: ",".join(VARIANT_HEADER)}
    for name, first in firsts.items():
        _check_ours(out_dir / name, first)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        markdown = out_dir / MARKDOWN_NAME
        markdown.write_text(report_markdown(candidates, variants), encoding="utf-8")
        candidates_csv = write_csv(out_dir / CANDIDATES_NAME, CANDIDATE_HEADER,
                                   (candidate_row(rank, c) for rank, c in enumerate(candidates, 1)))
        variants_csv = write_csv(out_dir / VARIANTS_NAME, VARIANT_HEADER,
                                 (variant_row(rank, v) for rank, v in enumerate(variants, 1)))
    except OSError as error:
        raise PodsiteError(Path(error.filename or out_dir), None, f"cannot be written: {error.strerror}; "
                           "choose another --out folder") from None
    return markdown, (candidates_csv, variants_csv)


def _check_ours(path: Path, first_line: str) -> None:
    if path.is_file():
        with path.open(encoding="utf-8", errors="replace") as stream:
            ours = stream.readline().rstrip("\r\n") == first_line
        if not ours:
            raise PodsiteError(path, None, "exists and is no report podsite wrote; move it or choose another "
                               "--out folder (podsite never overwrites what it did not write)")


def write_csv(path: Path, header: Sequence[str], rows) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def context_fields(context: Context | None) -> list:
    if context is None:
        return [""] * len(CONTEXT_FIELDS)
    return [context.episode, context.passage, context.start, context.end, context.text]


def candidate_row(rank: int, candidate: Candidate) -> list:
    contexts = list(candidate.contexts) + [None] * (2 - len(candidate.contexts))
    return [rank, candidate.phrase, "; ".join(candidate.aliases), candidate.count, f"{candidate.score:.2f}",
            *context_fields(contexts[0]), *context_fields(contexts[1])]


def variant_row(rank: int, variant: Variant) -> list:
    return [rank, variant.term_id, variant.headword, variant.alias, variant.found, f"{variant.score:.1f}",
            variant.method, variant.count, *context_fields(variant.context)]


def report_markdown(candidates: Sequence[Candidate], variants: Sequence[Variant]) -> str:
    lines = [INTRO, f"## Candidate terms ({len(candidates)})", "",
             "Ranked by C-value: frequent phrases that are not just part of a longer one, weighted "
             "toward names and uncommon words. A phrase said mostly inside a better one is left out, "
             "and an abbreviation is listed with the phrase it stands for.", ""]
    lines += candidate_table(candidates) if candidates else ["No candidates found."]
    lines += ["", f"## Possible speech-recognition variants ({len(variants)})", "",
              "Transcript spellings that look (fuzzy) or sound (phonetic) like an existing alias. "
              "Score: 0-100, the mean of spelling and sound similarity.", ""]
    lines += variant_table(variants) if variants else ["No variants found."]
    return "\n".join(lines) + "\n"


def cell(context: Context) -> str:
    return f"{escape(context.text)} ({escape(context.episode)}, {escape(context.passage)})"


def candidate_table(candidates: Sequence[Candidate]) -> list[str]:
    rows = ["| # | Phrase | Count | Score | Context | Another context |", "|---:|---|---:|---:|---|---|"]
    for rank, candidate in enumerate(candidates, 1):
        contexts = [cell(c) for c in candidate.contexts] + [""] * (2 - len(candidate.contexts))
        also = f" (also {', '.join(escape(alias) for alias in candidate.aliases)})" if candidate.aliases else ""
        rows.append(f"| {rank} | {escape(candidate.phrase)}{also} | {candidate.count} | {candidate.score:.2f} | "
                    f"{contexts[0]} | {contexts[1]} |")
    return rows


def variant_table(variants: Sequence[Variant]) -> list[str]:
    rows = ["| # | Term | Found | Like alias | Score | Method | Count | Context |",
            "|---:|---|---|---|---:|---|---:|---|"]
    for rank, variant in enumerate(variants, 1):
        rows.append(f"| {rank} | {escape(variant.headword)} (`{variant.term_id}`) | {escape(variant.found)} | "
                    f"{escape(variant.alias)} | {variant.score:.1f} | {variant.method} | {variant.count} | "
                    f"{cell(variant.context)} |")
    return rows
