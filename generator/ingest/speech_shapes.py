"""Where speech-to-text tools put their segments in JSON, and how each gives a segment's
text, start and speaker: one `Shape` per layout, read by `whisper.py`.

- Whisper (openai-whisper, faster-whisper, WhisperX, OpenAI's API `verbose_json`):
  `{"segments": [{"start", "end", "text", "speaker"?}]}`, or a bare list of segments;
- Hugging Face transformers ASR pipeline: `{"chunks": [{"timestamp": [start, end], "text"}]}`
  (`end` may be null);
- whisper.cpp: `{"transcription": [{"offsets": {"from": 1500, ...}, "timestamps": {"from":
  "00:00:01,500", ...}, "text"}]}`, the time from `offsets.from` (ms) or else `timestamps.from`;
- AssemblyAI: `{"utterances": [{"speaker": "A", "start": 1500 (ms), "text"}]}`;
- Deepgram: `results.channels[0].alternatives[0].paragraphs.paragraphs[].sentences[]` (one
  block per sentence, the speaker from its paragraph), else `results.utterances[]`, else the
  `words[]` of the default response (`punctuated_word`, `start`, `speaker`), one block per word;
  its `utterances` saved on their own are told from AssemblyAI's by starts in seconds (`0.52`);
- Amazon Transcribe: `results.audio_segments[]` with `start_time`, `transcript`, `speaker_label`,
  else `results.items[]`, one block per word with its punctuation, the speaker from the item or
  from `results.speaker_labels.segments`;
- insanely-fast-whisper with diarization: `speakers[]` shaped like `chunks` plus `speaker`
  (preferred to its `chunks`, which have no speakers);
- Whisper with word timestamps: segments that list `words` but leave out their `text`, and
  WhisperX's `word_segments` alone: one block per word (joined into passages like Speechmatics');
- Fireflies.ai's API: `data.transcript.sentences[]` with `speaker_name`, `text`, `start_time`;
- Podcasting 2.0 JSON transcripts: `{"version": "1.0.0", "segments": [{"speaker", "startTime",
  "endTime", "body"}]}`, often one word per segment (`clean.py` joins them into passages);
- Rev.ai: `monologues[]`, each a block of its `elements` written one after another (Rev puts
  the spaces in `punct` elements), the time from its first word's `ts`;
- Speechmatics json-v2: `results[]` of `word` and `punctuation` items with `start_time` and
  `alternatives[0].content` (and `speaker`): one block per word with the punctuation that
  attaches to it, since the spaces between words are written nowhere (`clean.py` joins a
  speaker's words into passages, as for one-word Podcasting 2.0 segments);
- Google Cloud Speech-to-Text (and IBM Watson): `results[].alternatives[0].transcript`, the time
  and speaker from the first word (v1 `startTime`/`speakerTag`, v2 `startOffset`/`speakerLabel`),
  else the time where the result before ended (`resultEndTime`, `resultEndOffset`);
- Azure batch transcription: `recognizedPhrases[]` with `offsetInTicks`, `speaker` and
  `nBest[0].display`;
- YouTube's json3 captions: `events[]` with `tStartMs` (ms) and `segs[].utf8` written one
  after another; events without words (window settings, line breaks) are skipped.

Times may be numbers, numeric strings or clocks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable

from .jsonmap import LocatedDict, at
from .marks import ANY_CLOCK, seconds_in

Units = list[tuple[str, Any]]  # (where, for messages; the segment)
ATTACHED = {"previous": (True, False), "next": (False, True), "both": (True, True)}  # Speechmatics' attaches_to


@dataclass(frozen=True)
class Shape:
    """One tool's layout: where its segments are and which fields hold text, time and speaker."""

    units: Callable[[Any], Units]
    start: Callable[[dict], float | str | None]  # seconds, what is wrong with the segment, or None: no time
    needs: str = "'start'"  # the time field, as a message names it
    text: str = "text"  # a string, or (in units built by `_unit`) a tuple of strings read one after another
    speaker: str = "speaker"


def _seconds_field(key: str) -> Callable[[dict], float | str]:
    def start(unit: dict) -> float | str:
        seconds = seconds_in(unit.get(key))
        return seconds if seconds is not None else (
            f"expected '{key}' as seconds (a number like 12.5), found {json.dumps(unit.get(key))}")
    return start


def _counted_field(key: str, per_second: int, unit_name: str, example: str) -> Callable[[dict], float | str]:
    """A time counted in milliseconds (`per_second` 1000) or Azure's ticks of 100 ns (10**7)."""
    def start(unit: dict) -> float | str:
        count = seconds_in(unit.get(key))
        return count / per_second if count is not None else (
            f"expected '{key}' in {unit_name} (a number like {example}), found {json.dumps(unit.get(key))}")
    return start


