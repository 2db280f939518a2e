from generator.clean import clean_transcript, tidy
from generator.ingest import read_transcript
from generator.model import Block, Metadata, Transcript
from generator.textmap import MappedText


def transcript_of(paragraphs, speakers=None):
    source = "\n\n".join(paragraphs)
    blocks, offset = [], 0
    for index, paragraph in enumerate(paragraphs):
        speaker = speakers[index] if speakers else None
        blocks.append(Block(MappedText.verbatim(source, offset, offset + len(paragraph)),
                            line=source.count("\n", 0, offset) + 1, speaker=speaker))
        offset += len(paragraph) + 2
    return Transcript("t", "t.txt", source, "plain", Metadata("T"), tuple(blocks))


def reading(text):
    return tidy(MappedText.verbatim(text, 0, len(text))).text


def test_paragraphs_split_mid_sentence_are_joined():
    t = transcript_of(["We trained the model on the whole internet and then we", "fine-tuned it on instructions that people wrote by hand.",
                       "A new thought starts here and it is long enough to stand alone as a passage."])
    passages = clean_transcript(t)
    assert len(passages) == 2
    assert passages[0].text.text.endswith("fine-tuned it on instructions that people wrote by hand.")
    assert t.source_text[passages[0].start:passages[0].end].startswith("We trained")


def test_speaker_change_always_starts_a_new_passage():
    t = transcript_of(["So what happened next with", "Yes."], speakers=["Host", "Guest"])
    assert [p.speaker for p in clean_transcript(t)] == ["Host", "Guest"]


def test_an_unnamed_speaker_change_in_captions_starts_a_new_passage(tmp_path):
    cues = [">> Welcome to the show, today", "we talk rockets.", ">> Thanks for having me.", ">> Why rockets?"]
    path = tmp_path / "captions.vtt"
    path.write_text("WEBVTT\n\n" + "".join(f"00:00:{n:02d}.000 --> 00:00:{n:02d}.900\n{cue}\n\n"
                                              for n, cue in enumerate(cues)), encoding="utf-8")
    passages = clean_transcript(read_transcript(path, tmp_path))
    assert [p.text.text for p in passages] == [
        "Welcome to the show, today we talk rockets.", "Thanks for having me.", "Why rockets?"]


def test_caption_cues_of_one_speaker_make_one_passage_until_it_is_long(tmp_path):
    """Cues are cut by time, not by thought: an answer over six cues is one passage, and a
    long one is cut at a sentence end near `passage_words`, not at every cue."""
    said = [f"Ann: Bees are fine.", "Ben: The colony grew in May.", "It swarmed in June.", "We caught the swarm.",
            *(f"Sentence number {n} of a long answer about the hive goes on here." for n in range(40)), "Ann: Wow."]
    path = tmp_path / "bees.srt"
    path.write_text("".join(f"{n}\n00:{n // 60:02d}:{n % 60:02d},000 --> 00:{n // 60:02d}:{n % 60:02d},900\n{cue}\n\n"
                            for n, cue in enumerate(said, 1)), encoding="utf-8")
    passages = clean_transcript(read_transcript(path, tmp_path), passage_words=60)
    assert passages[0].speaker == passages[-1].speaker == "Ann" and {p.speaker for p in passages[1:-1]} == {"Ben"}
    assert passages[1].text.text.startswith("The colony grew in May. It swarmed in June. We caught the swarm.")
    assert all(45 <= len(p.text.text.split()) <= 90 and p.text.text.endswith(".") for p in passages[1:-1])
    assert len(passages) - 2 == sum(len(cue.split()) for cue in said[1:-1]) // 60  # not one per cue


def test_reading_text_drops_fillers_and_stutters_and_fixes_i():
    assert reading("um, so i i think, uh, the the model works") == "So I think the model works"
    assert reading("i'm sure i've seen it") == "I'm sure I've seen it"
    assert reading("a neural neural brain, and so So why, very very so so") == "A neural brain, and so why, very very so so"
    assert reading("we flew to Bora Bora") == "We flew to Bora Bora"  # a name said twice


def test_a_filler_set_off_by_commas_goes_with_its_commas():
    assert reading("and, um, the cities grew") == "And the cities grew"
    assert reading("which is, eh, an experiment") == "Which is an experiment"
    assert reading("nice, eh? Yes.") == "Nice, eh? Yes."


def test_spaces_before_punctuation_go_unless_they_belong():
    assert reading("Hello , world . Really ?") == "Hello, world. Really?"
    assert reading("We ship it on .NET and in C# ! [img](x)") == "We ship it on .NET and in C#! [img](x)"
    french = tidy(MappedText.verbatim("Quelle émission ! D'accord : on commence , non ?", 0, 48), "fr").text
    assert french == "Quelle émission ! D'accord : on commence, non ?"


def test_reading_text_keeps_words_that_only_look_like_fillers():
    assert reading("an umbrella and a summary that that is fine") == "An umbrella and a summary that that is fine"


def test_every_passage_maps_back_to_its_source_span():
    t = transcript_of(["Um, this is, uh, the first paragraph which ends without a full stop", "and continues here. Done."])
    passage = clean_transcript(t)[0]
    assert t.source_text[passage.start:passage.end] == t.source_text
    word = passage.text.text.index("first")
    start, end = passage.text.source_span(word, word + 5)
    assert t.source_text[start:end] == "first"


def test_one_huge_block_is_split_at_sentence_ends():
    sentence = "This sentence has exactly ten words in it, you see. "
    t = transcript_of([sentence * 60])
    passages = clean_transcript(t, passage_words=100)
    assert len(passages) >= 5
    assert all(p.text.text.endswith(".") for p in passages)
    assert all(70 <= len(p.text.text.split()) <= 150 for p in passages)
    assert [p.id for p in passages][:2] == ["p001", "p002"]


def test_asr_text_without_any_punctuation_is_still_split_into_readable_passages():
    t = transcript_of(["so we went to the launch site and watched the rocket go up " * 200])
    passages = clean_transcript(t, passage_words=100)
    assert len(passages) >= 15
    assert all(len(p.text.text.split()) <= 150 for p in passages)
    assert t.source_text[passages[-1].start:passages[-1].end].strip().endswith("go up")


def test_text_without_spaces_between_words_is_cut_at_full_width_stops():
    sentence = "强化学习在语言模型上的应用还处在早期阶段，但已经有了一个立足点。"  # 32 characters
    t = transcript_of([sentence * 30])
    passages = clean_transcript(t, passage_words=180)
    assert 4 <= len(passages) <= 7  # 960 characters, about 180 each
    assert all(p.text.text.endswith("。") for p in passages)
    assert "".join(p.text.text for p in passages) == sentence * 30


def test_a_rule_or_a_line_of_symbols_is_not_a_passage():
    t = transcript_of(["The first part of the show is about engines and how loud they are.", "---", "* * *", "♪ ♪",
                       "The second part is about fuel, and it is long enough to stand alone."], ["Ann", None, None, None, "Ann"])
    assert [p.text.text[:10] for p in clean_transcript(t)] == ["The first ", "The second"]
