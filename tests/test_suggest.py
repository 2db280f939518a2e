"""`podsite glossary suggest`: candidate terms and ASR variants, proposed for review only."""

import argparse
import csv
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from generator.cli_glossary import register
from generator.config import Project
from generator.pipeline import analyse_site
from generator.suggest import asr_variants, candidate_terms, units_of
from generator.errors import PodsiteError
from generator.suggest_report import CANDIDATE_HEADER, VARIANT_HEADER, write_report
from tests.conftest import make_project

REPO = Path(__file__).resolve().parents[1]
NASA = Path(__file__).resolve().parent / "fixtures" / "corpus" / "nasa-hwhap-ep114-value-of-the-moon.txt"
FILLERS = ("kind of", "sort of", "you know", "i mean", "i would say", "i think", "basically", "yeah")

TALK = """\
Welcome back. Today we talk about policy distillation, you know, the kind of thing that matters. \
I think policy distillation is, you know, kind of underrated.

So the reward model is trained first. Then policy distillation copies the teacher into a student. \
I was at New Rips last year and everyone, you know, talked about it.

Yeah, the reward model again. You know, it is kind of, sort of obvious. Alpha was the nickname people used, \
but Alpha is just a letter. Policy distillation came up at New Rips too.

The ratio | the score table showed policy distillation beating the baseline, kind of.

And then AlphaGo, of course. Alpha again. You know, you know, kind of.
"""

GLOSSARY = """\
terms:
  - id: alphago
    term: AlphaGo
    kind: system
    definition: DeepMind's program for the game of Go.
  - id: neurips
    term: NeurIPS
    kind: event
    definition: A yearly machine learning conference.
    aliases: [NIPS]
  - id: reward-model
    term: Reward model
    kind: concept
    definition: A model trained to score another model's outputs.
"""


@pytest.fixture(scope="module")
def talk(tmp_path_factory):
    root = make_project(tmp_path_factory.mktemp("talk") / "site", {"talk.txt": TALK}, glossary=GLOSSARY)
    return root, analyse_site(Project(root))


@pytest.fixture(scope="module")
def seed():
    return analyse_site(Project(REPO))


def has_filler(phrase: str) -> bool:
    text = f" {phrase.lower()} "
    return any(f" {filler} " in text for filler in FILLERS)


def test_repeated_technical_phrase_is_a_candidate_with_two_contexts(talk):
    _, model = talk
    candidates = {c.phrase.lower(): c for c in candidate_terms(model.episodes, model.glossary)}
    found = candidates["policy distillation"]
    assert found.count == 5
    assert len(found.contexts) == 2
    assert all("policy distillation" in c.text.lower() for c in found.contexts)
    source = model.episodes[0].transcript.source_text
    assert {source[c.start:c.end].lower() for c in found.contexts} == {"policy distillation"}


def test_fillers_and_curated_terms_are_never_candidates(talk):
    _, model = talk
    phrases = [c.phrase.lower() for c in candidate_terms(model.episodes, model.glossary, limit=1000)]
    assert not [p for p in phrases if has_filler(p)]
    assert not {"kind", "know", "sort", "reward model", "reward models", "alphago"} & set(phrases)


def test_misheard_term_is_proposed_as_variant_with_context(talk):
    _, model = talk
    variants = asr_variants(model.episodes, model.glossary)
    new_rips = [v for v in variants if v.found.lower() == "new rips"]
    assert len(new_rips) == 1
    assert new_rips[0].term_id == "neurips" and new_rips[0].method in ("phonetic", "both")
    assert new_rips[0].count == 2 and "New Rips" in new_rips[0].context.text
    source = model.episodes[0].transcript.source_text
    assert source[new_rips[0].context.start:new_rips[0].context.end] == "New Rips"