def _optional_seconds(key: str) -> Callable[[dict], float | str | None]:
    """A time some units lack (WhisperX leaves words it could not align, such as numbers, untimed)."""
    timed = _seconds_field(key)
    return lambda unit: None if unit.get(key) is None else timed(unit)


def _given(key: str) -> Callable[[dict], float | None]:
    """A time the units function worked out already (None where there is none)."""
    return lambda unit: unit.get(key)


def _duration(value: Any) -> float | None:
    """Protobuf's JSON durations (Google): "1.500s", or {"seconds": "1", "nanos": 500000000}."""
    if isinstance(value, str) and value.endswith("s"):
        return seconds_in(value[:-1])
    if isinstance(value, dict):
        seconds, nanos = seconds_in(value.get("seconds", 0)), seconds_in(value.get("nanos", 0))
        return seconds + nanos / 1e9 if seconds is not None and nanos is not None else None
    return None


def _chunk_start(chunk: dict) -> float | str:
    stamp = chunk.get("timestamp")
    start = seconds_in(stamp[0]) if isinstance(stamp, list) and len(stamp) == 2 else None
    end_ok = isinstance(stamp, list) and len(stamp) == 2 and (stamp[1] is None or seconds_in(stamp[1]) is not None)
    return start if start is not None and end_ok else (
        f"expected 'timestamp' as [start, end] in seconds (like [0.0, 2.5], end may be null), "
        f"found {json.dumps(stamp)}")


def _cpp_start(item: dict) -> float | str:
    offsets, stamps = item.get("offsets"), item.get("timestamps")
    millis = offsets.get("from") if isinstance(offsets, dict) else None
    if isinstance(millis, (int, float)) and seconds_in(millis) is not None:
        return float(millis) / 1000
    clock = stamps.get("from") if isinstance(stamps, dict) else None
    if isinstance(clock, str) and ANY_CLOCK.fullmatch(clock):
        return seconds_in(clock)  # type: ignore[return-value]
    return (f"expected 'offsets' with 'from' in milliseconds (like {{\"from\": 1500, \"to\": 2500}}) or "
            f"'timestamps' with 'from' like \"00:00:01,500\", found offsets {json.dumps(offsets)}, "
            f"timestamps {json.dumps(stamps)}")


def _listed(*keys: str) -> Callable[[Any], Units]:
    def units(data: Any) -> Units:
        found = at(data, *keys)
        return [(f"{'.'.join(keys)}[{i}]", unit) for i, unit in enumerate(found)] if isinstance(found, list) else []
    return units


def _assemblyai(key: str) -> Callable[[Any], Units]:
    """AssemblyAI's top-level `paragraphs`, `sentences` or `words`: named so plainly that other
    JSON has them too, so only where each item says how sure the recogniser was and its times
    are whole milliseconds."""
    listed = _listed(key)

    def units(data: Any) -> Units:
        found = listed(data)
        return found if found and all(isinstance(unit, dict) and "confidence" in unit and isinstance(
            unit.get("start"), int) for _, unit in found) else []
    return units


def _fractional(key: str) -> Callable[[Any], Units]:
    """Top-level `utterances` timed in seconds (Deepgram's, saved on their own), told from
    AssemblyAI's whole milliseconds by a start with a fraction."""
    listed = _listed(key)

    def units(data: Any) -> Units:
        found = listed(data)
        return found if any(isinstance(unit, dict) and isinstance(unit.get("start"), float)
                            and not unit["start"].is_integer() for _, unit in found) else []
    return units


def _segments(data: Any) -> Units:
    """Whisper's `segments`, or a bare list of segment objects."""
    if isinstance(data, list) and data and all(isinstance(s, dict) and "text" in s for s in data):
        return [(f"segments[{i}]", unit) for i, unit in enumerate(data)]
    return _listed("segments")(data)


def _segment_words(data: Any) -> Units:
    """Segments that list their words but leave out their text: each word a unit, with the
    segment's speaker and start when it has none of its own."""
    units: Units = []
    for s_index, segment in enumerate(_list(at(data, "segments"))):
        if not isinstance(segment, dict) or isinstance(segment.get("text"), str):
            continue
        for w_index, word in enumerate(_list(segment.get("words"))):
            if isinstance(word, LocatedDict) and isinstance(word.get("word"), str):
                units.append((f"segments[{s_index}].words[{w_index}]", _unit(
                    word, word=word["word"], start=word.get("start", segment.get("start")),
                    speaker=word.get("speaker", segment.get("speaker")))))
    return units


