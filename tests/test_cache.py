"""The per-episode cache: reused while nothing it depends on changes."""

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