def test_fragment_of_a_term_is_not_a_variant(talk):
    _, model = talk
    variants = asr_variants(model.episodes, model.glossary)
    assert not [v for v in variants if v.found.lower() == "alpha"]
    assert not [v for v in variants if v.term_id == "reward-model"]


def test_report_files_csv_header_and_escaped_pipes(talk, tmp_path):
    _, model = talk
    candidates = candidate_terms(model.episodes, model.glossary)
    variants = asr_variants(model.episodes, model.glossary)
    markdown, (candidates_csv, variants_csv) = write_report(candidates, variants, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "glossary-candidates.csv", "glossary-suggestions.md", "glossary-variants.csv"]
    with candidates_csv.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == CANDIDATE_HEADER
    assert any(row[1].lower() == "policy distillation" and row[3] for row in rows[1:])
    with variants_csv.open(encoding="utf-8", newline="") as stream:
        variant_rows = list(csv.DictReader(stream))
    assert tuple(variant_rows[0]) == VARIANT_HEADER
    assert any(row["found"] == "New Rips" and row["term_id"] == "neurips" for row in variant_rows)
    text = markdown.read_text(encoding="utf-8")
    assert "Nothing in this report has been applied" in text and "aliases:" in text
    row = next(line for line in text.splitlines() if "policy distillation" in line.lower() and "ratio" in line)
    assert "The ratio &#124; the score" in row
    assert row.count("|") == 7  # the table's own cell borders only


def run_cli(argv: list[str]) -> int:
    root = argparse.ArgumentParser(prog="podsite")
    root.add_argument("--project", type=Path, default=Path("."))
    register(root.add_subparsers(dest="command", required=True))
    args = root.parse_args(argv)
    args.project = args.project.resolve()
    return args.run(args)


def test_cli_writes_report_and_never_touches_the_glossary(talk, capsys):
    root, _ = talk
    glossary = root / "content" / "glossary.yml"
    before = hashlib.sha256(glossary.read_bytes()).hexdigest()
    (root / "reports").mkdir(exist_ok=True)
    (root / "reports" / "notes.md").write_text("my notes", encoding="utf-8")
    assert run_cli(["--project", str(root), "glossary", "suggest", "--limit", "5"]) == 0
    assert hashlib.sha256(glossary.read_bytes()).hexdigest() == before
    assert (root / "reports" / "notes.md").read_text(encoding="utf-8") == "my notes"
    printed = capsys.readouterr().out
    assert str(root / "reports" / "glossary-suggestions.md") in printed
    assert re.search(r"\b[1-5] candidate terms, 1 possible speech-recognition variants", printed)
    with (root / "reports" / "glossary-candidates.csv").open(encoding="utf-8") as stream:
        assert 2 <= len(stream.readlines()) <= 6  # header plus at most --limit rows


def test_a_report_is_written_again_but_a_file_of_the_users_of_that_name_is_never_overwritten(talk, tmp_path):
    _, model = talk
    candidates, variants = candidate_terms(model.episodes, model.glossary), asr_variants(model.episodes, model.glossary)
    write_report(candidates, variants, tmp_path / "out")
    write_report(candidates, variants, tmp_path / "out")  # its own report, replaced
    (tmp_path / "out" / "glossary-suggestions.md").write_text("my own notes\n", encoding="utf-8")
    with pytest.raises(PodsiteError, match=r"glossary-suggestions\.md: exists and is no report podsite wrote"):
        write_report(candidates, variants, tmp_path / "out")
    assert (tmp_path / "out" / "glossary-suggestions.md").read_text(encoding="utf-8") == "my own notes\n"
    (tmp_path / "taken").write_text("a file, not a folder\n")
    with pytest.raises(PodsiteError, match="taken.*cannot be written"):
        write_report(candidates, variants, tmp_path / "taken")


def test_cli_rejects_a_limit_below_one(capsys):
    with pytest.raises(SystemExit):
        run_cli(["glossary", "suggest", "--limit", "0"])
    assert "expected 1 or more" in capsys.readouterr().err