def _deepgram_sentences(data: Any) -> Units:
    """Deepgram's paragraphs: each sentence a unit, carrying its paragraph's speaker."""
    where = "results.channels[0].alternatives[0].paragraphs.paragraphs"
    paragraphs = at(data, "results", "channels", 0, "alternatives", 0, "paragraphs", "paragraphs")
    units: Units = []
    for p_index, paragraph in enumerate(paragraphs if isinstance(paragraphs, list) else []):
        sentences = paragraph.get("sentences") if isinstance(paragraph, dict) else None
        for s_index, sentence in enumerate(sentences if isinstance(sentences, list) else []):
            if isinstance(sentence, LocatedDict):
                sentence = _unit(sentence, **{**sentence, "speaker": paragraph.get("speaker")})
            units.append((f"{where}[{p_index}].sentences[{s_index}]", sentence))
    return units


def _unit(origin: dict, **fields: Any) -> LocatedDict:
    """A unit of fields gathered from around `origin` (nested in it, or its words'), located at it
    (`origin` has no location when the file is only being sniffed)."""
    unit = LocatedDict(fields)
    unit.start = getattr(origin, "start", -1)
    return unit


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _rev_monologues(data: Any) -> Units:
    """Rev.ai: a monologue's elements' values, the time of its first `text` element."""
    units: Units = []
    for index, monologue in enumerate(_list(at(data, "monologues"))):
        elements = [e for e in _list(at(monologue, "elements")) if isinstance(at(e, "value"), str)]
        words = [e for e in elements if e.get("type") == "text"]
        if words:
            speaker = next((name for name in (at(monologue, "speaker_name"), at(monologue, "speaker_info",
                            "display_name"), at(monologue, "speaker")) if name not in (None, "")), None)
            units.append((f"monologues[{index}]", _unit(monologue, value=tuple(e["value"] for e in elements),
                                                         ts=words[0].get("ts"), speaker=speaker)))
    return units


def _speechmatics_words(data: Any) -> Units:
    """Speechmatics: each word with the punctuation attached to it; `UU` is an unknown speaker."""
    units: Units = []
    glued = False  # the item before attaches to the next one
    for index, item in enumerate(_list(at(data, "results"))):
        content, kind = at(item, "alternatives", 0, "content"), at(item, "type")
        if not isinstance(content, str) or kind not in ("word", "punctuation"):
            continue
        attaches = item.get("attaches_to")
        if not isinstance(attaches, str):  # absent, or no text: what the kind of item usually does
            attaches = "previous" if kind == "punctuation" else "none"
        to_previous, to_next = ATTACHED.get(attaches, (False, False))
        if units and (to_previous or glued):
            units[-1][1]["content"] += (content,)
        else:
            speaker = at(item, "alternatives", 0, "speaker")
            units.append((f"results[{index}]", _unit(item, content=(content,), start_time=item.get("start_time"),
                                                       speaker=None if speaker == "UU" else speaker)))
        glued = to_next
    return units


def _scalar(value: Any) -> str | float | None:
    """A text or number to look up by; None for a list or an object where one was expected
    (the field's own check then reports it)."""
    return value if isinstance(value, (str, int, float)) else None


def _amazon_items(data: Any) -> Units:
    """Amazon Transcribe without `audio_segments`: each word item with the punctuation after
    it; the speaker from the item, or from `speaker_labels.segments` by its start time."""
    speakers = {_scalar(at(item, "start_time")): at(segment, "speaker_label")
                for segment in _list(at(data, "results", "speaker_labels", "segments"))
                for item in _list(at(segment, "items"))}
    units: Units = []
    for index, item in enumerate(_list(at(data, "results", "items"))):
        content = at(item, "alternatives", 0, "content")
        if not isinstance(content, str):
            continue
        if at(item, "type") == "punctuation" and units:
            units[-1][1]["content"] += (content,)
        elif at(item, "type") == "pronunciation":
            speaker = item.get("speaker_label") or speakers.get(_scalar(item.get("start_time")))
            units.append((f"results.items[{index}]", _unit(item, content=(content,), start_time=item.get("start_time"),
                                                            speaker=speaker)))
    return units


def _deepgram_words(data: Any) -> Units:
    """Deepgram's default response: words with their punctuated form, start and speaker."""
    where = "results.channels[0].alternatives[0].words"
    return [(f"{where}[{index}]", _unit(word, word=(word.get("punctuated_word") or word.get("word"),),
                                       start=word.get("start"), speaker=word.get("speaker")))
            for index, word in enumerate(_list(at(data, "results", "channels", 0, "alternatives", 0, "words")))
            if isinstance(word, dict) and isinstance(word.get("punctuated_word") or word.get("word"), str)]


