"""`podsite serve`: edits under content/ or site_config/ regenerate docs/, and a bad edit
keeps the last good pages."""

import socket
import subprocess
import sys
import time
import urllib.request

from generator.cli import generate
from generator.config import Project
from generator.engine import watch_sources
from tests.conftest import make_project


def wait_for(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_editing_a_transcript_regenerates_the_pages(tmp_path):
    root = make_project(tmp_path, {"talk.txt": "Ada: We talk about gardening today.\n"})
    project = Project(root)
    generate(project)
    stop = watch_sources(project, lambda: generate(project), delay=0.1)
    try:
        (root / "content/episodes/talk.txt").write_text("Ada: We talk about astronomy today.\n")
        assert wait_for(lambda: "astronomy" in (root / "docs/episodes/talk/transcript.md").read_text())
        (root / "content/episodes/talk.txt").write_bytes(b"\x00\x01binary")
        time.sleep(1.0)
        assert "astronomy" in (root / "docs/episodes/talk/transcript.md").read_text()
    finally:
        stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_previews_the_site_on_localhost(tmp_path):
    root = make_project(tmp_path, {"talk.txt": "Ada: A short talk about the moon and its craters.\n"})
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "--project", str(root), "serve",
                               "--dev-addr", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        def page():
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/episodes/talk/transcript/", timeout=2).read()
            except OSError:
                return b""
        assert wait_for(lambda: b"craters" in page(), seconds=60)
        (root / "content/episodes/talk.txt").write_text("Ada: A short talk about the sun and its flares.\n")
        assert wait_for(lambda: b"flares" in page(), seconds=60)
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert wait_for(lambda: page() == b"", seconds=20), "the MkDocs server outlived `podsite serve`"


def test_reading_the_sources_does_not_count_as_a_change(tmp_path):
    root = make_project(tmp_path, {"talk.txt": "Ada: We talk about gardening today.\n"})
    runs = []
    stop = watch_sources(Project(root), lambda: runs.append(generate(Project(root))), delay=0.1)
    try:
        (root / "content/episodes/talk.txt").read_text()  # what every regeneration does
        time.sleep(1.0)
        assert runs == []
        (root / "content/episodes/talk.txt").write_text("Ada: We talk about astronomy today.\n")
        assert wait_for(lambda: len(runs) >= 1)
        time.sleep(1.5)  # regenerating reads every source again: that must not start another run
        assert len(runs) == 1
    finally:
        stop()


def test_an_unexpected_failure_is_reported_and_the_preview_goes_on_regenerating(tmp_path, caplog):
    """A fault that is no error in the user's files (a bug, a full disk) must not end the watching."""
    root = make_project(tmp_path, {"talk.txt": "Ada: We talk about gardening today.\n"})
    project = Project(root)
    generate(project)
    calls = []

    def regenerate():
        calls.append(1)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        generate(project)

    stop = watch_sources(project, regenerate, delay=0.1)
    try:
        (root / "content/episodes/talk.txt").write_text("Ada: We talk about rockets today.\n")
        assert wait_for(lambda: calls and "No space left on device" in caplog.text)
        time.sleep(0.5)
        (root / "content/episodes/talk.txt").write_text("Ada: We talk about astronomy today.\n")
        assert wait_for(lambda: "astronomy" in (root / "docs/episodes/talk/transcript.md").read_text())
    finally:
        stop()