def test_seed_suggestions_are_mostly_real_terms_and_never_fillers(seed):
    """With 110 curated terms the seed has few left to suggest: the list is short and
    mostly worth an editor's look. The judged set below was reviewed by hand."""
    candidates = candidate_terms(seed.episodes, seed.glossary)
    top = [c.phrase.lower() for c in candidates[:30]]
    assert 10 <= len(top)
    assert not [p for p in top if has_filler(p)]
    real = {"ai", "pre-trained model", "reasoning behavior", "pre-training corpus", "environment",
            "data distribution", "diminishing returns", "algorithm", "model size", "data set",
            "reinforcement learning algorithm", "checkpoint", "verification", "architecture"}
    assert len(real & set(top)) / len(top) >= 0.6, top
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)


def test_seed_suggestions_are_deterministic(seed):
    assert candidate_terms(seed.episodes, seed.glossary) == candidate_terms(seed.episodes, seed.glossary)
    assert asr_variants(seed.episodes, seed.glossary) == asr_variants(seed.episodes, seed.glossary)


def test_corpus_transcript_yields_lunar_terms(tmp_path):
    assert NASA.is_file(), f"corpus transcript missing: {NASA}"
    (tmp_path / "content" / "episodes").mkdir(parents=True)
    shutil.copy(NASA, tmp_path / "content" / "episodes" / NASA.name)
    model = analyse_site(Project(tmp_path), extract_terms=False)
    phrases = {c.phrase.lower() for c in candidate_terms(model.episodes, model.glossary, limit=30)}
    assert {"lunar surface", "lunar reconnaissance orbiter", "solar system", "plate tectonics",
            "volatile deposits"} <= phrases
    assert not [p for p in phrases if has_filler(p)]


def test_phrases_said_mostly_inside_a_better_one_are_left_out(tmp_path):
    """Call signs said whole ("Houston COMM TECH NET 1") make overlapping four-word windows and
    their parts; one of them is the candidate. A longer term holding a better one stays."""
    said = ["Houston COMM TECH NET 1, this is Goldstone. We read you.",
            "Roger, Houston COMM TECH NET 1. Goldstone reads you too.",
            "Houston COMM TECH NET 1, Goldstone again, signal is fine.",
            "Deep reinforcement learning beat Atari. Reinforcement learning is older.",
            "Reinforcement learning again, and deep reinforcement learning again."]
    root = make_project(tmp_path / "site", {"talk.txt": "\n\n".join(said)})
    model = analyse_site(Project(root), extract_terms=False)
    phrases = {c.phrase for c in candidate_terms(model.episodes, (), limit=1000)}
    call_signs = {p for p in phrases if "COMM" in p}
    assert len(call_signs) == 1 and call_signs <= {"COMM TECH NET 1", "Houston COMM TECH NET"}, call_signs
    assert {"Goldstone", "Reinforcement learning", "Deep reinforcement learning"} <= phrases


def test_an_abbreviation_is_listed_with_the_phrase_it_stands_for(tmp_path):
    said = ["The Lunar Reconnaissance Orbiter mapped the poles. Then LRO found ice.",
            "Craters, said the Lunar Reconnaissance Orbiter team; the LRO keeps flying.",
            "Data from LRO helps. The Lunar Reconnaissance Orbiter is old now."]
    root = make_project(tmp_path / "site", {"talk.txt": "\n\n".join(said)})
    model = analyse_site(Project(root), extract_terms=False)
    candidates = {c.phrase: c for c in candidate_terms(model.episodes, (), limit=1000)}
    assert "LRO" not in candidates
    assert candidates["Lunar Reconnaissance Orbiter"].aliases == ("LRO",)
    assert candidates["Lunar Reconnaissance Orbiter"].count == 6



