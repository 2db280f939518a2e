"""Speech-to-text JSON, one block per segment (utterance, chunk), in the shapes tools export:
the layouts of Whisper, Hugging Face transformers, whisper.cpp, AssemblyAI, Deepgram, Amazon
Transcribe, insanely-fast-whisper, Podcasting 2.0, Rev.ai, Speechmatics, Google, IBM Watson,
Azure and YouTube json3, each described in `speech_shapes.py`.

Where two shapes name the same list (`segments`), the one whose text field the first item
has is chosen.

Without any of these, the whole text of `{"text": ...}` (OpenAI's `json`), Deepgram's `alternatives[0].transcript`, Transcribe's `transcripts[0].transcript` or
Azure's `combinedRecognizedPhrases[0].display` is one block without a time. Times may be
numbers, numeric strings or clocks; a numeric or one-letter speaker id (`0`, `"A"`) is named
`Speaker 0`, `Speaker A`. Where no segment names a speaker, a diarization id a script wrote
into the text (`"[SPEAKER_00]: Welcome."`) does; whisper.cpp's tinydiarize `speaker_turn_next`
starts a new, unnamed speaker's turn at the next segment.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import TranscriptError, line_of
from ..model import Block
from .marks import find_label, is_diarized
from .jsonmap import LocatedDict, LocatedStr, at, describe, mapped_literal, mapped_pieces, parse_located
from .source import Reading
from .speech_shapes import SHAPES, Shape, Units

EXAMPLE = '{"segments": [{"start": 0.0, "end": 2.5, "text": "Hello."}]}'
EXPECTED = (f"Whisper JSON like {EXAMPLE} (or a bare list of those segments), transformers ASR JSON like "
            '{"chunks": [{"timestamp": [0.0, 2.5], "text": "Hello."}]}, whisper.cpp JSON like '
            '{"transcription": [{"offsets": {"from": 0, "to": 2500}, "text": "Hello."}]}, Podcasting 2.0 JSON like '
            '{"segments": [{"startTime": 0.0, "body": "Hello."}]}, AssemblyAI '
            "'utterances', 'paragraphs', 'sentences' or 'words', Deepgram 'results' with 'paragraphs' or 'utterances', Amazon Transcribe "
            "'audio_segments', Rev.ai 'monologues', Speechmatics or Google 'results', Azure 'recognizedPhrases', "
            "YouTube json3 'events', or a whole transcript as {\"text\": \"Hello.\"}")
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*")
# Whisper's own names for the languages it detects most often (the OpenAI API reports names).
LANGUAGE_NAMES = {"english": "en", "chinese": "zh", "german": "de", "spanish": "es", "russian": "ru",
                  "korean": "ko", "french": "fr", "japanese": "ja", "portuguese": "pt", "turkish": "tr",
                  "polish": "pl", "catalan": "ca", "dutch": "nl", "arabic": "ar", "swedish": "sv",
                  "italian": "it", "indonesian": "id", "hindi": "hi", "finnish": "fi", "vietnamese": "vi",
                  "hebrew": "he", "ukrainian": "uk", "greek": "el", "czech": "cs", "danish": "da",
                  "norwegian": "no", "romanian": "ro", "hungarian": "hu", "thai": "th"}


def read_whisper(source: str, path: Path) -> Reading:
    data = parse_located(source, path, EXPECTED)
    shape, units = _shape_of(data)
    if shape is not None:
        blocks = [_block(source, unit, where, shape, path) for where, unit in units]
        # whisper.cpp's tinydiarize marks where the speaker changes, after the segment ("speaker_turn_next")
        turns = [isinstance(unit, dict) and unit.get("speaker_turn_next") is True for _, unit in units]
        blocks = [replace(block, new_turn=True) if index and turns[index - 1] else block
                  for index, block in enumerate(blocks)]
    else:
        blocks = _whole_text(source, data, path)
    blocks = [block for block in blocks if block.text.text]
    if not any(block.speaker for block in blocks):
        blocks = [_id_in_text(block) for block in blocks]
    return Reading(tuple(blocks), title=_title(data), language=_language(data))


def _id_in_text(block: Block) -> Block:
    """A diarization script's id written into the segment's text (`"[SPEAKER_00]: Welcome."`)."""
    text = block.text.text
    start = len(text) - len(text.lstrip())
    label = find_label(text, start, len(text), tentative=True)
    if label is None or not is_diarized(label.name) or label.end >= len(text):
        return block
    return replace(block, speaker=label.name, text=block.text.slice(label.end, len(text)))


def looks_like_speech_json(source: str) -> bool:
    """Content sniffing: JSON in one of the shapes above."""
    try:
        data = json.loads(source)
    except ValueError:
        return False
    return _shape_of(data)[0] is not None or _whole_text_literal(data) is not None


def _shape_of(data: Any) -> tuple[Shape | None, Units]:
    """The first shape with segments in `data` whose first segment has the shape's text
    field (else the first with segments, to report what is wrong), and those segments."""
    found = [(shape, units) for shape in SHAPES for units in [shape.units(data)] if units]
    fitting = [(shape, units) for shape, units in found if isinstance(units[0][1], dict) and shape.text in units[0][1]]
    return (fitting or found or [(None, [])])[0]


def _whole_text(source: str, data: Any, path: Path) -> list[Block]:
    """The one block of a transcript without segments; none when its segments or text are empty."""
    text = _whole_text_literal(data)
    if text is not None:
        return [Block(mapped_literal(source, text.start), line_of(source, text.start))]
    if data == [] or isinstance(data, dict) and (isinstance(data.get("text"), str) or any(
            isinstance(data.get(key), list) for key in ("segments", "chunks", "transcription", "utterances",
                                                       "monologues", "recognizedPhrases"))):
        return []  # an empty transcript, reported as such
    raise TranscriptError(path, 1, f"expected a 'segments', 'chunks', 'transcription' or 'utterances' list, "
                          f"or a 'text': {EXPECTED}; found {describe(data)}")


def _whole_text_literal(data: Any) -> LocatedStr | None:
    for keys in (("text",), ("results", "channels", 0, "alternatives", 0, "transcript"),
                 ("results", "transcripts", 0, "transcript"), ("combinedRecognizedPhrases", 0, "display")):
        text = at(data, *keys)
        if isinstance(text, str) and text.strip():
            return text  # type: ignore[return-value]
    return None


def _block(source: str, unit: Any, where: str, shape: Shape, path: Path) -> Block:
    if not isinstance(unit, LocatedDict):
        line = line_of(source, unit.start) if hasattr(unit, "start") else _list_line(source, where)
        raise TranscriptError(path, line, f"{where}: expected an object with {shape.needs} and '{shape.text}', "
                              f"found {json.dumps(unit)[:60]}")
    line = line_of(source, unit.start)
    time, text, speaker = shape.start(unit), unit.get(shape.text), _speaker(unit.get(shape.speaker))
    if isinstance(time, str):
        raise TranscriptError(path, line, f"{where}: {time}")
    if not isinstance(text, (LocatedStr, tuple)):
        raise TranscriptError(path, line, f"{where}: expected '{shape.text}' as a string, found {json.dumps(text)}")
    if speaker is False:
        raise TranscriptError(path, line, f"{where}: expected '{shape.speaker}' as a string or a number, "
                              f"found {json.dumps(unit.get(shape.speaker))}")
    mapped = mapped_pieces(source, text) if isinstance(text, tuple) else mapped_literal(source, text.start)
    first = text[0] if isinstance(text, tuple) else text
    return Block(mapped, line_of(source, first.start), speaker or None, time)


def _list_line(source: str, where: str) -> int:
    """The line of the key naming the list an item is in ("segments" of "segments[3]"), for
    an item that is no object (null, a number), whose own place JSON parsing does not keep."""
    key = where.split("[", 1)[0].rsplit(".", 1)[-1]
    found = source.find(f'"{key}"')
    return line_of(source, found) if found >= 0 else 1


def _speaker(value: Any) -> str | None | bool:
    """A speaker name; None when there is none; False when the value cannot be one."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return f"Speaker {value}"
    if not isinstance(value, str):
        return False
    value = value.strip()
    return f"Speaker {value}" if len(value) == 1 and value.isalnum() else value


def _title(data: Any) -> str | None:
    """The title some tools' exports carry (Fireflies.ai, Otter's JSON)."""
    for keys in (("title",), ("data", "transcript", "title")):
        value = at(data, *keys)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _language(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    for keys in (("language",), ("language_code",), ("result", "language"), ("results", "language_code"),
                 ("results", "channels", 0, "detected_language"), ("metadata", "transcription_config", "language"),
                 ("results", 0, "languageCode"), ("recognizedPhrases", 0, "locale")):
        value = at(data, *keys)
        if isinstance(value, str) and value.strip():
            tag = LANGUAGE_NAMES.get(value.strip().lower(), value.strip())
            return tag.split("_")[0].split("-")[0].lower() if LANGUAGE_TAG.fullmatch(tag.replace("_", "-")) else None
    return None


