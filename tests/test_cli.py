"""The `podsite` command as a user meets it: help, exit codes, and messages."""

import re
import subprocess
import sys

import pytest

from generator.cli import main
from generator.config import Project
from generator.lock import project_lock
from tests.conftest import make_project

COMMANDS = ["build", "serve", "generate", "clean"]


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_explains_itself(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert f"usage: podsite {command}" in result.stdout
    assert "--project" in result.stdout


def test_top_level_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


def test_bad_transcript_exits_1_with_path_and_line_and_no_traceback(tmp_path):
    project = make_project(tmp_path, {"bad.srt": "1\n00:00:01,000 --> 00:00:0x,000\nHello\n"})
    result = run("generate", "--project", str(project))
    assert result.returncode == 1
    assert "bad.srt:2:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "docs" / "index.md").exists()


def test_missing_episodes_folder_is_explained(tmp_path):
    result = run("generate", "--project", str(tmp_path))
    assert result.returncode == 1
    assert "content/episodes" in result.stderr


def test_generate_writes_pages_and_reports_counts(tmp_path, caplog):
    project = make_project(tmp_path, {"talk.txt": "Ada: Reinforcement learning is fun.\n\nBob: It is.\n"})
    assert main(["--project", str(project), "generate"]) == 0
    assert (project / "docs" / "index.md").exists()
    assert (project / "docs" / "knowledge.json").exists()
    assert any("generated" in message for message in caplog.messages)


def test_options_work_after_the_command_name(tmp_path):
    project = make_project(tmp_path, {"talk.txt": "Ada: Hello there, this is a talk.\n"})
    assert main(["generate", "--project", str(project), "-q"]) == 0


def test_a_site_whose_episodes_read_as_another_language_says_which_setting_to_change(tmp_path, caplog):
    from tests.test_ingest import MOON
    root = make_project(tmp_path / "site", {"mond.txt": f"Ada: {MOON['de']}\n\nBo: {MOON['de']}\n"})
    assert main(["--project", str(root), "generate"]) == 0
    assert ("1 of 1 episodes read as 'de' but the site's language is 'en'; "
            "set `language: de` in site_config/podsite.yml") in caplog.text
    (root / "site_config" / "podsite.yml").write_text("language: de\n", encoding="utf-8")
    caplog.clear()
    assert main(["--project", str(root), "generate"]) == 0
    assert "read as" not in caplog.text


def test_a_site_with_no_transcripts_says_what_to_add(tmp_path, capsys):
    root = make_project(tmp_path / "site", {})
    assert main(["--project", str(root), "generate"]) != 0
    message = capsys.readouterr().err
    assert "content/episodes: has no transcripts (" in message and ".srt" in message and "podsite add" in message


def test_files_in_the_episodes_folder_that_are_not_transcripts_are_named(tmp_path, caplog):
    root = make_project(tmp_path / "site", {"moon.txt": "Ada: Hello.\n\nBo: Hi.\n", "moon.yml": "title: Moon\n",
                                            "notes.docx": "binary", "cover.jpg": "jpeg", "ghost.yml": "title: G\n"})
    assert main(["--project", str(root), "generate"]) == 0
    left_out = [r.getMessage() for r in caplog.records if "left out" in r.getMessage()]
    assert [m.split(":")[0].rsplit("/", 1)[-1] for m in left_out] == ["cover.jpg", "ghost.yml", "notes.docx"]
    assert "ghost.yml: a sidecar with no transcript named ghost.* beside it" in left_out[1]
    assert "not a transcript Podsite reads (.ass, " in left_out[0]


def test_ctrl_c_ends_with_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    import generator.cli as cli
    root = make_project(tmp_path / "site", {"moon.txt": "Ada: Hello.\n\nBo: Hi.\n"})

    def pressed_ctrl_c(project):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_site", pressed_ctrl_c)
    assert main(["--project", str(root), "generate"]) == 130
    assert capsys.readouterr().err == "interrupted: no page was left half-written; run the command again to finish\n"


@pytest.mark.parametrize("line, key", [("docs_dir: pages", "docs_dir"), ("site_dir: docs/site", "site_dir")])
def test_an_mkdocs_yml_that_moves_the_folders_is_refused_at_its_line(tmp_path, capsys, line, key):
    root = make_project(tmp_path / "site", {"moon.txt": "Ada: Hello.\n\nBo: Hi.\n"})
    config = root / "mkdocs.yml"
    config.write_text(f"{line}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["--project", str(root), "generate"]) == 1
    assert f"mkdocs.yml:1: {key}: " in capsys.readouterr().err
    assert [p.name for p in (root / "docs").iterdir()] == ["about.md"]  # nothing written


def test_a_setting_written_twice_in_mkdocs_yml_is_refused_at_its_second_line(tmp_path, capsys):
    """MkDocs would silently keep the last `theme:` and drop the first one's features."""
    root = make_project(tmp_path / "site", {"moon.txt": "Ada: Hello.\n\nBo: Hi.\n"})
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "theme:\n  name: mkdocs\n", encoding="utf-8")
    assert main(["--project", str(root), "generate"]) == 1
    first = text[:text.index("\ntheme:") + 1].count("\n") + 1
    assert f"mkdocs.yml:{text.count(chr(10)) + 1}: 'theme' is set twice (line {first} too)" in capsys.readouterr().err


@pytest.mark.parametrize("text, expected", [
    ("- site_name: Moon\n", "mkdocs.yml:1: expected MkDocs settings as `key: value` lines"),
    ("", "mkdocs.yml:1: expected MkDocs settings as `key: value` lines (site_name: My site, theme: ...), found nothing"),
    ("site_name: Moon\ntheme:\n  name: material\n features: []\n", "mkdocs.yml:4: is not valid YAML"),
    ("site_name: Moon\x00\n", "mkdocs.yml:1: holds a character YAML does not allow (U+0000)"),
])
def test_an_mkdocs_yml_that_is_no_settings_is_refused_at_its_line(tmp_path, capsys, text, expected):
    root = make_project(tmp_path / "site", {"moon.txt": "Ada: Hello.\n\nBo: Hi.\n"})
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert main(["--project", str(root), "build"]) == 1
    assert expected in capsys.readouterr().err


def test_a_nav_entry_for_a_page_that_does_not_exist_is_reported_at_its_line(tmp_path, capsys):
    root = make_project(tmp_path / "site", {"moon.txt": "Ada: Hello.\n\nBo: Hi.\n"})
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nnav:\n", "\nnav:\n  - Gone: gone.md\n"), encoding="utf-8")
    line = text[:text.index("\nnav:\n")].count("\n") + 3
    assert main(["--project", str(root), "build"]) == 1
    assert f"mkdocs.yml:{line}: MkDocs build failed" in capsys.readouterr().err


def test_a_setting_mkdocs_rejects_is_reported_at_its_line(tmp_path, capsys):
    root = make_project(tmp_path / "site", {"moon.txt": "Ada: Hello.\n\nBo: Hi.\n"})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nthem: typo\n", encoding="utf-8")
    line = config.read_text(encoding="utf-8").count("\n")
    assert main(["--project", str(root), "build"]) == 1
    error = capsys.readouterr().err
    assert "Config value 'them'" in error and f"mkdocs.yml:{line}: MkDocs build failed" in error


def test_an_episode_no_configured_topic_fits_is_named_in_a_warning(tmp_path, caplog):
    """Pinning a few discovered topics leaves the other episodes on no topic page: say so."""
    topics = ("topics:\n  - id: bees\n    title: Bees\n    description: Keeping bees.\n"
              "    keywords: [bees, hive, honey]\n")
    root = make_project(tmp_path / "site", {"bees.txt": "Ada: Our bees filled the hive with honey.\n\nBo: Good bees.\n",
                                            "coffee.txt": "Ada: The roast was dark.\n\nBo: Coffee beans, yes.\n"})
    (root / "site_config" / "topics.yml").write_text(topics, encoding="utf-8")
    assert main(["--project", str(root), "generate"]) == 0
    assert "content/episodes/coffee.txt: no passage fits a topic of site_config/topics.yml" in caplog.text
    assert "bees.txt: no passage" not in caplog.text


def test_two_episodes_with_one_title_are_named_in_a_warning(tmp_path, caplog):
    root = make_project(tmp_path / "site", {"a.txt": "Ada: Hello.\n\nBo: Hi.\n", "a.yml": "title: Rockets\n",
                                            "b.txt": "Ada: Again.\n\nBo: Yes.\n", "b.yml": "title: rockets\n"})
    assert main(["--project", str(root), "generate"]) == 0
    assert "content/episodes/b.txt: has the same title as content/episodes/a.txt ('rockets')" in caplog.text


def test_ctrl_c_while_the_command_is_still_loading_ends_quietly(monkeypatch, capsys):
    class Interrupting:  # Ctrl-C arriving while Python imports spaCy and MkDocs
        def find_spec(self, name, path=None, target=None):
            if name == "generator.cli":
                raise KeyboardInterrupt
            return None

    monkeypatch.delitem(sys.modules, "generator.cli")
    monkeypatch.setattr(sys, "meta_path", [Interrupting(), *sys.meta_path])
    from generator import console
    assert console.main() == 130
    assert capsys.readouterr().err == "interrupted before anything was read or written\n"


def test_a_second_run_on_a_project_being_written_stops_with_a_clear_message(tmp_path):
    """Two builds at once would clear each other's staging folders: the second one waits for nothing, it stops."""
    root = make_project(tmp_path / "site", {"moon.txt": "Ada: Hello.\n\nBo: Hi.\n"})
    with project_lock(Project(root)):
        second = subprocess.run([sys.executable, "-m", "generator", "--project", str(root), "generate"],
                                capture_output=True, text=True)
    assert second.returncode == 1 and "Traceback" not in second.stderr
    assert re.search(r"lock: another podsite run \(process \d+\) is writing this project", second.stderr)
    assert not (root / "docs" / "index.md").exists()
    assert main(["--project", str(root), "generate"]) == 0  # the lock goes with the run that held it
