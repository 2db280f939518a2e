"""Ingest: every supported format read into blocks that map back to the exact source text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.errors import ConfigError, TranscriptError, line_of
from generator.ingest import FORMATS, read_transcript, slugify
from generator.model import InlineMark, Person, Transcript

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "formats"
SEED = REPO / "content" / "episodes" / "manifold-2025-03-13-misha-laskin.txt"  # the seed, as shipped
CORPUS = REPO / "tests" / "fixtures" / "corpus"
PODQUEST_CHROME = ("We're sunsetting PodQuest", "Export Podcast Subscriptions", "cover of episode",
                   "logo of podcast", "AI Deep Dive AI Chapters Transcript", "Shownotes Transcript",
                   "Translations:")



def read(path: Path, **kwargs) -> Transcript:
    transcript = read_transcript(path, REPO, **kwargs)
    assert_maps_back(transcript)
    return transcript


def json_char_at(source: str, offset: int) -> str:
    """The one character a JSON string literal writes at `offset` (a plain char or an escape)."""
    if source[offset] != "\\":
        return source[offset]
    for length in (12, 6, 2):  # surrogate pair, \uXXXX, \n-style escape
        try:
            decoded = json.loads('"' + source[offset:offset + length] + '"')
        except ValueError:
            continue
        if len(decoded) == 1:
            return decoded
    raise AssertionError(f"no JSON escape at offset {offset}")


def assert_maps_back(transcript: Transcript) -> None:
    """Every character of every block comes from where its offset says, on the block's line."""
    source = transcript.source_text
    char_at = json_char_at if transcript.format == "whisper" else (lambda text, offset: text[offset])
    for block in transcript.blocks:
        offsets = block.text.offsets()
        assert "".join(char_at(source, o) for o in offsets) == block.text.text, block
        assert block.line <= line_of(source, offsets[0]) <= block.line + 1, block  # +1: label on its own line
        for mark in block.marks:
            assert source[mark.start:mark.end] == mark.term


def speakers(transcript: Transcript) -> set[str | None]:
    return {block.speaker for block in transcript.blocks}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- every fixture ----------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("plain.txt", "plain"), ("labelled.txt", "labelled"), ("labelled.md", "labelled"),
    ("sample.srt", "srt"), ("sample.vtt", "vtt"), ("sample.json", "whisper"),
    ("spacelog.txt", "spacelog"), ("podquest.txt", "podquest"), ("otter.txt", "labelled"),
    ("pyannote.txt", "labelled"), ("per-line.txt", "labelled"), ("hf-chunks.json", "whisper"),
    ("whisper-cpp.json", "whisper"),
])
def test_each_fixture_is_detected_and_maps_back_exactly(name, expected):
    transcript = read(FIXTURES / name)
    assert transcript.format == expected
    assert transcript.blocks
    assert "\r" not in transcript.source_text


@pytest.mark.parametrize("name, expected", [
    ("sample.srt", "srt"), ("sample.vtt", "vtt"), ("sample.json", "whisper"),
    ("spacelog.txt", "spacelog"), ("podquest.txt", "podquest"), ("labelled.md", "labelled"),
    ("otter.txt", "labelled"), ("per-line.txt", "labelled"), ("hf-chunks.json", "whisper"),
    ("whisper-cpp.json", "whisper"),
])
def test_formats_are_sniffed_from_content_when_the_extension_says_nothing(tmp_path, name, expected):
    copy = write(tmp_path, "episode.txt", (FIXTURES / name).read_bytes())
    assert read(copy).format == expected


def test_identity_and_source_path():
    transcript = read(FIXTURES / "sample.srt")
    assert transcript.id == "sample"
    assert transcript.source == "tests/fixtures/formats/sample.srt"
    assert slugify("000_791582520db7e7b4") == "000-791582520db7e7b4"
    assert slugify("Épisode 12: Ça va") == "episode-12-ca-va"
    assert slugify("月球") == slugify("月球") and slugify("月球").startswith("episode-")


