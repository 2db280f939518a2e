"""`podsite new`, `podsite add` and `podsite glossary import`: making and filling a project.

`register(commands)` adds `new` and `add` to the root subparsers; `register_glossary_import`
adds `import` to the `glossary` group. Handlers take the parsed args (with `args.project`
resolved) and return the exit status; bad input raises a PodsiteError.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .config import TERM_KINDS, Project
from .glossary_import import import_glossary
from .scaffold import add_transcript, new_project

log = logging.getLogger(__name__)


def cmd_new(args) -> int:
    target = args.directory.resolve()
    for path in new_project(target, args.name):
        log.info("  created %s", path.relative_to(target).as_posix())
    log.info("next: cd %s, then `podsite add TRANSCRIPT` and `podsite build` (README.md explains the rest)",
             args.directory)
    return 0


def cmd_add(args) -> int:
    transcript, metadata = add_transcript(Project(args.project), args.file, title=args.title,
                                          date=args.date, podcast=args.podcast)
    log.info("added %s; check its metadata in %s", transcript, metadata)
    return 0


def cmd_glossary_import(args) -> int:
    report = import_glossary(Project(args.project), args.file, kind_default=args.kind)
    for ident, why in report.skipped:
        log.info("  skipped %s: %s", ident, why)
    for ident, alias, why in report.dropped_aliases:
        log.info("  %s: alias '%s' left out: %s", ident, alias, why)
    log.info("imported %d terms into %s (%d skipped)", len(report.added), report.glossary, len(report.skipped))
    return 0


def register(commands) -> None:
    """Add `new` and `add` to the root `podsite` subparsers."""
    new = commands.add_parser(
        "new", help="create a new site project in DIR",
        description="Create a working podsite project in DIR (a new or empty folder): content/episodes/, a "
        "starter content/glossary.yml, site_config/podsite.yml and topics.yml with every setting explained "
        "(topics are discovered automatically until you list some), mkdocs.yml, docs/about.md, a README, a "
        ".gitignore and a GitHub Actions workflow that builds the site and publishes it on GitHub Pages. "
        "Nothing is ever overwritten. --project is not used.",
        epilog="example: podsite new my-podcast --name 'My Podcast, annotated'")
    new.add_argument("directory", type=Path, metavar="DIR", help="folder to create the project in")
    new.add_argument("--name", help="site name shown in the header (default: made from DIR's name)")
    new.set_defaults(run=cmd_new)

    add = commands.add_parser(
        "add", help="copy a transcript into content/episodes/ with a metadata file",
        description="Read FILE as a transcript (any supported format), then copy it into content/episodes/ "
        "and write <name>.yml beside it with the title, date, podcast and speakers found in it, ready to "
        "check and complete. A file that cannot be read is reported and nothing is copied; an existing "
        "transcript or metadata file is never overwritten.",
        epilog="example: podsite add ~/Downloads/episode-12.txt --date 2025-03-13")
    add.add_argument("file", type=Path, metavar="FILE", help="transcript to add (.txt, .md, .srt, .vtt, .json)")
    add.add_argument("--title", help="episode title (default: the one found in the transcript or its name)")
    add.add_argument("--date", help="episode date as YYYY-MM-DD (default: the one found in the transcript)")
    add.add_argument("--podcast", help="name of the podcast (default: the one found in the transcript)")
    add.set_defaults(run=cmd_add)


def register_glossary_import(glossary_commands, parents=()) -> None:
    """Add `import` to the subparsers of the `podsite glossary` group."""
    importer = glossary_commands.add_parser(
        "import", parents=list(parents), help="add terms from a JSON, YAML or CSV glossary to content/glossary.yml",
        description="Add the terms of an external glossary to content/glossary.yml. Reads JSON or YAML as a "
        "mapping of TERM: {summary, type, description} (Spacelog's format) or TERM: definition, a list of "
        "{term, definition, aliases, kind, id}, or podsite's own terms: list; and CSV with a header row naming "
        "the columns term, definition and optionally aliases (separated by ';'), kind, id, year. Terms whose "
        "id or name is already in the glossary are skipped, never overwritten; the short expansion of an "
        "abbreviation becomes an alias.",
        epilog="example: podsite glossary import acronyms.csv --kind system")
    importer.add_argument("file", type=Path, metavar="FILE", help="glossary to import (.json, .yml, .yaml, .csv)")
    importer.add_argument("--kind", default="concept", choices=TERM_KINDS,
                          help="kind of the imported terms that do not name one (default: %(default)s)")
    importer.set_defaults(run=cmd_glossary_import)
