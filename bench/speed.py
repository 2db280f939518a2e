"""How long generation and the engine take, as ratios to a baseline from the same run.

    python bench/speed.py [--repeat N]

Baseline: the bare spaCy floor the GUIDE names, `nlp.pipe` of a blank English pipeline
with a sentencizer over the seed's passages. Each pipeline stage is timed on the real
project and reported as seconds and as a multiple of that floor; then `mkdocs build
--strict` is timed on the generated docs. Medians of N repeats (machines here are noisy).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator import engine  # noqa: E402
from generator.analyse import analyse_passages, load_pipeline  # noqa: E402
from generator.clean import clean_transcript  # noqa: E402
from generator.cli import generate  # noqa: E402
from generator.config import Project, load_glossary  # noqa: E402
from generator.ingest import read_transcript  # noqa: E402
from generator.pipeline import analyse_site, build_site, episode_files  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.terms import find_mentions, index_terms  # noqa: E402


def timed(action, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    project = Project(REPO)
    nlp = load_pipeline("blank")
    path = episode_files(project)[0]
    transcript = read_transcript(path, REPO)
    passages = clean_transcript(transcript)
    words = sum(len(p.text.text.split()) for p in passages)
    index = index_terms(nlp, load_glossary(project))
    analysis = analyse_passages(nlp, passages)

    floor = timed(lambda: list(nlp.pipe(p.text.text for p in passages)), repeat)
    rows = [
        ("baseline: nlp.pipe (blank + sentencizer)", floor),
        ("ingest (read + parse)", timed(lambda: read_transcript(path, REPO), repeat)),
        ("clean", timed(lambda: clean_transcript(transcript), repeat)),
        ("analyse", timed(lambda: analyse_passages(nlp, passages), repeat)),
        ("terms (glossary matching)", timed(lambda: find_mentions(transcript.id, transcript.source_text, passages, analysis.docs, index), repeat)),
        ("whole analysis (all stages before render)", timed(lambda: analyse_site(project), repeat)),
    ]
    model = analyse_site(project)
    rows.append(("render (all pages)", timed(lambda: render_site(model), repeat)))
    rows.append(("build_site (everything in memory)", timed(lambda: build_site(project), repeat)))
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        for name in ("content", "site_config", "mkdocs.yml", "docs/about.md"):
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, copy / name)
        generate(Project(copy))
        rows.append(("engine: mkdocs build --strict", timed(lambda: engine.build(Project(copy)), max(1, repeat // 2))))
    print(f"seed: {len(passages)} passages, {words} words; median of {repeat} runs\n")
    print(f"{'stage':45} {'seconds':>8} {'x baseline':>11}")
    for name, seconds in rows:
        print(f"{name:45} {seconds:8.3f} {seconds / floor:11.1f}")
    print(f"\nbaseline throughput: {words / floor:,.0f} words/s")
    print_scaling(repeat)


def print_scaling(repeat: int) -> None:
    """Generation speed on a long episode and on one three times as long: a quadratic pass
    anywhere would show as falling words per second."""
    corpus = REPO / "tests" / "fixtures" / "corpus" / "changelog-605-shipping-in-space.md"
    print("\nscaling (build_site, no cache):")
    for copies in (1, 3):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "content" / "episodes").mkdir(parents=True)
            text = "\n\n".join([corpus.read_text(encoding="utf-8")] * copies)
            (root / "content" / "episodes" / "long.md").write_text(text, encoding="utf-8")
            words = len(text.split())
            def uncached_build() -> None:
                shutil.rmtree(root / ".podsite", ignore_errors=True)
                build_site(Project(root))

            seconds = timed(uncached_build, max(1, repeat // 2))
            print(f"  {words:>7,} words: {seconds:6.2f} s, {words / seconds:8,.0f} words/s")


if __name__ == "__main__":
    main()
