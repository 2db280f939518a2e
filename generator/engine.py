"""Engine: run MkDocs on the generated docs/, strictly, without losing the last good site.

`build` renders into a fresh folder beside site/ and swaps it in only when MkDocs
succeeded, so a failed or interrupted build leaves the previous site/ in place.
`serve` runs MkDocs' live-reload server and regenerates docs/ whenever content/ or
site_config/ changes; MkDocs then sees the changed pages and reloads the browser.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from .config import Project
from .errors import PodsiteError

log = logging.getLogger(__name__)
SITE_MARKER = ".podsite-site"
ENGINE_ENV = {"NO_MKDOCS_2_WARNING": "1"}


def build_epoch(project: Project) -> str:
    """A build date that depends only on the content: the newest episode's date.

    MkDocs stamps it into sitemap.xml; without this, two builds on different days differ.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        knowledge = json.loads((project.docs_dir / "knowledge.json").read_text(encoding="utf-8"))
        newest = max(e["date"] for e in knowledge["episodes"] if e.get("date"))
        moment = datetime.datetime.fromisoformat(newest).replace(tzinfo=datetime.timezone.utc)
        return str(max(0, int(moment.timestamp())))  # gzip cannot stamp dates before 1970
    except (OSError, ValueError, KeyError, TypeError):
        return "0"


def _mkdocs(project: Project, *args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, **ENGINE_ENV, "SOURCE_DATE_EPOCH": build_epoch(project)}
    command = [sys.executable, "-m", "mkdocs", *args, "--config-file", str(project.root / "mkdocs.yml")]
    return subprocess.run(command, cwd=project.root, env=env, **kwargs)


def check_site_dir(site_dir: Path) -> None:
    if site_dir.exists() and any(site_dir.iterdir()) and not (site_dir / SITE_MARKER).exists():
        raise PodsiteError(site_dir, None, "exists and was not built by podsite; move it away "
                           "(podsite replaces site/ as a whole and never deletes what it did not build)")


def build(project: Project, strict: bool = True) -> Path:
    """`mkdocs build --strict` into a new folder, then replace site/ with it."""
    if not (project.root / "mkdocs.yml").exists():
        raise PodsiteError(project.root / "mkdocs.yml", None, "is missing; run `podsite new` to create a project")
    site_dir = project.site_dir
    check_site_dir(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=project.root))
    try:
        # Not --quiet: MkDocs counts strict-mode warnings only when they are logged.
        result = _mkdocs(project, "build", *(["--strict"] if strict else []), "--site-dir", str(staging),
                         capture_output=True, text=True)
        sys.stderr.write("".join(line for line in result.stderr.splitlines(keepends=True)
                                 if not line.startswith(("INFO", "  - "))))
        if result.returncode != 0:
            raise PodsiteError(project.root / "mkdocs.yml", None,
                               "MkDocs build failed (see its messages above); the previous site/ is untouched")
        (staging / SITE_MARKER).write_text("built by podsite\n", encoding="utf-8")
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return site_dir


def _swap(staging: Path, site_dir: Path) -> None:
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def serve(project: Project, regenerate: Callable[[], None], address: str = "127.0.0.1:8000") -> int:
    """Serve with live reload until interrupted; regenerate docs/ on source changes."""
    watcher = watch_sources(project, regenerate)
    try:
        return _mkdocs(project, "serve", "--livereload", "--dev-addr", address).returncode
    except KeyboardInterrupt:
        return 0
    finally:
        watcher()


def watch_sources(project: Project, regenerate: Callable[[], None], delay: float = 0.3) -> Callable[[], None]:
    """Start watching content/ and site_config/; returns a function that stops watching."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    changed = threading.Event()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if not Path(str(event.src_path)).name.startswith("."):
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
    try:
        regenerate()
    except PodsiteError as error:
        log.error("%s (the preview keeps the last good pages)", error)
