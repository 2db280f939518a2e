"""Topic assignment on the hand-labelled seed transcript: our classifier vs baselines.

    python bench/topics.py [--json]

Labels: bench/eval/seed_topics.yml (one entry per transcript line, written by hand per
bench/eval/GUIDELINE.md). A passage's predicted topics apply to every labelled line it
covers. Scores are micro-F1 over (line, topic) pairs and F1 per topic, on the dev
blocks, the held-out blocks, and all lines. Baseline: keywords-per-paragraph, where a
line gets a topic when one of the topic's keywords or terms appears in that line alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.analyse import load_pipeline, words_of  # noqa: E402
from generator.classify import KEYWORD_WEIGHT, evidence, topic_signals  # noqa: E402
from generator.config import Project  # noqa: E402
from generator.pipeline import analyse_site  # noqa: E402

LABELS = REPO / "bench" / "eval" / "seed_topics.yml"
SEED_NAME = "manifold-2025-03-13-misha-laskin"


def load_labels() -> tuple[list[dict], int]:
    data = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    return data["paragraphs"], data["split_block"]


def line_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for line in text.split("\n"):
        starts.append(offset)
        offset += len(line) + 1
    return starts


def predictions_by_line(episode, labelled_lines) -> dict[int, set[str]]:
    """Each labelled line takes the topics of the passage that covers most of it."""
    starts = line_starts(episode.transcript.source_text)
    lines = episode.transcript.source_text.split("\n")
    predicted = {}
    for line in labelled_lines:
        start, end = starts[line - 1], starts[line - 1] + len(lines[line - 1])
        overlap = [(min(end, p.end) - max(start, p.start), -i) for i, p in enumerate(episode.passages)]
        best, index = max(overlap)
        predicted[line] = set(episode.passage_topics[-index]) if best > 0 else set()
    return predicted


def keyword_baseline(episode, topics, nlp, labelled_lines) -> dict[int, set[str]]:
    signals = [topic_signals(t, lambda text: words_of(nlp, text)) for t in topics]
    signals = [replace(s, phrases={g: w for g, w in s.phrases.items() if w >= KEYWORD_WEIGHT}) for s in signals]
    lines = episode.transcript.source_text.split("\n")
    mentions_by_line: dict[int, list] = {}
    starts = line_starts(episode.transcript.source_text)
    for mention in episode.mentions:
        line = max(i for i, s in enumerate(starts, 1) if s <= mention.start)
        mentions_by_line.setdefault(line, []).append(mention)
    return {
        line: {s.topic for s in signals if evidence(words_of(nlp, lines[line - 1]), mentions_by_line.get(line, []), s) > 0}
        for line in labelled_lines
    }


def scores(gold: dict[int, set[str]], predicted: dict[int, set[str]], topic_ids, lines) -> dict:
    result = {}
    total = [0, 0, 0]
    for topic in topic_ids:
        tp = sum(1 for l in lines if topic in gold[l] and topic in predicted[l])
        fp = sum(1 for l in lines if topic not in gold[l] and topic in predicted[l])
        fn = sum(1 for l in lines if topic in gold[l] and topic not in predicted[l])
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        result[topic] = f1(tp, fp, fn)
    result["micro"] = f1(*total)
    return result


def f1(tp: int, fp: int, fn: int) -> float:
    return round(2 * tp / (2 * tp + fp + fn), 3) if tp + fp + fn else 1.0


def evaluate() -> dict:
    paragraphs, block = load_labels()
    model = analyse_site(Project(REPO))
    episode = next(e for e in model.episodes if e.id == SEED_NAME)
    nlp = load_pipeline("blank")
    gold = {p["line"]: set(p["topics"] or ()) for p in paragraphs}
    order = [p["line"] for p in paragraphs]
    halves = {
        "dev": [l for i, l in enumerate(order) if (i // block) % 2 == 0],
        "held-out": [l for i, l in enumerate(order) if (i // block) % 2 == 1],
        "all": order,
    }
    topic_ids = [t.id for t in model.topics]
    methods = {"podsite": predictions_by_line(episode, order),
               "keywords-per-paragraph": keyword_baseline(episode, model.topics, nlp, order)}
    return {method: {half: scores(gold, predicted, topic_ids, lines) for half, lines in halves.items()}
            for method, predicted in methods.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    results = evaluate()
    if parser.parse_args().json:
        print(json.dumps(results, indent=1))
        return
    topics = [k for k in next(iter(next(iter(results.values())).values())) if k != "micro"]
    print(f"{'method':24} {'half':9} {'micro-F1':>8} " + " ".join(f"{t[:12]:>12}" for t in topics))
    for method, halves in results.items():
        for half, row in halves.items():
            print(f"{method:24} {half:9} {row['micro']:8.3f} " + " ".join(f"{row[t]:12.3f}" for t in topics))


if __name__ == "__main__":
    main()