def test_matching_initials_said_apart_are_not_an_abbreviation(tmp_path):
    """"OS" in talk of operating systems is not "Orbital Sidekick", named passages away."""
    padding = " ".join(f"Then came part {n} of the story, which took a while to tell." for n in range(12))
    said = [f"Orbital Sidekick builds satellites. {padding}", f"Orbital Sidekick again, with its satellites. {padding}",
            *(f"Meanwhile, back on the ground, chapter {n}. {padding}" for n in range(3)),
            f"The OS layer matters. We upgrade the OS often. {padding}", f"An OS update shipped. {padding}"]
    root = make_project(tmp_path / "site", {"talk.txt": "\n\n".join(said)})
    model = analyse_site(Project(root), extract_terms=False)
    candidates = {c.phrase: c for c in candidate_terms(model.episodes, (), limit=1000)}
    assert candidates["Orbital Sidekick"].aliases == () and "OS" in candidates


def test_every_episode_has_its_say_and_the_people_taking_part_are_no_terms(tmp_path):
    """A short episode's own terms make the top of the list beside a long episode's, and
    "Gina", who speaks, is a person of the site, not a term."""
    rockets = "\n\n".join(f"Ada: The {word} engine burns. The {word} engine fires again and again, Ada says."
                            for word in ("Raptor", "Merlin", "Vulcan", "Kestrel", "Rutherford", "Archimedes") * 3)
    bees = ("Gina: The Varroa mite hurts hives badly in the late summer, when colonies are at their biggest.\n\n"
            "Bo: So a Varroa mite count every month helps you treat the hive in time, right, Gina?\n\n"
            "Gina: Yes, and a sugar roll is the easiest way to count them without killing any bees.\n")
    root = make_project(tmp_path / "site", {"rockets.txt": rockets, "bees.txt": bees})
    model = analyse_site(Project(root), extract_terms=False)
    top = [c.phrase for c in candidate_terms(model.episodes, (), limit=3)]
    assert "Varroa mite" in top, top
    assert not {"Gina", "Ada"} & {c.phrase for c in candidate_terms(model.episodes, (), limit=1000)}


def test_split_contractions_greetings_and_lone_letters_are_never_candidates(tmp_path):
    said = ("Hey, we're gonna talk about Plan B. Alright, B is the backup. Hey, Plan B again, "
            "and we're gonna need Plan B. Alright. Gotta say B works. ")
    root = make_project(tmp_path / "site", {"talk.txt": "\n\n".join([said] * 4)})
    model = analyse_site(Project(root), extract_terms=False)
    phrases = {c.phrase.lower() for c in candidate_terms(model.episodes, (), limit=1000)}
    assert "plan b" in phrases
    assert not {"gon na", "gon", "na", "hey", "alright", "b", "got ta"} & phrases


def test_a_passage_longer_than_spacys_guard_is_still_read_for_candidates():
    """Speech without a sentence end stays one passage, however long (see test_analyse)."""
    assert len(units_of("w " * 500_001)) == 500_001


def test_days_months_titles_and_counts_are_no_terms(tmp_path):
    """Said in any conversation, they were glossary entries of their own ("Saturday", "April",
    "Mr", "thirty seconds"); the terms around them still are."""
    said = ("Coach: We play on Saturday. Saturday matters. Thursday we trained our catenaccio.\n\n"
            "Reporter: Mr Hale said in April that catenaccio needs thirty seconds of rest. Mr Hale again.\n\n"
            "Coach: In April, yes. Catenaccio is why. Thirty seconds, thirty seconds. Thursday too.\n")
    root = make_project(tmp_path / "site", {"presser.txt": said * 4})
    model = analyse_site(Project(root), extract_terms=False)
    phrases = {c.phrase.lower() for c in candidate_terms(model.episodes, model.glossary, limit=1000)}
    assert "catenaccio" in phrases
    assert not {"saturday", "thursday", "april", "mr", "mr hale", "thirty seconds", "thirty seconds of rest",
                "seconds"} & phrases, phrases
