"""Benchmark topic segmentation against human segmentations, with Pk and WindowDiff.

    python bench/segmentation.py                 # table, timing, whether the target is met
    python bench/segmentation.py --json          # the same scores as JSON
    python bench/segmentation.py --sensitivity   # also Pk over a grid of our two parameters

Datasets (bench/data/, licences in bench/data/LICENSES.md):
- QMSum / ICSI meeting Bro025: units are the 453 speaker turns; gold is QMSum's topic_list.
- Spacelog Apollo 11 TEC, launch to docking: units are the timestamped entries; gold is the
  mission's human-written acts (Launch, Earth Orbit, To the Moon).

Every method sees the same units (the spoken text only, without speaker labels). Lower Pk
and WindowDiff are better (nltk.metrics.segmentation); k is half the mean gold segment
length, in units. Baselines: nltk's TextTiling (default w=20, k=10, our stop list), a
keyword-change rule, no boundaries, and evenly spaced boundaries given the gold count.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from nltk.metrics.segmentation import pk, windowdiff
from nltk.tokenize.texttiling import TextTilingTokenizer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
sys.path.insert(0, str(ROOT))

from generator.segment_topics import STOP_WORDS, content_tokens, segment_topics  # noqa: E402

TARGET_PK = 0.30
ICSI_MARK = re.compile(r"\{[a-z]+\}")
TIMESTAMP = re.compile(r"^\[(\d\d):(\d\d):(\d\d):(\d\d)\]\s*$")
SPEAKER = re.compile(r"^[A-Z][A-Z0-9_ ]*:\s*")
GLOSSARY = re.compile(r"\[glossary:([^\]]+)\]")


@dataclass(frozen=True)
class Dataset:
    name: str
    units: tuple[str, ...]  # spoken text of each unit
    gold: tuple[int, ...]  # indices of units that start a gold segment (never 0)


def load_qmsum(path: Path = DATA / "qmsum-icsi-Bro025-topics.json") -> Dataset:
    """Turns outside every topic span join the topic before them (or the first topic)."""
    meeting = json.loads(path.read_text(encoding="utf-8"))
    units = tuple(" ".join(ICSI_MARK.sub(" ", turn["content"]).split())
                  for turn in meeting["meeting_transcripts"])
    starts = sorted(int(span[0]) for topic in meeting["topic_list"]
                    for span in topic["relevant_text_span"])
    return Dataset("QMSum Bro025", units, tuple(s for s in starts[1:] if 0 < s < len(units)))


def load_spacelog(transcript: Path = DATA / "spacelog-apollo11-TEC-launch-to-docking.txt",
                  meta: Path = DATA / "spacelog-apollo11-meta.json") -> Dataset:
    entries = _spacelog_entries(transcript.read_text(encoding="utf-8"))
    acts = json.loads(meta.read_text(encoding="utf-8"))["acts"]
    ranges = [(_seconds(act["range"][0]), _seconds(act["range"][1])) for act in acts]
    labels = [_act_of(seconds, ranges) for seconds, _ in entries]
    gold = tuple(i for i in range(1, len(labels)) if labels[i] != labels[i - 1])
    return Dataset("Spacelog Apollo 11", tuple(text for _, text in entries), gold)


def _spacelog_entries(text: str) -> list[tuple[int, str]]:
    entries: list[tuple[int, list[str]]] = []
    for line in text.splitlines():
        stamp = TIMESTAMP.match(line)
        if stamp:
            entries.append((_seconds(":".join(stamp.groups())), []))
        elif entries and line.strip() and not line.startswith(("_page", "_tape")):
            entries[-1][1].append(SPEAKER.sub("", GLOSSARY.sub(r"\1", line)).strip())
    return [(seconds, " ".join(lines)) for seconds, lines in entries]


def _seconds(stamp: str) -> int:
    days, hours, minutes, seconds = (int(part) for part in stamp.split(":"))
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds


def _act_of(seconds: int, ranges: list[tuple[int, int]]) -> int:
    """The act whose [start, end) range holds ``seconds``; outside all, the nearest before."""
    for index, (start, end) in enumerate(ranges):
        if start <= seconds < end:
            return index
    return max((i for i, (start, _) in enumerate(ranges) if start <= seconds), default=0)


# --- methods: each takes the units' texts and returns boundary indices -----------------

def ours(units: tuple[str, ...]) -> tuple[int, ...]:
    return segment_topics([content_tokens(unit) for unit in units])


def keyword_changes(units: tuple[str, ...], keywords: int = 20) -> tuple[int, ...]:
    """A boundary where a unit's topic keywords share none with the last unit that had any.

    Topic keywords are the document's ``keywords`` terms with the highest tf-idf summed over
    units (units as documents), using the same content tokens as our method.
    """
    tokens = [content_tokens(unit) for unit in units]
    frequency = Counter(t for unit in tokens for t in set(unit))
    weight: Counter[str] = Counter()
    for unit in tokens:
        for term, count in Counter(unit).items():
            weight[term] += count * math.log(len(tokens) / frequency[term])
    top = {term for term, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:keywords]}
    boundaries, last = [], set()
    for index, unit in enumerate(tokens):
        present = top.intersection(unit)
        if present and last and not present & last and index:
            boundaries.append(index)
        last = present or last
    return tuple(boundaries)


def texttiling(units: tuple[str, ...]) -> tuple[int, ...]:
    """nltk's TextTiling (default w=20, k=10) over the units as blank-line paragraphs."""
    text = "\n\n".join(units)
    starts, offset = [], 0
    for unit in units:
        starts.append(offset)
        offset += len(unit) + 2
    tiler = TextTilingTokenizer(stopwords=sorted(STOP_WORDS))
    boundaries, offset = set(), 0
    for segment in tiler.tokenize(text)[:-1]:
        offset += len(segment)
        boundaries.add(bisect_left(starts, offset))
    return tuple(sorted(b for b in boundaries if 0 < b < len(units)))


