"""Engine: run MkDocs on the generated docs/, strictly, without losing the last good site.

`build` lays the new pages over a copy of docs/ in a fresh folder beside site/, has MkDocs
build that, and only when MkDocs succeeded writes the pages into docs/ and swaps the new
site in: a failed or interrupted build leaves the previous docs/ and site/ in place.
`serve` runs MkDocs' live-reload server and regenerates docs/ whenever content/ or
site_config/ changes; MkDocs then sees the changed pages and reloads the browser.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from .config import Project
from .errors import PodsiteError
from .model import Site
from .write import interrupts_held, stage_docs, write_site

log = logging.getLogger(__name__)
SITE_MARKER = ".podsite-site"
STAGING_CONFIG = ".podsite-build.yml"
STAGING_HEADER = "# Written by podsite for one build, then removed."
CONFIG_COMPLAINT = re.compile(r"Config value '(?P<key>[\w-]+)'")  # MkDocs names the setting, not its line
NAV_COMPLAINT = re.compile(r"A reference to '(?P<page>[^'\n]+)' is included in the 'nav'")  # nor the nav entry's
STAGING_MARKER = ".podsite-staging"
ENGINE_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def build_epoch(docs_dir: Path) -> str:
    """A build date that depends only on the content: the newest episode's date.

    MkDocs stamps it into sitemap.xml; without this, two builds on different days differ.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        knowledge = json.loads((docs_dir / "knowledge.json").read_text(encoding="utf-8"))
        newest = max(e["date"] for e in knowledge["episodes"] if e.get("date"))
        moment = datetime.datetime.fromisoformat(newest).replace(tzinfo=datetime.timezone.utc)
        return str(max(0, int(moment.timestamp())))  # gzip cannot stamp dates before 1970
    except (OSError, ValueError, KeyError, TypeError):
        return "0"


# `python -m mkdocs`, except that jieba (which Material's search uses to cut Chinese into words)
# may not print its dictionary-loading messages at every build.
QUIET_JIEBA_MKDOCS = ("import logging, runpy, sys; "
                      "logging.getLogger('jieba').addFilter(lambda record: record.levelno >= logging.WARNING); "
                      "sys.argv[0] = 'mkdocs'; runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)")


def _mkdocs(project: Project, *args: str, config: Path | None = None, docs_dir: Path | None = None,
            **kwargs) -> subprocess.Popen:
    """Start MkDocs on the project (on a staged `docs_dir` through `config`, if given)."""
    env = {**os.environ, **ENGINE_ENV, "SOURCE_DATE_EPOCH": build_epoch(docs_dir or project.docs_dir)}
    command = [sys.executable, "-c", QUIET_JIEBA_MKDOCS, *args, "--config-file", str(config or project.root / "mkdocs.yml")]
    return subprocess.Popen(command, cwd=project.root, env=env, **kwargs)


def _is_ours(config: Path) -> bool:
    return config.is_file() and config.read_text(encoding="utf-8", errors="replace").startswith(STAGING_HEADER)


def _staging_config(project: Project, docs_dir: Path) -> Path:
    """mkdocs.yml with docs_dir pointed at `docs_dir`. It sits beside mkdocs.yml because MkDocs
    reads the relative paths in it (theme.custom_dir) from the folder of the config file."""
    config = project.root / STAGING_CONFIG
    if config.exists() and not _is_ours(config):
        raise PodsiteError(config, None, "is not podsite's; podsite writes its one-build config under this "
                           "name, so rename or move your file")
    config.write_text(f"{STAGING_HEADER}\nINHERIT: mkdocs.yml\n"
                      f"docs_dir: {json.dumps(str(docs_dir))}\n", encoding="utf-8")
    return config


def check_site_dir(site_dir: Path) -> None:
    """site/ is replaced as a whole, so it may hold only what podsite built there (the marker
    lists it), and site.old, the name the swap uses, only a site podsite built."""
    if site_dir.exists() and any(site_dir.iterdir()):
        built = _built_files(site_dir)
        if built is None:
            raise PodsiteError(site_dir, None, "exists and was not built by podsite; move it away "
                               "(podsite replaces site/ as a whole and never deletes what it did not build)")
        added = [name for name in _site_files(site_dir) if name not in built]
        if added:
            raise PodsiteError(site_dir / added[0], None, f"was not built by podsite{_and_more(added)}; podsite "
                               "replaces site/ as a whole, so move it away (a file to publish with the site, "
                               "such as CNAME, belongs in docs/, which MkDocs copies)")
    old = _old_site(site_dir)
    if old.exists() and not (old / SITE_MARKER).is_file():
        raise PodsiteError(old, None, "is not podsite's; podsite keeps the previous site under this name "
                           "while it replaces site/, so rename or move it")


def _built_files(site_dir: Path) -> set[str] | None:
    """The files the last build put in site/, as its marker lists them; None without a marker.
    A marker from before markers listed files vouches for everything."""
    marker = site_dir / SITE_MARKER
    if not marker.is_file():
        return None
    listed = marker.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return {*(listed or _site_files(site_dir)), SITE_MARKER}


def _and_more(paths: list[str]) -> str:
    return f" (nor {len(paths) - 1} more file{'s' if len(paths) > 2 else ''} there)" if len(paths) > 1 else ""


def _mark_built(site_dir: Path) -> None:
    """The marker of a site podsite built, with every file it holds."""
    files = "".join(f"{name}\n" for name in _site_files(site_dir))
    (site_dir / SITE_MARKER).write_text(f"built by podsite\n{files}", encoding="utf-8")


def _site_files(site_dir: Path) -> list[str]:
    """The files under site/, as paths relative to it, sorted."""
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())