def test_a_file_outside_the_project_keeps_its_absolute_path(tmp_path):
    path = write(tmp_path, "Outside Episode.txt", "Just one paragraph.\n")
    transcript = read_transcript(path, REPO)
    assert transcript.source == path.resolve().as_posix()
    assert transcript.id == "outside-episode"
    assert transcript.meta.title == "Outside Episode"


def test_plain_paragraphs_timestamps_and_sidecar_metadata():
    transcript = read(FIXTURES / "plain.txt")
    meta = transcript.meta
    assert (meta.title, meta.podcast, meta.date) == ("Lunar samples, fifty years on", "Moon Talk", "2023-07-20")
    assert meta.audio_url == "https://example.org/lunar-samples.mp3"
    assert meta.people == (Person("Ada Lovelace", "host"), Person("Charles Babbage", "guest"),
                           Person("Mary Somerville", "guest"))
    blocks = transcript.blocks
    assert [b.line for b in blocks] == [1, 4, 7]
    assert blocks[0].text.text.endswith("studied them\nfor more than fifty years, and they are still learning.")
    assert (blocks[1].time, blocks[1].text.text[:5]) == (90.0, "Note:")
    assert (blocks[2].time, blocks[2].text.text) == (135.0, "The last paragraph ends here, with a café on the Moon.")
    assert speakers(transcript) == {None}


def test_labelled_text_roles_host_alias_and_continuations():
    transcript = read(FIXTURES / "labelled.txt")
    turns = [(b.speaker, b.text.text[:22]) for b in transcript.blocks]
    assert turns == [
        ("Ada Lovelace", "Welcome to the show. T"),
        ("Ada Lovelace", "Let me start with the "),  # "Host:" is the one person labelled (Host)
        ("Charles Babbage", "An engine is a machine"),
        ("Charles Babbage", "It also has a mill and"),  # no label: the same speaker goes on
        (None, "[ Laughter ]"),  # a stage direction is nobody's words
        ("Charles Babbage", "Remember: this one-wor"),  # a one-off "Word:" is a sentence
        ("Dr. Mary Somerville", "And it can weave algeb"),
    ]
    assert transcript.blocks[2].text.text == "An engine is a machine\nthat computes."
    assert transcript.meta.people == (Person("Ada Lovelace", "host"), Person("Charles Babbage", "speaker"),
                                      Person("Dr. Mary Somerville", "speaker"))
    assert transcript.meta.title == "Labelled"  # from the file name: nothing else names it


def test_prose_with_colons_stays_plain(tmp_path):
    text = "Here is the thing: it works.\n\nAnother idea: maybe not.\n\nThe end.\n"
    transcript = read(write(tmp_path, "essay.txt", text))
    assert transcript.format == "plain"
    assert transcript.blocks[0].text.text == "Here is the thing: it works."


def test_label_on_its_own_line_with_a_time_in_parentheses(tmp_path):
    text = "Speaker 1 (00:00:05):\nHello there.\n\nSpeaker 2 (01:10):\nHi.\n\nAnd more.\n"
    transcript = read(write(tmp_path, "rev.txt", text))
    turns = [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks]
    assert turns == [(1, "Speaker 1", 5.0, "Hello there."), (4, "Speaker 2", 70.0, "Hi."),
                     (7, "Speaker 2", None, "And more.")]


def test_markdown_bold_labels_inline_timestamps_and_title():
    transcript = read(FIXTURES / "labelled.md")
    assert transcript.meta.title == "Shipping in space"
    turns = [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks]
    assert turns == [
        (3, "Justin Garrison", None, "Welcome to the show. \\[laughter\\]"),
        (5, "Andrew Guenther", 62.0, "Thanks for having me."),
        (7, "Andrew Guenther", None, "So I work on satellites."),
        (9, "Andrew Guenther", 65.0, "And we write the firmware in C++."),
        (13, "Autumn Nash", 190.0, "What language do you use?"),
    ]
    assert "Break" not in {p.name for p in transcript.meta.people}


