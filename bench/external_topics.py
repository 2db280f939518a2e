"""Topic assignment on labels nobody here wrote, from topic titles and descriptions alone.

    python bench/external_topics.py [--json]

The seed's hand labels (bench/topics.py) measure Podsite where topics.yml is curated. These
two checks measure the other end, a user's first topics.yml with titles and descriptions only,
on data with human topic labels (bench/data/, licences in bench/data/LICENSES.md):

- QMSum / ICSI meeting Bro025: each of QMSum's five topics is a topic whose title and
  description are its name ("Noise suppression and overall performance"); a turn's gold topic
  is the topic whose span holds it.
- Spacelog Apollo 11 TEC, launch to docking: each act of the mission is a topic with the act's
  title and description; an entry's gold topic is the act its time falls in.

Each transcript is written as `SPEAKER: words` paragraphs (the meeting's and the log's own
speakers, so turns stay apart) into a throwaway project and read by
the whole pipeline, so passages, evidence and runs are Podsite's own; a unit takes the topics
of the passage that covers it. Scores are micro-F1 over (unit, topic) pairs and F1 per topic.
Baseline: description words per unit (a unit gets a topic when it says one of the words of its
title or description, the evidence the classifier starts from). Nothing here was tuned.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from functools import partial
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from generator.analyse import load_pipeline, words_of  # noqa: E402
from generator.classify import evidence, site_signals  # noqa: E402
from generator.config import Project  # noqa: E402
from generator.pipeline import analyse_site  # noqa: E402
from generator.scaffold import new_project  # noqa: E402
from segmentation import DATA, ICSI_MARK, SPEAKER, TIMESTAMP, _act_of, _seconds, _spacelog_entries  # noqa: E402
from topics import covering_passages, scores as topic_scores  # noqa: E402


def qmsum() -> tuple[list[str], list[str], list[dict]]:
    meeting = json.loads((DATA / "qmsum-icsi-Bro025-topics.json").read_text(encoding="utf-8"))
    units = [f"{turn['speaker']}: " + (" ".join(ICSI_MARK.sub(" ", turn["content"]).split()) or "(pause)")
             for turn in meeting["meeting_transcripts"]]
    gold = [""] * len(units)
    topics = []
    for number, topic in enumerate(meeting["topic_list"]):
        ident = f"topic-{number + 1}"
        topics.append({"id": ident, "title": topic["topic"], "description": topic["topic"] + "."})
        for first, last in topic["relevant_text_span"]:
            for turn in range(int(first), min(int(last) + 1, len(units))):
                gold[turn] = ident
    return units, gold, topics


def spacelog() -> tuple[list[str], list[str], list[dict]]:
    meta = json.loads((DATA / "spacelog-apollo11-meta.json").read_text(encoding="utf-8"))
    log = (DATA / "spacelog-apollo11-TEC-launch-to-docking.txt").read_text(encoding="utf-8")
    entries = _spacelog_entries(log)
    said = iter(_first_speakers(log))
    ranges = [(_seconds(act["range"][0]), _seconds(act["range"][1])) for act in meta["acts"]]
    topics = [{"id": f"act-{number + 1}", "title": act["title"], "description": act["description"]}
              for number, act in enumerate(meta["acts"])]
    units = [f"{next(said, 'Speaker')}: {text}" for _, text in entries]
    return units, [f"act-{_act_of(seconds, ranges) + 1}" for seconds, _ in entries], topics


def _first_speakers(log: str) -> list[str]:
    """Who speaks first in each timestamped entry of a Spacelog transcript ("CDR", "CC")."""
    speakers: list[str | None] = []
    for line in log.splitlines():
        if TIMESTAMP.match(line):
            speakers.append(None)
        elif speakers and speakers[-1] is None and (label := SPEAKER.match(line)):
            speakers[-1] = label.group().rstrip(": \t")
    return [speaker or "Speaker" for speaker in speakers]


def podsite(units: list[str], topics: list[dict], folder: Path) -> list[set[str]]:
    """Each unit's topics, as the whole pipeline assigns them."""
    root = folder / "site"
    new_project(root)
    for sample in (root / "content" / "episodes").iterdir():
        sample.unlink()
    (root / "content" / "episodes" / "talk.txt").write_text(
        "\n\n".join(units) + "\n", encoding="utf-8")
    (root / "site_config" / "topics.yml").write_text(yaml.safe_dump({"topics": topics}, sort_keys=False),
                                                     encoding="utf-8")
    episode = analyse_site(Project(root)).episodes[0]
    lines = [1 + 2 * index for index in range(len(units))]  # one paragraph per unit, a blank line between
    covering = covering_passages(episode, lines)
    return [set(episode.passage_topics[covering[line]]) if covering[line] is not None else set() for line in lines]


def description_words(units: list[str], topics: list[dict]) -> list[set[str]]:
    nlp = load_pipeline("blank")
    from generator.model import Topic
    signals = site_signals([Topic(t["id"], t["title"], t["description"]) for t in topics], (), partial(words_of, nlp),
                           lambda word: 1.0)
    return [{s.topic for s in signals if evidence(words_of(nlp, unit), [], s) > 0} for unit in units]


def scores(gold: list[str], predicted: list[set[str]], topics: list[dict]) -> dict[str, float]:
    """bench/topics.py's scores over the units, for the topics that are gold or predicted somewhere."""
    seen = [t["id"] for t in topics if t["id"] in gold or any(t["id"] in p for p in predicted)]
    units = range(len(gold))
    return topic_scores({i: {gold[i]} for i in units}, dict(enumerate(predicted)), seen, units)


def evaluate() -> dict[str, dict[str, dict[str, float]]]:
    results = {}
    for name, (units, gold, topics) in {"QMSum Bro025": qmsum(), "Spacelog Apollo 11": spacelog()}.items():
        folder = Path(tempfile.mkdtemp(prefix="podsite-bench-"))
        try:
            results[name] = {"podsite": scores(gold, podsite(units, topics, folder), topics),
                             "description words per unit": scores(gold, description_words(units, topics), topics)}
        finally:
            shutil.rmtree(folder)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    as_json = parser.parse_args().json  # before the run, so --help answers at once
    results = evaluate()
    if as_json:
        print(json.dumps(results, indent=1))
        return
    for dataset, methods in results.items():
        print(f"{dataset}")
        for method, row in methods.items():
            print(f"  {method:28} micro-F1 {row['micro']:.3f}   " + " ".join(
                f"{topic} {value:.3f}" for topic, value in row.items() if topic != "micro"))


if __name__ == "__main__":
    main()
