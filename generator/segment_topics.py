"""Segment topics: find where a transcript changes subject, by lexical cohesion.

Input is one tuple of content tokens per unit (a turn or paragraph; stop words already
removed); output is the indices of the units that open a new topic. Lengths are counted in
tokens, not units, so a run of one-word turns ("Yeah.", "Roger.") weighs what it says, not
how often the speakers alternate. Two passes:

1. **Where, and how many: divisive splitting with a chi-square test.** A stretch of units is
   cut at the gap where the words before and after it are most differently distributed:
   Pearson's chi-square of the 2 x V table side x word, over the V words seen at least twice
   in the stretch (a word seen once cannot tie two places together). It becomes a z-score,
   z = (chi2 - df) / sqrt(2 df) with df = V - 1, and the stretch is cut only if
   z >= ``z_threshold`` with at least ``min_tokens`` of those words and ``min_size`` units on
   each side; each side is then treated the same way. Whether a stretch is cut depends only
   on that stretch, never on the length of the document, so a long episode gets more
   topics rather than coarser ones. The threshold sits far above nominal significance
   because talk is bursty: words recur in clumps, which in real transcripts roughly doubles
   chi-square for any cut at all.
2. **Exactly where: a lexical-chain cohesion curve (LCseg, Galley et al. 2003, of the
   TextTiling family).** Each word's occurrences are linked into chains, broken where the
   word is absent for ``min_tokens / 4`` tokens. Cohesion at a gap is the number of chains
   running across it over the geometric mean of the numbers of chains present in the
   ``min_tokens`` tokens before and after it. Each cut moves to the least cohesive gap within
   ``min_tokens / 2`` tokens that opens on a unit with words and leaves every segment at
   least ``min_tokens`` tokens and ``min_size`` units long.

A pass over a stretch is linear in its tokens (counts are updated incrementally; chains
are summed with difference arrays), so the whole costs O(tokens x depth of splitting),
never a comparison of all pairs of units. Deterministic: ties go to the earliest gap, or
in step 2 to the gap nearest the cut.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from typing import Sequence

MIN_TOKENS = 120  # recurring content tokens in the shortest topic (~500-800 spoken words)
MIN_SIZE = 3  # units in the shortest topic
Z_THRESHOLD = 9.0  # how much more than chance the two sides' words must differ
SUBTOPIC_Z = 6.0  # a lower bar for an episode's parts and topic discovery's candidates: sub-topics

STOP_WORDS = frozenset("""
a about above after again against all almost along already also although always am among an
and another any anybody anyone anything anyway are aren't around as at back be became
because become been before being below between both but by can can't cannot could couldn't
did didn't do does doesn't doing don't done down during each either else enough etc even
ever every everybody everyone everything few for from further get gets getting give given
go goes going gone got gotten had hadn't has hasn't have haven't having he he'd he'll he's
her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in
into is isn't it it'd it'll it's its itself just least less let let's made make makes many
may maybe me might mine more most much must mustn't my myself need needs neither never
next no nobody none nor not nothing now of off often on once one ones only onto or other
others otherwise ought our ours ourselves out over own per perhaps put quite rather re
same say says said see seem seems shall she she'd she'll she's should shouldn't since so
some somebody someone something sometimes somewhat still such than that that's the their
theirs them themselves then there there's therefore these they they'd they'll they're
they've thing things this those though through thus to together too toward towards under
until up upon us use used very via was wasn't we we'd we'll we're we've well were weren't
what what's whatever when when's where where's whether which while who who's whom whose
why why's will with within without won't would wouldn't yet you you'd you'll you're you've
your yours yourself yourselves ll ve
yeah yep yup yes nah okay ok alright right like know knew kind sort really just gonna
wanna gotta actually basically literally mean guess think thought stuff lot lots bit
little pretty sure well anyway totally exactly definitely probably good great cool way
want wanted look looks looking come came coming take took go went thank thanks
""".split())
FILLER = re.compile(r"^(?:u+[hm]+|[hm]+|m+-?h+m+|a+h+|o+h+|e+r+m*|eh|huh|uh-huh|mm-hmm)$")
WORD = re.compile(r"[a-z][a-z0-9'-]*[a-z0-9]")


def content_tokens(text: str) -> tuple[str, ...]:
    """Lowercased words of ``text`` without stop words or spoken fillers, plurals folded."""
    words = WORD.findall(text.lower().replace("’", "'"))
    return tuple(_fold(w) for w in words if w not in STOP_WORDS and not FILLER.match(w))


def _fold(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def segment_topics(
    units: Sequence[Sequence[str]],
    *,
    min_tokens: int = MIN_TOKENS,
    min_size: int = MIN_SIZE,
    z_threshold: float = Z_THRESHOLD,
) -> tuple[int, ...]:
    """Indices of the units that start a new topic (never 0), in increasing order.

    Stop words and fillers the caller left in ("hmm", "mm", "uh-huh") are dropped here:
    backchannels come in bursts that follow who is speaking, not what is talked about.
    """
    units = [tuple(t for t in unit if t not in STOP_WORDS and not FILLER.match(t))
             for unit in units]
    cuts = _split(units, min_tokens, min_size, z_threshold)
    return _refine(units, cuts, min_tokens, min_size) if cuts else ()


# --- 1. divisive splitting --------------------------------------------------------------

def _split(units: list[tuple[str, ...]], min_tokens: int, min_size: int,
           z_threshold: float) -> list[int]:
    cuts, stretches = [], [(0, len(units))]
    while stretches:
        start, stop = stretches.pop()
        best = _best_cut(units[start:stop], min_tokens, min_size)
        if best and best[0] >= z_threshold:
            cut = start + best[1]
            cuts.append(cut)
            stretches += [(start, cut), (cut, stop)]
    return sorted(cuts)


def _best_cut(units: list[tuple[str, ...]], min_tokens: int,
              min_size: int) -> tuple[float, int] | None:
    """The z-score of the best cut of ``units`` and the unit index it falls before."""
    counts = Counter(token for unit in units for token in unit)
    kept = [[t for t in unit if counts[t] > 1] for unit in units]  # once-only words: no info
    total, df = sum(map(len, kept)), sum(1 for n in counts.values() if n > 1) - 1
    if df < 1 or total < 2 * min_tokens:
        return None
    best: tuple[float, int] | None = None
    left: Counter[str] = Counter()
    crossing = 0.0  # sum over words of left * right / count: the chi-square's cross term
    n_left = 0
    for index in range(1, len(units)):
        for token in kept[index - 1]:
            count, before = counts[token], left[token]
            crossing += (count - 2 * before - 1) / count
            left[token] = before + 1
        n_left += len(kept[index - 1])
        n_right = total - n_left
        if min(index, len(units) - index) < min_size or min(n_left, n_right) < max(min_tokens, 1):
            continue
        chi2 = total * (1 - crossing / n_left - crossing / n_right)
        if best is None or chi2 > best[0]:
            best = (chi2, index)
    return ((best[0] - df) / math.sqrt(2 * df), best[1]) if best else None


# --- 2. placing each cut on the cohesion curve ------------------------------------------

def _refine(units: list[tuple[str, ...]], cuts: list[int], min_tokens: int,
            min_size: int) -> tuple[int, ...]:
    starts, stream = _stream(units)
    cohesion = _chain_cohesion(stream, min_tokens, max(1, min_tokens // 4))
    bounds = [*starts, len(stream)]
    placed = [0, *cuts, len(units)]
    for k in range(1, len(placed) - 1):
        before, cut, after = placed[k - 1:k + 2]
        low = max(before + min_size, bisect_left(starts, starts[cut] - min_tokens // 2))
        high = min(after - min_size, bisect_right(starts, starts[cut] + min_tokens // 2) - 1)
        options = [i for i in range(low, high + 1) if units[i]  # a topic opens with words
                   and min(starts[i] - bounds[before], bounds[after] - starts[i]) >= min_tokens]
        placed[k] = min(options or [cut], key=lambda i: (cohesion[starts[i]], abs(i - cut), i))
    return tuple(placed[1:-1])


def _stream(units: list[tuple[str, ...]]) -> tuple[list[int], list[str]]:
    starts, stream = [], []
    for unit in units:
        starts.append(len(stream))
        stream.extend(unit)
    return starts, stream


def _chains(stream: list[str], hiatus: int) -> list[tuple[int, int]]:
    """(first, last) token positions of each run of a word with gaps of at most ``hiatus``."""
    positions: defaultdict[str, list[int]] = defaultdict(list)
    for position, token in enumerate(stream):
        positions[token].append(position)
    chains = []
    for occurrences in positions.values():
        first = occurrences[0]
        for previous, position in zip(occurrences, occurrences[1:] + [None]):
            if position is None or position - previous > hiatus:
                if previous > first:
                    chains.append((first, previous))
                first = position
    return chains


def _chain_cohesion(stream: list[str], window: int, hiatus: int) -> list[float]:
    """Cohesion at every token position p (a gap before token p), from 0 to 1."""
    size = len(stream) + 2
    across, left, right = [0] * size, [0] * size, [0] * size
    for first, last in _chains(stream, hiatus):
        _mark(across, first + 1, last)  # the chain runs across the gap
        _mark(left, first + 1, last + window)  # it shows in the window before the gap
        _mark(right, first - window + 1, last)  # it shows in the window after the gap
    cohesion, n_across, n_left, n_right = [], 0, 0, 0
    for position in range(len(stream) + 1):
        n_across += across[position]
        n_left += left[position]
        n_right += right[position]
        cohesion.append(n_across / math.sqrt(n_left * n_right) if n_left and n_right else 0.0)
    return cohesion


def _mark(deltas: list[int], first: int, last: int) -> None:
    """Add 1 over positions first..last (clipped) in a difference array."""
    first, last = max(first, 0), min(last, len(deltas) - 2)
    if first <= last:
        deltas[first] += 1
        deltas[last + 1] -= 1