def test_srt_cues_speakers_and_tags():
    transcript = read(FIXTURES / "sample.srt")
    cues = [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks]
    assert cues == [
        (3, "Ada", 1.0, "Hello and welcome."),
        (7, "Charles", 4.0, "Thank you.\nIt is good to be here."),
        (12, None, 62.5, "The engine hums."),
    ]


def test_vtt_voices_notes_settings_and_markup():
    transcript = read(FIXTURES / "sample.vtt")
    cues = [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks]
    assert cues == [
        (11, "Pat Ryan", 1.0, "Welcome to Houston, we have a podcast."),
        (14, "Samuel Lawrence", 5.5, "Rocks & regolith,\nmostly."),
        (18, None, 9.0, "Samples tell stories."),
    ]
    assert not any("comment" in b.text.text or "cue" in b.text.text for b in transcript.blocks)


def test_whisper_segments_decode_escapes_and_map_to_the_literal():
    transcript = read(FIXTURES / "sample.json")
    segments = [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks]
    assert segments == [
        (5, "SPEAKER_00", 0.0, "The café on the Moon."),
        (6, "SPEAKER_01", 2.5, 'He said "regolith" twice — really.'),
        (7, None, 5.0, "Launch 🚀 now\\later\ttab."),
    ]
    source = transcript.source_text
    cafe = transcript.blocks[0].text
    assert source[cafe.source_offset(len("The caf")):].startswith("\\u00e9")
    rocket = transcript.blocks[2].text
    assert source[rocket.source_offset(len("Launch ")):].startswith("\\ud83d\\ude80")
    assert transcript.meta.language == "en"


def test_whisper_pretty_printed_block_line_is_the_line_of_its_text(tmp_path):
    text = '{\n  "segments": [\n    {\n      "start": 3,\n      "text": "  Spaced out. "\n    }\n  ]\n}\n'
    transcript = read(write(tmp_path, "pretty.json", text))
    assert [(b.line, b.time, b.text.text) for b in transcript.blocks] == [(5, 3.0, "Spaced out.")]


def test_whisper_accepts_a_bare_list_of_segments(tmp_path):
    path = write(tmp_path, "list.json", '[{"start": 1.5, "text": "Hello there."}]')
    transcript = read(path)
    assert [(b.time, b.text.text) for b in transcript.blocks] == [(1.5, "Hello there.")]


def test_otter_header_lines_give_speaker_and_time():
    transcript = read(FIXTURES / "otter.txt")
    turns = [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks]
    assert turns == [
        (1, "Speaker 1", 0.0, "Welcome to the show, today we talk about rockets."),
        (4, "Speaker 2", 15.0, "Thanks for having me. Rockets are great.\nThey really are."),
        (8, "Speaker 1", 3723.0, "Let us wrap up."),
    ]
    assert transcript.meta.people == (Person("Speaker 1", "speaker"), Person("Speaker 2", "speaker"))


@pytest.mark.parametrize("header", ["{name} 00:01:02", "{name} (00:01:02)", "{name}\t1:02", "{name} [1:02]"])
def test_header_line_variants_descript_and_rev(tmp_path, header):
    lines = [header.format(name="Jane Doe"), "Hello there.", "", header.format(name="Bob"), "Hi, Jane.", ""]
    transcript = read(write(tmp_path, "rev.txt", "\n".join(lines)))
    assert transcript.format == "labelled"
    assert [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks] == [
        (1, "Jane Doe", 62.0, "Hello there."), (4, "Bob", 62.0, "Hi, Jane.")]