def nothing(units: tuple[str, ...], gold: tuple[int, ...]) -> tuple[int, ...]:
    return ()


def even(units: tuple[str, ...], gold: tuple[int, ...]) -> tuple[int, ...]:
    parts = len(gold) + 1
    return tuple(round(len(units) * j / parts) for j in range(1, parts))


OURS = "lexical cohesion (ours)"
METHODS = {OURS: ours, "keyword changes": keyword_changes,
           "TextTiling (nltk)": texttiling}
TRIVIAL = {"no boundaries": nothing, "even, gold count": even}


# --- scoring -----------------------------------------------------------------------------

def marks(boundaries: tuple[int, ...], length: int) -> str:
    """nltk's segmentation string: '1' at each unit that starts a segment."""
    chosen = set(boundaries)
    return "".join("1" if i in chosen else "0" for i in range(length))


def window_of(dataset: Dataset) -> int:
    return max(2, round(len(dataset.units) / (len(dataset.gold) + 1) / 2))


def score(dataset: Dataset, boundaries: tuple[int, ...]) -> dict[str, object]:
    gold, found = marks(dataset.gold, len(dataset.units)), marks(boundaries, len(dataset.units))
    k = window_of(dataset)
    return {"pk": round(pk(gold, found, k=k), 4),
            "windowdiff": round(windowdiff(gold, found, k), 4), "boundaries": list(boundaries)}


def evaluate(dataset: Dataset) -> dict[str, dict[str, object]]:
    results = {name: score(dataset, method(dataset.units)) for name, method in METHODS.items()}
    results.update({name: score(dataset, method(dataset.units, dataset.gold))
                    for name, method in TRIVIAL.items()})
    return results


def units_per_second(method, dataset: Dataset, repeats: int = 3) -> float:
    best = math.inf
    for _ in range(repeats):
        started = time.perf_counter()
        method(dataset.units)
        best = min(best, time.perf_counter() - started)
    return len(dataset.units) / best