def _google_results(data: Any) -> Units:
    """Google (and IBM Watson): each result's first alternative, timed by its first word, else
    by where the result before it ended when results say where they end (0 for the first)."""
    results = at(data, "results") if isinstance(at(data, "results"), list) else at(data, "response", "results")
    units: Units = []
    previous_end: float | None = 0.0
    for index, result in enumerate(_list(results)):
        transcript, end = at(result, "alternatives", 0, "transcript"), _duration(at(result, "resultEndTime"))
        if isinstance(transcript, str):
            first = at(result, "alternatives", 0, "words", 0)
            starts = (_duration(at(first, "startTime")), _duration(at(first, "startOffset")),  # v1, v2
                      seconds_in(at(result, "alternatives", 0, "timestamps", 0, 1)),  # Watson: [word, start, end]
                      previous_end if end is not None else None)
            start = next((seconds for seconds in starts if seconds is not None), None)
            speaker = at(first, "speakerLabel") or at(first, "speakerTag")
            units.append((f"results[{index}]", _unit(result, transcript=transcript, startTime=start, speaker=speaker)))
        previous_end = end if end is not None else _duration(at(result, "resultEndOffset"))
    return units


def _azure_phrases(data: Any) -> Units:
    """Azure: each recognised phrase's best reading for display (phrases not recognised have none)."""
    units: Units = []
    for index, phrase in enumerate(_list(at(data, "recognizedPhrases"))):
        display = at(phrase, "nBest", 0, "display")
        if isinstance(display, str):
            units.append((f"recognizedPhrases[{index}]", _unit(phrase, display=display, speaker=phrase.get("speaker"),
                                                                 offsetInTicks=phrase.get("offsetInTicks"))))
    return units


def _youtube_events(data: Any) -> Units:
    """YouTube json3: each event's `segs`, when they hold words."""
    units: Units = []
    for index, event in enumerate(_list(at(data, "events"))):
        segs = tuple(seg["utf8"] for seg in _list(at(event, "segs")) if isinstance(at(seg, "utf8"), str))
        if "".join(segs).strip():
            units.append((f"events[{index}]", _unit(event, utf8=segs, tStartMs=event.get("tStartMs"))))
    return units


SHAPES = (
    Shape(_segments, _seconds_field("start")),
    Shape(_listed("segments"), _seconds_field("startTime"), needs="'startTime'", text="body"),  # Podcasting 2.0
    Shape(_segment_words, _optional_seconds("start"), text="word"),  # Whisper words without segment text
    Shape(_listed("word_segments"), _optional_seconds("start"), text="word"),  # WhisperX's words alone
    Shape(_listed("data", "transcript", "sentences"), _seconds_field("start_time"), needs="'start_time'",
          speaker="speaker_name"),  # Fireflies.ai's API
    Shape(_listed("speakers"), _chunk_start, needs="'timestamp'"),  # insanely-fast-whisper, diarized
    Shape(_listed("chunks"), _chunk_start, needs="'timestamp'"),
    Shape(_listed("transcription"), _cpp_start, needs="'offsets'"),
    Shape(_fractional("utterances"), _seconds_field("start")),  # Deepgram's utterances alone
    Shape(_listed("utterances"), _counted_field("start", 1000, "milliseconds", "12500")),  # AssemblyAI
    Shape(_assemblyai("paragraphs"), _counted_field("start", 1000, "milliseconds", "12500")),  # ... its /paragraphs
    Shape(_assemblyai("sentences"), _counted_field("start", 1000, "milliseconds", "12500")),  # ... its /sentences
    Shape(_assemblyai("words"), _counted_field("start", 1000, "milliseconds", "12500")),  # ... its words, no speakers
    Shape(_listed("words"), _seconds_field("start"), text="word"),  # OpenAI's word timestamps alone
    Shape(_deepgram_sentences, _seconds_field("start")),
    Shape(_listed("results", "utterances"), _seconds_field("start"), text="transcript"),  # Deepgram
    Shape(_deepgram_words, _seconds_field("start"), text="word"),  # Deepgram's default response
    Shape(_listed("results", "audio_segments"), _seconds_field("start_time"), needs="'start_time'",
          text="transcript", speaker="speaker_label"),  # Amazon Transcribe
    Shape(_amazon_items, _seconds_field("start_time"), needs="'start_time'", text="content"),  # ... its items
    Shape(_rev_monologues, _seconds_field("ts"), needs="'ts'", text="value"),  # Rev.ai
    Shape(_speechmatics_words, _seconds_field("start_time"), needs="'start_time'", text="content"),
    Shape(_google_results, _given("startTime"), needs="'alternatives'", text="transcript"),  # Google, IBM Watson
    Shape(_azure_phrases, _counted_field("offsetInTicks", 10_000_000, "ticks of 100 ns", "15000000"),
          needs="'offsetInTicks'", text="display"),  # Azure batch transcription
    Shape(_youtube_events, _counted_field("tStartMs", 1000, "milliseconds", "12500"), needs="'tStartMs'",
          text="utf8"),  # YouTube json3
)
