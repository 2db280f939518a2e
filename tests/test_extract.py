"""A site with no glossary yet: terms are extracted and marked as not yet curated."""

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.scaffold import new_project

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("new") / "moon"
    assert main(["new", str(root)]) == 0
    shutil.copy(CORPUS / "nasa-hwhap-ep114-value-of-the-moon.txt", root / "content/episodes")
    assert main(["build", "--project", str(root), "-q"]) == 0
    return root


def test_a_new_project_with_one_transcript_builds_a_strict_site_with_topics(site):
    knowledge = json.loads((site / "site/knowledge.json").read_text())
    assert 2 <= len(knowledge["topics"]) <= 8
    assert all(not t["curated"] for t in knowledge["topics"])
    assert (site / "site/topics/index.html").exists()


def test_extracted_terms_are_marked_and_explained_by_a_sentence_that_uses_them(site):
    knowledge = json.loads((site / "site/knowledge.json").read_text())
    terms = {t["term"]: t for t in knowledge["terms"]}
    assert 10 <= len(terms) <= 40
    assert {"Moon", "Apollo"} <= set(terms) or {"Moon", "Artemis program"} <= set(terms)
    for term in terms.values():
        assert term["curated"] is False
        assert term["term"].lower() in term["definition"].lower()
        assert term["mentions"], term["term"]
    page = (site / "docs/glossary/moon.md").read_text()
    assert "Not yet curated" in page and "## Mentions" in page


def test_an_abbreviation_is_an_alias_of_the_extracted_term_it_stands_for(site):
    """The NASA episode says "LRO" and "Lunar Reconnaissance Orbiter": one entry, and both
    spellings count as its mentions."""
    knowledge = json.loads((site / "site/knowledge.json").read_text())
    orbiter = next(t for t in knowledge["terms"] if t["term"] == "Lunar Reconnaissance Orbiter")
    assert orbiter["aliases"] == ["LRO"]
    assert "LRO" not in {t["term"] for t in knowledge["terms"]}
    source = (site / "content/episodes/nasa-hwhap-ep114-value-of-the-moon.txt").read_text("utf-8")
    assert source.count("LRO") >= 2 and len(orbiter["mentions"]) >= source.count("LRO")


def test_extraction_is_off_when_the_site_has_curated_terms(tmp_path):
    root = tmp_path / "curated"
    new_project(root)
    shutil.copy(CORPUS / "nasa-hwhap-ep114-value-of-the-moon.txt", root / "content/episodes")
    (root / "content/glossary.yml").write_text(
        "terms:\n  - id: regolith\n    term: Regolith\n    kind: concept\n"
        "    definition: The loose layer of dust and broken rock covering the Moon.\n")
    assert main(["generate", "--project", str(root), "-q"]) == 0
    knowledge = json.loads((root / "docs/knowledge.json").read_text())
    assert [t["id"] for t in knowledge["terms"]] == ["regolith"]
