"""Topic assignment on the hand-labelled seed transcript: our classifier vs baselines.

    python bench/topics.py [--json]

Labels: bench/eval/seed_topics.yml (one entry per transcript line, written by hand per
bench/eval/GUIDELINE.md). A passage's predicted topics apply to every labelled line it
covers. Scores are micro-F1 over (line, topic) pairs and F1 per topic, on the dev
blocks, the held-out blocks, and all lines. Baseline: keywords-per-paragraph, where a
line gets a topic when one of the topic's keywords or terms appears in that line alone.
Reference: naive Bayes trained on the dev labels themselves (supervised; its dev score is
a training score, only its held-out score means anything). Agreement: a second annotator's
independent labels (bench/eval/seed_topics_second.yml) scored the same way, which shows how
well the guideline pins the labels down, so how high a score can mean anything.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from dataclasses import replace
from functools import partial
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.analyse import inverse_document_frequency, load_pipeline, words_of  # noqa: E402
from generator.classify import evidence, site_signals  # noqa: E402
from generator.config import Project  # noqa: E402
from generator.pipeline import analyse_site, classify_episodes  # noqa: E402

LABELS = REPO / "bench" / "eval" / "seed_topics.yml"
SECOND_LABELS = REPO / "bench" / "eval" / "seed_topics_second.yml"
SEED_NAME = "manifold-2025-03-13-misha-laskin"


def load_labels() -> tuple[list[dict], int]:
    data = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    return data["paragraphs"], data["split_block"]


def topics_by_line(paragraphs: list[dict]) -> dict[int, set[str]]:
    return {p["line"]: set(p["topics"] or ()) for p in paragraphs}


def line_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for line in text.split("\n"):
        starts.append(offset)
        offset += len(line) + 1
    return starts


def covering_passages(episode, labelled_lines) -> dict[int, int | None]:
    """The index of the passage that covers most of each labelled line."""
    starts = line_starts(episode.transcript.source_text)
    lines = episode.transcript.source_text.split("\n")
    covering = {}
    for line in labelled_lines:
        start, end = starts[line - 1], starts[line - 1] + len(lines[line - 1])
        overlap = [(min(end, p.end) - max(start, p.start), -i) for i, p in enumerate(episode.passages)]
        best, index = max(overlap)
        covering[line] = -index if best > 0 else None
    return covering


def predictions_by_line(episode, labelled_lines) -> dict[int, set[str]]:
    """Each labelled line takes the topics of the passage that covers most of it."""
    return {line: set(episode.passage_topics[index]) if index is not None else set()
            for line, index in covering_passages(episode, labelled_lines).items()}


def naive_bayes_reference(episode, topic_ids, gold, dev_lines, labelled_lines) -> dict[int, set[str]]:
    """A supervised reference: multinomial naive Bayes per topic (Laplace smoothing) trained
    on the passages of the dev lines with their hand labels, applied to every passage alone.
    It shows how far the words of a passage go when the labels themselves are known."""
    covering = covering_passages(episode, labelled_lines)
    labels: dict[int, set[str]] = {}
    for line in dev_lines:
        if covering[line] is not None:
            labels.setdefault(covering[line], set()).update(gold[line])
    predicted_passages = {}
    for topic in topic_ids:
        inside, outside = Counter(), Counter()
        for index, topics in labels.items():
            (inside if topic in topics else outside).update(episode.words[index])
        vocabulary = len(set(inside) | set(outside))
        positives = sum(1 for topics in labels.values() if topic in topics)
        prior = math.log((positives + 1) / (len(labels) - positives + 1))
        log_odds = {w: math.log((inside[w] + 1) / (sum(inside.values()) + vocabulary))
                    - math.log((outside[w] + 1) / (sum(outside.values()) + vocabulary)) for w in set(inside) | set(outside)}
        for index, words in enumerate(episode.words):
            if prior + sum(log_odds.get(w, 0.0) for w in words) > 0:
                predicted_passages.setdefault(index, set()).add(topic)
    return {line: predicted_passages.get(index, set()) if index is not None else set()
            for line, index in covering.items()}


def passage_ceiling(episode, topic_ids, gold, labelled_lines) -> dict[int, set[str]]:
    """The best any passage labelling can score: passages do not follow the source's line
    breaks, so a passage covering two lines with different labels must get one of them wrong.
    Each passage takes the topics that most of its lines carry."""
    covering = covering_passages(episode, labelled_lines)
    lines_of: dict[int, list[int]] = {}
    for line, index in covering.items():
        lines_of.setdefault(index, []).append(line)
    best = {index: {t for t in topic_ids if 2 * sum(t in gold[line] for line in lines) > len(lines)}
            for index, lines in lines_of.items() if index is not None}
    return {line: best.get(index, set()) for line, index in covering.items()}


def keyword_baseline(episode, topics, nlp, labelled_lines) -> dict[int, set[str]]:
    signals = site_signals(topics, (), partial(words_of, nlp), lambda word: 1.0)
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


# A user's first topics.yml is rarely as complete as the seed's: the same labels with less.
LESS_CONFIGURED = {
    "podsite, no terms listed": lambda topic: replace(topic, terms=()),
    "podsite, no keywords listed": lambda topic: replace(topic, keywords=()),
    "podsite, descriptions only": lambda topic: replace(topic, keywords=(), terms=()),
}


def reclassified(model, episode, topics, glossary, nlp, labelled_lines) -> dict[int, set[str]]:
    """The episode labelled again with other topic definitions or another glossary."""
    signals = site_signals(topics, glossary, partial(words_of, nlp), inverse_document_frequency(model.episodes))
    return predictions_by_line(classify_episodes([episode], signals)[0], labelled_lines)


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
    gold = topics_by_line(paragraphs)
    order = [p["line"] for p in paragraphs]
    halves = {
        "dev": [l for i, l in enumerate(order) if (i // block) % 2 == 0],
        "held-out": [l for i, l in enumerate(order) if (i // block) % 2 == 1],
        "all": order,
    }
    topic_ids = [t.id for t in model.topics]
    methods = {"podsite": predictions_by_line(episode, order),
               "keywords-per-paragraph": keyword_baseline(episode, model.topics, nlp, order),
               "naive-bayes-on-dev-labels": naive_bayes_reference(episode, [t.id for t in model.topics], gold,
                                                                  halves["dev"], order)}
    for name, change in LESS_CONFIGURED.items():
        methods[name] = reclassified(model, episode, [change(t) for t in model.topics], model.glossary, nlp, order)
    methods["podsite, descriptions only, no glossary"] = reclassified(
        model, episode, [LESS_CONFIGURED["podsite, descriptions only"](t) for t in model.topics], (), nlp, order)
    methods["gold labels per passage (ceiling)"] = passage_ceiling(episode, topic_ids, gold, order)
    methods["second annotator (agreement)"] = topics_by_line(
        yaml.safe_load(SECOND_LABELS.read_text(encoding="utf-8"))["paragraphs"])
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
    print(f"{'method':40} {'half':9} {'micro-F1':>8} " + " ".join(f"{t[:12]:>12}" for t in topics))
    for method, halves in results.items():
        for half, row in halves.items():
            print(f"{method:40} {half:9} {row['micro']:8.3f} " + " ".join(f"{row[t]:12.3f}" for t in topics))


if __name__ == "__main__":
    main()