def build(project: Project, site: Site | None = None, strict: bool = True) -> Path:
    """`mkdocs build --strict` of docs/ with `site`'s pages in place, into a new folder; then
    write the pages into docs/ and replace site/ with the new one. Without `site`, docs/ is
    built as it is."""
    if not (project.root / "mkdocs.yml").exists():
        raise PodsiteError(project.root / "mkdocs.yml", None, "is missing; run `podsite new` to create a project")
    site_dir = project.site_dir
    check_site_dir(site_dir)
    _remove_interrupted_builds(project)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=project.root))
    (staging / STAGING_MARKER).touch()
    try:
        docs_dir, config = project.docs_dir, None
        if site is not None:
            docs_dir = staging / "docs"
            stage_docs(site, project, docs_dir)
            config = _staging_config(project, docs_dir)
        # Not --quiet: MkDocs counts strict-mode warnings only when they are logged.
        with _mkdocs(project, "build", *(["--strict"] if strict else []), "--site-dir", str(staging / "site"),
                     config=config, docs_dir=docs_dir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                     text=True) as mkdocs:
            _, messages = mkdocs.communicate()
        sys.stderr.write("".join(line for line in messages.splitlines(keepends=True)
                                 if not line.startswith(("INFO", "  - "))))
        if mkdocs.returncode != 0:
            raise PodsiteError(project.root / "mkdocs.yml", _rejected_key_line(project, messages), "MkDocs build "
                               "failed (see its messages above); docs/ and the previous site/ are untouched")
        _mark_built(staging / "site")
        with interrupts_held():  # docs/ and site/ change together, or neither does
            if site is not None:
                write_site(site, project)
            _swap(staging / "site", site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if _is_ours(project.root / STAGING_CONFIG):
            (project.root / STAGING_CONFIG).unlink()
    return site_dir


def _rejected_key_line(project: Project, messages: str) -> int | None:
    """The line of mkdocs.yml holding the first setting MkDocs complained of ("Config value
    'them': Unrecognised configuration name") or the nav entry of a page that does not exist,
    which MkDocs does not say."""
    rejected, missing = CONFIG_COMPLAINT.search(messages), NAV_COMPLAINT.search(messages)
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8", errors="replace")
    if rejected is not None:
        found = re.search(rf"^{re.escape(rejected.group('key'))}[ \t]*:", text, re.MULTILINE)
    elif missing is not None:
        found = re.search(rf"^[ \t]*-[^\n]*{re.escape(missing.group('page'))}", text, re.MULTILINE)
    else:
        return None
    return text.count("\n", 0, found.start()) + 1 if found else None


def _remove_interrupted_builds(project: Project) -> None:
    """Staging folders a killed build left behind (only folders podsite made and marked), and
    the last good site back in place if the build was killed in the middle of the swap."""
    for folder in project.root.glob(".site-*"):
        if (folder / STAGING_MARKER).is_file():
            shutil.rmtree(folder, ignore_errors=True)
    old = _old_site(project.site_dir)
    if not project.site_dir.exists() and (old / SITE_MARKER).is_file():
        old.rename(project.site_dir)


def _old_site(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".old")


def _swap(staging: Path, site_dir: Path) -> None:
    """The new site in place of the old one (kept as site.old, a site podsite built, meanwhile)."""
    old = _old_site(site_dir)
    if (old / SITE_MARKER).is_file():
        shutil.rmtree(old, ignore_errors=True)
    if site_dir.is_dir() and not any(site_dir.iterdir()):
        site_dir.rmdir()  # an empty folder, made by hand or by a tool
    elif site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    if (old / SITE_MARKER).is_file():
        shutil.rmtree(old, ignore_errors=True)


def serve(project: Project, regenerate: Callable[[], None], address: str = "127.0.0.1:8000") -> int:
    """Serve with live reload until interrupted (Ctrl-C or SIGTERM); regenerate docs/ on
    source changes. The MkDocs server stops with it, never left holding the port."""
    watcher = watch_sources(project, regenerate)
    server = _mkdocs(project, "serve", "--livereload", "--dev-addr", address)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.terminate()
        server.wait()
        watcher()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})  # "closed" only after a write


def watch_sources(project: Project, regenerate: Callable[[], None], delay: float = 0.3) -> Callable[[], None]:
    """Start watching content/ and site_config/; returns a function that stops watching."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    changed = threading.Event()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            # Only writes count: on Linux, watchdog also reports files being opened and closed
            # unwritten, which regenerating itself does to every source (an endless loop).
            if event.event_type in CHANGES and not Path(str(event.src_path)).name.startswith("."):
                changed.set()

    observer = Observer()
    for folder in (project.root / "content", project.root / "site_config"):
        if folder.is_dir():
            observer.schedule(Handler(), str(folder), recursive=True)
    observer.start()
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            if changed.wait(0.2):
                time.sleep(delay)  # let an editor finish saving
                changed.clear()
                _regenerate_safely(regenerate)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()

    def stop_watching() -> None:
        stop.set()
        observer.stop()
        observer.join()
        thread.join(timeout=2)

    return stop_watching


def _regenerate_safely(regenerate: Callable[[], None]) -> None:
    """One regeneration of the preview. Whatever goes wrong is reported and the watching goes
    on: a mistake in a file being edited must not end the preview, nor a fault of Podsite's."""
    try:
        regenerate()
    except PodsiteError as error:
        log.error("%s (the preview keeps the last good pages)", error)
    except Exception as error:  # noqa: BLE001 - a bug must not stop the preview regenerating
        log.error("regenerating failed: %s: %s (the preview keeps the last good pages; please report this)",
                  type(error).__name__, error)
        log.debug("regenerating failed", exc_info=True)
