"""Transcripts as tables (.csv, .tsv): one block per row, the columns named by a header row.

Transcription tools export spreadsheets of segments (`Start,End,Speaker,Text`). The text
column is the one named `text`, `transcript`, `content`, `utterance`, `caption` or similar;
the start and the speaker come from columns named like them (`start`, `start time`,
`begin`, `timestamp`; `speaker`, `name`), when there are such columns. Times are seconds,
clocks (`00:01:02.500`, `1:02`) or, in a column whose name says so (`start_ms`),
milliseconds; so are whole numbers that would make each segment minutes long (Whisper's .tsv). The separator is a tab in .tsv files and whichever of `,` `;` or a tab the
header uses in .csv files. Quoted fields follow RFC 4180 (`"a ""quoted"" word"`, line
breaks inside quotes), and every character still maps to the file: a doubled quote reads as
the one quote it stands for. Hand-made exports often leave a separator inside the text
unquoted (`0,Ann,Hello, welcome`): when the text is the last column, the rest of the row is
its text; elsewhere that is an error naming the line.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

from ..errors import TranscriptError, line_of
from ..model import Block
from ..textmap import MappedText
from .marks import NUMBER, seconds_in
from .source import Reading, quote

TEXT_COLUMNS = ("text", "transcript", "transcription", "content", "utterance", "sentence", "caption",
                "subtitle", "words", "body", "dialogue")
START_COLUMNS = ("start", "start time", "starttime", "start seconds", "start ms", "begin", "from", "in",
                 "timestamp", "time", "start timecode", "timecode in", "offset")
SPEAKER_COLUMNS = ("speaker", "speaker name", "speaker label", "name", "who", "participant", "voice")
SEPARATORS = (",", ";", "\t")
WHOLE = re.compile(r"\d+")
MILLISECOND_SPAN = 250  # a typical segment this long in whole numbers is milliseconds: 4 minutes a segment is none
EXAMPLE = "Start,End,Speaker,Text / 0.0,2.5,Ann,Hello."

Field = MappedText
Row = tuple[int, list[Field]]  # (offset where the row starts, its fields)


def read_table(source: str, path: Path) -> Reading:
    separator = "\t" if path.suffix.lower() == ".tsv" else _separator(source)
    rows = [row for row in _rows(source, separator, path) if any(field.text.strip() for field in row[1])]
    if not rows:
        return Reading(())
    header_at, header = rows[0]
    header = _without_trailing_empties(header)  # a header row ending in the separator
    names = [_column_name(field.text) for field in header]
    text_column = _find(names, TEXT_COLUMNS)
    if text_column is None:
        raise TranscriptError(path, line_of(source, header_at), "expected a header row naming the text column "
                              f"({', '.join(TEXT_COLUMNS[:5])}, ...), like {EXAMPLE}; "
                              f"found {quote(', '.join(field.text for field in header))}")
    start_column, speaker_column = _find(names, START_COLUMNS), _find(names, SPEAKER_COLUMNS)
    lines = []
    for offset, fields in rows[1:]:
        line = line_of(source, offset)
        fields = _fitted(fields, len(header), text_column, separator, path, line)
        if text_column >= len(fields):
            raise TranscriptError(path, line, f"has {len(fields)} fields, but the text is column "
                                  f"{text_column + 1} ({quote(header[text_column].text)})")
        lines.append((line, fields))
    in_milliseconds = start_column is not None and (re.search(r"\bms\b|milli", names[start_column]) is not None
                                                    or _whole_milliseconds(lines, start_column, _find(names, ("end",))))
    blocks = [Block(fields[text_column].strip(), line, _cell(fields, speaker_column) or None,
                    _seconds(_cell(fields, start_column), in_milliseconds, path, line)) for line, fields in lines]
    return Reading(tuple(block for block in blocks if block.text.text))


def _whole_milliseconds(lines: list[tuple[int, list[Field]]], start: int, end: int | None) -> bool:
    """Times in whole numbers that only make sense as milliseconds, as Whisper writes its .tsv
    (`start	end	text` / `2400	5100	Hello`): segments lasting minutes each, if they were seconds."""
    if end is None:  # starts alone may be far apart: a paragraph every five minutes is no proof
        return False
    starts, ends = [_cell(fields, start) for _, fields in lines], [_cell(fields, end) for _, fields in lines]
    if not starts or not all(WHOLE.fullmatch(value) for value in (*starts, *ends)):
        return False
    return statistics.median(int(b) - int(a) for a, b in zip(starts, ends)) >= MILLISECOND_SPAN


def _fitted(fields: list[Field], columns: int, text_column: int, separator: str, path: Path, line: int) -> list[Field]:
    """A row with more fields than the header has columns: when the text is the last column,
    its words held the separator unquoted ("Hello, welcome"), so the rest is text again;
    otherwise the row cannot be read without guessing."""
    if len(fields) > columns:
        fields = [*fields[:columns], *_without_trailing_empties(fields[columns:])]  # "a,b," ends with an empty field
    if len(fields) <= columns:
        return fields
    if text_column == columns - 1:
        return [*fields[:text_column], MappedText.join(fields[text_column:], separator)]
    raise TranscriptError(path, line, f"has {len(fields)} fields but the header names {columns}; put a field "
                          f"that holds {quote(separator)} in double quotes")


def _without_trailing_empties(fields: list[Field]) -> list[Field]:
    while fields and not fields[-1].text.strip():
        fields = fields[:-1]
    return fields


def _cell(fields: list[Field], column: int | None) -> str:
    return fields[column].text.strip() if column is not None and column < len(fields) else ""


def _separator(source: str) -> str:
    """The separator the header row uses most."""
    header = source.split("\n", 1)[0]
    return max(SEPARATORS, key=lambda separator: (header.count(separator), -SEPARATORS.index(separator)))


def _rows(source: str, separator: str, path: Path) -> list[Row]:
    """RFC 4180 rows, each field mapped to the characters of the file it was read from."""
    rows: list[Row] = []
    fields: list[Field] = []
    position, row_start = 0, 0
    while position <= len(source):
        if source.startswith('"', position):
            field, position = _quoted(source, position, path)
        else:
            end = min((i for i in (source.find(separator, position), source.find("\n", position)) if i >= 0),
                      default=len(source))
            field, position = MappedText.verbatim(source, position, end), end
        fields.append(field)
        if position < len(source) and source[position] == separator:
            position += 1
            continue
        rows.append((row_start, fields))
        fields, position = [], position + 1  # past the newline (or the end)
        row_start = position
    return rows


def _quoted(source: str, start: int, path: Path) -> tuple[Field, int]:
    """A field in double quotes from `start`: its text (a doubled quote is one quote) and where it ends."""
    text, offsets = [], []
    position = start + 1
    while True:
        close = source.find('"', position)
        if close < 0:
            raise TranscriptError(path, line_of(source, start), "has a quoted field that never ends; "
                                  'a quote inside a quoted field is written twice ("")')
        text.append(source[position:close])
        offsets.extend(range(position, close))
        if not source.startswith('"', close + 1):
            break
        text.append('"')
        offsets.append(close)
        position = close + 2
    end = close + 1
    while end < len(source) and source[end] in " \t\r" and source[end] not in "\n":
        end += 1  # spaces after the closing quote
    return MappedText.from_offsets("".join(text), offsets), end


def _column_name(name: str) -> str:
    """'Start Time (s)' -> 'start time', 'speaker_label' -> 'speaker label'."""
    name = re.sub(r"\([^)]*\)", " ", name.lower().lstrip("\ufeff"))
    return " ".join(re.sub(r"[^\w]+|_", " ", name).split())


def _find(names: list[str], wanted: tuple[str, ...]) -> int | None:
    """The first column whose name is one of `wanted` (in the order of `wanted`)."""
    for candidate in wanted:
        if candidate in names:
            return names.index(candidate)
    for candidate in wanted:  # 'start ms', 'speaker id': the name with a unit or a qualifier after it
        for index, name in enumerate(names):
            if name.split()[:1] == [candidate]:
                return index
    return None


def _seconds(value: str, in_milliseconds: bool, path: Path, line: int) -> float | None:
    if not value:
        return None
    seconds = seconds_in(value)
    if seconds is not None:
        return seconds / 1000 if in_milliseconds and NUMBER.fullmatch(value) else seconds
    raise TranscriptError(path, line, f"expected a start time in seconds (12.5) or as a clock (00:00:12.500), "
                          f"found {quote(value)}")