def test_header_lines_without_blank_lines_and_a_header_on_its_own(tmp_path):
    text = "Speaker 1  0:00\nWelcome.\nSpeaker 2  0:15\nThanks.\n\nSpeaker 1  0:20\n\nOn its own line.\n"
    transcript = read(write(tmp_path, "otter.txt", text))
    assert [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks] == [
        (1, "Speaker 1", 0.0, "Welcome."), (3, "Speaker 2", 15.0, "Thanks."),
        (8, "Speaker 1", 20.0, "On its own line.")]


def test_a_lone_line_ending_in_a_time_stays_prose(tmp_path):
    text = "We met at 10:30\nand talked for hours.\n\nThen we left.\n"
    transcript = read(write(tmp_path, "prose.txt", text))
    assert transcript.format == "plain"
    assert transcript.blocks[0].text.text.startswith("We met at 10:30")


def test_diarization_labels_are_speakers():
    transcript = read(FIXTURES / "pyannote.txt")
    assert [(b.speaker, b.text.text) for b in transcript.blocks] == [
        ("SPEAKER_00", "Hello there and welcome."), ("SPEAKER_01", "Thanks, glad to be here."),
        ("SPEAKER_00", "Let us begin.")]


@pytest.mark.parametrize("first, second", [("Speaker 1", "Speaker 2"), ("S1", "S2"), ("SPEAKER_00", "SPEAKER_01"),
                                           ("spk_0", "spk_1")])
def test_diarization_ids_seen_once_are_speakers(tmp_path, first, second):
    text = f"{first}: Hello there.\n\n{second}: Hi.\n\n{first}: Bye now.\n"
    transcript = read(write(tmp_path, "ids.txt", text))
    assert [(b.speaker, b.text.text) for b in transcript.blocks] == [
        (first, "Hello there."), (second, "Hi."), (first, "Bye now.")]


def test_one_utterance_per_line_with_timestamps_and_continuations():
    transcript = read(FIXTURES / "per-line.txt")
    assert [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks] == [
        (1, "Alice", 1.0, "Hello there."), (2, "Bob", 5.0, "Hi Alice, how are you?"),
        (3, "Alice", 9.0, "Fine thanks.\nI mean it."), (6, "Bob", 60.0, "Good to hear.")]


@pytest.mark.parametrize("stamp, expected", [
    ("", [None, None, None]), ("00:00:0{n} ", [1.0, 5.0, 9.0]), ("(00:00:0{n}) ", [1.0, 5.0, 9.0]),
    ("[0{n}:00] ", [60.0, 300.0, 540.0]),
])
def test_one_utterance_per_line_stamp_styles(tmp_path, stamp, expected):
    lines = [("Alice", "Hello there.", 1), ("Bob", "Hi Alice.", 5), ("Alice", "Fine: thanks.", 9)]
    text = "".join(f"{stamp.format(n=n)}{name}: {said}\n" for name, said, n in lines)
    transcript = read(write(tmp_path, "chat.txt", text))
    assert transcript.format == "labelled"
    assert [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks] == [
        (1, "Alice", expected[0], "Hello there."), (2, "Bob", expected[1], "Hi Alice."),
        (3, "Alice", expected[2], "Fine: thanks.")]


def test_transformers_asr_chunks():
    transcript = read(FIXTURES / "hf-chunks.json")
    assert [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks] == [
        (4, None, 0.0, "Hello."), (5, None, 2.0, 'The café is "open".'), (6, None, 4.5, "Bye.")]


def test_whisper_cpp_transcription():
    transcript = read(FIXTURES / "whisper-cpp.json")
    assert [(b.line, b.time, b.text.text) for b in transcript.blocks] == [
        (10, 0.0, "Hello."), (15, 2.0, "Naïve question — why?"), (19, 65.25, "Time from the clock.")]
    assert transcript.meta.language == "en"


