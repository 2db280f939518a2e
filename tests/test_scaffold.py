"""`podsite new`, `podsite add` and `podsite glossary import`: a new project builds strictly,
transcripts and glossaries come in checked, and nothing a user wrote is ever overwritten."""

import argparse
import dataclasses
import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import cli_project
from generator.cli import main
from generator.config import Project, Settings, load_glossary, load_settings, load_topics
from generator.errors import ConfigError, PodsiteError, TranscriptError
from generator.glossary_import import expansions, import_glossary, term_id
from generator.ingest import read_transcript
from generator.ingest.metadata import read_sidecar
from generator import scaffold
from generator.scaffold import TEMPLATES, add_transcript, new_project, template_files

REPO = Path(__file__).resolve().parents[1]
FORMATS = REPO / "tests" / "fixtures" / "formats"
SPACELOG_GLOSSARY = REPO / "tests" / "fixtures" / "glossaries" / "spacelog-glossary-space.json"
PROMISED = {
    "README.md", ".gitignore", ".github/workflows/site.yml", "mkdocs.yml",
    "content/episodes/.gitkeep", "content/glossary.yml",
    "site_config/podsite.yml", "site_config/topics.yml", "site_config/overrides/.gitkeep",
    "docs/about.md", "requirements.txt",
}


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml names a Python function with !!python/name; read it as text."""


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def project(tmp_path) -> Project:
    new_project(tmp_path / "moon-talk")
    return Project(tmp_path / "moon-talk")


# podsite new -----------------------------------------------------------------------------

def test_new_project_has_every_promised_file_and_no_placeholder(tmp_path):
    written = new_project(tmp_path / "moon-talk")
    root = tmp_path / "moon-talk"
    assert files_under(root) == PROMISED
    assert {p.relative_to(root).as_posix() for p in written} == PROMISED
    for path in written:
        assert not re.search(r"\{\{\w+\}\}", path.read_text("utf-8")), path
    mkdocs = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=_MkDocsLoader)
    assert mkdocs["site_name"] == "Moon Talk"
    assert (root / "README.md").read_text("utf-8").startswith("# Moon Talk\n")


def test_new_project_settings_topics_and_glossary_load_as_automatic_defaults(project):
    assert load_settings(project) == Settings(title="Moon Talk")
    assert load_topics(project, set()) is None  # the pipeline then discovers topics
    assert load_glossary(project) == ()


def test_site_name_with_yaml_html_and_markdown_characters_is_kept_exactly(tmp_path):
    name = 'Talk: "Moon" & #more <b>live</b>'
    new_project(tmp_path / "x", site_name=name)
    mkdocs = yaml.load((tmp_path / "x" / "mkdocs.yml").read_text("utf-8"), Loader=_MkDocsLoader)
    assert html.unescape(mkdocs["site_name"]) == name and "<b>" not in mkdocs["site_name"]  # the theme prints it as HTML
    assert '"' not in mkdocs["site_name"]  # also inside attributes: aria-label="..." 
    assert load_settings(Project(tmp_path / "x")).title == name


def test_every_setting_is_documented_with_its_default(project):
    text = project.settings_path.read_text("utf-8")
    for field in dataclasses.fields(Settings):
        if field.name == "title":
            continue  # set to the site name
        line = next((l for l in text.splitlines() if l.startswith(f"# {field.name}: ")), None)
        assert line is not None, f"site_config/podsite.yml does not document '{field.name}'"
        assert yaml.safe_load(line[2:]) == {field.name: field.default}, line


def test_scaffold_engine_settings_match_the_repository():
    scaffold = (TEMPLATES / "mkdocs.yml").read_text("utf-8")
    repo = (REPO / "mkdocs.yml").read_text("utf-8")
    assert scaffold[scaffold.index("docs_dir:"):] == repo[repo.index("docs_dir:"):]


def test_template_paths_have_no_dotfiles_that_packaging_would_skip():
    for template, _ in template_files():
        assert not any(part.startswith(".") for part in template.relative_to(TEMPLATES).parts), template


def test_new_refuses_a_non_empty_folder_and_writes_nothing(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(PodsiteError, match=rf"{tmp_path}: is not empty"):
        new_project(tmp_path)
    assert files_under(tmp_path) == {"notes.txt"}
    with pytest.raises(PodsiteError, match="is not a folder"):
        new_project(tmp_path / "notes.txt")
    with pytest.raises(PodsiteError, match=r"notes.txt: is a file, so no folder can be made inside it"):
        new_project(tmp_path / "notes.txt" / "site")
    assert files_under(tmp_path) == {"notes.txt"}


def test_new_project_builds_strictly_with_discovered_topics(project):
    add_transcript(project, FORMATS / "labelled.txt")
    assert main(["--project", str(project.root), "-q", "build"]) == 0
    home = project.site_dir / "index.html"
    assert "Moon Talk" in home.read_text("utf-8")
    topic_pages = [p for p in (project.site_dir / "topics").iterdir() if p.is_dir()]
    assert topic_pages and all((p / "index.html").exists() for p in topic_pages)
    assert (project.site_dir / "about" / "index.html").exists()


class _Installed:
    """What importlib.metadata knows of an installed Podsite: its version and PEP 610 origin."""

    def __init__(self, origin: str | None):
        self.version, self.origin = "0.3.1", origin

    def read_text(self, name):
        return self.origin if name == "direct_url.json" else None


@pytest.mark.parametrize("origin, requirement, reachable", [
    (None, "podsite==0.3.1", True),  # from the package index
    ('{"url": "https://github.com/ann/podsite", "vcs_info": {"vcs": "git", "commit_id": "4f2a9c1"}}',
     "podsite @ git+https://github.com/ann/podsite@4f2a9c1", True),
    ('{"url": "https://example.org/podsite-0.3.1.tar.gz", "archive_info": {}}',
     "podsite @ https://example.org/podsite-0.3.1.tar.gz", True),
    ('{"url": "file:///home/ann/podsite", "dir_info": {"editable": true}}', scaffold.UNKNOWN_SOURCE, False),
])
def test_a_new_projects_requirements_install_the_podsite_that_made_it(tmp_path, monkeypatch, caplog, origin,
                                                                        requirement, reachable):
    """CI installs what requirements.txt names; a local folder is out of its reach, and the user is told."""
    monkeypatch.setattr(scaffold.importlib.metadata, "distribution", lambda name: _Installed(origin))
    new_project(tmp_path / "site")
    lines = (tmp_path / "site/requirements.txt").read_text("utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [requirement]
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    if reachable:
        assert not warned
    else:
        assert warned and "/home/ann/podsite" in warned[0] and "requirements.txt" in warned[0]


def test_ci_workflow_builds_and_deploys_to_github_pages(project):
    workflow = yaml.safe_load((project.root / ".github/workflows/site.yml").read_text("utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert "pip install -r requirements.txt" in runs and "podsite build" in runs
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_gitignore_keeps_built_and_generated_files_out(project):
    ignored = (project.root / ".gitignore").read_text("utf-8").splitlines()
    assert {"/site/", "/.podsite/", "/docs/*", "!/docs/about.md"} <= set(ignored)


# podsite add -----------------------------------------------------------------------------

def test_add_copies_the_transcript_and_writes_a_stub_with_what_it_found(project):
    copied, stub = add_transcript(project, FORMATS / "labelled.txt", date="2024-05-01")
    assert copied == project.episodes_dir / "labelled.txt"
    assert copied.read_bytes() == (FORMATS / "labelled.txt").read_bytes()
    assert stub == project.episodes_dir / "labelled.yml"
    sidecar = read_sidecar(copied, ())
    assert (sidecar.title, sidecar.date, sidecar.hosts) == ("Labelled", "2024-05-01", ("Ada Lovelace",))
    assert "# audio_url:" in stub.read_text("utf-8")


def test_add_counts_the_words_of_text_written_without_spaces(project, tmp_path):
    """Chinese writes no spaces between words: each character counts, as the site counts them."""
    source = tmp_path / "zh.txt"
    source.write_text("主持人：欢迎收听本期节目。\n\n嘉宾：谢谢，很高兴来到这里。\n\n主持人：我们开始吧。\n", encoding="utf-8")
    copied, _ = add_transcript(project, source)
    assert scaffold.found_in(read_transcript(copied, project.root)) == (
        "labelled, 2 speakers: 主持人, 嘉宾; 22 words")  # 8 + 9 + 5 characters, no punctuation; 嘉宾 is "guest"


def test_add_keeps_the_speaker_names_of_a_sidecar_beside_the_source_and_any_name_stays_in_its_comment(project, tmp_path):
    source = tmp_path / "ids.json"
    source.write_text(json.dumps({"segments": [
        {"start": 0, "text": "Hello.", "speaker": "SPEAKER_00"}, {"start": 1, "text": "Hi.", "speaker": "SPEAKER_01"},
        {"start": 2, "text": "Hey.", "speaker": "Odd\nname: here\u2028foo: bar"}]}), encoding="utf-8")
    (tmp_path / "ids.yml").write_text("speakers: {SPEAKER_00: Ann Lee, SPEAKER_01: Bob Ray}\n", encoding="utf-8")
    copied, stub = add_transcript(project, source)
    assert [b.speaker for b in read_transcript(copied, project.root).blocks][:2] == ["Ann Lee", "Bob Ray"]
    assert "Odd name: here foo: bar" in stub.read_text("utf-8")  # a comment on one line, not keys


def test_a_failed_add_leaves_nothing_behind(project, monkeypatch):
    monkeypatch.setattr(scaffold, "metadata_stub", lambda *args: "title: [unclosed\n")
    with pytest.raises(PodsiteError):
        add_transcript(project, FORMATS / "labelled.txt")
    assert sorted(p.name for p in project.episodes_dir.iterdir()) == [".gitkeep"]  # as `podsite new` left it


def test_add_of_a_diarized_transcript_shows_how_to_name_its_speakers(project):
    copied, stub = add_transcript(project, FORMATS / "apple-podcasts.ttml")
    hint = next(line for line in stub.read_text("utf-8").splitlines() if line.startswith("# speakers:"))
    stub.write_text(stub.read_text("utf-8").replace(hint, hint[2:].replace("Name 1", "Ann Lee")), "utf-8")
    assert read_transcript(copied, project.root).blocks[0].speaker == "Ann Lee"  # uncommented, it names them


def test_add_takes_the_metadata_of_a_sidecar_beside_the_source(project):
    _, stub = add_transcript(project, FORMATS / "plain.txt", title="Samples")
    sidecar = read_sidecar(stub.with_suffix(".txt"), ())
    assert sidecar.title == "Samples"
    assert (sidecar.date, sidecar.podcast) == ("2023-07-20", "Moon Talk")
    assert sidecar.guests == ("Charles Babbage", "Mary Somerville")
    assert sidecar.audio_url == "https://example.org/lunar-samples.mp3"


def test_add_again_keeps_the_edited_stub(project):
    _, stub = add_transcript(project, FORMATS / "labelled.txt")
    stub.write_text("title: My own title\n", encoding="utf-8")
    add_transcript(project, FORMATS / "labelled.txt")
    assert stub.read_text("utf-8") == "title: My own title\n"


def test_add_refuses_a_binary_file_and_copies_nothing(project, tmp_path):
    noise = tmp_path / "noise.txt"
    noise.write_bytes(b"ID3\x03\x00\x00\x00\x00\x0f" + bytes(range(256)))
    with pytest.raises(TranscriptError, match=rf"{noise}:1: .*binary"):
        add_transcript(project, noise)
    assert files_under(project.episodes_dir) == {".gitkeep"}


def test_add_refuses_to_replace_a_different_transcript_of_the_same_name(project, tmp_path):
    (project.episodes_dir / "labelled.txt").write_text("Host: something else entirely.\n")
    with pytest.raises(PodsiteError, match="already exists with different content"):
        add_transcript(project, FORMATS / "labelled.txt")
    assert (project.episodes_dir / "labelled.txt").read_text() == "Host: something else entirely.\n"
    assert not (project.episodes_dir / "labelled.yml").exists()


def test_add_refuses_what_the_pipeline_would_not_read(project, tmp_path):
    audio = tmp_path / "episode.mp3"
    audio.write_bytes(b"not really audio")
    with pytest.raises(PodsiteError, match=r"extension '\.mp3'"):
        add_transcript(project, audio)
    with pytest.raises(PodsiteError, match="--date: expected YYYY-MM-DD"):
        add_transcript(project, FORMATS / "labelled.txt", date="13/03/2025")
    with pytest.raises(PodsiteError, match="--date: expected YYYY-MM-DD") as error:
        add_transcript(project, FORMATS / "labelled.txt", date="20250313")
    assert str(error.value).startswith("--date: ")  # an option, not a file: no "<input>:" before it
    with pytest.raises(PodsiteError, match="is this a podsite project"):
        add_transcript(Project(tmp_path / "elsewhere"), FORMATS / "labelled.txt")
    assert files_under(project.episodes_dir) == {".gitkeep"}


# podsite glossary import -------------------------------------------------------------------

def test_spacelog_glossary_imports_into_a_loadable_glossary(project):
    header = project.glossary_path.read_text("utf-8").split("terms:")[0]
    report = import_glossary(project, SPACELOG_GLOSSARY)
    assert report.added == ("aos", "los", "beco", "seco", "drogue", "max-q", "delta-v", "rcs", "bef", "sef")
    terms = {t.id: t for t in load_glossary(project)}
    assert set(terms) == set(report.added)
    rcs = terms["rcs"]
    assert (rcs.term, rcs.kind, rcs.aliases) == ("RCS", "concept", ("Reaction control system",))
    assert terms["los"].aliases == ("Loss of signal",)
    assert terms["delta-v"].term == "ΔV"
    assert terms["drogue"].definition.startswith("A parachute fired before the main parachute")
    assert terms["drogue"].aliases == ("Drogue parachute",)
    text = project.glossary_path.read_text("utf-8")
    assert text.startswith(header)
    ids = [line.split("id: ")[1] for line in text.splitlines() if line.startswith("  - id: ")]
    assert ids == sorted(ids)


def test_import_again_skips_everything_and_changes_nothing(project):
    import_glossary(project, SPACELOG_GLOSSARY)
    before = project.glossary_path.read_bytes()
    report = import_glossary(project, SPACELOG_GLOSSARY)
    assert report.added == () and len(report.skipped) == 10
    assert project.glossary_path.read_bytes() == before


def test_import_never_overwrites_an_existing_entry(project):
    own = ("  - id: rcs\n    term: RCS\n    kind: system\n    definition: >-\n"
           "      Our own words: small thrusters that turn the spacecraft.  # curated\n")
    project.glossary_path.write_text("# My glossary.\nterms:\n" + own, encoding="utf-8")
    report = import_glossary(project, SPACELOG_GLOSSARY)
    assert "rcs" not in report.added and report.skipped == (("rcs", "'RCS' is already in the glossary as 'rcs'"),)
    text = project.glossary_path.read_text("utf-8")
    assert text.startswith("# My glossary.\nterms:\n") and own in text
    assert {t.id: t for t in load_glossary(project)}["rcs"].kind == "system"


def test_import_beside_an_entry_whose_id_is_written_as_a_number(project, tmp_path):
    project.glossary_path.write_text("terms:\n  - id: 123\n    term: Engine\n    kind: concept\n"
                                     "    definition: A machine.\n", encoding="utf-8")
    source = tmp_path / "more.csv"
    source.write_text("term,definition\nMill,Part of the engine that computes\n", encoding="utf-8")
    assert import_glossary(project, source).added == ("mill",)
    assert [t.id for t in load_glossary(project)] == ["123", "mill"]


def test_import_into_a_glossary_tied_by_yaml_anchors_names_it_and_writes_nothing(project, tmp_path):
    text = ("terms:\n  - id: zeta\n    term: Zeta\n    kind: concept\n    definition: &d A machine.\n"
            "  - id: alpha\n    term: Alpha\n    kind: concept\n    definition: *d\n")
    project.glossary_path.write_text(text, encoding="utf-8")
    source = tmp_path / "more.csv"
    source.write_text("term,definition\nMill,Part of the engine that computes\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{re.escape(str(project.glossary_path))}: the entries could not be merged"):
        import_glossary(project, source)
    assert project.glossary_path.read_text(encoding="utf-8") == text


def test_import_keeps_the_line_ends_a_glossary_is_written_with(project, tmp_path):
    project.glossary_path.write_bytes(b"# Mine\r\nterms:\r\n  - id: engine\r\n    term: Engine\r\n"
                                      b"    kind: concept\r\n    definition: A machine.\r\n")
    source = tmp_path / "more.csv"
    source.write_text("term,definition\nMill,Part of the engine that computes\n", encoding="utf-8")
    import_glossary(project, source)
    data = project.glossary_path.read_bytes()
    assert data.startswith(b"# Mine\r\nterms:\r\n") and b"Mill" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_import_into_the_seed_glossary_only_adds_lines(project):
    shutil.copy(REPO / "content" / "glossary.yml", project.glossary_path)
    original = project.glossary_path.read_text("utf-8").splitlines()
    report = import_glossary(project, SPACELOG_GLOSSARY)
    merged = iter(project.glossary_path.read_text("utf-8").splitlines())
    assert all(any(line == other for other in merged) for line in original)  # original lines, in order
    assert len(load_glossary(project)) == len(load_glossary(Project(REPO))) + len(report.added)


def test_csv_import_with_aliases_kinds_and_years(project, tmp_path):
    source = tmp_path / "terms.csv"
    source.write_text("term,definition,aliases,kind,year\n"
                      'Saturn V,"The rocket that carried Apollo crews to the Moon, in three stages.",'
                      "Saturn five; S-V,system,1967\n"
                      "Neil Armstrong,Commander of Apollo 11 and first person on the Moon.,,person,\n", encoding="utf-8")
    report = import_glossary(project, source)
    terms = {t.id: t for t in load_glossary(project)}
    assert report.added == ("saturn-v", "neil-armstrong")
    assert terms["saturn-v"].aliases == ("Saturn five", "S-V") and terms["saturn-v"].year == 1967
    assert terms["saturn-v"].definition.endswith("in three stages.")
    assert terms["neil-armstrong"].kind == "person"


def test_csv_with_a_malformed_row_reports_path_and_line_and_writes_nothing(project, tmp_path):
    source = tmp_path / "terms.csv"
    source.write_text("term,definition\nAOS,Acquisition of signal\nLOS,Loss of signal, or line of sight\n")
    before = project.glossary_path.read_bytes()
    with pytest.raises(ConfigError, match=rf"{source}:3: has 3 fields, but the header has 2"):
        import_glossary(project, source)
    source.write_text("term,meaning\nAOS,Acquisition of signal\n")
    with pytest.raises(ConfigError, match=rf"{source}:1: unknown column 'meaning'"):
        import_glossary(project, source)
    assert project.glossary_path.read_bytes() == before


def test_yaml_import_reads_lists_and_podsite_terms_and_reports_lines(project, tmp_path):
    listed = tmp_path / "listed.yml"
    listed.write_text("- term: Regolith\n  definition: Loose dust and rock on the Moon.\n  aliases: [lunar soil]\n"
                      "- {term: Mare, definition: A dark basalt plain on the Moon., kind: place}\n")
    with pytest.raises(ConfigError, match=rf"{listed}:4: unknown kind 'place'"):
        import_glossary(project, listed)
    listed.write_text(listed.read_text().replace("place", "concept"))
    assert import_glossary(project, listed).added == ("regolith", "mare")
    own_format = tmp_path / "own.yaml"
    own_format.write_text("terms:\n  - id: apollo-11\n    term: Apollo 11\n    kind: event\n    year: 1969\n"
                          "    definition: The first crewed Moon landing.\n    see_also: [regolith]\n")
    assert import_glossary(project, own_format).added == ("apollo-11",)
    terms = {t.id: t for t in load_glossary(project)}
    assert terms["apollo-11"].see_also == ("regolith",) and terms["regolith"].aliases == ("lunar soil",)


def test_json_errors_name_the_line(project, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "AOS": {"summary": "Acquisition of signal"},\n  "LOS": {"summary": }\n}\n')
    with pytest.raises(ConfigError, match=rf"{broken}:3: is not valid JSON"):
        import_glossary(project, broken)
    odd = tmp_path / "odd.json"
    odd.write_text('{\n  "AOS": {"summary": "Acquisition of signal"},\n  "LOS": {"meaning": "Loss"}\n}\n')
    with pytest.raises(ConfigError, match=rf"{odd}:3: unknown key 'meaning'"):
        import_glossary(project, odd)


def test_a_glossary_nested_thousands_deep_is_an_error_not_a_crash(project, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ConfigError, match=rf"{deep}:1: nests lists or objects thousands of levels deep"):
        import_glossary(project, deep)


def test_a_name_the_glossary_already_has_is_not_given_to_a_second_term(project, tmp_path):
    source = tmp_path / "two.json"
    source.write_text('{"CM": {"summary": "Command module", "type": "abbreviation"},'
                      ' "CSM": {"summary": "Command and service module", "type": "abbreviation"},'
                      ' "C/M": "Also the command module, written differently."}')
    report = import_glossary(project, source)
    assert report.added == ("cm", "csm", "c-m")
    project.glossary_path.write_text(project.glossary_path.read_text().replace("[Command module]", "[Cmd module]"))
    other = tmp_path / "other.yml"
    other.write_text("Command module: The crew's cabin.\nCM2: {summary: Cmd module, type: abbreviation}\n")
    report = import_glossary(project, other)
    assert report.added == ("command-module", "cm2")
    assert report.dropped_aliases == (("cm2", "Cmd module", "'cm' already has it"),)


def test_common_words_are_neither_imported_headwords_nor_aliases(project, tmp_path):
    """'The' would link on every line; the rest of the entry still comes in."""
    source = tmp_path / "common.csv"
    source.write_text("term,definition,aliases\nWidget,A small thing.,the;Widgets\nIt,A pronoun.,\n")
    report = import_glossary(project, source)
    assert report.added == ("widget",)
    assert report.skipped == (("it", "'It' is only common words, which would link everywhere"),)
    assert report.dropped_aliases == (("widget", "the", "it is only common words, which would link everywhere"),)
    widget = next(t for t in load_glossary(project) if t.id == "widget")
    assert widget.aliases == ("Widgets",)


def test_ids_and_expansions():
    assert [term_id(t) for t in ("MAX Q", "ΔV", "Café au lait", "VERB 01", "Index", "c'est un rêve")] == \
        ["max-q", "deltav", "cafe-au-lait", "verb-01", "index-term", "c-est-un-reve"]
    assert term_id("火箭").startswith("term-") and term_id("火箭") != term_id("面包")
    assert expansions("Auxiliary propulsion system (S-IVB)/Ascent propulsion system (LM)") == \
        ["Auxiliary propulsion system", "Ascent propulsion system"]
    assert expansions("Input/output") == ["Input/output"]


# command line ------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    """The root parser as generator.cli builds it, with these commands registered."""
    root = argparse.ArgumentParser(prog="podsite")
    root.add_argument("--project", type=Path, default=Path("."))
    commands = root.add_subparsers(dest="command", required=True)
    cli_project.register(commands)
    glossary = commands.add_parser("glossary")
    cli_project.register_glossary_import(glossary.add_subparsers(dest="glossary_command", required=True))
    return root


def _run(*argv: str) -> int:
    args = _parser().parse_args(argv)
    args.project = args.project.resolve()
    return args.run(args)


def test_a_word_processor_document_is_refused_with_what_to_do(project, tmp_path):
    document = tmp_path / "interview.docx"
    document.write_bytes(b"PK\x03\x04 not text")
    with pytest.raises(PodsiteError, match=r"interview.docx: is a .docx document, which podsite cannot read; save it "
                                            r"from your word processor as plain text \(.txt\)"):
        add_transcript(project, document)


def test_commands_new_add_and_glossary_import(tmp_path, monkeypatch, caplog):
    monkeypatch.chdir(tmp_path)
    caplog.set_level("INFO", logger="generator")
    assert _run("new", "site", "--name", "Moon Talk") == 0
    root = tmp_path / "site"
    assert _run("--project", str(root), "add", str(FORMATS / "labelled.txt"), "--title", "Engines") == 0
    said = read_transcript(root / "content/episodes/labelled.txt", root)
    speakers = ", ".join(dict.fromkeys(b.speaker for b in said.blocks if b.speaker))
    assert f"(labelled, {speakers.count(', ') + 1} speakers: {speakers}; " in caplog.text  # what add found
    assert read_sidecar(root / "content/episodes/labelled.txt", ()).title == "Engines"
    assert _run("--project", str(root), "glossary", "import", str(SPACELOG_GLOSSARY), "--kind", "system") == 0
    assert {t.kind for t in load_glossary(Project(root))} == {"system"}
    with pytest.raises(SystemExit):
        _parser().parse_args(["glossary", "import", "x.json", "--kind", "thing"])
