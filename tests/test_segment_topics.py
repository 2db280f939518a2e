"""Topic segmentation: boundaries where the subject changes, none where it does not, and
the benchmark target (Pk <= 0.30 on QMSum Bro025 and Spacelog Apollo 11)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from generator.segment_topics import content_tokens, segment_topics

ROOT = Path(__file__).resolve().parent.parent

COOKING = [
    "Yeah so today we're baking bread. You mix the flour, the water, the yeast and the salt "
    "in a big bowl, and then you knead the dough until the dough feels smooth and elastic.",
    "The dough needs time to rise. I leave the bowl of dough in a warm kitchen, covered with "
    "a towel, and the yeast slowly makes the dough double in size over about two hours.",
    "Meanwhile you heat the oven. A hot oven matters: I heat the oven with a baking stone "
    "inside, so the bread gets a crisp crust and the crumb of the loaf stays soft and airy.",
    "Then you shape the loaf. Flour the counter, fold the dough over itself, tuck the edges "
    "under, and put the loaf seam side down in a basket dusted with flour and a little salt.",
    "Before baking, score the loaf with a sharp knife. The cut lets steam escape, so the "
    "crust of the bread opens nicely in the oven instead of tearing on the side of the loaf.",
    "Bake the bread for forty minutes. Put a tray of water in the oven for steam during the "
    "first minutes of baking, then the crust browns and the kitchen smells of fresh bread.",
    "Let the loaf cool on a rack before you slice it. Cutting bread straight from the oven "
    "makes the crumb gummy, because the steam inside the loaf is still cooking the dough.",
    "Um, and leftover bread is never wasted in my kitchen: stale loaf slices become toast, "
    "crumbs for a sauce, or a bread pudding baked in the oven with butter, milk and eggs.",
]
ASTRONOMY = [
    "Okay, switching to the night sky. With a small telescope you can see the moons of "
    "Jupiter, the rings of Saturn, and craters on our own moon on any clear night.",
    "Galaxies are harder. The Andromeda galaxy is visible to the naked eye from a dark site, "
    "but a telescope shows its bright core and the dust lanes of the galaxy much better.",
    "Stars differ in colour because of temperature. A red star like Betelgeuse is cooler, "
    "while a blue star like Rigel burns hotter; the telescope makes the star colours clear.",
    "Light pollution is the enemy of astronomy. City lights wash out faint stars and "
    "galaxies, so astronomers drive to dark skies far from towns to observe the night sky.",
    "Planets move against the background stars. Over weeks you can watch Mars drift across "
    "a constellation, which is why the ancients called the planets wandering stars.",
    "A telescope mount matters as much as the optics. An equatorial mount follows the stars "
    "as the Earth rotates, so a planet or galaxy stays in the telescope eyepiece.",
    "Hmm, astrophotography takes long exposures. A camera on the telescope collects light "
    "from a faint galaxy or nebula for hours, showing detail the eye never sees at night.",
    "Eclipses are the great events of astronomy. When the moon covers the sun, the sky "
    "darkens, stars appear in daytime, and the corona glows around the black lunar disc.",
]
FOOTBALL = [
    "Right, now football. The match on Saturday was tense: the home team scored an early "
    "goal from a corner, and the defence held the lead until the second half of the match.",
    "The striker was brilliant. She beat two defenders, the goalkeeper came out, and she "
    "chipped the ball over the keeper into the net for her third goal of the season.",
    "The coach changed the formation at half time. Moving a midfielder into defence closed "
    "the gaps, and the team kept the ball better in midfield for the rest of the match.",
    "Then came the penalty. A defender fouled the winger in the box, the referee pointed to "
    "the spot, and the captain scored the penalty low to the goalkeeper's left.",
    "Fans in the stadium sang for the whole match. The atmosphere helps a team, especially "
    "when the players are tired late in the second half and the opponents press for a goal.",
    "The league table is tight now. Three points from this match lift the team to second, "
    "one point behind the leaders, with six league games left in the season.",
    "Injuries are the worry. The goalkeeper hurt a shoulder, and the team has only a young "
    "keeper on the bench for the next match against the league leaders.",
    "Uh, the transfer window opens next month, and the coach wants another striker and a "
    "defender, because the team scores goals but concedes too many from set pieces.",
]


def as_units(paragraphs: list[str]) -> list[tuple[str, ...]]:
    return [content_tokens(paragraph) for paragraph in paragraphs]


def segments_of(boundaries: tuple[int, ...], length: int) -> list[range]:
    edges = [0, *boundaries, length]
    return [range(start, stop) for start, stop in zip(edges, edges[1:])]


def test_three_subjects_split_where_the_subject_changes():
    # Eight short paragraphs a subject (~130 content words) are shorter than the default
    # minimum topic (several minutes of talk), so this lowers the minimum.
    units = as_units(COOKING + ASTRONOMY + FOOTBALL)
    boundaries = segment_topics(units, min_tokens=40)
    assert len(boundaries) == 2
    assert abs(boundaries[0] - 8) <= 1 and abs(boundaries[1] - 16) <= 1


def test_three_longer_subjects_split_with_the_defaults():
    units = as_units(COOKING * 2 + ASTRONOMY * 2 + FOOTBALL * 2)
    boundaries = segment_topics(units)
    assert len(boundaries) == 2
    assert abs(boundaries[0] - 16) <= 1 and abs(boundaries[1] - 32) <= 1


@pytest.mark.parametrize("subject", [COOKING, ASTRONOMY, FOOTBALL])
@pytest.mark.parametrize("min_tokens", [20, 120])
def test_one_subject_stays_one_topic(subject, min_tokens):
    order = [3, 0, 6, 1, 7, 4, 2, 5]
    paragraphs = [subject[i] for i in order] + subject + [subject[i] for i in reversed(order)]
    assert len(segment_topics(as_units(paragraphs), min_tokens=min_tokens)) <= 1


@pytest.mark.parametrize("min_size", [1, 4, 7])
def test_segments_keep_the_minimum_size(min_size):
    units = as_units(COOKING + ASTRONOMY + FOOTBALL)
    boundaries = segment_topics(units, min_size=min_size, min_tokens=20)
    assert boundaries, "three subjects should give at least one boundary"
    for segment in segments_of(boundaries, len(units)):
        assert len(segment) >= min_size
        assert sum(len(units[i]) for i in segment) >= 20


def test_same_input_same_boundaries():
    units = as_units(COOKING + ASTRONOMY + FOOTBALL)
    first = segment_topics(units)
    assert segment_topics([list(unit) for unit in units]) == first
    assert segment_topics(tuple(units)) == first


@pytest.mark.parametrize("units", [[], [()], [("bread",)], [(), (), ()], [("bread", "oven")] * 3])
def test_empty_or_short_input_has_no_boundaries(units):
    assert segment_topics(units) == ()


def test_boundaries_are_sorted_unit_starts_after_the_first():
    units = as_units(FOOTBALL + COOKING + ASTRONOMY + COOKING)
    boundaries = segment_topics(units, min_tokens=40)
    assert list(boundaries) == sorted(set(boundaries))
    assert all(0 < b < len(units) for b in boundaries)


def test_content_tokens_drop_fillers_and_stop_words():
    tokens = content_tokens("Um, yeah, so we'll, uh, mm-hmm, bake the loaves in the OVEN.")
    assert tokens == ("bake", "loave", "oven")
    assert content_tokens("Mmm . Hmm . Uh-huh .") == ()


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_segmentation",
                                                  ROOT / "bench" / "segmentation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("loader", ["load_qmsum", "load_spacelog"])
def test_benchmark_target_pk(loader):
    bench = load_bench()
    dataset = getattr(bench, loader)()
    assert bench.DATA.is_relative_to(ROOT)  # the repo's own copy, not the shared corpus
    result = bench.score(dataset, bench.ours(dataset.units))
    assert result["pk"] <= bench.TARGET_PK, (dataset.name, result)