def test_spacelog_times_continuations_and_glossary_marks():
    transcript = read(FIXTURES / "spacelog.txt")
    turns = [(b.line, b.speaker, b.time, b.text.text) for b in transcript.blocks]
    assert turns == [
        (4, "CDR", 4.0, "Roger. Clock."),
        (7, "CC", 62.0, "Stand by the S-IVB to COI capability.\nIt is a long message\nthat continues here."),
        (12, "CMP", 93784.0, "SECO. We are showing 101.4 by 103.6."),
        (13, "LMP", 93784.0, "Copy that."),
    ]
    source = transcript.source_text
    marks = transcript.blocks[1].marks
    assert [m.term for m in marks] == ["S-IVB", "COI"]
    assert marks[0] == InlineMark("S-IVB", source.index("S-IVB"), source.index("S-IVB") + 5)
    assert transcript.blocks[2].marks[0].term == "SECO"


def test_podquest_page_not_tuned_to_the_seed():
    transcript = read(FIXTURES / "podquest.txt")
    meta = transcript.meta
    assert (meta.title, meta.podcast, meta.date) == ("Lunar Water and the Next Landing", "Space Talk", "2024-11-05")
    assert meta.people == (Person("Jane Doe", "speaker"), Person("Richard Roe", "speaker"))
    summaries = [(s.speaker, s.language, s.text) for s in meta.summaries]
    assert summaries == [
        ("Jane Doe", "en", "Jane explains why water ice at the poles matters. She argues: robotic scouts first."),
        ("Richard Roe", "en", "Richard describes the landing sites."),
    ]
    assert [b.text.text for b in transcript.blocks] == [
        "Welcome to Space Talk. Today Jane Doe joins us.", "Thanks, Richard. Water is the key resource."]


def test_podquest_without_people_or_summary(tmp_path):
    page = ("Export Podcast Subscriptions\ncover of episode Short One\n\nShort One\n\n2023/1/2\n"
            "logo of podcast Tiny Pod\n\nShownotes Transcript\n\nTranslations:\nEnglish\n\nOnly line.\n")
    transcript = read(write(tmp_path, "short.txt", page))
    assert transcript.format == "podquest"
    assert (transcript.meta.title, transcript.meta.date, transcript.meta.people) == ("Short One", "2023-01-02", ())
    assert [b.text.text for b in transcript.blocks] == ["Only line."]


# --- the real seed and corpus -----------------------------------------------------------

def test_seed_podquest_page():
    transcript = read(SEED)
    meta = transcript.meta
    assert transcript.format == "podquest"
    assert meta.title == "Misha Laskin, Reflection.ai — From Physics to SuperIntelligence"
    assert (meta.podcast, meta.date, meta.language) == ("Manifold", "2025-03-13", "en")
    assert [(s.speaker, s.language) for s in meta.summaries] == [("Misha Laskin", "zh"), ("Steve Hsu", "zh")]
    assert meta.summaries[0].text.startswith("我拥有理论物理学的背景")
    assert meta.summaries[1].text.startswith("作为理论物理学")
    assert "Steve Hsu:" not in meta.summaries[0].text
    assert {p.name for p in meta.people} == {"Misha Laskin", "Steve Hsu"}
    assert len(transcript.blocks) == 130
    assert transcript.blocks[0].text.text.startswith("AlphaGo never stopped improving")
    assert transcript.blocks[-1].text.text.endswith("Thanks for having me, Stephen.")
    for block in transcript.blocks:
        assert not block.text.text.startswith(PODQUEST_CHROME) and block.text.text not in ("中文", "M", "Deep Dive")


def test_seed_with_the_project_sidecar_marks_host_and_guest(tmp_path):
    path = tmp_path / "manifold-2025-03-13-misha-laskin.txt"
    shutil.copy(SEED, path)
    write(tmp_path, path.stem + ".yml", "podcast: Manifold\ndate: 2025-03-13\nhost: Steve Hsu\n"
                                        "guests: [Misha Laskin]\nlanguage: en\n")
    meta = read(path).meta
    assert meta.people == (Person("Steve Hsu", "host"), Person("Misha Laskin", "guest"))
    assert meta.title.startswith("Misha Laskin, Reflection.ai")  # the page still gives the title


