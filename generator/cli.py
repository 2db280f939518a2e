"""`podsite`: the command line. Errors in the user's files print as `path:line: message`."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Sequence

from . import cli_glossary, cli_project, engine
from .config import Project
from .errors import PodsiteError
from .lock import project_lock
from .pipeline import build_site
from .write import clean_generated, write_site

log = logging.getLogger(__name__)


def generate(project: Project) -> None:
    started = time.perf_counter()
    with project_lock(project):
        site = build_site(project)
        report = write_site(site, project)
    log.info("generated %d pages into %s in %.2f s (%d written, %d unchanged, %d removed)",
             len(site.pages), project.docs_dir, time.perf_counter() - started,
             len(report.written), report.unchanged, len(report.removed))


def cmd_generate(args) -> int:
    generate(Project(args.project))
    return 0


def cmd_build(args) -> int:
    project = Project(args.project)
    started = time.perf_counter()
    with project_lock(project):
        site = build_site(project)
        log.info("generated %d pages in %.2f s", len(site.pages), time.perf_counter() - started)
        started = time.perf_counter()
        site_dir = engine.build(project, site, strict=not args.no_strict)  # docs/ is written only if MkDocs succeeds
    log.info("built %s with MkDocs and wrote docs/ in %.2f s", site_dir, time.perf_counter() - started)
    return 0


def cmd_serve(args) -> int:
    project = Project(args.project)
    generate(project)
    return engine.serve(project, lambda: generate(project), args.dev_addr)


def cmd_clean(args) -> int:
    project = Project(args.project)
    with project_lock(project):
        removed = clean_generated(project)
    log.info("removed %d generated files from docs/", len(removed))
    return 0


def common_options(project_default, quiet_default) -> argparse.ArgumentParser:
    """--project and --quiet, accepted before or after the command name."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--project", type=Path, default=project_default,
                         help="project folder holding content/, site_config/ and mkdocs.yml (default: current folder)")
    options.add_argument("-q", "--quiet", action="store_true", default=quiet_default,
                         help="print only warnings and errors")
    return options


def _with_common_options(add_parser):
    def add(name, **kwargs):
        kwargs.setdefault("parents", [common_options(argparse.SUPPRESS, argparse.SUPPRESS)])
        return add_parser(name, **kwargs)
    return add


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="podsite",
        description="Turn podcast and interview transcripts into a cross-linked MkDocs knowledge site.",
        parents=[common_options(Path("."), False)],
    )
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser = _with_common_options(commands.add_parser)

    build = commands.add_parser("build", help="generate docs/ and build site/ with mkdocs build --strict",
                                description="Generate the Markdown pages into docs/, then build the static site "
                                "into site/ with MkDocs in strict mode (any broken link fails the build). "
                                "The previous site/ stays in place if anything fails.")
    build.add_argument("--no-strict", action="store_true", help="let MkDocs warnings pass (not recommended)")
    build.set_defaults(run=cmd_build)

    serve = commands.add_parser("serve", help="preview on http://127.0.0.1:8000 with live reload",
                                description="Generate, then serve the site locally with live reload. Changes "
                                "under content/ or site_config/ regenerate the pages and refresh the browser.")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: %(default)s)")
    serve.set_defaults(run=cmd_serve)

    generate_ = commands.add_parser("generate", help="write the Markdown pages into docs/ only",
                                    description="Run the pipeline and write the generated Markdown pages and "
                                    "knowledge.json into docs/, without running MkDocs.")
    generate_.set_defaults(run=cmd_generate)

    clean = commands.add_parser("clean", help="remove generated pages from docs/ (never your own files)",
                                description="Remove the pages podsite generated in docs/, except any you edited.")
    clean.set_defaults(run=cmd_clean)
    cli_project.register(commands)
    nested = [common_options(argparse.SUPPRESS, argparse.SUPPRESS)]
    glossary_actions = cli_glossary.register(commands, nested)
    cli_project.register_glossary_import(glossary_actions, nested)
    return root


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.project = args.project.resolve()
    logging.basicConfig(format="%(message)s")
    logging.getLogger("generator").setLevel(logging.WARNING if args.quiet else logging.INFO)
    try:
        return args.run(args)
    except PodsiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # writes are all-or-nothing, so there is nothing to report but this
        print("interrupted: no page was left half-written; run the command again to finish", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