def datasets() -> list[Dataset]:
    return [load_qmsum(), load_spacelog()]


def run() -> dict[str, object]:
    report: dict[str, object] = {"target_pk": TARGET_PK, "datasets": {}}
    for dataset in datasets():
        results = evaluate(dataset)
        ours_pk = results[OURS]["pk"]
        baselines = [results[name]["pk"] for name in METHODS if name != OURS]
        report["datasets"][dataset.name] = {
            "units": len(dataset.units), "k": window_of(dataset), "gold": list(dataset.gold),
            "methods": results, "target_met": ours_pk <= TARGET_PK,
            "beats_baselines": all(ours_pk < pk for pk in baselines),
            "speed_units_per_s": {"ours": round(units_per_second(ours, dataset)),
                                  "texttiling": round(units_per_second(texttiling, dataset))},
        }
    entries = report["datasets"].values()
    report["all_targets_met"] = all(e["target_met"] and e["beats_baselines"] for e in entries)
    return report


def sensitivity(min_tokens=(80, 100, 120, 140, 160, 180), z_thresholds=(7, 8, 9, 10, 11)):
    """Pk of our method on every dataset over a grid of its two parameters."""
    tokens = {d.name: ([content_tokens(u) for u in d.units], d) for d in datasets()}
    grid = {}
    for minimum in min_tokens:
        for z in z_thresholds:
            grid[(minimum, z)] = {
                name: score(d, segment_topics(units, min_tokens=minimum, z_threshold=z))["pk"]
                for name, (units, d) in tokens.items()}
    return grid


def print_table(report: dict[str, object]) -> None:
    for name, entry in report["datasets"].items():
        print(f"\n{name}: {entry['units']} units, k={entry['k']}, gold boundaries {entry['gold']}")
        print(f"  {'method':<26}{'Pk':>8}{'WinDiff':>9}  boundaries")
        for method, result in entry["methods"].items():
            shown = result["boundaries"]
            listed = str(shown) if len(shown) <= 12 else f"{len(shown)} boundaries"
            print(f"  {method:<26}{result['pk']:>8.3f}{result['windowdiff']:>9.3f}  {listed}")
        speed = entry["speed_units_per_s"]
        print(f"  speed: ours {speed['ours']} units/s, TextTiling {speed['texttiling']} units/s "
              f"(ours is {speed['ours'] / speed['texttiling']:.0f}x as fast)")
        verdict = "MET" if entry["target_met"] else "NOT MET"
        beaten = "yes" if entry["beats_baselines"] else "NO"
        print(f"  target Pk <= {report['target_pk']:.2f} for ours: {verdict}; "
              f"lower Pk than TextTiling and keyword changes: {beaten}")
    print(f"\nall targets met: {'yes' if report['all_targets_met'] else 'NO'}")


def print_sensitivity(grid) -> None:
    names = sorted({name for row in grid.values() for name in row})
    print(f"\nsensitivity: Pk ({' / '.join(names)}) by min_tokens (rows) and z_threshold "
          "(columns); * = both <= target; defaults min_tokens=120, z_threshold=9")
    zs = sorted({z for _, z in grid})
    print("       " + "".join(f"{'z=' + str(z):>15}" for z in zs))
    for minimum in sorted({m for m, _ in grid}):
        cells = []
        for z in zs:
            pks = [grid[(minimum, z)][name] for name in names]
            mark = "*" if max(pks) <= TARGET_PK else " "
            cells.append(f"{' / '.join(f'{pk:.2f}' for pk in pks):>14}{mark}")
        print(f"  {minimum:>4} " + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--sensitivity", action="store_true",
                        help="also score our method over a grid of its parameters")
    args = parser.parse_args(argv)
    report = run()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    if args.sensitivity and not args.json:
        print_sensitivity(sensitivity())
    return 0


if __name__ == "__main__":
    sys.exit(main())