def test_nasa_transcript_speakers():
    transcript = read(CORPUS / "nasa-hwhap-ep114-value-of-the-moon.txt")
    assert transcript.format == "labelled"
    assert speakers(transcript) == {"Pat Ryan", "Samuel Lawrence", None}
    assert Person("Pat Ryan", "host") in transcript.meta.people
    assert Person("Samuel Lawrence", "speaker") in transcript.meta.people
    first_question = next(b for b in transcript.blocks if b.text.text.startswith("Let me start"))
    assert first_question.speaker == "Pat Ryan"  # labelled just "Host:"
    assert next(b for b in transcript.blocks if "Music" in b.text.text).speaker is None
    assert not any(b.text.text.startswith(("Host:", "Samuel Lawrence:")) for b in transcript.blocks)


def test_changelog_transcript_speakers_and_times():
    transcript = read(CORPUS / "changelog-605-shipping-in-space.md")
    assert speakers(transcript) - {None} == {"Justin Garrison", "Andrew Guenther", "Autumn Nash",
                                             "Anita Zhang", "Gina Häußge"}
    by_line = {b.line: b for b in transcript.blocks}
    assert (by_line[59].speaker, by_line[59].time) == ("Andrew Guenther", 495.0)  # unlabelled, \[08:15\]
    assert (by_line[117].speaker, by_line[117].time) == ("Andrew Guenther", 947.0)
    assert by_line[117].text.text.startswith("It's a big push-pull")
    assert by_line[525].time == pytest.approx(3720.09)
    assert "\\[laughter\\]" in by_line[3].text.text
    assert 395 not in by_line  # "**Break**: \[42:32\]" is not speech


def test_spacelog_corpus_transcript():
    transcript = read(CORPUS / "spacelog-apollo11-TEC-launch-to-docking.txt")
    assert transcript.format == "spacelog"
    assert {"CDR", "CC", "CMP", "LMP"} <= speakers(transcript)
    assert (transcript.blocks[0].speaker, transcript.blocks[0].time) == ("CDR", 4.0)
    texts = [b.text.text for b in transcript.blocks]
    assert not any("_page" in t or "_tape" in t or "[glossary:" in t for t in texts)
    assert sum(len(b.marks) for b in transcript.blocks) > 20


# --- bad input ----------------------------------------------------------------------------

def error_for(path: Path, kind=TranscriptError, **kwargs) -> str:
    with pytest.raises(kind) as caught:
        read_transcript(path, REPO, **kwargs)
    return str(caught.value)


@pytest.mark.parametrize("name", ["empty.txt", "empty.srt", "empty.vtt", "empty.json"])
def test_empty_files(tmp_path, name):
    message = error_for(write(tmp_path, name, "  \n\n\t\n"))
    assert name in message and "is empty, expected a transcript" in message


@pytest.mark.parametrize("name", ["binary.txt", "binary.srt", "binary.json"])
def test_binary_files_name_the_line(tmp_path, name):
    message = error_for(write(tmp_path, name, b"first line\nsecond\n\x00\x01\x02PNG"))
    assert f"{name}:3:" in message and "binary" in message


@pytest.mark.parametrize("name", ["latin.txt", "latin.vtt", "latin.md"])
def test_latin1_bytes_name_the_line_and_expect_utf8(tmp_path, name):
    message = error_for(write(tmp_path, name, "line one\r\nline two\r\nCaf\xe9\n".encode("latin-1")))
    assert f"{name}:3:" in message and "UTF-8" in message


def test_utf16_is_refused_with_advice(tmp_path):
    message = error_for(write(tmp_path, "wide.txt", "Hello".encode("utf-16")))
    assert "wide.txt:1:" in message and "UTF-16" in message


