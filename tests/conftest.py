import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"
SEED = REPO / "content" / "episodes" / "manifold-2025-03-13-misha-laskin.txt"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite golden files from the current output (review the diff!)")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture
def nlp():
    from generator.analyse import load_pipeline
    return load_pipeline("blank")


def make_project(root: Path, episodes: dict[str, str], glossary: str | None = None,
                 topics: str | None = None, settings: str | None = None) -> Path:
    """A throwaway project: the repo's mkdocs.yml and about page, with the given content."""
    (root / "content" / "episodes").mkdir(parents=True)
    (root / "site_config" / "overrides").mkdir(parents=True)
    (root / "docs").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO / "docs" / "about.md", root / "docs" / "about.md")
    for name, text in episodes.items():
        (root / "content" / "episodes" / name).write_text(text, encoding="utf-8")
    if glossary is not None:
        (root / "content" / "glossary.yml").write_text(glossary, encoding="utf-8")
    if topics is not None:
        (root / "site_config" / "topics.yml").write_text(topics, encoding="utf-8")
    if settings is not None:
        (root / "site_config" / "podsite.yml").write_text(settings, encoding="utf-8")
    return root
