"""Settings, topics and glossary: typos and wrong values are reported with file:line."""

import re

import pytest

from generator.config import Project, Settings, load_glossary, load_settings, load_topics
from generator.errors import ConfigError


def project_with(tmp_path, **files):
    for relative, text in files.items():
        path = tmp_path / relative.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return Project(tmp_path)


def test_missing_settings_give_the_documented_defaults(tmp_path):
    assert load_settings(Project(tmp_path)) == Settings()


def test_unknown_setting_names_line_and_suggests_the_right_key(tmp_path):
    project = Project(tmp_path)
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config/podsite.yml").write_text("title: X\nlink_term: all\n")
    with pytest.raises(ConfigError, match=r"podsite.yml:2: unknown key 'link_term' \(did you mean 'link_terms'\?\)"):
        load_settings(project)


def test_wrong_choice_is_reported_with_the_allowed_values(tmp_path):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config/podsite.yml").write_text("link_terms: sometimes\n")
    with pytest.raises(ConfigError, match=r"podsite.yml:1: 'link_terms': expected first or all or none"):
        load_settings(Project(tmp_path))


def test_invalid_yaml_names_the_line(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/glossary.yml").write_text("terms:\n  - id: a\n    term: [unclosed\n")
    with pytest.raises(ConfigError, match=r"glossary.yml:\d+: is not valid YAML"):
        load_glossary(Project(tmp_path))


GLOSSARY = """terms:
  - id: rl
    term: Reinforcement learning
    kind: concept
    definition: Learning from reward.
    aliases: [RL]
  - id: rlhf
    term: RLHF
    kind: concept
    definition: RL from human feedback.
    aliases: [rl]
"""


def test_an_alias_used_by_two_terms_is_an_error(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/glossary.yml").write_text(GLOSSARY)
    with pytest.raises(ConfigError, match=r"glossary.yml:11: alias 'rl' of 'rlhf' is already used by 'rl'"):
        load_glossary(Project(tmp_path))


@pytest.mark.parametrize("aliases, line, message", [
    ("[the]", 6, "'the' (aliases of 'rl') is only common words"),
    ("[RL, of it]", 6, "'of it' (aliases of 'rl') is only common words"),
])
def test_an_alias_of_only_common_words_is_an_error_at_its_line(tmp_path, aliases, line, message):
    """It would link 'the' hundreds of times on every page."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content/glossary.yml").write_text(GLOSSARY.replace("aliases: [RL]", f"aliases: {aliases}"))
    with pytest.raises(ConfigError, match=rf"glossary.yml:{line}: {re.escape(message)}"):
        load_glossary(Project(tmp_path))


def test_common_words_in_capitals_or_inside_a_phrase_are_fine(tmp_path):
    """'US' and 'IT' match only in capitals; 'the' inside 'The Bitter Lesson' is part of a name."""
    (tmp_path / "content").mkdir()
    text = GLOSSARY.split("  - id: rlhf")[0].replace("aliases: [RL]", "aliases: [RL, US, The Bitter Lesson]")
    (tmp_path / "content/glossary.yml").write_text(text)
    assert load_glossary(Project(tmp_path))[0].aliases == ("RL", "US", "The Bitter Lesson")


def test_common_words_are_those_of_the_sites_language(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config/podsite.yml").write_text("language: de\n")
    (tmp_path / "content/glossary.yml").write_text(GLOSSARY.replace("aliases: [RL]", "aliases: [the, und]"))
    with pytest.raises(ConfigError, match=r"glossary.yml:6: 'und' \(aliases of 'rl'\) is only common words"):
        load_glossary(Project(tmp_path))


def test_a_misheard_form_used_by_another_term_is_an_error_at_its_line(tmp_path):
    (tmp_path / "content").mkdir()
    text = GLOSSARY.replace("    aliases: [rl]\n", "    aliases: [R.L.H.F.]\n    misheard: [Are El]\n") \
        .replace("    aliases: [RL]\n", "    aliases: [RL]\n    misheard: [are el]\n")
    (tmp_path / "content/glossary.yml").write_text(text)
    with pytest.raises(ConfigError, match=r"glossary.yml:13: alias 'Are El' of 'rlhf' is already used by 'rl'"):
        load_glossary(Project(tmp_path))


def test_a_list_written_without_brackets_is_an_error_that_shows_both_readings(tmp_path):
    (tmp_path / "content").mkdir()
    one_term = GLOSSARY.split("  - id: rlhf")[0]
    (tmp_path / "content/glossary.yml").write_text(one_term.replace("aliases: [RL]", "aliases: RL, R.L."))
    with pytest.raises(ConfigError, match=r"glossary.yml:6: 'aliases': expected a list in brackets, found 'RL, R.L.'; "
                                          r"for example: aliases: \[RL, R.L.\] \(or, for one value"):
        load_glossary(Project(tmp_path))
    (tmp_path / "content/glossary.yml").write_text(one_term.replace("aliases: [RL]", "aliases: RL"))
    assert load_glossary(Project(tmp_path))[0].aliases == ("RL",)  # one value needs no brackets


def test_bad_kind_and_missing_definition(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/glossary.yml").write_text("terms:\n  - id: x\n    term: X\n    kind: thing\n    definition: d\n")
    with pytest.raises(ConfigError, match=r"glossary.yml:4: 'kind': expected concept \| system"):
        load_glossary(Project(tmp_path))
    (tmp_path / "content/glossary.yml").write_text("terms:\n  - id: x\n    term: X\n    kind: concept\n")
    with pytest.raises(ConfigError, match=r"glossary.yml:2: missing required key 'definition'"):
        load_glossary(Project(tmp_path))


def test_topic_naming_an_unknown_term_suggests_the_near_one(tmp_path):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config/topics.yml").write_text(
        "topics:\n  - id: a\n    title: A\n    description: d\n    terms: [alpahgo]\n")
    with pytest.raises(ConfigError, match=r"topics.yml:5: .*unknown glossary term 'alpahgo' \(did you mean 'alphago'\?\)"
                                          r" \(terms found automatically exist only while .* put the word under keywords"):
        load_topics(Project(tmp_path), {"alphago", "dqn"})
    with pytest.raises(ConfigError, match=r"topics.yml:5: .*unknown glossary term 'alpahgo'"):
        load_topics(Project(tmp_path), set())  # a site with no terms at all, curated or found


def test_the_real_project_files_load(tmp_path):
    from pathlib import Path
    project = Project(Path(__file__).resolve().parents[1])
    glossary = load_glossary(project)
    topics = load_topics(project, {t.id for t in glossary})
    assert load_settings(project).topics == "configured"
    assert [t.id for t in topics] == ["rl-history", "pretraining", "reasoning-models", "physics-perspective"]


def test_every_setting_is_documented_in_the_readme():
    import dataclasses
    from pathlib import Path
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for field in dataclasses.fields(Settings):
        assert f"| `{field.name}` |" in readme, field.name


def test_ci_runs_the_readme_test_command():
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    assert "make test" in (root / "README.md").read_text()
    assert "make test" in (root / ".ci" / "run").read_text()


def test_ids_of_generated_index_pages_are_refused(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/glossary.yml").write_text("terms:\n  - id: people\n    term: People\n    kind: concept\n    definition: d\n")
    with pytest.raises(ConfigError, match=r"glossary.yml:2: id 'people' is the name of a generated index page"):
        load_glossary(Project(tmp_path))


@pytest.mark.parametrize("settings, message", [
    ("passage_words: 0\n", r"podsite.yml:1: 'passage_words': expected a whole number of at least 1, found 0"),
    ("auto_terms: 10\nauto_terms: -1\n", r"podsite.yml:2: is not valid YAML: key 'auto_terms' appears twice"),
    ("auto_terms: -1\n", r"podsite.yml:1: 'auto_terms': expected a whole number of at least 0"),
    ("title: ''\n", r"podsite.yml:1: 'title': expected text, found ''"),
    ("audio_base_url: javascript:alert(1)//\n", r"podsite.yml:1: 'audio_base_url': expected an http:// or https:// "
                                               r"address, found 'javascript:alert\(1\)//'; for example: audio_base_url: https://"),
    ("site_url: example.org\n", r"podsite.yml:1: 'site_url': expected an http:// or https:// address"),
    ("title: T\nlanguage: klingon\n", r"podsite.yml:2: 'language': expected a language code spaCy knows, found 'klingon'"),
    ("spacy_pipeline: en_core_web_xl_missing\n", r"podsite.yml:1: 'spacy_pipeline': expected blank or an installed"),
    ("- title: X\n", r"podsite.yml:1: expected a mapping of keys to values \(key: value\), found \[\{'title': 'X'\}\]"),
    ("title: T\nauto_terms: 1\x00\n", r"podsite.yml:2: holds a character YAML does not allow \(U\+0000\); remove it"),
])
def test_settings_that_would_hang_or_mislead_are_refused_with_the_line(tmp_path, settings, message):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config/podsite.yml").write_text(settings)
    with pytest.raises(ConfigError, match=message):
        load_settings(Project(tmp_path))


@pytest.mark.parametrize("entry, message", [
    ("  - id: a\n    term: ''\n    kind: concept\n    definition: d\n", r"glossary.yml:3: 'term': expected text, found ''"),
    ("  - id: a\n    term: A\n    kind: concept\n    definition: '  '\n", r"glossary.yml:5: 'definition': expected text"),
    ("  - id: a\n    term: A\n    kind: concept\n    definition: d\n    aliases: ['', B]\n",
     r"glossary.yml:6: 'aliases': expected a list of text values, found \['', 'B'\]"),
    ("  - id: a\n    term: A\n    term: B\n    kind: concept\n    definition: d\n",
     r"glossary.yml:4: is not valid YAML: key 'term' appears twice in one mapping"),
    ("  - id: a\n    term: Alpha\n    kind: concept\n    definition: d\n    see_also: [b]\n",
     r"glossary.yml:6: 'a': see_also names unknown term 'b'"),
    ("  - [a, b]\n", r"glossary.yml:2: expected a mapping of keys to values \(key: value\), found \['a', 'b'\]"),
    ("  - id: a\n    term: A\n    kind: event\n    definition: d\n    year: 99999999999\n",
     r"glossary.yml:6: 'year': expected a year of at most four digits \(negative for BCE\), found 99999999999"),
])
def test_empty_duplicate_and_dangling_glossary_values_are_reported_with_the_line(tmp_path, entry, message):
    (tmp_path / "content").mkdir()
    (tmp_path / "content/glossary.yml").write_text("terms:\n" + entry)
    with pytest.raises(ConfigError, match=message):
        load_glossary(Project(tmp_path))