def test_bom_and_crlf_and_lone_cr_are_normalised(tmp_path):
    path = write(tmp_path, "windows.txt", b"\xef\xbb\xbfFirst line\r\nstill first.\r\n\r\nSecond.\rthird line\r")
    transcript = read(path)
    assert transcript.source_text == "First line\nstill first.\n\nSecond.\nthird line\n"
    assert [(b.line, b.text.text) for b in transcript.blocks] == [
        (1, "First line\nstill first."), (4, "Second.\nthird line")]


def test_malformed_srt_timestamp(tmp_path):
    text = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:0x,500 --> 00:00:04,000\nBye.\n"
    message = error_for(write(tmp_path, "bad.srt", text))
    assert "bad.srt:6:" in message and "00:01:02,500 --> 00:01:04,000" in message and "00:00:0x,500" in message


def test_srt_cue_without_timing(tmp_path):
    message = error_for(write(tmp_path, "bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nHi.\n\nHello there\n"))
    assert "bad.srt:5:" in message and "expected a cue number or a timestamp" in message


def test_vtt_without_header(tmp_path):
    message = error_for(write(tmp_path, "bad.vtt", "00:00:01.000 --> 00:00:02.000\nHello.\n"))
    assert "bad.vtt:1:" in message and "WEBVTT" in message


def test_malformed_vtt_timestamp(tmp_path):
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n\nintro\n00:00:03,000 --> 00:00:04.000\nBye.\n"
    message = error_for(write(tmp_path, "bad.vtt", text))
    assert "bad.vtt:7:" in message and "00:01:02.500 --> 00:01:04.000" in message


def test_malformed_spacelog_timestamp(tmp_path):
    text = "[00:00:00:04]\nCDR: Roger.\n\n[00:00:0x:13]\nCDR: Roll.\n"
    message = error_for(write(tmp_path, "bad.txt", text), format="spacelog")
    assert "bad.txt:4:" in message and "[00:00:01:02]" in message and "[00:00:0x:13]" in message


def test_spacelog_timestamp_out_of_range(tmp_path):
    message = error_for(write(tmp_path, "bad.txt", "[00:00:00:04]\nCDR: A.\n\n[00:00:75:00]\nCC: B.\n"))
    assert "bad.txt:4:" in message and "minutes" in message


def test_invalid_json_gives_line_and_column(tmp_path):
    text = '{\n  "segments": [\n    {"start": 0, "text": "Hi"}\n    {"start": 1, "text": "Bye"}\n  ]\n}\n'
    message = error_for(write(tmp_path, "bad.json", text))
    assert "bad.json:4:" in message and "not valid JSON" in message and "column" in message


@pytest.mark.parametrize("segment, expected", [
    ('{"text": "no start"}', "'start'"),
    ('{"start": "soon", "text": "x"}', '"soon"'),
    ('{"start": 2, "text": 42}', "'text'"),
])
def test_bad_whisper_segment_names_index_and_line(tmp_path, segment, expected):
    text = '{"segments": [\n  {"start": 0, "text": "Fine."},\n  ' + segment + "\n]}\n"
    message = error_for(write(tmp_path, "bad.json", text))
    assert "bad.json:3:" in message and "segments[1]" in message and expected in message


def test_json_without_segments(tmp_path):
    message = error_for(write(tmp_path, "other.json", '{"words": []}'))
    assert "other.json:1:" in message and "'segments'" in message
    assert "'chunks'" in message and "'transcription'" in message and '"timestamp": [0.0, 2.5]' in message


@pytest.mark.parametrize("chunk", ['{"timestamp": ["0.0", 2.0], "text": "x"}', '{"timestamp": 3, "text": "x"}',
                                   '{"timestamp": [1.0, "later"], "text": "x"}', '{"text": "x"}'])
def test_bad_transformers_chunk_names_index_and_line(tmp_path, chunk):
    text = '{"text": "", "chunks": [\n  {"timestamp": [0.0, null], "text": "Fine."},\n  ' + chunk + "\n]}\n"
    message = error_for(write(tmp_path, "bad.json", text))
    assert "bad.json:3:" in message and "chunks[1]" in message and "'timestamp'" in message
    assert "[start, end]" in message


