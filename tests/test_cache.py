"""The per-episode cache: reused while nothing it depends on changes."""

from pathlib import Path

from generator import pipeline
from generator.config import Project
from generator.pipeline import analyse_site
from tests.conftest import make_project


def count_analyses(monkeypatch):
    calls = []
    original = pipeline.analyse_episode

    def counting(path, *args):
        calls.append(path.name)
        return original(path, *args)

    monkeypatch.setattr(pipeline, "analyse_episode", counting)
    return calls


def test_only_changed_episodes_are_analysed_again(tmp_path, monkeypatch):
    root = make_project(tmp_path, {"a.txt": "Ada: The moon has craters.\n", "b.txt": "Bob: Stars are far.\n"})
    calls = count_analyses(monkeypatch)
    first = analyse_site(Project(root))
    assert sorted(calls) == ["a.txt", "b.txt"]
    (root / "content/episodes/b.txt").write_text("Bob: Stars are very far away.\n")
    second = analyse_site(Project(root))
    assert sorted(calls) == ["a.txt", "b.txt", "b.txt"]
    assert first.episodes[0] == second.episodes[0]
    assert "very far" in second.episodes[1].passages[0].text.text


def test_a_glossary_change_or_a_damaged_entry_means_analysing_again(tmp_path, monkeypatch):
    root = make_project(tmp_path, {"a.txt": "Ada: The moon has craters.\n"})
    calls = count_analyses(monkeypatch)
    analyse_site(Project(root))
    (root / "content/glossary.yml").write_text(
        "terms:\n  - id: crater\n    term: Crater\n    kind: concept\n    definition: A bowl-shaped hole.\n")
    model = analyse_site(Project(root))
    assert len(calls) == 2 and [m.text for m in model.episodes[0].mentions] == ["craters"]
    for entry in (root / ".podsite/cache").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    analyse_site(Project(root))
    assert len(calls) == 3
    assert len(list((root / ".podsite/cache").glob("*.pickle"))) == 1


def test_extracted_terms_are_reused_until_an_episode_changes(tmp_path, monkeypatch):
    nasa = (Path(__file__).parent / "fixtures/corpus/nasa-hwhap-ep114-value-of-the-moon.txt").read_text()
    root = make_project(tmp_path, {"moon.txt": nasa, "b.txt": "Bob: Stars are far.\n"})
    calls = []
    original = pipeline.extract_glossary
    monkeypatch.setattr(pipeline, "extract_glossary", lambda *args: calls.append(1) or original(*args))
    first = analyse_site(Project(root))
    second = analyse_site(Project(root))
    assert len(calls) == 1 and first.glossary and first.glossary == second.glossary
    assert first.episodes == second.episodes  # mentions of the extracted terms included
    (root / "content/episodes/b.txt").write_text("Bob: Stars are very far away.\n")
    analyse_site(Project(root))
    assert len(calls) == 2
