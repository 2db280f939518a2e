import re

from generator.textmap import MappedText


def test_verbatim_maps_each_character_to_its_source_offset():
    source = "say hello world"
    text = MappedText.verbatim(source, 4, 15)
    assert text.text == "hello world"
    assert text.source_span(6, 11) == (10, 15)
    assert source[slice(*text.source_span(6, 11))] == "world"


def test_deleting_text_keeps_the_rest_mapped():
    source = "so, uh, reinforcement learning"
    text = MappedText.verbatim(source, 0, len(source)).sub(re.compile(r"uh, "), lambda m: "")
    assert text.text == "so, reinforcement learning"
    start, end = text.source_span(4, len(text))
    assert source[start:end] == "reinforcement learning"


def test_join_maps_both_parts_across_the_separator():
    source = "first part\n\nsecond part"
    joined = MappedText.join([MappedText.verbatim(source, 0, 10), MappedText.verbatim(source, 12, 23)])
    assert joined.text == "first part second part"
    assert source[slice(*joined.source_span(11, 17))] == "second"


def test_same_length_replacement_keeps_per_character_offsets():
    source = "i think i know"
    text = MappedText.verbatim(source, 0, len(source)).sub(re.compile(r"\bi\b"), lambda m: "I")
    assert text.text == "I think I know"
    assert text.source_span(8, 9) == (8, 9)
