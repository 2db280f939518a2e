"""`podsite glossary ...`: commands that help an editor keep content/glossary.yml.

`glossary suggest` only writes a review report; it never edits the glossary.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .config import Project
from .pipeline import analyse_site
from .suggest import asr_variants, candidate_terms
from .suggest_report import write_report

DEFAULT_LIMIT = 50


def register(commands, parents=()):
    """Add the `glossary` command group to the CLI's subparsers; returns its own subparsers.

    `parents` are argparse parents (the shared --project and --quiet) for each action."""
    glossary = commands.add_parser(
        "glossary", help="help curate content/glossary.yml (suggest new terms and misheard spellings)",
        description="Tools for the editor of content/glossary.yml. They report; they never change the glossary.")
    actions = glossary.add_subparsers(dest="glossary_command", required=True, metavar="ACTION")
    suggest = actions.add_parser(
        "suggest", parents=list(parents), help="write a review report of candidate terms and likely speech-recognition variants",
        description="Analyse the transcripts and write a review report: candidate new glossary terms "
        "(ranked by C-value, each with its count and two contexts) and spellings that look or sound like "
        "an existing term (possible speech-recognition errors, each with a score and context). Writes "
        "glossary-suggestions.md, glossary-candidates.csv and glossary-variants.csv. Nothing is applied: "
        "add what you accept to content/glossary.yml yourself.")
    suggest.add_argument("--out", type=Path, metavar="DIR", default=None,
                         help="folder for the report files (default: <project>/reports)")
    suggest.add_argument("--limit", type=positive_int, metavar="N", default=DEFAULT_LIMIT,
                         help="list at most N candidates and N variants (default: %(default)s)")
    suggest.set_defaults(run=cmd_glossary_suggest)
    return actions


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, found {value}")
    return value


def cmd_glossary_suggest(args) -> int:
    project = Project(args.project)
    model = analyse_site(project, extract_terms=False)  # extracted terms would hide the candidates
    candidates = candidate_terms(model.episodes, model.glossary, args.limit)
    variants = asr_variants(model.episodes, model.glossary, args.limit)
    out_dir = args.out.resolve() if args.out else project.root / "reports"
    markdown, tables = write_report(candidates, variants, out_dir)
    print(f"wrote {markdown}: {len(candidates)} candidate terms, {len(variants)} possible speech-recognition variants")
    print(f"tables: {', '.join(str(path) for path in tables)}")
    print("nothing was applied; add what you accept to content/glossary.yml")
    return 0