@pytest.mark.parametrize("item", ['{"offsets": {"from": "0"}, "text": "x"}',
                                  '{"timestamps": {"from": "soon"}, "text": "x"}', '{"offsets": {"from": 5}}'])
def test_bad_whisper_cpp_item_names_index_and_line(tmp_path, item):
    text = '{"transcription": [\n  {"offsets": {"from": 0, "to": 10}, "text": "Fine."},\n  ' + item + "\n]}\n"
    message = error_for(write(tmp_path, "bad.json", text))
    assert "bad.json:3:" in message and "transcription[1]" in message
    assert ("'offsets'" in message and "milliseconds" in message) or "'text'" in message


def test_podquest_without_transcript_section(tmp_path):
    page = "Export Podcast Subscriptions\ncover of episode X\n\nX\nlogo of podcast Y\nPeople\nM\nMe\n"
    message = error_for(write(tmp_path, "page.txt", page), format="podquest")
    assert "page.txt:8:" in message and "Translations:" in message


def test_unknown_format_argument(tmp_path):
    message = error_for(write(tmp_path, "a.txt", "Hello."), format="subrip")
    assert "a.txt" in message and "srt" in message


# --- sidecar metadata -----------------------------------------------------------------------

def sidecar_error(tmp_path: Path, yml: str) -> str:
    write(tmp_path, "episode.txt", "Hello there.\n")
    write(tmp_path, "episode.yml", yml)
    return error_for(tmp_path / "episode.txt", ConfigError)


def test_sidecar_unknown_key_suggests_the_right_one(tmp_path):
    message = sidecar_error(tmp_path, "podcast: Moon Talk\ntitel: Oops\n")
    assert "episode.yml:2:" in message and "titel" in message and "did you mean 'title'" in message


@pytest.mark.parametrize("value", ["13/03/2025", "2025-3-13", "2025-02-30", "2025-03-13 10:00:00"])
def test_sidecar_bad_date(tmp_path, value):
    message = sidecar_error(tmp_path, f"title: T\n\ndate: {value}\n")
    assert "episode.yml:3:" in message and "YYYY-MM-DD" in message


def test_sidecar_invalid_yaml_and_wrong_types(tmp_path):
    assert "episode.yml:2:" in sidecar_error(tmp_path, "title: T\n  host: Ada\n")
    message = sidecar_error(tmp_path, "guests:\n  - Ada\n  - {name: Bob}\n")
    assert "episode.yml:3:" in message and "guests" in message
    message = sidecar_error(tmp_path, "format: srtt\n")
    assert "episode.yml:1:" in message and "did you mean 'srt'" in message


def test_sidecar_yaml_extension_date_object_and_forced_format(tmp_path):
    path = write(tmp_path, "episode.txt", "Ada: Hello.\n\nAda: Again.\n")
    write(tmp_path, "episode.yaml", "date: 2024-02-29\nformat: plain\ntitle: 1984\nhost: Ada\n")
    transcript = read(path)
    assert (transcript.format, transcript.meta.date, transcript.meta.title) == ("plain", "2024-02-29", "1984")
    assert speakers(transcript) == {None}  # read as plain: labels stay text
    assert transcript.meta.people == (Person("Ada", "host"),)


def test_format_argument_beats_the_sidecar_and_detection(tmp_path):
    path = write(tmp_path, "episode.txt", "Ada Lovelace: Hello.\n\nCharles Babbage: Hi.\n")
    write(tmp_path, "episode.yml", "format: plain\n")
    assert read(path).format == "plain"
    assert speakers(read(path, format="labelled")) == {"Ada Lovelace", "Charles Babbage"}
    assert set(FORMATS) == {"podquest", "plain", "labelled", "srt", "vtt", "whisper", "spacelog"}
