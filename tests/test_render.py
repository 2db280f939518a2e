"""Golden snapshot of every generated page for a small fixture project.

Refresh with `pytest tests/test_render.py --update-goldens`, then review the diff: the
goldens are the reviewed expectation, not whatever the code happens to print.
"""

import shutil
from pathlib import Path

import pytest

from generator.config import Project
from generator.pipeline import build_site

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
GOLDENS = Path(__file__).parent / "goldens" / "mini"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("mini")
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return build_site(Project(root)).pages


def test_generated_pages_match_the_reviewed_goldens(pages, update_goldens):
    if update_goldens:
        shutil.rmtree(GOLDENS, ignore_errors=True)
        for path, text in pages.items():
            (GOLDENS / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDENS / path).write_text(text, encoding="utf-8")
    golden = {p.relative_to(GOLDENS).as_posix(): p.read_text(encoding="utf-8") for p in GOLDENS.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(golden)
    for path in pages:
        assert pages[path] == golden[path], f"{path} differs from tests/goldens/mini/{path}"


def test_transcript_markup_never_survives(pages):
    transcript = pages["episodes/tiny-talk/transcript.md"]
    assert "<b>" not in transcript and "[not a link](" not in transcript and "*not bold*" not in transcript
    assert "&#60;b&#62;nothing&#60;/b&#62;" in transcript


def test_speakers_times_and_audio_links_are_shown(pages):
    transcript = pages["episodes/tiny-talk/transcript.md"]
    assert "**Ada Host** · [0:05](https://example.org/tiny.mp3#t=5)" in transcript
    assert "**Bob Guest**" in transcript


def test_fillers_and_stutters_are_gone_from_the_reading_text(pages):
    transcript = pages["episodes/tiny-talk/transcript.md"]
    assert " um," not in transcript and "I I think" not in transcript
    assert "I think" in transcript


def test_background_terms_are_marked_and_mentions_link_back(pages):
    assert "Background term" in pages["glossary/turing-test.md"]
    alphago = pages["glossary/alphago.md"]
    assert "../episodes/tiny-talk/transcript.md#p002" in alphago
